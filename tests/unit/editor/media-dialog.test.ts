// The editor's media dialog on the server: the library query (kind, search by alt, paging), the
// alt text saved on the attachment with its capability check, the query and alt validation, the
// WordPress block markup the dialog inserts, and the sanitizer keeping it for authors.
import { describe, expect, it, vi } from "vitest";
import { MediaAltSchema, MediaLibraryQuerySchema } from "@/lib/validation/media";
import { audioBlockHtml, blockKindOf, fileBlockHtml, galleryBlockHtml, imageBlockHtml, pickSize, videoBlockHtml } from "@/lib/media/block-markup";
import { sanitizePostHtml } from "@/lib/content/sanitize";

const session: { id: number | null } = { id: null };
vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { user: { id: String(session.id) } } : null), signInAgain: async () => true }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { makeUser } = await import("../support/factories");
const { insertMedia, listMediaRows, countMedia, getMediaById } = await import("@/db/queries/media");
const { saveMediaAltAction } = await import("@/app/admin/media/actions");

describe("the media dialog's library query", () => {
  it("filters by kind, searches title, file name and alt, and pages newest first", async () => {
    const u = await makeUser("author");
    const add = async (fileName: string, mimeType: string, title: string, alt = "") => await insertMedia({ authorId: u.id, fileName, mimeType, title, alt, path: `2026/12/${fileName}` });
    await add("harbour.jpg", "image/jpeg", "Harbour", "Boats in the morning");
    await add("song.mp3", "audio/mpeg", "Song");
    await add("clip.mp4", "video/mp4", "Clip");
    await add("menu.pdf", "application/pdf", "Menu");
    for (let i = 0; i < 5; i++) await add(`pic-${i}.png`, "image/png", `Picture ${i}`);

    expect((await listMediaRows({ page: 1, perPage: 50, kind: "audio" })).map((m) => m.fileName)).toEqual(["song.mp3"]);
    expect((await listMediaRows({ page: 1, perPage: 50, kind: "video" })).map((m) => m.fileName)).toEqual(["clip.mp4"]);
    expect((await listMediaRows({ page: 1, perPage: 50, kind: "file" })).map((m) => m.fileName)).toEqual(["menu.pdf"]);
    expect(await countMedia(undefined, false, "image")).toBe(6);
    expect(await countMedia(undefined, false, "all")).toBe(9);
    // The alt text is searched too, as in WordPress's media modal.
    expect((await listMediaRows({ page: 1, perPage: 50, search: "morning", kind: "image" })).map((m) => m.fileName)).toEqual(["harbour.jpg"]);
    expect(await listMediaRows({ page: 1, perPage: 50, search: "morning", kind: "audio" })).toEqual([]);
    expect(await countMedia("pic-", false, "image")).toBe(5);
    // Pages do not overlap and together hold everything.
    const p1 = (await listMediaRows({ page: 1, perPage: 4, kind: "image" })).map((m) => m.id);
    const p2 = (await listMediaRows({ page: 2, perPage: 4, kind: "image" })).map((m) => m.id);
    expect(p1).toHaveLength(4);
    expect(p2).toHaveLength(2);
    expect(new Set([...p1, ...p2]).size).toBe(6);
    expect(p1[0]!).toBeGreaterThan(p1[1]!);
  });
});

describe("alt text written in the dialog is saved on the attachment", () => {
  it("for the file's author and editors, not for another author, and never too long", async () => {
    const owner = await makeUser("author");
    const other = await makeUser("author");
    const editor = await makeUser("editor");
    const item = await insertMedia({ authorId: owner.id, fileName: "dog.png", mimeType: "image/png", title: "Dog", path: "2026/12/dog.png" });

    session.id = owner.id;
    expect(await saveMediaAltAction({ id: item.id, alt: "  A dog asleep  " })).toEqual({ ok: true });
    expect((await getMediaById(item.id))?.alt).toBe("A dog asleep");
    expect(await saveMediaAltAction({ id: item.id, alt: "x".repeat(501) })).toEqual({ ok: false, message: "The alternative text is too long." });

    session.id = other.id;
    expect(await saveMediaAltAction({ id: item.id, alt: "Mine now" })).toMatchObject({ ok: false });
    expect((await getMediaById(item.id))?.alt).toBe("A dog asleep");

    session.id = editor.id;
    expect(await saveMediaAltAction({ id: item.id, alt: "A dog asleep on a rug" })).toEqual({ ok: true });
    expect((await getMediaById(item.id))?.alt).toBe("A dog asleep on a rug");

    const contributor = await makeUser("contributor");
    session.id = contributor.id;
    await expect(saveMediaAltAction({ id: item.id, alt: "no" })).rejects.toThrow();
    expect((await getMediaById(item.id))?.alt).toBe("A dog asleep on a rug");
  });
});

