// Embeds' click-to-load previews show the provider's thumbnail from our own media: the job copies
// it through the SSRF-safe fetch (images only, bounded, no private redirects) into the uploads as a
// media row attached to the post, once per thumbnail address, and the preview's <img> points here.
// The "provider" is a loopback server, allowed as the linkback tests allow their peer.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-embed-thumbs-"));
process.env.INKWELL_DATA_DIR = dataDir;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const { makePost, makeUser } = await import("../support/factories");
const { refreshPostEmbeds, cachedEmbedsFor, OEMBED_TTL_MS } = await import("@/lib/oembed/cache");
const { storeThumbnail, knownEmbedSource, ThumbnailError, THUMBNAIL_MAX_BYTES } = await import("@/lib/oembed/thumbnails");
const { embedsFor } = await import("@/lib/site/embed-set");
const { renderEmbeds, parseEmbedUrl, previewHtml } = await import("@/lib/content/embeds");
const { getMediaById } = await import("@/db/queries/media");

let jpeg: Buffer;
let origin = "";
let server: http.Server;
const served: Record<string, number> = {};
type Answer = { status?: number; headers?: Record<string, string>; body?: Buffer | string };
let extra: (p: string) => Answer | undefined = () => undefined;

beforeAll(async () => {
  jpeg = await sharp({ create: { width: 480, height: 360, channels: 3, background: { r: 200, g: 60, b: 30 } } }).jpeg().toBuffer();
  const route = (p: string): Answer | undefined => {
    if (p === "/@ann/7") return { headers: { "content-type": "text/html" }, body: `<html><head><link rel="alternate" type="application/json+oembed" href="${origin}/api/oembed"></head><body>toot</body></html>` };
    if (p.startsWith("/api/oembed")) {
      return { headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "rich", title: `Ann's "tide" toot <b>`, provider_name: "Social", height: 300, html: `<iframe src="${origin}/@ann/7/embed" height="300"></iframe>`, thumbnail_url: `${origin}/media/tide.jpg` }) };
    }
    if (p === "/media/tide.jpg" || p === "/media/other.jpg") return { headers: { "content-type": "image/jpeg" }, body: jpeg };
    if (p === "/media/page.jpg") return { headers: { "content-type": "text/html" }, body: "<!doctype html><title>Gone</title>" };
    if (p === "/media/huge.jpg") return { headers: { "content-type": "image/jpeg" }, body: Buffer.concat([jpeg, Buffer.alloc(THUMBNAIL_MAX_BYTES, 1)]) };
    if (p === "/media/moved.jpg") return { status: 302, headers: { location: "http://10.0.0.1/tide.jpg" } };
    if (p === "/media/script.svg") return { headers: { "content-type": "image/svg+xml" }, body: `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>` };
    if (p === "/media/lying.jpg") return { headers: { "content-type": "image/jpeg" }, body: "<html><script>alert(1)</script></html>" };
    return extra(p);
  };
  server = http.createServer((req, res) => {
    served[req.url!] = (served[req.url!] ?? 0) + 1;
    const out = route(req.url!) ?? { status: 404, headers: { "content-type": "text/plain" }, body: "not found" };
    res.writeHead(out.status ?? 200, out.headers);
    res.end(out.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

const ALLOW = { allowHosts: "127.0.0.1" };

describe("where a known player's thumbnail comes from", () => {
  it("YouTube's is its known hqdefault.jpg, the title comes from its oEmbed; Vimeo's comes from its oEmbed answer", () => {
    const yt = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    expect(knownEmbedSource(parseEmbedUrl(yt)!, yt)).toEqual({
      endpoint: `https://www.youtube.com/oembed?format=json&url=${encodeURIComponent(yt)}`,
      thumbnailUrl: "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg",
    });
    const vimeo = "https://vimeo.com/76979871";
    expect(knownEmbedSource(parseEmbedUrl(vimeo)!, vimeo)).toEqual({ endpoint: `https://vimeo.com/api/oembed.json?url=${encodeURIComponent(vimeo)}`, thumbnailUrl: undefined });
  });
});

describe("the job copies the thumbnail into our media, once", () => {
  it("shows no picture until the job has run, then an <img> from our uploads; a later refresh downloads nothing again", async () => {
    const author = await makeUser("author");
    const url = `${origin}/@ann/7`;
    const post = await makePost(author.id, { content: `<p>Look:</p>\n<p>${url}</p>` });
    expect(renderEmbeds(post.content, await embedsFor([post]))).not.toContain("<img");

    const t0 = Date.now();
    await refreshPostEmbeds(post.id, { ...ALLOW, now: t0 });
    expect(served["/media/tide.jpg"]).toBe(1);
    const entry = (await cachedEmbedsFor([post], t0 + 1)).found.get(url)!;
    expect(entry).toMatchObject({ thumbnailUrl: `${origin}/media/tide.jpg`, thumbnail: { width: 480, height: 360 } });
    const thumb = (entry as { thumbnail: { id: number; path: string } }).thumbnail;
    expect(fs.existsSync(path.join(dataDir, "uploads", thumb.path))).toBe(true);
    // A media row, as an imported attachment is stored, with WordPress's sizes; attached to no
    // post, so the post's [gallery] of its attached images does not show it.
    const row = (await getMediaById(thumb.id))!;
    expect(row).toMatchObject({ postId: null, title: `Embed thumbnail: Ann's "tide" toot <b>`, originalUrl: `${origin}/media/tide.jpg`, mimeType: "image/jpeg", path: thumb.path, alt: `Ann's "tide" toot <b>` });
    expect(Object.keys(JSON.parse(row.sizes))).toEqual(expect.arrayContaining(["thumbnail", "medium"]));

    const html = renderEmbeds(post.content, await embedsFor([post]));
    const img = /<img [^>]*>/.exec(html)![0];
    expect(img).toBe(`<img class="wp-embed-preview__thumbnail" src="/wp-content/uploads/${thumb.path}" width="480" height="360" alt="Ann&#039;s &quot;tide&quot; toot &lt;b&gt;" loading="lazy" decoding="async">`);
    expect(html).toContain('class="wp-embed-preview is-type-rich has-thumbnail"');
    // Nothing on the page points a reader's browser at the provider's picture.
    expect(html).not.toContain("/media/tide.jpg");

    // After the TTL the answer is asked again, but the same thumbnail address is not downloaded twice.
    await refreshPostEmbeds(post.id, { ...ALLOW, now: t0 + OEMBED_TTL_MS + 1 });
    expect(served["/media/tide.jpg"]).toBe(1);
    const again = (await cachedEmbedsFor([post], t0 + OEMBED_TTL_MS + 2)).found.get(url) as { thumbnail: { id: number } };
    expect(again.thumbnail.id).toBe(thumb.id);
    // Another post embedding the same URL shares the copy.
    const other = await makePost(author.id, { content: `<p>${url}</p>` });
    await refreshPostEmbeds(other.id, ALLOW);
    expect(served["/media/tide.jpg"]).toBe(1);
  });

  it("a thumbnail that fails leaves the preview without a picture and says why", async () => {
    extra = (p) => (p === "/@bo/1" ? { headers: { "content-type": "text/html" }, body: `<html><head><link rel="alternate" type="application/json+oembed" href="${origin}/api/bo"></head></html>` } : p.startsWith("/api/bo") ? { headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "rich", title: "Bo", html: `<iframe src="${origin}/@bo/1/embed"></iframe>`, thumbnail_url: `${origin}/media/page.jpg` }) } : undefined);
    const author = await makeUser("author");
    const post = await makePost(author.id, { content: `<p>${origin}/@bo/1</p>` });
    await refreshPostEmbeds(post.id, ALLOW);
    const entry = (await cachedEmbedsFor([post])).found.get(`${origin}/@bo/1`)!;
    expect(entry).toMatchObject({ title: "Bo", thumbnailError: expect.stringContaining("not an image") });
    expect(entry).not.toHaveProperty("thumbnail");
    const html = renderEmbeds(post.content, await embedsFor([post]));
    expect(html).toContain("wp-embed-preview__link");
    expect(html).not.toContain("<img");
  });
});

describe("what is refused", () => {
  const opts = { title: "t", ...ALLOW };

  it("refuses a web page, an image too large, a redirect to a private address, SVG and bytes that lie about their type", async () => {
    await expect(storeThumbnail(`${origin}/media/page.jpg`, opts)).rejects.toThrow(/not an image/);
    await expect(storeThumbnail(`${origin}/media/huge.jpg`, opts)).rejects.toThrow(/larger than/);
    await expect(storeThumbnail(`${origin}/media/moved.jpg`, opts)).rejects.toThrow(/private or local network/);
    await expect(storeThumbnail(`${origin}/media/script.svg`, opts)).rejects.toThrow(ThumbnailError);
    await expect(storeThumbnail(`${origin}/media/lying.jpg`, opts)).rejects.toThrow(ThumbnailError);
    // Without the test's allowance, the loopback provider itself is a private address.
    await expect(storeThumbnail(`${origin}/media/other.jpg`, { title: "t", allowHosts: "" })).rejects.toThrow(/private or local network/);
    expect(served["/media/other.jpg"]).toBeUndefined();
  });

  it("a preview never shows a picture from anywhere but this site", () => {
    const yt = "https://youtu.be/dQw4w9WgXcQ";
    const e = parseEmbedUrl(yt)!;
    for (const src of ["https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg", "//evil.example/x.jpg", "/\\evil.example/x.jpg", "javascript:alert(1)"]) {
      expect(previewHtml(e, yt, "t", { src, width: 480, height: 360 })).not.toContain("<img");
    }
    expect(previewHtml(e, yt, 'x" onerror="alert(1)', { src: '/wp-content/uploads/a".jpg', width: 480, height: 360 })).toContain('src="/wp-content/uploads/a&quot;.jpg" width="480" height="360" alt="x&quot; onerror=&quot;alert(1)"');
  });
});
