// /wp-json/oembed/1.0/proxy as WordPress's WP_oEmbed_Controller::get_proxy_item: only a signed-in
// user who may edit posts (application password here, as the other REST tests sign in), the
// provider's answer fetched through the SSRF-safe fetch (a loopback provider, allowed as the
// linkback tests allow their peer) and cached in the database, its html never the provider's own,
// and WordPress's REST errors.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startPeer, type PeerRoute } from "../support/peer";

process.env.AUTH_SECRET = "unit-test-secret";
vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { makePost, makeUser } = await import("../support/factories");
const { createAppPassword } = await import("@/lib/auth/app-passwords");
const { updateOptions } = await import("@/db/queries/options");
const { queryRow, rawSql } = await import("@/db");
const { permalinkOf } = await import("@/lib/site/urls");
const { getOptions } = await import("@/db/queries/options");
const route = await import("@/app/wp-json/[[...route]]/route");

let handler: PeerRoute = () => undefined;
let peer: Awaited<ReturnType<typeof startPeer>>;
type Who = { login: string; password: string } | null;

async function proxy(query: Record<string, string>, who: Who = null, headers: Record<string, string> = {}) {
  const url = new URL("/wp-json/oembed/1.0/proxy", "http://blog.test");
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const auth: Record<string, string> = who ? { authorization: `Basic ${Buffer.from(`${who.login}:${who.password}`).toString("base64")}` } : {};
  const res = await route.GET(new Request(url, { headers: { "x-inkwell-client-ip": "127.0.0.1", ...auth, ...headers } }), { params: Promise.resolve({ route: ["oembed", "1.0", "proxy"] }) });
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const who = async (role: Parameters<typeof makeUser>[0]) => {
  const u = await makeUser(role);
  return { id: u.id, login: u.login, password: (await createAppPassword(u.id, "test")).password };
};
let author: Awaited<ReturnType<typeof who>>, subscriber: typeof author, contributor: typeof author;
let answers = 0;
const toot = () => `${peer.origin}/@ann/42`;

beforeAll(async () => {
  peer = await startPeer((r) => handler(r));
  [author, subscriber, contributor] = [await who("author"), await who("subscriber"), await who("contributor")];
  handler = (r) => {
    if (r.path === "/@ann/42") return { body: `<html><head><link rel="alternate" type="application/json+oembed" href="${peer.origin}/api/oembed?url=${encodeURIComponent(toot())}"></head><body>toot</body></html>` };
    if (r.path.startsWith("/api/oembed")) {
      answers++;
      return {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "rich", version: "1.0", title: "Ann's toot", author_name: "Ann", author_url: `${peer.origin}/@ann`, provider_name: "Social", provider_url: peer.origin, width: 400, height: 300, thumbnail_url: `${peer.origin}/t.jpg`, extra: { nested: "<script>" },
          html: `<iframe src="${peer.origin}/@ann/42/embed" width="400" height="300"></iframe><script src="${peer.origin}/embed.js"></script>` }),
      };
    }
    if (r.path === "/@evil/1") return { body: `<html><head><link rel="alternate" type="application/json+oembed" href="${peer.origin}/api/evil"></head></html>` };
    if (r.path.startsWith("/api/evil")) return { headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "rich", title: "Evil", html: `<script>alert(1)</script><iframe src="https://tracker.example/x"></iframe>` }) };
    return undefined;
  };
});
afterAll(async () => await peer.close());

describe("who may ask", () => {
  it("answers nobody 401, a subscriber 403, in WordPress's REST error format", async () => {
    expect(await proxy({ url: toot() })).toMatchObject({ status: 401, body: { code: "rest_forbidden", message: "Sorry, you are not allowed to make proxied oEmbed requests.", data: { status: 401 } } });
    expect(await proxy({ url: toot() }, subscriber)).toMatchObject({ status: 403, body: { code: "rest_forbidden", data: { status: 403 } } });
    // A nonce without the signed-in cookie is nobody.
    expect((await proxy({ url: toot(), _wpnonce: "abc" })).status).toBe(401);
    expect(answers).toBe(0);
  });

  it("checks its arguments first, as WordPress's REST server does", async () => {
    expect(await proxy({})).toMatchObject({ status: 400, body: { code: "rest_missing_callback_param", data: { status: 400, params: ["url"] } } });
    expect(await proxy({ url: toot(), maxwidth: "wide" }, author)).toMatchObject({ status: 400, body: { code: "rest_invalid_param", data: { params: { maxwidth: "maxwidth is not of type integer." } } } });
    expect(await proxy({ url: toot(), discover: "perhaps" }, author)).toMatchObject({ status: 400, body: { code: "rest_invalid_param", data: { params: { discover: "discover is not of type boolean." } } } });
  });
});

