// What happens before a page renders (server/reader-routing.ts), and the server's routing of Node's
// request (server/routing.ts) over a real HTTP server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { decideReaderRequest } from "@/server/reader-routing";
import { route } from "@/server/routing";
import { keepPage } from "@/server/page-cache";
import { currentVersion } from "@/lib/site/cache";
import { insertComment } from "@/db/queries/comments";

let post: { id: number };
// A cookie keeps the page cache out of it.
const ask = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  decideReaderRequest({ method: init.method ?? "GET", headers: new Headers({ cookie: "reader=1", ...init.headers }), url: new URL(path, "http://blog.test") });

beforeAll(async () => {
  const u = await makeUser("author");
  post = await makePost(u.id, { title: "Routed", slug: "routed-post", date: "2026-04-02 08:00:00", dateGmt: "2026-04-02 08:00:00" });
});

describe("reader routing", () => {
  it("sends WordPress's plain and old addresses to the permalink with a 301", async () => {
    expect(await ask(`/?p=${post.id}`)).toEqual({ kind: "redirect", to: "/2026/04/02/routed-post/" });
    expect(await ask("/routed-post/")).toEqual({ kind: "redirect", to: "/2026/04/02/routed-post/" });
  });

  it("renders a post with a fresh nonce each time, and says it is a reader's page", async () => {
    const a = await ask("/2026/04/02/routed-post/");
    const b = await ask("/2026/04/02/routed-post/");
    expect(a).toMatchObject({ kind: "render", readerPage: true });
    const nonce = (d: typeof a) => (d.kind === "render" ? /'nonce-([^']+)'/.exec(d.csp)?.[1] : undefined);
    expect(nonce(a)).toBeTruthy();
    expect(nonce(a)).not.toBe(nonce(b));
    expect(a.kind === "render" && a.fill).toBeUndefined();
  });

  it("renders an anonymous reader's miss once, to be kept under its URL with the nonce it rendered with; then serves it", async () => {
    const anonymous = (path: string) => decideReaderRequest({ method: "GET", headers: new Headers(), url: new URL(path, "http://blog.test") });
    const miss = await anonymous("/2026/04/02/routed-post/?s=x&utm=1");
    expect(miss.kind === "render" && miss.fill).toBeUndefined();
    const first = await anonymous("/2026/04/02/routed-post/");
    if (first.kind !== "render" || !first.fill) throw new Error(`expected a fill, got ${JSON.stringify(first)}`);
    expect(first.fill).toEqual({ key: "/2026/04/02/routed-post/", nonce: expect.any(String), version: currentVersion() });
    expect(first.csp).toContain(`'nonce-${first.fill.nonce}'`);
    await keepPage(first.fill, { status: 200, contentType: "text/html", body: Buffer.from(`<p nonce="${first.fill.nonce}">Routed</p>`), setsCookie: false });
    const second = await anonymous("/2026/04/02/routed-post/");
    expect(second.kind).toBe("cached");
    // A draft's address or a 404 is rendered, never kept.
    const missing = await anonymous("/2026/04/02/no-such-post/");
    expect(missing.kind === "render" && missing.fill).toBeUndefined();
  });

  it("leaves the lost and reset password screens alone even when a post has their slug", async () => {
    const u = await makeUser("author");
    await makePost(u.id, { slug: "lost-password" });
    await makePost(u.id, { slug: "reset-password" });
    expect(await ask("/lost-password/")).toMatchObject({ kind: "render", readerPage: false });
    expect(await ask("/reset-password/?key=k&login=admin")).toMatchObject({ kind: "render", readerPage: false });
  });

  it("sends every feed to the feed route, Atom by its query", async () => {
    expect(await ask("/feed/")).toEqual({ kind: "rewrite", pathname: "/feeds/", search: "", fill: undefined });
    expect(await ask("/category/news/feed/atom/")).toMatchObject({ kind: "rewrite", pathname: "/feeds/category/news/", search: "?format=atom" });
    expect(await ask("/2026/04/02/routed-post/feed/")).toMatchObject({ kind: "rewrite", pathname: "/feeds/2026/04/02/routed-post/", search: "" });
  });

  it("sends a post's embed view (…/embed/, ?p=ID&embed=true) to the embed card's route, and nothing else", async () => {
    expect(await ask("/2026/04/02/routed-post/embed/")).toEqual({ kind: "rewrite", pathname: "/embed-card/2026/04/02/routed-post/", search: "" });
    expect(await ask(`/?p=${post.id}&embed=true`)).toEqual({ kind: "rewrite", pathname: "/embed-card/", search: `?p=${post.id}&embed=true` });
    expect((await ask("/embed/")).kind).not.toBe("rewrite");
    expect((await ask("/2026/04/02/routed-post/")).kind).toBe("render");
    expect(await ask("/embed-card/2026/04/02/routed-post/")).toEqual({ kind: "pass" });
  });

  it("gives the admin and form posts a nonce but no reader logic, and files nothing at all", async () => {
    expect(await ask("/admin/posts/")).toMatchObject({ kind: "render", readerPage: false });
    expect(await ask("/2026/04/02/routed-post/", { method: "POST" })).toMatchObject({ kind: "render", readerPage: false });
    expect(await ask("/wp-content/uploads/2026/04/a.png")).toEqual({ kind: "pass" });
    expect(await ask("/xmlrpc.php")).toEqual({ kind: "pass" });
  });
});

