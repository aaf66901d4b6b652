// WXR import: every valid fixture arrives, malformed ones change nothing, re-imports add nothing.
import fs from "node:fs";
import path from "node:path";
import { describe, it, expect, beforeAll } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { insertComment } from "@/db/queries/comments";
import { importFixture, dbCount, dbOne, dbSnapshot, fixturesDir } from "../support/wxr";
import { getPostIdByOldPath, importWxr, UNUSABLE_PASSWORD, WxrImportError } from "@/db/queries/wxr-import";
import { WxrError } from "@/lib/wxr/types";
import { verifyPassword } from "@/lib/auth/password";
import { databaseEngine } from "@/db";

let adminId: number;
beforeAll(async () => {
  adminId = (await makeUser("administrator")).id;
});


const posts = async (type: "post" | "page") => await dbCount("SELECT count(*) n FROM posts WHERE type = ?", type);
const terms = async (taxonomy: string) => await dbCount("SELECT count(*) n FROM terms WHERE taxonomy = ?", taxonomy);
const postByTitle = async (title: string) => await dbOne<{ id: number; status: string; sticky: number; password: string; slug: string; parent_id: number | null; menu_order: number; comment_status: string; excerpt: string; content: string; date: string; date_gmt: string }>("SELECT * FROM posts WHERE title = ?", title);