describe("what it answers", () => {
  it("gives an author the provider's answer through the SSRF-safe fetch, its html cut to one sandboxed iframe, cached for the next ask", async () => {
    // The provider is on this machine: refused until the site allows the host, and nothing reaches it.
    const before = peer.requests.length;
    expect(await proxy({ url: toot() }, author)).toMatchObject({ status: 404, body: { code: "oembed_invalid_url", message: "Not Found", data: { status: 404 } } });
    expect(peer.requests.length).toBe(before);
    await updateOptions({ outbound_allow_hosts: "127.0.0.1" });

    const r = await proxy({ url: toot(), maxwidth: "500", maxheight: "400" }, contributor);
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/json/);
    expect(r.body).toMatchObject({ version: "1.0", type: "rich", title: "Ann's toot", author_name: "Ann", provider_name: "Social", width: 400, height: 300, thumbnail_url: `${peer.origin}/t.jpg` });
    expect(r.body.html).toBe(`<iframe src="${peer.origin}/@ann/42/embed" title="Ann&#039;s toot" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" referrerpolicy="strict-origin-when-cross-origin" style="display:block;width:100%;height:300px;border:0"></iframe>`);
    expect(r.body).not.toHaveProperty("extra");
    expect(answers).toBe(1);
    expect(peer.requests.at(-1)!.path).toMatch(/maxwidth=500&maxheight=400/);

    // The same arguments again: from the database, the provider is not asked.
    expect((await proxy({ url: toot(), maxwidth: "500", maxheight: "400" }, author)).body).toEqual(r.body);
    expect(answers).toBe(1);
    expect(Number((await queryRow<{ n: number | string }>(rawSql("SELECT count(*) AS n FROM oembed_cache")))!.n)).toBe(1);
    // Other arguments are another ask.
    await proxy({ url: toot() }, author);
    expect(answers).toBe(2);
  });

  it("drops a provider's scripts and frames of other hosts; discover=false asks no unknown provider", async () => {
    const r = await proxy({ url: `${peer.origin}/@evil/1` }, author);
    expect(r.status).toBe(200);
    expect(r.body.title).toBe("Evil");
    expect(r.body).not.toHaveProperty("html");
    const before = peer.requests.length;
    expect(await proxy({ url: `${peer.origin}/@nobody/1`, discover: "false" }, author)).toMatchObject({ status: 404, body: { code: "oembed_invalid_url" } });
    expect(peer.requests.length).toBe(before);
  });

  it("answers 404 for what is no URL, a page with no oEmbed, and private addresses", async () => {
    for (const url of ["not a url", "javascript:alert(1)", `${peer.origin}/nothing-here`, "http://10.0.0.1/x", "http://localhost/x", "http://[::1]/x"]) {
      expect(await proxy({ url }, author), url).toMatchObject({ status: 404, body: { code: "oembed_invalid_url", data: { status: 404 } } });
    }
  });

  it("answers this site's own posts with their card, and a known player with our sandboxed player", async () => {
    const post = await makePost(author.id, { title: "Our own post" });
    const link = `http://blog.test${await permalinkOf({ ...post, authorNicename: "x" }, await getOptions())}`;
    const own = await proxy({ url: link }, author);
    expect(own).toMatchObject({ status: 200, body: { type: "rich", title: "Our own post" } });
    expect(own.body.html).toContain('class="wp-embedded-content"');
    // The test machine reaches no provider: the player is still built from the URL, not cached.
    const yt = await proxy({ url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" }, author);
    expect(yt).toMatchObject({ status: 200, body: { type: "video", provider_name: "YouTube" } });
    expect(yt.body.html).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(yt.body.html).toContain("sandbox=");
  });

  it("is listed in the oEmbed namespace's routes", async () => {
    const res = await route.GET(new Request("http://blog.test/wp-json/oembed/1.0"), { params: Promise.resolve({ route: ["oembed", "1.0"] }) });
    expect(Object.keys((await res.json()).routes)).toContain("/oembed/1.0/proxy");
  });
});
