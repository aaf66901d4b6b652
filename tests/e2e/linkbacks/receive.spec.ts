// Receiving linkbacks over real HTTP: WordPress's recorded requests replayed byte for byte,
// the protocols' error answers, discovery on the post page, and a ping sent to a WordPress-like
// peer shown in the admin's ping view.
import fs from "node:fs";
import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";
import { cli, E2E_DB, linkbacksOf, pingsOf, readRows, startPeer, waitFor } from "../support/linkbacks";

test.describe.configure({ timeout: 60_000 });

const FIX = "/work/shared/fixtures/linkbacks";
/** The head and body of a recorded request, as they crossed the wire. */
function recorded(name: string) {
  const raw = fs.readFileSync(`${FIX}/${name}`, "latin1");
  const [head, body] = [raw.slice(0, raw.indexOf("\r\n\r\n")), raw.slice(raw.indexOf("\r\n\r\n") + 4)];
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n").slice(1)) {
    const i = line.indexOf(":");
    const k = line.slice(0, i).toLowerCase();
    if (!["host", "content-length", "connection", "accept-encoding"].includes(k)) headers[k] = line.slice(i + 1).trim();
  }
  return { headers, body: body.replace(/\n$/, "") };
}

const post = (slug: string) => `/2026/01/10/${slug}/`;

test.describe("TrackBack", () => {
  test("WordPress's recorded trackback is accepted, held, refused when repeated, and shown decoded once after approval", async ({ request, page, baseURL }) => {
    const { headers, body } = recorded("wp-trackback-request.txt");
    const url = `${post("lb-trackback-target")}trackback/`;
    const res = await request.post(url, { headers, data: Buffer.from(body, "latin1") });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/xml; charset=utf-8");
    expect(await res.text()).toBe(recorded("wp-trackback-response.txt").body + "\n");

    const again = await request.post(url, { headers, data: Buffer.from(body, "latin1") });
    expect(await again.text()).toContain("<error>1</error>\n<message>There is already a ping from that URL for this post.</message>");

    const rows = await linkbacksOf(E2E_DB, "lb-trackback-target");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: "trackback", status: "0", authorName: "WordPress peer" });
    // Held: not on the page yet.
    await page.goto(post("lb-trackback-target"));
    await expect(page.getByText("WordPress peer")).toHaveCount(0);

    cli(E2E_DB, "approve", "--id", String(rows[0]!.id));
    await page.goto(`${baseURL}${post("lb-trackback-target")}`);
    await expect(page.getByText("Trackback test 2026-11-25 12:51:51 — “quotes” & café")).toBeVisible();
    await expect(page.getByText("5 < 6 & an em dash", { exact: false })).toBeVisible();
    const text = await page.locator("body").innerText();
    expect(text).not.toContain("&#8220;");
    expect(text).not.toContain("&amp;");
    expect(text).not.toContain("&lt;");
  });

  test("the old address /wp-trackback.php?p=ID and every refusal answer in TrackBack XML", async ({ request }) => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const get = await request.get(`${post("lb-trackback-target")}trackback/`);
    expect(await get.text()).toContain("<error>1</error>");
    const noUrl = await request.post(`${post("lb-trackback-target")}trackback/`, { headers: form, data: "title=Hi" });
    expect(await noUrl.text()).toContain("<message>The url field is required.</message>");
    const closed = await request.post(`${post("lb-closed")}trackback/`, { headers: form, data: "url=http%3A%2F%2Fpeer.example%2Fx%2F" });
    expect(await closed.text()).toContain("Sorry, trackbacks are closed for this item.");
    const unknown = await request.post("/2026/01/10/no-such-post/trackback/", { headers: form, data: "url=http%3A%2F%2Fpeer.example%2Fx%2F" });
    expect(await unknown.text()).toContain("<error>1</error>");
    const json = await request.post(`${post("lb-trackback-target")}trackback/`, { headers: { "content-type": "application/json" }, data: "{}" });
    expect(await json.text()).toContain("application/x-www-form-urlencoded");
    const utf7 = await request.post(`${post("lb-trackback-target")}trackback/`, { headers: form, data: "url=http%3A%2F%2Fpeer.example%2Fu7%2F&charset=UTF-7" });
    expect(await utf7.text()).toContain("UTF-7");
    const huge = await request.post(`${post("lb-trackback-target")}trackback/`, { headers: form, data: "url=http%3A%2F%2Fpeer.example%2F&excerpt=" + "x".repeat(70_000) });
    expect(huge.status()).toBe(413);
    expect(await huge.text()).toContain("<error>1</error>");
    // Nothing half-stored by any refusal above.
    expect(await linkbacksOf(E2E_DB, "lb-closed")).toHaveLength(0);

    // WordPress's /wp-trackback.php?p=ID reaches the same post, with the same rules.
    const [{ id }] = await readRows<{ id: number }>(E2E_DB, "SELECT id FROM posts WHERE slug = ?", "lb-closed");
    const old = await request.post(`/wp-trackback.php?p=${id}`, { headers: form, data: "url=http%3A%2F%2Fpeer.example%2Fold%2F" });
    expect(await old.text()).toContain("Sorry, trackbacks are closed for this item.");
    const [{ id: openId }] = await readRows<{ id: number }>(E2E_DB, "SELECT id FROM posts WHERE slug = ?", "lb-webmention-target");
    const ok = await request.post(`/wp-trackback.php?p=${openId}`, { headers: form, data: "url=http%3A%2F%2Fpeer.example%2Fold%2F&title=Old+style" });
    expect(await ok.text()).toContain("<error>0</error>");
    const [row] = await linkbacksOf(E2E_DB, "lb-webmention-target");
    expect(row).toMatchObject({ type: "trackback", authorUrl: "http://peer.example/old/" });
    cli(E2E_DB, "delete", "--id", String(row!.id));
    expect((await request.post("/wp-trackback.php?p=abc", { headers: form, data: "url=http%3A%2F%2Fpeer.example%2Fx%2F" })).status()).toBe(200);
  });
});