describe("WordPress theme unit test data", () => {
  let report: Awaited<ReturnType<typeof importFixture>>;
  beforeAll(async () => {
    report = await importFixture("theme-unit-test-data.xml", { fallbackAuthorId: adminId });
  });

  it("brings every post, page, category, tag and comment", async () => {
    expect(report.created).toMatchObject({ posts: 58, pages: 21, attachments: 37, comments: 33 });
    expect(await dbOne("SELECT 1 FROM users WHERE login = 'themedemos'")).toBeTruthy();
    expect(await dbOne("SELECT 1 FROM users WHERE login = 'themereviewteam'")).toBeTruthy();
    expect(await posts("post")).toBe(58);
    expect(await posts("page")).toBe(21);
    // 68 declared categories; 110 declared tags plus 4 used on posts without a declaration.
    expect(await terms("category")).toBe(68);
    expect(await terms("post_tag")).toBe(114);
    expect(await dbCount("SELECT count(*) n FROM comments")).toBe(33);
    expect(await dbCount("SELECT count(*) n FROM media")).toBe(37);
  });

  it.skipIf(databaseEngine() !== "postgres")("leaves PostgreSQL's planner statistics counting the imported rows, so the first pages after it are planned for them", async () => {
    const estimate = async (table: string) => Number((await dbOne<{ n: number }>("SELECT reltuples AS n FROM pg_class WHERE relname = ? AND relkind = 'r'", table))!.n);
    expect(await estimate("posts")).toBeGreaterThanOrEqual(58 + 21);
    expect(await estimate("comments")).toBeGreaterThanOrEqual(33);
  });

  it("counts each category's and tag's published posts, as the admin lists show them", async () => {
    const wrong = await dbCount(`SELECT count(*) n FROM terms t WHERE t.count <> (SELECT count(*) FROM post_terms pt JOIN posts p ON p.id = pt.post_id WHERE pt.term_id = t.id AND p.status = 'publish')`);
    expect(wrong).toBe(0);
    expect(await dbCount("SELECT count(*) n FROM terms WHERE taxonomy = 'category' AND count > 0")).toBeGreaterThan(10);
  });

  it("says what it skipped and why", () => {
    // Menus arrive now (tests/unit/menus/nav-menus.test.ts); nothing about them is reported as skipped.
    expect(report.created).toMatchObject({ menus: 6, "menu items": 70 });
    expect(report.skipped.find((s) => s.reason.includes("nav_menu"))).toBeUndefined();
  });

  it("keeps the 10-deep reply chain", async () => {
    const post = (await postByTitle("Template: Comments"))!;
    const depth = (await dbOne<{ d: number }>(
      `WITH RECURSIVE chain(id, d) AS (SELECT id, 1 FROM comments WHERE post_id = ? AND parent_id IS NULL
        UNION ALL SELECT c.id, chain.d + 1 FROM comments c JOIN chain ON c.parent_id = chain.id) SELECT max(d) d FROM chain`, post.id))!.d;
    expect(depth).toBe(10);
    expect((await dbOne<{ n: number }>("SELECT comment_count n FROM posts WHERE id = ?", post.id))!.n).toBe(await dbCount("SELECT count(*) n FROM comments WHERE post_id = ? AND status = '1'", post.id));
  });

  it("keeps sticky, password-protected, scheduled and draft posts as they were", async () => {
    expect(Number((await postByTitle("Template: Sticky"))!.sticky)).toBe(1);
    expect(await dbCount("SELECT count(*) n FROM posts WHERE sticky = true")).toBe(1);
    expect((await postByTitle('Template: Password Protected (the password is "enter")'))!.password).toBe("enter");
    expect((await postByTitle("Scheduled"))!.status).toBe("future");
    const draft = (await postByTitle("Draft"))!;
    expect(draft.status).toBe("draft");
    expect(draft.date_gmt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(draft.date_gmt.startsWith("0000")).toBe(false);
  });

  it("keeps Greek and markup-laden titles byte for byte, and Unicode slugs decoded", async () => {
    const greek = (await postByTitle("Ελληνικά-Greek"))!;
    expect(greek).toBeTruthy();
    expect(greek.slug).toMatch(/^[\p{L}\p{N}-]+$/u);
    expect(await postByTitle("Επίπεδο 2 -Second Greek level")).toBeTruthy();
    expect(await postByTitle("Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>")).toBeTruthy();
  });

  it("keeps page parents, menu order, categories with hierarchy, and authors who must reset their password", async () => {
    const child = await dbOne<{ parent: string }>("SELECT p.title parent FROM posts c JOIN posts p ON p.id = c.parent_id WHERE c.title = 'Επίπεδο 3'");
    expect(child?.parent).toBe("Επίπεδο 2 -Second Greek level");
    expect(await dbCount("SELECT count(*) n FROM terms WHERE taxonomy = 'category' AND parent_id IS NOT NULL")).toBeGreaterThan(5);
    const grand = await dbOne<{ p: string }>("SELECT p.slug p FROM terms c JOIN terms p ON p.id = c.parent_id WHERE c.slug = 'child-category-01'");
    expect(grand?.p).toBe("parent-category");
    const author = (await dbOne<{ role: string; password_hash: string; email: string }>("SELECT * FROM users WHERE login = 'themedemos'"))!;
    expect(author.role).toBe("author");
    expect(author.password_hash).toBe(UNUSABLE_PASSWORD);
  });

  it("links featured images and attachments to their posts, and comments to their users", async () => {
    const featured = (await dbOne<{ featured_media_id: number | null; id: number }>("SELECT id, featured_media_id FROM posts WHERE title = 'Template: Featured Image (Horizontal)'"))!;
    expect(featured.featured_media_id).toBeTruthy();
    expect((await dbOne<{ original_url: string }>("SELECT original_url FROM media WHERE id = ?", featured.featured_media_id))!.original_url).toMatch(/^https?:\/\/.+\.(jpe?g|png)$/);
    expect(await dbCount("SELECT count(*) n FROM media WHERE post_id IS NOT NULL")).toBeGreaterThan(0);
    expect(await dbCount("SELECT count(*) n FROM comments WHERE type = 'pingback'")).toBe(2);
    expect(await dbCount("SELECT count(*) n FROM comments WHERE type = 'trackback'")).toBe(2);
  });

  it("remembers old permalinks so old addresses still find the post", async () => {
    const sticky = (await postByTitle("Template: Sticky"))!;
    expect(await getPostIdByOldPath("/2012/01/07/template-sticky/")).toBe(sticky.id);
    expect(await getPostIdByOldPath("/2012/01/07/template-sticky")).toBe(sticky.id);
    expect(await getPostIdByOldPath("https://wpthemetestdata.wordpress.com/2012/01/07/template-sticky/")).toBe(sticky.id);
    expect(await getPostIdByOldPath("/2099/01/01/nothing-here/")).toBeUndefined();
  });

  it("adds nothing when the same file is imported again", async () => {
    const before = await dbSnapshot();
    const again = await importFixture("theme-unit-test-data.xml", { fallbackAuthorId: adminId });
    expect(again.created).toEqual({});
    expect(again.unchanged).toMatchObject({ posts: 58, pages: 21, comments: 33, attachments: 37 });
    expect(await dbSnapshot()).toEqual(before);
  });
});

describe("malformed files", () => {
  for (const [file, where] of [
    ["malformed.xml", /line 28/],
    ["malformed-simple.xml", /line 14/],
    ["crazy-cdata.xml", /"\]\]>" is disallowed.*line 18/],
    ["invalid-version-tag.xml", /version.*line 33/],
    ["missing-version-tag.xml", /version.*line 35/],
  ] as const) {
    it(`${file}: says where it broke and changes nothing`, async () => {
      const before = await dbSnapshot();
      const err = await importFixture(file, { fallbackAuthorId: adminId }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WxrError);
      expect((err as WxrError).line).toBeGreaterThan(0);
      expect((err as Error).message).toMatch(where);
      expect(await dbSnapshot()).toEqual(before);
    });
  }

  it("a file that breaks after many items imports none of them", async () => {
    const good = fs.readFileSync(path.join(fixturesDir, "small-export.xml"), "utf8");
    const broken = good.replace("</channel>", "<item><title>late</title></chanel>");
    const before = await dbSnapshot();
    await expect(importWxr([broken], { fallbackAuthorId: adminId })).rejects.toThrow(/line \d+/);
    expect(await dbSnapshot()).toEqual(before);
  });

  it("refuses DOCTYPE and entity declarations", async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;">]><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>&lol1;</title></item></channel></rss>`;
    await expect(importWxr([bomb], { fallbackAuthorId: adminId })).rejects.toThrow(/DOCTYPE/);
  });
});

