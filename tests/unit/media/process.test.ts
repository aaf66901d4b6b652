import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { plannedSizes, safeBaseName, storeUpload, removeStoredFiles, UploadError, detectType } from "@/lib/media/process";
import { contentTypeFor, resolveUploadPath, uploadUrl } from "@/lib/media/paths";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-uploads-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const policy = { maxBytes: 5 * 1024 * 1024, extraTypes: "" };
const when = new Date(Date.UTC(2026, 10, 25, 12));

async function png(width: number, height: number) {
  return new Uint8Array(await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } }).png().toBuffer());
}

describe("the upload pipeline (real sharp)", () => {
  it("stores a PNG under YYYY/MM with WordPress's four sizes at the right dimensions", async () => {
    const stored = await storeUpload(await png(1600, 1200), "Holiday Photo.PNG", policy, when, root);
    expect(stored.path).toBe("2026/11/holiday-photo.png");
    expect(stored).toMatchObject({ mimeType: "image/png", width: 1600, height: 1200 });
    expect(stored.sizes).toEqual({
      thumbnail: { path: "2026/11/holiday-photo-150x150.png", width: 150, height: 150 },
      medium: { path: "2026/11/holiday-photo-300x225.png", width: 300, height: 225 },
      medium_large: { path: "2026/11/holiday-photo-768x576.png", width: 768, height: 576 },
      large: { path: "2026/11/holiday-photo-1024x768.png", width: 1024, height: 768 },
    });
    for (const s of Object.values(stored.sizes)) {
      const meta = await sharp(path.join(root, s.path)).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([s.width, s.height, "png"]);
    }
    expect(fs.existsSync(path.join(root, stored.path))).toBe(true);
  });

  it("never enlarges: a small image gets only the sizes it exceeds", async () => {
    const stored = await storeUpload(await png(400, 100), "wide.png", policy, when, root);
    expect(Object.keys(stored.sizes).sort()).toEqual(["medium", "thumbnail"]);
    expect(stored.sizes.thumbnail).toMatchObject({ width: 150, height: 100 });
    expect(stored.sizes.medium).toMatchObject({ width: 300, height: 75 });
    expect(plannedSizes(120, 90)).toEqual([]);
  });

  it("gives a second file of the same name a new name instead of overwriting", async () => {
    const a = await storeUpload(await png(10, 10), "same.png", policy, when, root);
    const b = await storeUpload(await png(10, 10), "same.png", policy, when, root);
    expect(a.path).toBe("2026/11/same.png");
    expect(b.path).toBe("2026/11/same-1.png");
  });

  it("refuses HTML renamed .jpg, SVG, and unknown bytes, whatever the name says, and leaves no file", async () => {
    const before = fs.readdirSync(path.join(root, "2026/11")).length;
    const html = new TextEncoder().encode("<!doctype html><script>alert(1)</script>");
    await expect(storeUpload(html, "photo.jpg", policy, when, root)).rejects.toMatchObject({ status: 415 });
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(storeUpload(svg, "logo.svg", policy, when, root)).rejects.toBeInstanceOf(UploadError);
    expect(fs.readdirSync(path.join(root, "2026/11")).length).toBe(before);
  });

  it("refuses a file over the size limit with 413 and an empty one with 400", async () => {
    await expect(detectType(await png(50, 50), { maxBytes: 100, extraTypes: "" })).rejects.toMatchObject({ status: 413 });
    await expect(detectType(new Uint8Array(), policy)).rejects.toMatchObject({ status: 400 });
  });

  it("refuses a PNG whose body is damaged", async () => {
    const good = await png(300, 300);
    const broken = good.slice(0, 40); // the signature survives, the image does not
    await expect(storeUpload(broken, "broken.png", policy, when, root)).rejects.toMatchObject({ status: 400 });
  });

  it("accepts a PDF only when the setting allows it", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    await expect(detectType(pdf, policy)).rejects.toMatchObject({ status: 415 });
    expect(await detectType(pdf, { ...policy, extraTypes: "pdf, mp3" })).toEqual({ mime: "application/pdf", ext: "pdf" });
  });

  it("removes a file and its sizes", async () => {
    const stored = await storeUpload(await png(500, 500), "gone.png", policy, when, root);
    const all = [stored.path, ...Object.values(stored.sizes).map((s) => s.path)];
    await removeStoredFiles(all, root);
    for (const p of all) expect(fs.existsSync(path.join(root, p))).toBe(false);
  });

  it("keeps Unicode names and drops path parts of a file name", () => {
    expect(safeBaseName("../../etc/passwd")).toBe("passwd");
    expect(safeBaseName("C:\\Users\\me\\Été à Paris.jpg")).toBe("été-à-paris");
    expect(safeBaseName(".jpg")).toBe("file");
  });
});

describe("serving paths: traversal is impossible", () => {
  const r = "/srv/data/uploads";
  it("maps a normal path inside the folder", () => {
    expect(resolveUploadPath(["2026", "11", "a.png"], r)).toBe("/srv/data/uploads/2026/11/a.png");
    expect(uploadUrl("2026/11/été.png")).toBe("/wp-content/uploads/2026/11/%C3%A9t%C3%A9.png");
  });
  it.each([
    [["..", "..", "etc", "passwd"]],
    [["2026", "..", "..", "secret"]],
    [["%2e%2e", "%2e%2e", "etc", "passwd"]],
    [["%252e%252e", "x"]],
    [["2026%2f..%2f..%2fx"]],
    [["..%5c..%5cx"]],
    [["a\0.png"]],
    [[".auth-secret"]],
    [["2026", "11", ".htaccess"]],
    [["%E0%A4%A"]],
    [[]],
  ])("refuses %j", (segments) => {
    expect(resolveUploadPath(segments as string[], r)).toBeNull();
  });
  it("knows the types and serves unknown ones as octet-stream", () => {
    expect(contentTypeFor("a.JPG")).toBe("image/jpeg");
    expect(contentTypeFor("a.svg")).toBe("application/octet-stream");
    expect(contentTypeFor("a.html")).toBe("application/octet-stream");
  });
});

describe("the library query", () => {
  it("searches titles and file names (with LIKE wildcards taken literally) across the joins", async () => {
    const { insertMedia, listMedia, countMedia } = await import("@/db/queries/media");
    const { makeUser, makePost } = await import("../support/factories");
    const u = await makeUser("author");
    const p = await makePost(u.id, { title: "Beach post" });
    await insertMedia({ authorId: u.id, postId: p.id, fileName: "beach-day.jpg", mimeType: "image/jpeg", title: "Beach day" });
    await insertMedia({ authorId: u.id, fileName: "100%_sure.png", mimeType: "image/png", title: "Sure" });
    await insertMedia({ authorId: u.id, fileName: "other.png", mimeType: "image/png", title: "Other" });
    const beach = await listMedia({ page: 1, perPage: 10, search: "beach" });
    expect(beach.map((m) => [m.fileName, m.postTitle, m.authorName])).toEqual([["beach-day.jpg", "Beach post", u.displayName]]);
    expect((await listMedia({ page: 1, perPage: 10, search: "%_" })).map((m) => m.fileName)).toEqual(["100%_sure.png"]);
    expect(await countMedia()).toBe(3);
    expect(await countMedia("other")).toBe(1);
  });
});