test.describe("Pingback (XML-RPC)", () => {
  test("WordPress's recorded pingback.ping is verified against the source and stored; a repeat gets fault 48", async ({ request, baseURL }) => {
    const target = `${baseURL}${post("lb-pingback-target")}`;
    const peer = await startPeer((r, origin) =>
      r.path === "/2026/11/25/pingback-test/"
        ? { body: `<html><head><title>Pingback test on the peer</title></head><body><p>Some words before <a href="${target}">the target</a> and after.</p></body></html>` }
        : void origin,
    );
    try {
      const { headers, body } = recorded("wp-pingback-request.txt");
      const source = `${peer.origin}/2026/11/25/pingback-test/`;
      const replay = body
        .replace("http://127.0.0.1:8080/2026/11/25/pingback-test-2026-11-25-125152/", source)
        .replace("http://127.0.0.1:8089/posts/pingback-target", target);
      const res = await request.post("/xmlrpc.php", { headers, data: replay });
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toContain("text/xml");
      const xml = await res.text();
      expect(xml).toContain("<methodResponse><params><param><value><string>Pingback from");
      expect(peer.requests.map((r) => r.method + " " + r.path)).toEqual(["GET /2026/11/25/pingback-test/"]);

      const again = await request.post("/xmlrpc.php", { headers, data: replay });
      expect(await again.text()).toContain("<name>faultCode</name><value><int>48</int></value>");

      const [row] = await linkbacksOf(E2E_DB, "lb-pingback-target");
      expect(row).toMatchObject({ type: "pingback", status: "0", authorName: "Pingback test on the peer", authorUrl: source });
      expect(row!.content).toBe("[…] Some words before the target and after. […]");

      const list = (t: string) => `<?xml version="1.0"?><methodCall><methodName>pingback.extensions.getPingbacks</methodName><params><param><value><string>${t}</string></value></param></params></methodCall>`;
      expect(await (await request.post("/xmlrpc.php", { data: list(target) })).text()).toContain("<array><data></data></array>");
      cli(E2E_DB, "approve", "--id", String(row!.id));
      expect(await (await request.post("/xmlrpc.php", { data: list(target) })).text()).toContain(`<string>${source}</string>`);
    } finally {
      await peer.close();
    }
  });

  test("XML-RPC errors are faults with HTTP 200; GET is 405; a huge body is 413", async ({ request, baseURL }) => {
    const fault = async (data: string) => {
      const res = await request.post("/xmlrpc.php", { headers: { "content-type": "text/xml" }, data });
      expect(res.status()).toBe(200);
      return Number(/<name>faultCode<\/name><value><int>(-?\d+)<\/int>/.exec(await res.text())?.[1]);
    };
    const call = (m: string, ...p: string[]) => `<?xml version="1.0"?><methodCall><methodName>${m}</methodName><params>${p.map((x) => `<param><value><string>${x}</string></value></param>`).join("")}</params></methodCall>`;
    expect(await fault("<methodCall><methodName>pingback.ping")).toBe(-32700);
    expect(await fault('<!DOCTYPE a [<!ENTITY b "c">]><methodCall><methodName>&b;</methodName></methodCall>')).toBe(-32700);
    expect(await fault("<methodResponse/>")).toBe(-32600);
    expect(await fault(call("demo.sayHello"))).toBe(-32601);
    expect(await fault(call("pingback.ping", "http://a.example/"))).toBe(-32602);
    expect(await fault(call("pingback.ping", "http://169.254.169.254/", `${baseURL}${post("lb-pingback-target")}`))).toBe(16);
    expect(await fault(call("pingback.ping", "http://a.example/x", `${baseURL}/2026/01/10/nothing-here/`))).toBe(32);
    expect(await fault(call("pingback.ping", "http://a.example/x", `${baseURL}${post("lb-closed")}`))).toBe(33);
    const get = await request.get("/xmlrpc.php");
    expect(get.status()).toBe(405);
    expect(get.headers()["allow"]).toBe("POST");
    const methods = await (await request.post("/xmlrpc.php", { data: call("system.listMethods") })).text();
    expect(methods).toContain("<string>pingback.ping</string>");
    // Past the limit: 256 KB plus room for Settings → Media's 10 MB upload as base64 (XML-RPC publishing).
    const huge = await request.post("/xmlrpc.php", { headers: { "content-type": "text/xml" }, data: call("x", "y".repeat(15_000_000)) });
    expect(huge.status()).toBe(413);
  });
});

