// oEmbed discovery for providers not known from the URL alone: a page's advertised endpoint is
// fetched through the SSRF-safe fetch by the job, only an iframe to the provider's own host is
// kept (sandboxed, rebuilt by us), and the answer is cached in post_meta until the TTL.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startPeer, type PeerRoute } from "../support/peer";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { makePost, makeUser } = await import("../support/factories");
const { findOembedEndpoint, sanitizeOembedHtml, discoverEmbed, DiscoveryError } = await import("@/lib/oembed/discover");
const { cachedEmbedsFor, refreshPostEmbeds, oembedKey, OEMBED_TTL_MS } = await import("@/lib/oembed/cache");
const { embedsFor } = await import("@/lib/site/embed-set");
const { renderEmbeds } = await import("@/lib/content/embeds");
const { getOption } = await import("@/db/queries/options");
const { contentSecurityPolicy, refreshFrameHosts } = await import("@/lib/security/csp");

let route: PeerRoute = () => undefined;
let peer: Awaited<ReturnType<typeof startPeer>>;
const ALLOW = { allowHosts: "127.0.0.1" };

const page = (endpoint: string, body = "") => `<!doctype html><html><head><title>Toot</title><link rel="alternate" type="application/json+oembed" href="${endpoint}"></head><body>${body}</body></html>`;

beforeAll(async () => {
  peer = await startPeer((r) => route(r));
});
afterAll(async () => await peer.close());

describe("finding and cleaning what a provider answers", () => {
  it("finds the JSON endpoint a page advertises in its head, made absolute; not one in the body", () => {
    expect(findOembedEndpoint(page("/api/oembed?url=x"), "https://social.example/@a/1")).toBe("https://social.example/api/oembed?url=x");
    expect(findOembedEndpoint(`<head></head><body><link rel="alternate" type="application/json+oembed" href="https://evil.example/o"></body>`, "https://a.example/")).toBeUndefined();
    expect(findOembedEndpoint(page("javascript:alert(1)"), "https://a.example/")).toBeUndefined();
    expect(findOembedEndpoint(`<head><link rel="alternate" type="text/xml+oembed" href="/x"></head>`, "https://a.example/")).toBeUndefined();
  });

  it("keeps one iframe to the provider's own host, rebuilt and sandboxed; drops scripts, other hosts and attributes", () => {
    const mastodon = `<iframe src="https://social.example/@a/1/embed" class="mastodon-embed" style="max-width: 100%; border: 0" width="400" allowfullscreen="allowfullscreen" onload="alert(1)"></iframe><script src="https://social.example/embed.js" async="async"></script>`;
    const out = sanitizeOembedHtml(mastodon, "https://social.example/@a/1", "A toot")!;
    expect(out).toBe('<iframe src="https://social.example/@a/1/embed" title="A toot" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" referrerpolicy="strict-origin-when-cross-origin" style="display:block;width:100%;height:400px;border:0"></iframe>');
    expect(sanitizeOembedHtml(`<iframe src="https://evil.example/x"></iframe>`, "https://social.example/@a/1", "t")).toBeUndefined();
    expect(sanitizeOembedHtml(`<script>alert(1)</script>`, "https://social.example/@a/1", "t")).toBeUndefined();
    expect(sanitizeOembedHtml(`<iframe src="javascript:alert(1)"></iframe>`, "https://social.example/", "t")).toBeUndefined();
    expect(sanitizeOembedHtml(`<iframe src="https://user:pw@social.example/x"></iframe>`, "https://social.example/", "t")).toBeUndefined();
    // A subdomain of the provider is its own; a look-alike is not.
    expect(sanitizeOembedHtml(`<iframe src="https://embed.social.example/x"></iframe>`, "https://social.example/", "t")).toContain('src="https://embed.social.example/x"');
    expect(sanitizeOembedHtml(`<iframe src="https://social.example.evil.example/x"></iframe>`, "https://social.example/", "t")).toBeUndefined();
    expect(sanitizeOembedHtml(`<iframe src="https://social.example/x" height="99999"></iframe>`, "https://social.example/", '"><b>')).toContain('title="&quot;&gt;&lt;b&gt;"');
  });
});