describe("every other valid fixture", () => {
  const valid = [
    "a11y-unit-test-data.xml", "authors-multiline.xml", "backslashes.xml", "blank-lines.xml", "cdata-edge.xml", "chunked-meta.xml",
    "crazy-cdata-escaped.xml", "large-authors.xml", "missing-tags.xml", "multiple-cdata.xml", "namespace-edge-cases.xml",
    "post-content-blank-lines.xml", "slashes.xml", "small-export.xml", "term-formats.xml", "term-meta.xml",
    "test-serialized-comment-meta.xml", "test-serialized-postmeta-no-cdata.xml", "test-serialized-postmeta-with-cdata.xml",
    "test-serialized-term-meta.xml", "test-utw-post-meta-import.xml", "themeunittestdata.wordpress.xml", "valid-wxr-1.0.xml",
    "valid-wxr-1.1.xml", "wxr-flat-attachment-different-site.xml", "wxr-flat-attachment-same-site.xml", "wxr-simple.xml",
    "wxr-utf-8-challenges.xml", "wxr-with-sub-data.xml", "block-themes/64-block-test-data.xml", "block-themes/theme-preview.xml",
    "importer-e2e/wxr-base-url-rewriting.xml", "importer-e2e/wxr-comprehensive.xml", "importer-e2e/wxr-css-urls.xml", "importer-e2e/wxr-simple.xml",
  ];
  it("lists every fixture as valid or malformed", () => {
    const onDisk = fs.readdirSync(fixturesDir, { recursive: true }).map(String).filter((f) => f.endsWith(".xml"));
    const malformed = ["malformed.xml", "malformed-simple.xml", "crazy-cdata.xml", "invalid-version-tag.xml", "missing-version-tag.xml"];
    expect(onDisk.sort()).toEqual([...valid, ...malformed, "theme-unit-test-data.xml"].sort());
  });
  for (const file of valid) {
    it(`${file} imports, and a second import adds nothing`, async () => {
      const first = await importFixture(file, { fallbackAuthorId: adminId });
      expect(first.site.wxrVersion).toMatch(/^1\.[0-2]$/);
      const before = await dbSnapshot();
      await importFixture(file, { fallbackAuthorId: adminId });
      expect(await dbSnapshot()).toEqual(before);
    });
  }
});

