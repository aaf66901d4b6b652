// The read cache (lib/site/cache.ts) and the page cache on top of it (server/page-cache.ts): one
// way to forget, the content version; one rule for what a page view the cache may take is; and a
// miss kept from the render the reader got, never from a render that saw a write.
import { describe, expect, it } from "vitest";
import { cached, clearReadCache, peek, syncWithDatabase } from "@/lib/site/cache";
import { updateOptions } from "@/db/queries/options";
import { getCachedPage, isCacheablePageView, keepPage } from "@/server/page-cache";
import { withFreshNonce } from "@/lib/security/csp";

const page = (body: string, more: Partial<{ status: number; contentType: string; setsCookie: boolean }> = {}) => ({
  status: 200, contentType: "text/html; charset=utf-8", body: Buffer.from(body), setsCookie: false, ...more,
});

describe("read cache", () => {
  it("serves a cached value until the content version moves, then loads it again", async () => {
    let loads = 0;
    const load = () => ++loads;
    await syncWithDatabase();
    expect(await cached("k1", load)).toBe(1);
    expect(await cached("k1", load)).toBe(1);
    await syncWithDatabase();
    expect(await cached("k1", load)).toBe(1);
    await updateOptions({ blogdescription: `moved ${Date.now()}` });
    await syncWithDatabase();
    expect(await cached("k1", load)).toBe(2);
    clearReadCache();
    expect(peek("k1")).toBeUndefined();
  });
});

describe("page cache", () => {
  it("takes only cookie-less GETs with a reader's query string", () => {
    const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, headers: new Headers(headers), url: new URL(url, "http://x") });
    expect(isCacheablePageView(req("/"))).toBe(true);
    expect(isCacheablePageView(req("/?s=tea&paged=2"))).toBe(true);
    expect(isCacheablePageView(req("/?utm=1"))).toBe(false);
    expect(isCacheablePageView(req("/?_rsc=abc"))).toBe(false);
    expect(isCacheablePageView(req("/", { cookie: "a=1" }))).toBe(false);
    expect(isCacheablePageView(req("/", { rsc: "1" }))).toBe(false);
    expect(isCacheablePageView(req("/", { "next-router-prefetch": "1" }))).toBe(false);
    expect(isCacheablePageView(req("/", {}, "POST"))).toBe(false);
    expect(isCacheablePageView(req("/", {}, "HEAD"))).toBe(false);
  });

  it("never answers nor keeps a request for ActivityStreams JSON (a fediverse server asking a post's URL)", () => {
    const req = (accept: string) => ({ method: "GET", headers: new Headers({ accept }), url: new URL("/2026/12/07/hello/", "http://x") });
    expect(isCacheablePageView(req("application/activity+json"))).toBe(false);
    expect(isCacheablePageView(req('application/ld+json; profile="https://www.w3.org/ns/activitystreams"'))).toBe(false);
    expect(isCacheablePageView(req("text/html,application/xhtml+xml,*/*;q=0.8"))).toBe(true);
  });

  it("keeps a rendered page cut at its nonce, so that each reader gets the page with a fresh one", async () => {
    const version = await syncWithDatabase();
    const nonce = "n0nceFromTheRender==";
    expect(await keepPage({ key: "/kept/", nonce, version }, page(`<script nonce="${nonce}">a</script><p>x</p><script nonce="${nonce}">b</script>`))).toBe(true);
    const kept = getCachedPage("/kept/")!;
    expect(kept.parts).toHaveLength(3);
    expect(withFreshNonce(kept.parts, "FRESH").toString()).toBe(`<script nonce="FRESH">a</script><p>x</p><script nonce="FRESH">b</script>`);
  });

  it("keeps a feed whole (no nonce)", async () => {
    const version = await syncWithDatabase();
    expect(await keepPage({ key: "/feed/", version }, page("<rss/>", { contentType: "application/rss+xml; charset=UTF-8" }))).toBe(true);
    expect(getCachedPage("/feed/")!.parts.map(String)).toEqual(["<rss/>"]);
  });

  it("does not keep an error, a page that sets a cookie, JSON, or a render during which the content changed", async () => {
    const version = await syncWithDatabase();
    expect(await keepPage({ key: "/a/", nonce: "n", version }, page("gone", { status: 404 }))).toBe(false);
    expect(await keepPage({ key: "/b/", nonce: "n", version }, page("<p>", { setsCookie: true }))).toBe(false);
    expect(await keepPage({ key: "/c/", nonce: "n", version }, page("{}", { contentType: "application/json" }))).toBe(false);
    await updateOptions({ blogdescription: `during ${Date.now()}` });
    expect(await keepPage({ key: "/d/", nonce: "n", version }, page("<p>old</p>"))).toBe(false);
    for (const k of ["/a/", "/b/", "/c/", "/d/"]) expect(getCachedPage(k)).toBeUndefined();
  });
});