describe("discovery through the SSRF-safe fetch", () => {
  it("reads a Mastodon-style page and its endpoint", async () => {
    route = (r) => {
      if (r.path === "/@ann/1") return { body: page(`${peer.origin}/api/oembed?url=${encodeURIComponent(`${peer.origin}/@ann/1`)}`) };
      if (r.path.startsWith("/api/oembed")) return { headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "rich", version: "1.0", title: "Ann's toot", provider_name: "Social", html: `<iframe src="${peer.origin}/@ann/1/embed" width="400" height="300"></iframe><script src="${peer.origin}/embed.js"></script>`, height: 300 }) };
      return undefined;
    };
    const e = await discoverEmbed(`${peer.origin}/@ann/1`, ALLOW);
    expect(e).toMatchObject({ url: `${peer.origin}/@ann/1`, title: "Ann's toot", providerName: "Social", height: 300 });
    expect(e.html).toContain(`src="${peer.origin}/@ann/1/embed"`);
    expect(e.html).not.toContain("<script");
    expect(peer.requests.at(-1)!.path).toContain("maxwidth=600");
  });

  it("refuses a private address unless allowed, a page with no endpoint, and an answer that is not oEmbed", async () => {
    await expect(discoverEmbed(`${peer.origin}/@ann/1`)).rejects.toThrow(DiscoveryError);
    route = (r) => (r.path === "/plain" ? { body: "<html><head></head><body>hi</body></html>" } : r.path === "/bad" ? { body: page(`${peer.origin}/bad-api`) } : r.path.startsWith("/bad-api") ? { body: "{not json" } : undefined);
    await expect(discoverEmbed(`${peer.origin}/plain`, ALLOW)).rejects.toThrow(/no oEmbed endpoint/);
    await expect(discoverEmbed(`${peer.origin}/bad`, ALLOW)).rejects.toThrow(/not JSON/);
    await expect(discoverEmbed(`${peer.origin}/missing`, ALLOW)).rejects.toThrow(/404/);
  });
});

describe("the cache and the job", () => {
  it("fetches only in the job, caches in post_meta, shows the card as a click-to-load preview, and asks again after the TTL", async () => {
    let answers = 0;
    route = (r) => {
      if (r.path === "/@bob/2") return { body: page(`${peer.origin}/api/oembed`) };
      if (r.path.startsWith("/api/oembed")) {
        answers++;
        return { headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "rich", title: `Bob's toot ${answers}`, provider_name: "Social", html: `<iframe src="${peer.origin}/@bob/2/embed" height="250"></iframe>` }) };
      }
      return undefined;
    };
    const author = await makeUser("author");
    const url = `${peer.origin}/@bob/2`;
    const post = await makePost(author.id, { content: `<p>Look:</p>\n<p>${url}</p>` });
    const before = peer.requests.length;

    // Rendering never fetches: the URL stays a link until the job has run, and the post is marked stale.
    const first = await cachedEmbedsFor([post]);
    expect(first).toEqual({ found: new Map(), stale: [post.id] });
    expect(renderEmbeds(post.content, await embedsFor([post]))).toBe(post.content);
    expect(peer.requests.length).toBe(before);

    const t0 = Date.now();
    await refreshPostEmbeds(post.id, { ...ALLOW, now: t0 });
    expect(answers).toBe(1);
    const { found, stale } = await cachedEmbedsFor([post], t0 + 1000);
    expect(stale).toEqual([]);
    expect(found.get(url)).toMatchObject({ title: "Bob's toot 1", providerName: "Social", fetchedAt: t0 });
    const html = renderEmbeds(post.content, await embedsFor([post]));
    expect(html).toContain(`<a class="wp-embed-preview__link" href="${url}">`);
    expect(html).toContain("Bob&#039;s toot 1");
    expect(html).toContain(`<template class="wp-embed-preview__player"><iframe src="${peer.origin}/@bob/2/embed"`);
    // The provider's origin is allowed to be framed on readers' pages, and nothing else new.
    expect(await getOption("oembed_frame_hosts")).toBe(peer.origin);
    await refreshFrameHosts(true);
    expect(/frame-src ([^;]+)/.exec(contentSecurityPolicy("n"))![1]).toContain(peer.origin);

    // Within the TTL the job asks nothing; after it, it asks again.
    await refreshPostEmbeds(post.id, { ...ALLOW, now: t0 + 1000 });
    expect(answers).toBe(1);
    expect((await cachedEmbedsFor([post], t0 + OEMBED_TTL_MS + 1)).stale).toEqual([post.id]);
    await refreshPostEmbeds(post.id, { ...ALLOW, now: t0 + OEMBED_TTL_MS + 1 });
    expect(answers).toBe(2);
    expect((await cachedEmbedsFor([post], t0 + OEMBED_TTL_MS + 2)).found.get(url)).toMatchObject({ title: "Bob's toot 2" });
    expect(oembedKey(url)).toMatch(/^_oembed_[0-9a-f]{32}$/);
  });

  it("remembers a URL that is not embeddable, which stays a plain link", async () => {
    route = () => ({ body: "<html><head></head><body>nothing</body></html>" });
    const author = await makeUser("author");
    const url = `${peer.origin}/just-a-page`;
    const post = await makePost(author.id, { content: `<p>${url}</p>` });
    await refreshPostEmbeds(post.id, ALLOW);
    expect((await cachedEmbedsFor([post])).found.get(url)).toMatchObject({ error: expect.stringContaining("no oEmbed endpoint") });
    expect(renderEmbeds(post.content, await embedsFor([post]))).toBe(post.content);
  });
});