describe("what small fixtures carry", () => {
  const post = async (title: string) => (await dbOne<{ id: number; content: string; slug: string; author_id: number }>("SELECT * FROM posts WHERE title = ? ORDER BY id DESC", title))!;
  const meta = async (postId: number, key: string) => (await dbOne<{ value: string }>("SELECT value FROM post_meta WHERE post_id = ? AND key = ?", postId, key))?.value;

  it("joins multiple CDATA sections and un-splits an escaped ]]>", async () => {
    expect((await post("Multi")).content).toBe("line oneline twoline three");
    const hello = (await dbOne<{ id: number; content: string }>("SELECT p.id, p.content FROM posts p JOIN post_meta m ON m.post_id = p.id WHERE m.key = 'Closing CDATA'"))!;
    expect(hello.content).toBe("Content with nested <![CDATA[ tags ]]> :)");
    expect(await meta(hello.id, "Closing CDATA")).toBe("]]>");
    expect((await post("Paths")).content).toBe("C:\\xampp\\htdocs\\wp-content");
    expect((await post("Edge")).content).toBe("ends with sequence ]] >");
  });

  it("reads the wp namespace from the document and ignores look-alikes", async () => {
    expect(await dbOne("SELECT 1 FROM users WHERE login = 'real_user'")).toBeTruthy();
    for (const login of ["fake_ns_user", "version_conflict", "custom_user"]) expect(await dbOne("SELECT 1 FROM users WHERE login = ?", login)).toBeUndefined();
    const mixed = await post("Mixed Namespaces");
    expect(await meta(mixed.id, "normal_key")).toBe("normal_value");
    expect(await meta(mixed.id, "malicious_key")).toBeUndefined();
    expect(await dbOne("SELECT 1 FROM posts WHERE title = 'Hijacked Namespace'")).toBeUndefined();
    expect((await post("Namespace Bomb")).content).toBe("&lol1;".repeat(10));
  });

  it("keeps right-to-left marks, emoji and Unicode slugs", async () => {
    const p = await post('"The Road \u202ENot\u202C Taken" by Rob\u202Dert \u202EFrost \u202A🌲\u202C');
    expect(p).toBeTruthy();
    expect(p.slug).toContain("💫".length ? "utf8" : "");
  });

  it("trims authors written over several lines and links their posts", async () => {
    const sample = await dbOne<{ login: string }>("SELECT u.login FROM posts p JOIN users u ON u.id = p.author_id WHERE p.title = 'Sample'");
    expect(sample?.login).toBe("alice");
    expect(await dbCount("SELECT count(*) n FROM users WHERE login LIKE 'user%'")).toBe(300);
  });

  it("keeps comment meta, post meta, and serialized values as text", async () => {
    const sub = await post("Post with sub data");
    expect(await meta(sub.id, "_test_meta_key")).toBe("test_meta_value");
    const cm = await dbOne<{ value: string }>("SELECT m.value FROM comment_meta m JOIN comments c ON c.id = m.comment_id WHERE c.post_id = ? AND m.key = '_comment_meta_key'", sub.id);
    expect(cm?.value).toBe("comment_meta_value");
    expect(await meta((await post("Test Post")).id, "_my_meta")).toBe('a:1:{s:3:"foo";s:3:"bar";}');
  });

  it("records attachments with their original URL and their parent post", async () => {
    const m = (await dbOne<{ original_url: string; path: string; post_id: number | null; mime_type: string }>("SELECT * FROM media WHERE original_url = 'https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg'"))!;
    expect(m.path).toBe("");
    expect(m.mime_type).toBe("image/jpeg");
    expect(await dbCount("SELECT count(*) n FROM media WHERE original_url = ?", m.original_url)).toBe(1);
  });
});

