// The read-only WordPress REST API: parameters, headers, field names, errors, and privacy.
import { describe, it, expect, beforeAll } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { insertComment } from "@/db/queries/comments";
import { insertTerm } from "@/db/queries/terms";
import { execute, rawSql } from "@/db";
import { GET } from "@/app/wp-json/[[...route]]/route";

async function api(path: string) {
  const url = new URL(path, "http://blog.test");
  const route = url.pathname.replace(/^\/wp-json\/?/, "").split("/").filter(Boolean);
  const res = await GET(new Request(url), { params: Promise.resolve({ route }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const ids = (body: { id: number }[]) => body.map((b) => b.id).sort((a, b) => a - b);
let author: Awaited<ReturnType<typeof makeUser>>;
let editor: Awaited<ReturnType<typeof makeUser>>;
const P: Record<string, number> = {};
let news: number, tagged: number;

beforeAll(async () => {
  author = await makeUser("author");
  editor = await makeUser("editor"); // has only a draft: not a public user
  await makeUser("subscriber");
  news = (await insertTerm({ taxonomy: "category", name: "News", slug: "news" })).id;
  tagged = (await insertTerm({ taxonomy: "post_tag", name: "Shiny", slug: "shiny" })).id;
  const link = (postId: number, termId: number) => execute(rawSql("INSERT INTO post_terms (post_id, term_id) VALUES (?, ?)", postId, termId));
  for (let i = 1; i <= 12; i++) {
    P[`pub${i}`] = (await makePost(author.id, { title: `Public ${i} apple`, slug: `public-${i}`, date: `2026-02-${String(i).padStart(2, "0")} 10:00:00`, dateGmt: `2026-02-${String(i).padStart(2, "0")} 09:00:00` })).id;
  }
  await link(P.pub1!, news);
  await link(P.pub2!, news);
  await link(P.pub2!, tagged);
  await execute(rawSql("UPDATE terms SET count = (SELECT count(*) FROM post_terms WHERE term_id = terms.id)"));
  P.draft = (await makePost(editor.id, { title: "Secret draft apple", status: "draft" })).id;
  P.private = (await makePost(author.id, { title: "Private apple", status: "private" })).id;
  P.future = (await makePost(author.id, { title: "Future apple", status: "future", date: "2099-01-01 00:00:00", dateGmt: "2099-01-01 00:00:00" })).id;
  P.locked = (await makePost(author.id, { title: "Locked", slug: "locked", password: "sesame", content: "<p>hidden words</p>", excerpt: "hidden excerpt" })).id;
  P.page = (await makePost(author.id, { type: "page", title: "About", slug: "about" })).id;
  P.draftPage = (await makePost(author.id, { type: "page", title: "Draft page", slug: "draft-page", status: "draft" })).id;
  const c = async (postId: number, status: "0" | "1" | "spam", content: string) =>
    (await insertComment({ postId, status, content, authorName: "Carol", authorEmail: "carol@secret.example", authorIp: "203.0.113.9", date: "2026-02-03 10:00:00", dateGmt: "2026-02-03 10:00:00" })).id;
  P.c1 = await c(P.pub1!, "1", "Approved words");
  P.c2 = await c(P.pub1!, "0", "Pending words");
  P.c3 = await c(P.pub1!, "spam", "Spam words");
  P.c4 = await c(P.draft!, "1", "On a draft");
  P.c5 = await c(P.locked!, "1", "On a locked post");
});

describe("/wp-json/wp/v2/posts", () => {
  it("lists published posts only, 10 per page, newest first, with X-WP-Total and X-WP-TotalPages", async () => {
    const r = await api("/wp-json/wp/v2/posts");
    expect(r.status).toBe(200);
    expect(r.headers.get("x-wp-total")).toBe("13");
    expect(r.headers.get("x-wp-totalpages")).toBe("2");
    expect(r.headers.get("link")).toContain('rel="next"');
    expect(r.body).toHaveLength(10);
    expect(r.body[0].id).toBe(P.pub12);
    for (const hidden of [P.draft, P.private, P.future, P.page]) expect(ids(r.body)).not.toContain(hidden);
    const second = await api("/wp-json/wp/v2/posts?page=2");
    expect(second.body).toHaveLength(3);
    expect(second.headers.get("link")).toContain('rel="prev"');
  });

  it("answers with WordPress's field names", async () => {
    const { body } = await api(`/wp-json/wp/v2/posts/${P.pub2}`);
    expect(body).toMatchObject({
      id: P.pub2, date: "2026-02-02T10:00:00", date_gmt: "2026-02-02T09:00:00", slug: "public-2", status: "publish", type: "post",
      link: "http://blog.test/2026/02/02/public-2/", title: { rendered: "Public 2 apple" }, author: author.id, featured_media: 0,
      comment_status: "open", ping_status: "open", sticky: false, categories: [news], tags: [tagged],
    });
    expect(body.content.rendered).toContain("Content");
    expect(body.content.protected).toBe(false);
    expect(typeof body.excerpt.rendered).toBe("string");
    expect(body.modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it("filters by search, categories, tags, author, slug; orders; keeps only _fields", async () => {
    expect(ids((await api("/wp-json/wp/v2/posts?search=apple&per_page=100")).body)).toHaveLength(12);
    expect(ids((await api(`/wp-json/wp/v2/posts?categories=${news}`)).body)).toEqual([P.pub1, P.pub2]);
    expect(ids((await api(`/wp-json/wp/v2/posts?tags[]=${tagged}`)).body)).toEqual([P.pub2]);
    expect((await api(`/wp-json/wp/v2/posts?author=${editor.id}`)).body).toEqual([]);
    expect(ids((await api("/wp-json/wp/v2/posts?slug=public-3,public-4")).body)).toEqual([P.pub3, P.pub4]);
    const asc = await api("/wp-json/wp/v2/posts?order=asc&orderby=date&per_page=2");
    expect(asc.body.map((p: { id: number }) => p.id)).toEqual([P.locked, P.pub1]);
    const byTitle = await api("/wp-json/wp/v2/posts?orderby=title&order=asc&per_page=1");
    expect(byTitle.body[0].title.rendered).toBe("Locked");
    const slim = await api(`/wp-json/wp/v2/posts?per_page=1&_fields=id,title.rendered,link`);
    expect(Object.keys(slim.body[0]).sort()).toEqual(["id", "link", "title"]);
    expect(slim.body[0].title).toEqual({ rendered: expect.any(String) });
  });

  it("never sends a password-protected post's content or excerpt", async () => {
    const { body, text } = await api(`/wp-json/wp/v2/posts/${P.locked}`);
    expect(body.content).toEqual({ rendered: "", protected: true });
    expect(body.excerpt).toEqual({ rendered: "", protected: true });
    expect(text).not.toContain("hidden");
    expect((await api("/wp-json/wp/v2/posts?search=hidden")).body).toEqual([]);
  });

  it("drafts, private and scheduled posts are not found, and asking for them by status is refused", async () => {
    for (const id of [P.draft, P.private, P.future]) {
      const r = await api(`/wp-json/wp/v2/posts/${id}`);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ code: "rest_post_invalid_id", message: "Invalid post ID.", data: { status: 404 } });
    }
    const r = await api("/wp-json/wp/v2/posts?status=draft");
    expect(r.status).toBe(400);
    expect(r.body.code).toBe("rest_invalid_param");
  });

  it("answers a client's mistakes in WordPress's error shape", async () => {
    const tooMany = await api("/wp-json/wp/v2/posts?per_page=101");
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({
      code: "rest_invalid_param", message: "Invalid parameter(s): per_page",
      data: { status: 400, params: { per_page: "per_page must be between 1 (inclusive) and 100 (inclusive)" } },
    });
    expect((await api("/wp-json/wp/v2/posts?categories=abc")).body.data.params).toHaveProperty("categories");
    expect((await api("/wp-json/wp/v2/posts?order=sideways")).status).toBe(400);
    const past = await api("/wp-json/wp/v2/posts?page=9");
    expect(past.status).toBe(400);
    expect(past.body.code).toBe("rest_post_invalid_page_number");
    const none = await api("/wp-json/wp/v2/nothing");
    expect(none.status).toBe(404);
    expect(none.body).toEqual({ code: "rest_no_route", message: "No route was found matching the URL and request method.", data: { status: 404 } });
  });
});

describe("pages, terms, users, comments, discovery", () => {
  it("lists published pages with parent and menu_order", async () => {
    const r = await api("/wp-json/wp/v2/pages");
    expect(ids(r.body)).toEqual([P.page]);
    expect(r.body[0]).toMatchObject({ type: "page", parent: 0, menu_order: 0, link: "http://blog.test/about/" });
    expect(r.body[0]).not.toHaveProperty("sticky");
    expect((await api(`/wp-json/wp/v2/pages/${P.draftPage}`)).status).toBe(404);
  });

  it("lists categories and tags with counts of published posts", async () => {
    const cats = await api("/wp-json/wp/v2/categories");
    expect(cats.body).toEqual([expect.objectContaining({ id: news, name: "News", slug: "news", taxonomy: "category", parent: 0, count: 2, link: "http://blog.test/category/news/" })]);
    const tags = await api(`/wp-json/wp/v2/tags?post=${P.pub2}`);
    expect(tags.body.map((t: { slug: string }) => t.slug)).toEqual(["shiny"]);
    expect(tags.headers.get("x-wp-total")).toBe("1");
    expect((await api("/wp-json/wp/v2/categories/999999")).body.code).toBe("rest_term_invalid");
  });

  it("shows only public user fields, and only users who have published", async () => {
    const r = await api("/wp-json/wp/v2/users");
    expect(ids(r.body)).toEqual([author.id]);
    expect(Object.keys(r.body[0]).sort()).toEqual(["_links", "avatar_urls", "description", "id", "link", "meta", "name", "slug", "url"]);
    expect(r.text).not.toContain("@example.com");
    expect(r.text).not.toMatch(/argon2|password|"email"|"username"|"roles"/);
    expect((await api(`/wp-json/wp/v2/users/${editor.id}`)).status).toBe(404);
  });

  it("lists approved comments on public posts only, without emails or IPs", async () => {
    const r = await api("/wp-json/wp/v2/comments");
    expect(ids(r.body)).toEqual([P.c1]);
    expect(r.body[0]).toMatchObject({ post: P.pub1, parent: 0, author_name: "Carol", status: "approved", type: "comment", content: { rendered: expect.stringContaining("Approved words") } });
    expect(r.text).not.toMatch(/carol@secret|203\.0\.113/);
    for (const id of [P.c2, P.c3, P.c4, P.c5]) expect((await api(`/wp-json/wp/v2/comments/${id}`)).status).toBe(404);
    expect((await api("/wp-json/wp/v2/comments?status=hold")).status).toBe(401);
  });

  it("answers discovery at /wp-json/ and /wp-json/wp/v2/", async () => {
    const root = await api("/wp-json/");
    // As WordPress lists them: oEmbed's own namespace beside the core API.
    expect(root.body.namespaces).toEqual(["oembed/1.0", "wp/v2"]);
    expect(root.body.routes).toHaveProperty("/wp/v2/posts");
    const ns = await api("/wp-json/wp/v2/");
    expect(ns.body.namespace).toBe("wp/v2");
  });
});