describe("validation", () => {
  it("reads the library query and refuses unknown kinds and pages", async () => {
    expect(MediaLibraryQuerySchema.parse({})).toEqual({ page: 1, type: "all" });
    expect(MediaLibraryQuerySchema.parse({ s: " dog ", page: "2", type: "audio", id: "7" })).toEqual({ s: "dog", page: 2, type: "audio", id: 7 });
    expect(MediaLibraryQuerySchema.safeParse({ type: "exe" }).success).toBe(false);
    expect(MediaLibraryQuerySchema.safeParse({ page: "0" }).success).toBe(false);
    expect(MediaLibraryQuerySchema.safeParse({ s: "x".repeat(101) }).success).toBe(false);
    expect(MediaAltSchema.safeParse({ id: "abc", alt: "" }).success).toBe(false);
  });
});

describe("WordPress 6.x block markup", () => {
  const item = { url: "/wp-content/uploads/2026/12/sea.jpg", width: 2000, height: 1000, sizes: { large: { url: "/wp-content/uploads/2026/12/sea-1024x512.jpg", width: 1024, height: 512 } } };

  it("writes an image figure as WordPress does, classes in its order, caption only when there is one", async () => {
    // The theme unit test's block post, with the width and height WordPress 6.3+ adds.
    expect(imageBlockHtml({ id: 767, src: "https://example.com/windmill.jpg", alt: "", width: null, height: null, sizeSlug: "large", align: "left", href: "", caption: "Align left" }))
      .toBe('<figure class="wp-block-image alignleft size-large"><img src="https://example.com/windmill.jpg" alt="" class="wp-image-767"><figcaption class="wp-element-caption">Align left</figcaption></figure>');
    const large = pickSize(item, "large");
    expect(imageBlockHtml({ id: 9, ...large, alt: 'Sea "calm" & blue', sizeSlug: "large", align: "none", href: item.url, caption: " " }))
      .toBe('<figure class="wp-block-image size-large"><a href="/wp-content/uploads/2026/12/sea.jpg"><img src="/wp-content/uploads/2026/12/sea-1024x512.jpg" alt="Sea &quot;calm&quot; &amp; blue" class="wp-image-9" width="1024" height="512"></a></figure>');
    // A size the pipeline did not make falls back to the full file.
    expect(pickSize(item, "thumbnail")).toEqual({ src: item.url, width: 2000, height: 1000 });
  });

  it("writes galleries, players and file links as WordPress does", async () => {
    const img = { id: 1, src: "/a.jpg", alt: "", width: null, height: null, sizeSlug: "large" as const, align: "center" as const, href: "", caption: "" };
    expect(galleryBlockHtml([img, { ...img, id: 2, src: "/b.jpg" }], 2, true)).toBe(
      '<figure class="wp-block-gallery has-nested-images columns-2 is-cropped"><figure class="wp-block-image size-large"><img src="/a.jpg" alt="" class="wp-image-1"></figure><figure class="wp-block-image size-large"><img src="/b.jpg" alt="" class="wp-image-2"></figure></figure>',
    );
    expect(galleryBlockHtml([img], 1, false)).toMatch(/^<figure class="wp-block-gallery has-nested-images columns-1">/);
    expect(audioBlockHtml("/s.mp3")).toBe('<figure class="wp-block-audio"><audio controls src="/s.mp3"></audio></figure>');
    expect(videoBlockHtml("/c.mp4")).toBe('<figure class="wp-block-video"><video controls src="/c.mp4"></video></figure>');
    expect(fileBlockHtml("/m.pdf", "Menu <b>", "4")).toBe(
      '<div class="wp-block-file"><a id="wp-block-file--media-4" href="/m.pdf">Menu &lt;b&gt;</a><a href="/m.pdf" class="wp-block-file__button wp-element-button" download aria-describedby="wp-block-file--media-4">Download</a></div>',
    );
    expect(["image/png", "audio/mpeg", "video/webm", "application/pdf"].map(blockKindOf)).toEqual(["image", "audio", "video", "file"]);
  });

  it("survives the sanitizer for authors (no unfiltered_html) byte for byte, while script URLs do not", async () => {
    const blocks = [
      imageBlockHtml({ id: 3, src: "/x.jpg", alt: "X", width: 300, height: 200, sizeSlug: "medium", align: "center", href: "/x-full.jpg", caption: "Cap" }),
      galleryBlockHtml([{ id: 1, src: "/a.jpg", alt: "", width: null, height: null, sizeSlug: "large", align: "none", href: "", caption: "" }], 3, true),
      audioBlockHtml("/s.mp3"),
      videoBlockHtml("/c.mp4"),
      fileBlockHtml("/m.pdf", "Menu", "4"),
    ].join("");
    expect(sanitizePostHtml(blocks).replace(/ \/>/g, ">")).toBe(blocks);
    const hostile = '<figure class="wp-block-audio"><audio controls src="javascript:alert(1)" onplay="alert(2)"></audio></figure><div class="wp-block-file"><a href="javascript:alert(3)" download>f</a></div>';
    const clean = sanitizePostHtml(hostile);
    expect(clean).not.toMatch(/javascript:|onplay/);
    expect(clean).toContain('<figure class="wp-block-audio"><audio controls></audio></figure>');
  });
});