describe("author mapping", () => {
  it("maps an old login to an existing user and refuses a map to nobody", async () => {
    const editor = await makeUser("editor");
    const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:wp="https://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><wp:wxr_version>1.2</wp:wxr_version>
      <wp:author><wp:author_id>7</wp:author_id><wp:author_login>oldname</wp:author_login><wp:author_email>old@example.com</wp:author_email></wp:author>
      <item><title>Mapped post</title><dc:creator>oldname</dc:creator><wp:post_id>9001</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
      <wp:comment><wp:comment_id>77</wp:comment_id><wp:comment_author>Old Name</wp:comment_author><wp:comment_content>By the author</wp:comment_content><wp:comment_user_id>7</wp:comment_user_id><wp:comment_date>2020-01-01 00:00:00</wp:comment_date></wp:comment></item></channel></rss>`;
    await expect(importWxr([xml], { fallbackAuthorId: adminId, authorMap: { oldname: "nobody-here" } })).rejects.toBeInstanceOf(WxrImportError);
    const r = await importWxr([xml], { fallbackAuthorId: adminId, authorMap: { oldname: editor.login } });
    expect(r.mappedUsers).toBe(1);
    expect(r.created.users).toBeUndefined();
    expect((await dbOne<{ author_id: number }>("SELECT author_id FROM posts WHERE title = 'Mapped post'"))!.author_id).toBe(editor.id);
    expect(await dbOne("SELECT 1 FROM users WHERE login = 'oldname'")).toBeUndefined();
    expect((await dbOne<{ user_id: number }>("SELECT user_id FROM comments WHERE content = 'By the author'"))!.user_id).toBe(editor.id);
  });

  it("created authors cannot sign in until they reset their password", async () => {
    expect(await verifyPassword(UNUSABLE_PASSWORD, "")).toBe(false);
    expect(await verifyPassword(UNUSABLE_PASSWORD, UNUSABLE_PASSWORD)).toBe(false);
  });
});

describe("a post trashed in WordPress", () => {
  const item = (title: string, id: number, meta: string) => `<item><title>${title}</title><dc:creator>nobody</dc:creator>
    <content:encoded><![CDATA[x]]></content:encoded><wp:post_id>${id}</wp:post_id>
    <wp:post_date>2024-01-01 10:00:00</wp:post_date><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt>
    <wp:post_name>${title.toLowerCase().replaceAll(" ", "-")}</wp:post_name><wp:status>trash</wp:status><wp:post_type>post</wp:post_type>${meta}</item>`;
  const wxr = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>t</title><link>http://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
${item("Taken down in WordPress", 9001, "<wp:postmeta><wp:meta_key>_wp_trash_meta_status</wp:meta_key><wp:meta_value><![CDATA[publish]]></wp:meta_value></wp:postmeta>")}
${item("Trashed long ago", 9002, "")}
</channel></rss>`;

  it("keeps its status before the Trash (_wp_trash_meta_status) as the one it is judged by and restored to", async () => {
    await importWxr([wxr], { fallbackAuthorId: adminId });
    const taken = (await dbOne<{ id: number; status: string; trashed_from: string | null }>("SELECT * FROM posts WHERE title = ?", "Taken down in WordPress"))!;
    expect([taken.status, taken.trashed_from]).toEqual(["trash", "publish"]);
    expect(await dbOne("SELECT 1 FROM post_meta WHERE post_id = ? AND key = '_wp_trash_meta_status'", taken.id)).toBeUndefined();
    expect((await dbOne<{ trashed_from: string | null }>("SELECT * FROM posts WHERE title = ?", "Trashed long ago"))!.trashed_from).toBeNull();
  });
});

describe("WordPress IDs kept by the import", () => {
  const wxr = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>t</title><link>http://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Kept ID</title><content:encoded><![CDATA[x]]></content:encoded><wp:post_id>48000</wp:post_id>
  <wp:post_date>2024-02-01 10:00:00</wp:post_date><wp:post_date_gmt>2024-02-01 10:00:00</wp:post_date_gmt><wp:post_name>kept-id</wp:post_name>
  <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
  <wp:comment><wp:comment_id>47000</wp:comment_id><wp:comment_author>Ann</wp:comment_author><wp:comment_date>2024-02-02 10:00:00</wp:comment_date>
    <wp:comment_date_gmt>2024-02-02 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[kept]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>
    <wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment></item>
</channel></rss>`;

  it("keeps a free WordPress ID, and what is made afterwards gets a new one past it (PostgreSQL's sequences move on)", async () => {
    await importWxr([wxr], { fallbackAuthorId: adminId });
    expect(await dbOne("SELECT id FROM posts WHERE title = 'Kept ID'")).toEqual({ id: 48000 });
    expect(await dbOne("SELECT c.id, p.comment_count FROM comments c JOIN posts p ON p.id = c.post_id WHERE c.content = 'kept'")).toEqual({ id: 47000, comment_count: 1 });
    const after = await makePost(adminId, { title: "Made after the import" });
    expect(after.id).toBeGreaterThan(48000);
    const comment = await insertComment({ postId: after.id, content: "after", authorName: "Bo", status: "1", date: "2026-01-01 10:00:00", dateGmt: "2026-01-01 10:00:00" });
    expect(comment.id).toBeGreaterThan(47000);
  });

  it("a comment keeps its free WordPress ID even when a comment without one comes first in the file", async () => {
    // The next ID the database would hand out: the comment without an ID must not take it from the second.
    const next = Number((await dbOne<{ n: number }>("SELECT max(id) n FROM comments"))!.n) + 1;
    const comment = (id: number, text: string, parent = 0) => `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>Ann</wp:comment_author>
      <wp:comment_date>2024-03-02 10:00:0${id ? 1 : 0}</wp:comment_date><wp:comment_date_gmt>2024-03-02 10:00:00</wp:comment_date_gmt>
      <wp:comment_content><![CDATA[${text}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type>
      <wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;
    const file = wxr.replace("<wp:post_id>48000</wp:post_id>", "<wp:post_id>0</wp:post_id>").replace("Kept ID", "Order of IDs").replace("kept-id", "order-of-ids")
      .replace(/<wp:comment>[\s\S]*<\/wp:comment>/, comment(0, "no id") + comment(next, "has an id") + comment(next + 1, "a reply", next));
    await importWxr([file], { fallbackAuthorId: adminId });
    expect(await dbOne("SELECT id FROM comments WHERE content = 'has an id'")).toEqual({ id: next });
    expect(await dbOne("SELECT id, parent_id FROM comments WHERE content = 'a reply'")).toEqual({ id: next + 1, parent_id: next });
    expect(Number((await dbOne<{ id: number }>("SELECT id FROM comments WHERE content = 'no id'"))!.id)).toBeGreaterThan(next + 1);
    expect(await dbOne("SELECT comment_count FROM posts WHERE title = 'Order of IDs'")).toEqual({ comment_count: 3 });
  });

  it("gives an ID past 32 bits a new one, so later posts stay within what PostgreSQL and XML-RPC apps can hold", async () => {
    const huge = wxr.replace("<wp:post_id>48000</wp:post_id>", "<wp:post_id>9999999999</wp:post_id>").replace("Kept ID", "Huge ID").replace("kept-id", "huge-id").replace("<wp:comment_id>47000</wp:comment_id>", "<wp:comment_id>8888888888</wp:comment_id>").replace("[kept]", "[huge]");
    await importWxr([huge], { fallbackAuthorId: adminId });
    const row = await dbOne<{ id: number }>("SELECT id FROM posts WHERE title = 'Huge ID'");
    expect(Number(row!.id)).toBeLessThan(2 ** 31);
    const c = await dbOne<{ id: number }>("SELECT id FROM comments WHERE content = 'huge'");
    expect(Number(c!.id)).toBeLessThan(2 ** 31);
    expect((await makePost(adminId, { title: "After the huge one" })).id).toBeLessThan(2 ** 31);
  });
});
