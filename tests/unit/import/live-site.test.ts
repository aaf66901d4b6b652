// Importing a live WordPress by its address: the answers of a real WordPress 6.1 (theme unit test
// content), recorded by tests/fixtures/wp-rest/record.mjs and replayed from loopback, go through
// the same import as a WXR file. Bad sites stop the import before anything is written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeWxr } from "@/db/queries/wxr-import";
import { getOptions } from "@/db/queries/options";
import { downloadImportedMedia } from "@/lib/wxr/media-download";
import { readWordPressSite, SiteImportError } from "@/lib/wp-site/read";
import { inferPermalinkStructure } from "@/lib/wp-site/permalinks";
import { normalizeSiteAddress } from "@/lib/wp-site/client";
import { RestPostSchema } from "@/lib/wp-site/schemas";
import { RECORDED_APP_PASSWORD, RECORDED_USER, startWpReplay, type Answer, type Replay } from "../../fixtures/wp-rest/replay";
import { makeUser } from "../support/factories";
import { dbAll, dbCount, dbOne, dbSnapshot } from "../support/wxr";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-live-site-"));
process.env.INKWELL_DATA_DIR = dataDir;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const creds = { user: RECORDED_USER, appPassword: RECORDED_APP_PASSWORD };
let wp: Replay;
let importer: number;
beforeAll(async () => {
  wp = await startWpReplay();
  importer = (await makeUser("administrator")).id;
});
afterAll(() => wp.close());

const read = (address: string, opts: Parameters<typeof readWordPressSite>[1] = {}) => readWordPressSite(address, { allowHosts: "127.0.0.1", ...opts });
const importedId = async (wpId: number) => (await dbOne<{ id: number }>("SELECT post_id AS id FROM post_meta WHERE key = '_wp_import_id' AND value = ?", String(wpId)))?.id;

