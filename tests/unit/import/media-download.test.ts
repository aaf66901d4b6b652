// Images come along: an import's attachments are downloaded from the old site (a loopback server
// here, allowed through allowHosts as the linkback tests allow their peer) into the media library, and every old
// address in posts, excerpts and featured images points at the local copy afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importWxr } from "@/db/queries/wxr-import";
import { countPendingImportedMedia, downloadImportedMedia } from "@/lib/wxr/media-download";
import { mediaKey, rewriteMediaUrls } from "@/lib/wxr/media-urls";
import { toFeaturedImage } from "@/lib/media/featured";
import { makeUser } from "../support/factories";
import { dbCount, dbOne } from "../support/wxr";
import http from "node:http";
import type { AddressInfo } from "node:net";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-media-dl-"));
process.env.INKWELL_DATA_DIR = dataDir;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

let photo: Buffer;
let peer: { origin: string; close(): Promise<void> };
let lateFileReady = false;
const served: Record<string, number> = {};

beforeAll(async () => {
  photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 120, b: 200 } } }).jpeg().toBuffer();
  type Answer = { status?: number; headers?: Record<string, string>; body?: Buffer | string } | undefined;
  const route = (p: string): Answer => {
    served[p] = (served[p] ?? 0) + 1;
    if (p === "/wp-content/uploads/2010/08/photo.jpg") return { headers: { "content-type": "image/jpeg" }, body: photo };
    if (p === "/wp-content/uploads/2010/08/late.jpg" && lateFileReady) return { headers: { "content-type": "image/jpeg" }, body: photo };
    if (p === "/wp-content/uploads/2010/08/gone.jpg") return { headers: { "content-type": "text/html" }, body: "<!doctype html><title>Not found</title>" };
    if (p === "/wp-content/uploads/2010/08/huge.jpg") return { headers: { "content-type": "image/jpeg" }, body: Buffer.alloc(300_000, 1) };
    if (p === "/wp-content/uploads/2010/08/moved.jpg") return { status: 302, headers: { location: "http://10.0.0.1/photo.jpg" } };
    return undefined;
  };
  // A loopback "old site" serving bytes (the linkback peer answers text only).
  const server = http.createServer((req, res) => {
    const out = route(req.url!) ?? { status: 404, headers: { "content-type": "text/plain" }, body: "not found" };
    res.writeHead(out.status ?? 200, out.headers);
    res.end(out.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  peer = {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
});
afterAll(() => peer.close());

const attachment = (id: number, file: string, parent: number, caption = "") => `<item><title>${file}</title><dc:creator>admin</dc:creator>
  <excerpt:encoded><![CDATA[${caption}]]></excerpt:encoded>
  <wp:post_id>${id}</wp:post_id><wp:post_date>2010-08-05 10:00:00</wp:post_date><wp:post_date_gmt>2010-08-05 10:00:00</wp:post_date_gmt>
  <wp:post_name>${file}</wp:post_name><wp:status>inherit</wp:status><wp:post_parent>${parent}</wp:post_parent><wp:post_type>attachment</wp:post_type>
  <wp:attachment_url>${peer.origin}/wp-content/uploads/2010/08/${file}</wp:attachment_url></item>`;

function wxr() {
  const old = `${peer.origin}/wp-content/uploads/2010/08`;
  const content = `<img class="size-medium" src="${old}/photo-300x200.jpg" srcset="${old}/photo-300x200.jpg 300w, ${old}/photo-1024x683.jpg 1024w, ${old}/photo.jpg 1200w" alt="" />
[caption width="300" caption="Cat"]<a href="${old}/photo.jpg"><img src="${old}/photo.jpg?resize=300%2C200" /></a>[/caption]
<a href="https://elsewhere.example/wp-content/uploads/2010/08/photo.jpg">not ours</a> <img src="${old}/gone.jpg" />`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>${peer.origin}</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Holiday</title><dc:creator>admin</dc:creator><content:encoded><![CDATA[${content}]]></content:encoded>
  <excerpt:encoded><![CDATA[<img src="${old}/photo-150x150.jpg" />]]></excerpt:encoded>
  <wp:post_id>10</wp:post_id><wp:post_date>2010-08-05 10:00:00</wp:post_date><wp:post_date_gmt>2010-08-05 10:00:00</wp:post_date_gmt>
  <wp:post_name>holiday</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
  <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value><![CDATA[11]]></wp:meta_value></wp:postmeta></item>
${attachment(11, "photo.jpg", 10, "A photo")}
${attachment(12, "gone.jpg", 10)}
${attachment(13, "huge.jpg", 10)}
${attachment(14, "moved.jpg", 10)}
${attachment(15, "late.jpg", 10)}
</channel></rss>`;
}

const policy = { maxBytes: 200_000, extraTypes: "" };

describe("downloading an import's attachments", () => {
  let adminId: number;
  let first: Awaited<ReturnType<typeof downloadImportedMedia>>;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    adminId = (await makeUser("administrator")).id;
    await importWxr([wxr()], { fallbackAuthorId: adminId });
    expect(await countPendingImportedMedia()).toBe(5);
    first = await downloadImportedMedia({ allowHosts: "127.0.0.1", policy, onProgress: (d, t) => progress.push([d, t]) });
  });

  it("stores the file in the media library with WordPress's sizes, in its original month", async () => {
    expect(first.downloaded).toBe(1);
    const m = (await dbOne<{ path: string; mime_type: string; width: number; sizes: string }>("SELECT * FROM media WHERE original_url LIKE '%/photo.jpg'"))!;
    expect(m).toMatchObject({ path: "2010/08/photo.jpg", mime_type: "image/jpeg", width: 1200 });
    expect(Object.keys(JSON.parse(m.sizes)).sort()).toEqual(["large", "medium", "medium_large", "thumbnail"]);
    expect(fs.existsSync(path.join(dataDir, "uploads/2010/08/photo.jpg"))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "uploads/2010/08/photo-300x200.jpg"))).toBe(true);
    expect(progress.at(0)).toEqual([0, 5]);
    expect(progress.at(-1)).toEqual([5, 5]);
  });

  it("lists each failure with its reason: a web page, too large, a redirect to a private address, missing", async () => {
    const reasons = Object.fromEntries(first.failed.map((f) => [f.url.split("/").pop(), f.reason]));
    expect(reasons["gone.jpg"]).toMatch(/web page, not a file/);
    expect(reasons["huge.jpg"]).toMatch(/larger than the 195 KB upload limit/);
    expect(reasons["moved.jpg"]).toMatch(/private or local network/);
    expect(reasons["late.jpg"]).toMatch(/HTTP 404/);
    expect(await dbCount("SELECT count(*) AS n FROM media WHERE path = ''")).toBe(4);
  });

  it("points the post's images, sizes, srcset, ?resize= copies and excerpt at the local files, and only ours", async () => {
    const post = (await dbOne<{ content: string; excerpt: string }>("SELECT content, excerpt FROM posts WHERE title = 'Holiday'"))!;
    expect(post.content).toContain('src="/wp-content/uploads/2010/08/photo-300x200.jpg"');
    expect(post.content).toContain("srcset=\"/wp-content/uploads/2010/08/photo-300x200.jpg 300w, /wp-content/uploads/2010/08/photo-1024x683.jpg 1024w, /wp-content/uploads/2010/08/photo.jpg 1200w\"");
    expect(post.content).toContain('<a href="/wp-content/uploads/2010/08/photo.jpg"><img src="/wp-content/uploads/2010/08/photo-300x200.jpg" />');
    expect(post.content).toContain("https://elsewhere.example/wp-content/uploads/2010/08/photo.jpg");
    // Not downloaded: still the old address, so nothing breaks until it is retried.
    expect(post.content).toContain(`${peer.origin}/wp-content/uploads/2010/08/gone.jpg`);
    expect(post.excerpt).toBe('<img src="/wp-content/uploads/2010/08/photo-150x150.jpg" />');
    expect(first.rewritten).toBe(1);
  });

  it("gives the post its featured image from the local copy", async () => {
    const m = await dbOne<{ path: string; mimeType: string; width: number; height: number; alt: string; sizes: string }>(
      "SELECT m.path, m.mime_type AS \"mimeType\", m.width, m.height, m.alt, m.sizes FROM media m JOIN posts p ON p.featured_media_id = m.id WHERE p.title = 'Holiday'",
    );
    expect(toFeaturedImage(m)?.src).toBe("/wp-content/uploads/2010/08/photo.jpg");
  });

  it("retries only what failed, and importing again downloads nothing twice", async () => {
    lateFileReady = true;
    const before = served["/wp-content/uploads/2010/08/photo.jpg"];
    const again = await downloadImportedMedia({ allowHosts: "127.0.0.1", policy });
    expect(again.downloaded).toBe(1);
    expect(again.failed.map((f) => f.url.split("/").pop())).toEqual(["gone.jpg", "huge.jpg", "moved.jpg"]);
    await importWxr([wxr()], { fallbackAuthorId: adminId });
    expect(await dbCount("SELECT count(*) AS n FROM media")).toBe(5);
    await downloadImportedMedia({ allowHosts: "127.0.0.1", policy });
    expect(served["/wp-content/uploads/2010/08/photo.jpg"]).toBe(before);
    expect(served["/wp-content/uploads/2010/08/late.jpg"]).toBe(2);
    expect(fs.readdirSync(path.join(dataDir, "uploads/2010/08")).filter((f) => f.startsWith("photo") && !/-\d+x\d+/.test(f))).toEqual(["photo.jpg"]);
  });

  it("can be held to one file's attachments", async () => {
    const r = await downloadImportedMedia({ allowHosts: "127.0.0.1", policy, onlyUrls: new Set([`${peer.origin}/wp-content/uploads/2010/08/gone.jpg`]) });
    expect(r.failed.map((f) => f.url.split("/").pop())).toEqual(["gone.jpg"]);
  });

  it("refuses loopback when it is not explicitly allowed (production never allows it)", async () => {
    fs.rmSync(path.join(dataDir, "uploads"), { recursive: true, force: true });
    const r = await downloadImportedMedia({ policy });
    expect(r.downloaded).toBe(0);
    expect(r.failed.every((f) => /private or local network/.test(f.reason))).toBe(true);
  });
});

describe("old media addresses", () => {
  it("name one attachment whatever the scheme, size suffix, -scaled, query or Photon copy", () => {
    const key = "old.example/wp-content/uploads/2010/08/photo.jpg";
    for (const u of [
      "http://old.example/wp-content/uploads/2010/08/photo.jpg",
      "https://www.old.example/wp-content/uploads/2010/08/photo-300x200.jpg",
      "//old.example/wp-content/uploads/2010/08/photo-scaled.jpg",
      "https://i0.wp.com/old.example/wp-content/uploads/2010/08/photo.jpg?resize=300%2C200&ssl=1",
    ]) expect(mediaKey(u)?.key, u).toBe(key);
    expect(mediaKey("javascript:alert(1)")).toBeNull();
  });

  it("leave text that only looks like an address alone", () => {
    const copies = new Map([["old.example/a.jpg", { url: "/wp-content/uploads/a.jpg", width: 10, height: 10, sizes: [] }]]);
    expect(rewriteMediaUrls('See http://old.example/a.jpg, or "http://old.example/b.jpg".', copies)).toBe('See /wp-content/uploads/a.jpg, or "http://old.example/b.jpg".');
  });
});