test.describe("Webmention", () => {
  test("a mention is accepted with 202 and verified in the background from the source's h-entry", async ({ request, baseURL }) => {
    const target = `${baseURL}${post("lb-webmention-target")}`;
    let html = `<div class="h-entry"><span class="p-author h-card"><a class="p-name u-url" href="http://carol.example/">Carol</a></span><div class="e-content">Replying to <a href="${target}">your post</a>.</div></div>`;
    let gone = false;
    const peer = await startPeer((r) => (r.path === "/note/1" ? (gone ? { status: 410, body: "" } : { body: html }) : undefined));
    const source = `${peer.origin}/note/1`;
    const form = { "content-type": "application/x-www-form-urlencoded" };
    try {
      const res = await request.post("/webmention/", { headers: form, data: new URLSearchParams({ source, target }).toString() });
      expect(res.status()).toBe(202);
      const row = await waitFor(async () => (await linkbacksOf(E2E_DB, "lb-webmention-target"))[0], 20_000, "webmention stored");
      expect(row).toMatchObject({ type: "webmention", status: "0", authorName: "Carol", content: "Replying to your post." });

      // A repeat after the source changed updates the same mention.
      html = html.replace("Replying to", "Still replying to");
      expect((await request.post("/webmention/", { headers: form, data: new URLSearchParams({ source, target }).toString() })).status()).toBe(202);
      await waitFor(async () => (await linkbacksOf(E2E_DB, "lb-webmention-target"))[0]?.content === "Still replying to your post.", 20_000, "update");
      expect(await linkbacksOf(E2E_DB, "lb-webmention-target")).toHaveLength(1);

      // The source now answers 410 Gone: the mention is removed.
      gone = true;
      expect((await request.post("/webmention/", { headers: form, data: new URLSearchParams({ source, target }).toString() })).status()).toBe(202);
      await waitFor(async () => (await linkbacksOf(E2E_DB, "lb-webmention-target")).length === 0, 20_000, "removal");
    } finally {
      await peer.close();
    }
  });

  test("bad requests get 400 at once", async ({ request, baseURL }) => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const target = `${baseURL}${post("lb-webmention-target")}`;
    const send = (data: string, headers = form) => request.post("/webmention/", { headers, data });
    expect((await send("source=http%3A%2F%2Fa.example%2F")).status()).toBe(400);
    expect((await send(new URLSearchParams({ source: "javascript:alert(1)", target }).toString())).status()).toBe(400);
    expect((await send(new URLSearchParams({ source: target, target }).toString())).status()).toBe(400);
    expect((await send(new URLSearchParams({ source: "http://a.example/", target: "http://elsewhere.example/p/" }).toString())).status()).toBe(400);
    expect((await send(new URLSearchParams({ source: "http://a.example/", target: `${baseURL}${post("lb-closed")}` }).toString())).status()).toBe(400);
    expect((await send("{}", { "content-type": "application/json" })).status()).toBe(400);
    expect((await send("source=" + "x".repeat(20_000))).status()).toBe(413);
  });
});