describe("a site read with a username and application password", () => {
  it("imports drafts, scheduled and protected posts with their raw blocks and shortcodes, comments of every kind, authors' emails and the settings", async () => {
    const site = await read(wp.origin, { ...creds, settings: true });
    const report = await writeWxr(site, { fallbackAuthorId: importer });
    expect(report.created).toMatchObject({ posts: 119, pages: 22, attachments: 35, comments: 35, categories: 73, tags: 118, users: 3 });
    expect(report.notes.join(" ")).not.toMatch(/without a username/);
    expect(report.notes).toContain(
      "Settings copied from the site: Site Title, Tagline, Permalink structure, Blog pages show at most, Allow people to submit comments on new posts, Allow link notifications from other blogs.",
    );

    const byWp = async (wpId: number) => (await dbOne<{ status: string; title: string; content: string; password: string; date: string; dateGmt: string; sticky: number; slug: string }>(
      'SELECT status, title, content, password, date, date_gmt AS "dateGmt", sticky, slug FROM posts WHERE id = ?', await importedId(wpId),
    ))!;
    expect(await byWp(1153)).toMatchObject({ status: "future", title: "Scheduled", date: "2030-01-01 12:00:18", dateGmt: "2030-01-01 19:00:18" });
    expect(await byWp(1164)).toMatchObject({ status: "draft", title: "Draft" });
    expect(await byWp(1168)).toMatchObject({ status: "publish", password: "enter", title: 'Template: Password Protected (the password is "enter")' });
    expect(Number((await byWp(1241)).sticky)).toBe(1);
    // Raw content: block delimiters and shortcodes as written, not WordPress's rendering of them.
    expect((await byWp(24)).content).toContain("<!-- wp:columns");
    expect((await byWp(555)).content).toMatch(/\[gallery[^\]]*\]/);
    // The old address keeps working (a redirect to the new permalink).
    expect(await dbOne("SELECT value FROM post_meta WHERE post_id = ? AND key = '_wp_old_permalink'", await importedId(555))).toEqual({ value: "/2010/09/10/post-format-gallery/" });

    expect(await dbOne("SELECT email, display_name AS name FROM users WHERE login = 'themedemos'")).toEqual({ email: "themeshaperwp+demos@gmail.com", name: "Theme Buster" });
    expect(await dbCount("SELECT count(*) AS n FROM comments WHERE status = '0'")).toBe(3);
    expect(await dbCount("SELECT count(*) AS n FROM comments WHERE type IN ('pingback', 'trackback')")).toBe(4);
    // Threads: comment 11 answers comment 10 on post 1148.
    const reply = (await dbOne<{ parent: number }>("SELECT parent_id AS parent FROM comments WHERE id = 11"))!;
    expect(reply.parent).toBe(10);
    const cats = (await dbAll<{ slug: string }>(
      "SELECT t.slug FROM post_terms pt JOIN terms t ON t.id = pt.term_id WHERE pt.post_id = ? AND t.taxonomy = 'category' ORDER BY t.slug", await importedId(555),
    )).map((r) => r.slug);
    expect(cats).toEqual(["classic", "post-formats"]);

    const o = await getOptions();
    expect(o).toMatchObject({ blogname: "Theme Unit Test", blogdescription: "Just another WordPress site", permalink_structure: "/%year%/%monthnum%/%day%/%postname%/", posts_per_page: 10 });
  });

  it("adds nothing when the same site is imported again, with or without credentials", async () => {
    const before = await dbSnapshot();
    const again = await writeWxr(await read(wp.origin, creds), { fallbackAuthorId: importer });
    expect(again.created).toEqual({});
    expect(again.unchanged).toMatchObject({ posts: 119, pages: 22, comments: 35, attachments: 35 });
    // Without credentials guids arrive HTML-escaped and titles texturized: the same posts are still recognized.
    const anon = await writeWxr(await read(wp.origin), { fallbackAuthorId: importer });
    expect(anon.created).toEqual({});
    expect(await dbSnapshot()).toEqual(before);
  });

  it("downloads the attachments from the site and points the posts at the copies", async () => {
    const report = await downloadImportedMedia({ allowHosts: "127.0.0.1" });
    // The recorded site's library holds 35 images; its audio, video and PDF files are not in it.
    expect(report).toMatchObject({ downloaded: 35, failed: [] });
    expect(report.rewritten).toBeGreaterThan(10);
    const oldImage = new RegExp(`${wp.origin}/wp-content/uploads/[^"' )]+\\.(?:jpe?g|png|gif)`);
    const left = (await dbAll<{ id: number; content: string }>("SELECT id, content FROM posts")).filter((p) => oldImage.test(p.content));
    expect(left.map((p) => p.id)).toEqual([]);
    expect(await dbCount("SELECT count(*) AS n FROM posts WHERE content LIKE '%src=\"/wp-content/uploads/%'")).toBeGreaterThan(10);
  });
});

describe("a site read with an Editor's application password", () => {
  it("takes the authors' public fields and the index's title when users' emails and the settings are forbidden", async () => {
    const forbidden = { status: 403, headers: { "content-type": "application/json; charset=UTF-8" }, body: JSON.stringify({ code: "rest_forbidden_context", message: "Sorry, you are not allowed to list users.", data: { status: 403 } }) };
    const editorSite = await startWpReplay({ route: (p, req) => (req.headers.authorization && (p.startsWith("/wp-json/wp/v2/users?context=edit") || p.startsWith("/wp-json/wp/v2/settings")) ? forbidden : undefined) });
    try {
      const site = await read(editorSite.origin, { ...creds, settings: true });
      expect(site.items.filter((i) => i.postType === "post")).toHaveLength(119);
      expect(site.authors.map((a) => [a.login, a.email])).toEqual([["admin", ""], ["themedemos", ""], ["themereviewteam", ""]]);
      expect(site.options).toMatchObject({ blogname: "Theme Unit Test" });
      expect(site.options).not.toHaveProperty("posts_per_page");
    } finally {
      await editorSite.close();
    }
  });
});

