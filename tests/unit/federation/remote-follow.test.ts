// "Follow from your server": the widget's form (GET /fediverse/follow/?instance=…) looks up the
// reader's server's WebFinger subscribe template through the SSRF-safe fetch and redirects there;
// without a template, to Mastodon's /authorize_interaction; a private address is refused without
// being fetched. Two small WebFinger servers on loopback stand in for fediverse servers.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
const PG = /^postgres/.test(process.env.DATABASE_URL ?? "");
const WITH = PG ? 5554 : 5544;
const WITHOUT = PG ? 5555 : 5545;
process.env.SITE_URL = "https://blog.example";

const { GET } = await import("@/app/fediverse/follow/route");
const { parseInstance } = await import("@/lib/federation/remote-follow");
const { updateOptions } = await import("@/db/queries/options");

const asked: string[] = [];
let servers: http.Server[] = [];
function listen(port: number, handler: http.RequestListener) {
  const s = http.createServer(handler);
  return new Promise<http.Server>((r) => s.listen(port, "127.0.0.1", () => r(s)));
}

beforeAll(async () => {
  servers = [
    await listen(WITH, (req, res) => {
      asked.push(req.url!);
      res.writeHead(200, { "content-type": "application/jrd+json" });
      res.end(JSON.stringify({ subject: "acct:x@y", links: [{ rel: "self", href: "https://x" }, { rel: "http://ostatus.org/schema/1.0/subscribe", template: `http://127.0.0.1:${WITH}/authorize_follow?acct={uri}` }] }));
    }),
    await listen(WITHOUT, (_req, res) => {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("no webfinger here");
    }),
  ];
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
});

/** Where the page sends the reader: its refresh target, which its link repeats. */
async function onward(res: Response) {
  expect(res.status).toBe(200);
  const html = await res.text();
  const refresh = /<meta http-equiv="refresh" content="0;url=([^"]+)">/.exec(html)?.[1]?.replace(/&amp;/g, "&");
  expect(html).toContain(`<a href="${refresh!.replace(/&/g, "&amp;")}">`);
  return refresh;
}

const follow = (instance: string, ip = "203.0.113.7") =>
  GET(new Request(`https://blog.example/fediverse/follow/?instance=${encodeURIComponent(instance)}`, { headers: { "x-inkwell-client-ip": ip } }));

describe("follow from your server", () => {
  it("redirects to the server's subscribe template with the blog's handle", async () => {
    await updateOptions({ activitypub_blog_identifier: "notes" });
    const res = await follow(`http://127.0.0.1:${WITH}`);
    expect(await onward(res)).toBe(`http://127.0.0.1:${WITH}/authorize_follow?acct=${encodeURIComponent("notes@blog.example")}`);
    // The server's own instance account was asked for (the reader typed only the server).
    expect(decodeURIComponent(asked.at(-1)!)).toBe(`/.well-known/webfinger?resource=acct:127.0.0.1@127.0.0.1:${WITH}`);
  });

  it("falls back to /authorize_interaction when the server has no subscribe template", async () => {
    const res = await follow(`http://127.0.0.1:${WITHOUT}`);
    expect(await onward(res)).toBe(`http://127.0.0.1:${WITHOUT}/authorize_interaction?uri=${encodeURIComponent("notes@blog.example")}`);
  });

  it("refuses a private address or a name that is not a server, with a page saying so", async () => {
    for (const [instance, message] of [["10.1.2.3", "is not a public server"], ["192.168.1.20:8080", "is not a public server"], ["localhost", "not a server name"], ["", "Type your server"], ["https://a b", "not a server name"]] as const) {
      const res = await follow(instance);
      expect(res.status, instance).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      const html = await res.text();
      expect(html, instance).toContain(message);
      expect(html).toContain("@notes@blog.example");
    }
  });

  it("says so when the server cannot be reached", async () => {
    const res = await follow("http://127.0.0.1:5559");
    expect(res.status).toBe(502);
    expect(await res.text()).toContain("could not be reached");
  });

  it("reads server names and addresses", () => {
    expect(parseInstance(" mastodon.social ")).toEqual({ origin: "https://mastodon.social", host: "mastodon.social", account: undefined });
    expect(parseInstance("@ada@fosstodon.org")).toEqual({ origin: "https://fosstodon.org", host: "fosstodon.org", account: "ada@fosstodon.org" });
    expect(parseInstance("https://social.example/about")).toMatchObject({ origin: "https://social.example" });
  });
});