describe("the server's routing of Node's request", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => void route(req, res).then((routed) => {
      if (routed.answered) return;
      // What Next would get; Next sets its own Vary, replacing any already set (app-page's runtime).
      res.setHeader("vary", "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch");
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ url: req.url, csp: req.headers["content-security-policy"] ?? null, pingback: res.getHeader("x-pingback") ?? null, fill: routed.fill ?? null }));
    }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("answers a redirect itself, absolute, and hands the rest on with its nonce or rewrite", async () => {
    const r = await fetch(`${base}/?p=${post.id}`, { redirect: "manual", headers: { cookie: "reader=1" } });
    expect(r.status).toBe(301);
    expect(new URL(r.headers.get("location")!).pathname).toBe("/2026/04/02/routed-post/");

    const page = await (await fetch(`${base}/2026/04/02/routed-post/`, { headers: { cookie: "reader=1" } })).json();
    expect(page).toMatchObject({ url: "/2026/04/02/routed-post/", csp: expect.stringContaining("'nonce-"), fill: null });
    expect(page.pingback).toMatch(/\/xmlrpc\.php$/);

    const feed = await (await fetch(`${base}/category/news/feed/atom/`, { headers: { cookie: "reader=1" } })).json();
    expect(feed).toMatchObject({ url: "/feeds/category/news/?format=atom", csp: null });

    // An anonymous reader's miss: handed on with what the server needs to keep the render.
    const anonymous = await fetch(`${base}/2026/04/02/routed-post/?paged=1`);
    expect(anonymous.headers.get("x-inkwell-cache")).toBe("miss");
    expect((await anonymous.json()).fill).toMatchObject({ key: "/2026/04/02/routed-post/?paged=1", nonce: expect.any(String) });
  });

  it("says that a reader's page varies with Accept, rendered or cached, as the post's ActivityPub JSON at the same address does", async () => {
    const fields = (r: Response) => (r.headers.get("vary") ?? "").toLowerCase().split(/\s*,\s*/);
    const rendered = await fetch(`${base}/2026/04/02/routed-post/`, { headers: { cookie: "reader=1" } });
    expect(fields(rendered)).toEqual(expect.arrayContaining(["accept", "rsc", "next-router-state-tree"]));
    // The listings too (the home page, an archive), and the one not-found page.
    for (const path of ["/", "/2026/", "/no-such-page-anywhere/"]) expect(fields(await fetch(`${base}${path}`, { headers: { cookie: "reader=1" } })), path).toContain("accept");

    // The same post from the page cache.
    const miss = await fetch(`${base}/2026/04/02/routed-post/?paged=2`);
    const { fill } = await miss.json();
    expect(fields(miss)).toContain("accept");
    await keepPage(fill, { status: 200, contentType: "text/html; charset=utf-8", body: Buffer.from(`<p nonce="${fill.nonce}">Routed</p>`), setsCookie: false });
    const hit = await fetch(`${base}/2026/04/02/routed-post/?paged=2`);
    expect(hit.headers.get("x-inkwell-cache")).toBe("hit");
    expect(fields(hit)).toEqual(expect.arrayContaining(["accept", "accept-encoding", "cookie"]));

    // What an ActivityPub client gets at that address.
    const json = await fetch(`${base}/2026/04/02/routed-post/`, { headers: { accept: "application/activity+json" } });
    expect(json.headers.get("content-type")).toBe("application/activity+json");
    expect(fields(json)).toContain("accept");

    // A comment's ActivityPub id sends a browser to the comment, a fediverse server gets its Note.
    const c = await insertComment({ postId: post.id, type: "comment", status: "1", authorName: "Reader", content: "Nice.", date: "2026-04-03 10:00:00", dateGmt: "2026-04-03 10:00:00" });
    const toComment = await fetch(`${base}/?c=${c.id}`, { redirect: "manual" });
    expect(toComment.status).toBe(302);
    expect(fields(toComment)).toContain("accept");

    // Screens that only ever answer HTML do not say it.
    expect(fields(await fetch(`${base}/admin/posts/`, { headers: { cookie: "reader=1" } }))).not.toContain("accept");
  });
});