test("a post page advertises its endpoints: headers, <link> tags, the TrackBack RDF and URL", async ({ request, page, baseURL }) => {
  // WordPress discovers with HEAD first (fixtures/linkbacks/wp-ping-exchange.txt, request 2).
  const headRes = await request.head(post("lb-roundtrip-target"), { headers: { "user-agent": "WordPress/6.1.9; http://127.0.0.1:8080" } });
  expect(headRes.headers()["x-pingback"]).toBe(`${baseURL}/xmlrpc.php`);
  const res = await request.get(post("lb-roundtrip-target"));
  expect(res.headers()["x-pingback"]).toBe(`${baseURL}/xmlrpc.php`);
  expect(res.headers()["link"]).toContain(`<${baseURL}/webmention/>; rel="webmention"`);
  // A page served again from the page cache says the same.
  const hit = await request.get(post("lb-roundtrip-target"));
  expect(hit.headers()["x-inkwell-cache"]).toBe("hit");
  expect(hit.headers()["x-pingback"]).toBe(`${baseURL}/xmlrpc.php`);
  expect(hit.headers()["link"]).toContain(`<${baseURL}/webmention/>; rel="webmention"`);
  const html = await res.text();
  const head = html.slice(0, html.indexOf("</head>"));
  expect(head).toContain(`<link rel="pingback" href="${baseURL}/xmlrpc.php"/>`);
  expect(head).toContain(`<link rel="webmention" href="${baseURL}/webmention/"/>`);
  // And the REST API's root, as WordPress advertises it on every page (header and <head>).
  expect(hit.headers()["link"]).toContain(`<${baseURL}/wp-json/>; rel="https://api.w.org/"`);
  expect(head).toContain(`<link rel="https://api.w.org/" href="${baseURL}/wp-json/"/>`);
  expect(html).toContain(`trackback:ping="${baseURL}${post("lb-roundtrip-target")}trackback/"`);
  expect(html).toMatch(/<!--\s*<rdf:RDF[\s\S]*<\/rdf:RDF>\s*-->/);
  await page.goto(post("lb-roundtrip-target"));
  await expect(page.getByRole("link", { name: `${baseURL}${post("lb-roundtrip-target")}trackback/` })).toBeVisible();
  // Pings closed: no pingback link, no trackback URL.
  const closed = await (await request.get(post("lb-closed"))).text();
  expect(closed).not.toContain('rel="pingback"');
  expect(closed).not.toContain("trackback:ping");
});

test("a published post pings a WordPress-like peer from the job queue; its author sees the result", async ({ page, browser }) => {
  const peer = await startPeer((r, origin) => {
    if (r.path === "/wp/hello/") return { headers: { "x-pingback": `${origin}/xmlrpc.php` }, body: "<title>WP</title>" };
    if (r.path === "/xmlrpc.php" && r.method === "POST") return { headers: { "content-type": "text/xml" }, body: '<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse><params><param><value><string>Pingback registered (test receiver)</string></value></param></params></methodResponse>' };
    return undefined;
  });
  try {
    const slug = `lb-sender-${Date.now()}`;
    const published = cli<{ id: number; path: string }>(E2E_DB, "publish", "--title", "Linkbacks sender", "--slug", slug, "--content", `<p>I liked <a href="${peer.origin}/wp/hello/">this</a>.</p>`);
    const rpc = await waitFor(() => peer.requests.find((r) => r.path === "/xmlrpc.php"), 20_000, "pingback from the job");
    expect(rpc.body).toContain(`<string>${peer.origin}/wp/hello/</string>`);
    expect(rpc.body).toContain(`${published.path}</string>`);
    await waitFor(async () => (await pingsOf(E2E_DB, published.id))[0]?.status === "sent", 10_000, "ping recorded");

    await signInAs(page, "admin");
    await page.goto(`/admin/pings/${published.id}/`);
    await expect(page.getByRole("heading", { name: "Pings sent for “Linkbacks sender”" })).toBeVisible();
    const row = page.getByRole("row", { name: new RegExp(`${peer.origin}/wp/hello/`) });
    await expect(row.getByRole("cell", { name: "Pingback", exact: true })).toBeVisible();
    await expect(row.getByRole("cell", { name: "Sent", exact: true })).toBeVisible();

    // An author may not look at the admin's post.
    const ctx = await browser.newContext();
    const other = await ctx.newPage();
    await signInAs(other, "author");
    const res = await other.goto(`/admin/pings/${published.id}/`);
    expect(res?.status()).toBe(403);
    await ctx.close();
  } finally {
    await peer.close();
  }
});