describe("a site read without credentials", () => {
  it("takes only what visitors see, as rendered, leaves protected posts behind and says so", async () => {
    const site = await read(`${wp.origin}/`);
    const posts = site.items.filter((i) => i.postType === "post");
    expect(posts).toHaveLength(116);
    expect(posts.every((p) => p.status === "publish")).toBe(true);
    expect(posts.find((p) => p.postId === 1168)).toBeUndefined();
    // Rendered titles are decoded once, so "&" is a character again.
    expect(posts.find((p) => p.postId === 1174)?.title).toBe("Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:'”?,.>");
    expect(posts.find((p) => p.postId === 24)?.content).not.toContain("<!-- wp:");
    expect(site.authors.map((a) => [a.login, a.email])).toEqual([["admin", ""], ["themedemos", ""], ["themereviewteam", ""]]);
    expect(site.notes?.[0]).toMatch(/^Read without a username and application password: posts arrived as the site renders them/);
    expect(site.notes).toContain("1 password-protected post was left behind: their content needs a username and application password.");
    expect(site.options).toBeUndefined();
  });

  it("asks only the routes WordPress has, a page at a time, without credentials", () => {
    const anon = wp.requests.filter((r) => r.startsWith("anon GET /wp-json/wp/v2/posts?"));
    expect(anon.length).toBeGreaterThanOrEqual(2);
    expect(anon.every((r) => r.includes("per_page=100"))).toBe(true);
  });
});

describe("a large site", () => {
  // Every collection announces `pages` pages of nothing; a small delay keeps requests overlapping.
  async function bigSite(pages: number) {
    return await startWpReplay({
      route(p, _req, origin): Answer {
        if (p.startsWith("/wp-json/?")) return { headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Big", url: origin, home: origin, namespaces: ["wp/v2"] }) };
        if (p.startsWith("/wp-json/wp/v2/users/me")) return { headers: { "content-type": "application/json" }, body: '{"id":1}' };
        return { headers: { "content-type": "application/json", "x-wp-totalpages": String(pages) }, body: "[]" };
      },
    });
  }

  it("reads every page of every collection with at most 4 requests at once", async () => {
    const big = await bigSite(40);
    try {
      const site = await read(big.origin, creds);
      expect(site.items).toEqual([]);
      // 9 collections (comments three times: comment, pingback, trackback) of 40 pages, the index and the credentials check.
      expect(big.requests).toHaveLength(9 * 40 + 2);
      expect(big.maxInFlight).toBeLessThanOrEqual(4);
    } finally {
      await big.close();
    }
  });

  it("stops at 200 pages of one collection and says to export a file instead", async () => {
    const huge = await bigSite(201);
    try {
      await expect(read(huge.origin)).rejects.toThrow(/has more than 20000 items at \/wp\/v2\/.*; export it with Tools → Export and import the file instead/);
    } finally {
      await huge.close();
    }
  });
});

describe("a site that cannot be imported", () => {
  const json = (body: unknown, status = 200) => ({ status, headers: { "content-type": "application/json; charset=UTF-8" }, body: JSON.stringify(body) });
  const html = { headers: { "content-type": "text/html; charset=UTF-8" }, body: "<!doctype html><title>Just a blog</title><p>Hello" };
  let bad: Replay;
  beforeAll(async () => {
    bad = await startWpReplay({
      route(p, _req, origin) {
        const site = p.split("/")[1];
        const rest = "/" + p.split("/").slice(2).join("/");
        if (site === "html") return html;
        if (site === "other-api") return rest.startsWith("/wp-json/") ? json({ name: "x", namespaces: ["oembed/1.0"] }) : html;
        if (site === "forbidden") return json({ code: "rest_forbidden", message: "Sorry" }, 403);
        if (site === "private-redirect") return { status: 302, headers: { location: "http://10.0.0.7/wp-json/" } };
        if (site === "offsite-redirect") return { status: 301, headers: { location: "http://127.0.0.2:9/wp-json/" } };
        if (!["broken", "crash", "shape"].includes(site!)) return undefined;
        if (rest.startsWith("/wp-json/?")) return json({ name: "A", description: "", url: `${origin}/${site}`, home: `${origin}/${site}`, namespaces: ["wp/v2"] });
        if (!rest.startsWith("/wp-json/wp/v2/posts")) return json([], 200);
        if (site === "broken") return { headers: { "content-type": "application/json" }, body: '[{"id": 1, "title": ' };
        if (site === "crash") return json({ code: "internal_server_error" }, 500);
        return json([{ id: "one", type: "post" }]);
      },
    });
  });
  afterAll(() => bad.close());

  const cases: [string, string, RegExp][] = [
    ["an HTML site", "html", /does not look like a WordPress site: it has no REST API \(\/wp-json\/ with the wp\/v2 namespace\)/],
    ["a REST API without wp/v2", "other-api", /does not look like a WordPress site/],
    ["403", "forbidden", /refused to show its REST API \(HTTP 403\)/],
    ["a 5xx", "crash", /answered HTTP 500 \(a server error\) at \/wp\/v2\/posts; try again later/],
    ["malformed JSON", "broken", /sent malformed JSON for \/wp\/v2\/posts/],
    ["items of the wrong shape", "shape", /an item of \/wp\/v2\/posts that is not what WordPress sends \(item 1: id: /],
    ["a redirect to a private address", "private-redirect", /Refused: .* leads to a private or local network address/],
  ];
  for (const [name, site, message] of cases) {
    it(`refuses ${name} with one message and writes nothing`, async () => {
      const before = await dbSnapshot();
      const err = await read(`${bad.origin}/${site}`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SiteImportError);
      expect((err as Error).message).toMatch(message);
      expect(await dbSnapshot()).toEqual(before);
    });
  }

  it("refuses a wrong application password with WordPress's own 401", async () => {
    const err = await read(wp.origin, { user: RECORDED_USER, appPassword: "wrong pass word" }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/refused the username or application password \(HTTP 401 at \/wp\/v2\/users\/me\)/);
  });

  it("refuses a private address typed by the user, and a site address that is not one", async () => {
    await expect(readWordPressSite("http://192.168.1.10")).rejects.toThrow(/Refused: http:\/\/192\.168\.1\.10 .* private or local network/);
    await expect(readWordPressSite("localhost:8080")).rejects.toThrow(/private or local network/);
    expect(() => normalizeSiteAddress("ftp://old.example")).toThrow(/must start with http/);
    expect(normalizeSiteAddress(" old.example/blog/ ")).toBe("https://old.example/blog");
  });
});

describe("the permalink structure, rebuilt from posts' links", () => {
  const post = (id: number, slug: string, date: string, link: string) =>
    RestPostSchema.parse({ id, type: "post", status: "publish", date, slug, link, guid: { rendered: "" }, title: { rendered: slug }, content: { rendered: "" } });
  it("finds day-and-name, a custom base with the ID, and plain links; refuses links that disagree", () => {
    const a = post(7, "hello", "2020-03-04T05:06:07", "https://old.example/2020/03/04/hello/");
    const b = post(9, "again", "2021-11-12T00:00:00", "https://old.example/2021/11/12/again/");
    expect(inferPermalinkStructure("https://old.example", [a, b])).toBe("/%year%/%monthnum%/%day%/%postname%/");
    expect(inferPermalinkStructure("https://old.example/blog", [post(7, "hello", "2020-03-04T05:06:07", "https://old.example/blog/archives/7")])).toBe("/archives/%post_id%");
    expect(inferPermalinkStructure("https://old.example", [post(7, "hello", "2020-03-04T05:06:07", "https://old.example/?p=7")])).toBe("");
    const odd = post(9, "again", "2021-11-12T00:00:00", "https://old.example/again/");
    expect(inferPermalinkStructure("https://old.example", [a, odd])).toBeNull();
  });
});
