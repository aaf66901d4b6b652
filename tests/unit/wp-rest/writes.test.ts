// The REST API's writes, called as the route handler is by Next, authenticated by application
// passwords: WordPress's status codes, error bodies and permission rules per role, the admin's
// sanitizing, and bad input that leaves nothing half-written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";

process.env.AUTH_SECRET = "unit-test-secret";
process.env.INKWELL_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-rest-"));
vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { makePost, makeUser } = await import("../support/factories");
const { createAppPassword } = await import("@/lib/auth/app-passwords");
const { createRestNonce, verifyRestNonce } = await import("@/lib/wp-rest/nonce");
const { queryRow, rawSql } = await import("@/db");
const { updateOptions } = await import("@/db/queries/options");
const route = await import("@/app/wp-json/[[...route]]/route");

type Who = { login: string; password: string } | null;
const basic = (w: Who): Record<string, string> => (w ? { authorization: `Basic ${Buffer.from(`${w.login}:${w.password}`).toString("base64")}` } : {});

async function api(method: string, p: string, who: Who = null, body?: unknown, headers: Record<string, string> = {}) {
  const url = new URL(p, "http://blog.test");
  const segs = url.pathname.replace(/^\/wp-json\/?/, "").split("/").filter(Boolean);
  const json: Record<string, string> = typeof body === "string" || body === undefined || body instanceof Uint8Array ? {} : { "content-type": "application/json" };
  const init: RequestInit = { method, headers: { "x-inkwell-client-ip": "127.0.0.1", ...basic(who), ...json, ...headers } };
  if (body !== undefined) init.body = typeof body === "string" || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
  const handler = (route as unknown as Record<string, (r: Request, c: unknown) => Promise<Response>>)[method]!;
  const res = await handler(new Request(url, init), { params: Promise.resolve({ route: segs }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const count = async (table: string) => Number((await queryRow<{ n: number | string }>(rawSql(`SELECT count(*) AS n FROM ${table}`)))!.n);
const who = async (role: Parameters<typeof makeUser>[0]) => {
  const u = await makeUser(role);
  return { id: u.id, login: u.login, password: (await createAppPassword(u.id, "test")).password };
};
let admin: Awaited<ReturnType<typeof who>>, editor: typeof admin, author: typeof admin, contributor: typeof admin, subscriber: typeof admin;

beforeAll(async () => {
  [admin, editor, author, contributor, subscriber] = [await who("administrator"), await who("editor"), await who("author"), await who("contributor"), await who("subscriber")];
});

describe("authentication", () => {
  it("refuses writes from nobody, a wrong password, and plain HTTP from another machine", async () => {
    expect(await api("POST", "/wp-json/wp/v2/posts", null, { title: "x" })).toMatchObject({ status: 401, body: { code: "rest_cannot_create", data: { status: 401 } } });
    expect(await api("POST", "/wp-json/wp/v2/posts", { login: author.login, password: "abcd abcd abcd abcd abcd abcd" }, { title: "x" }))
      .toMatchObject({ status: 401, body: { code: "incorrect_password", message: "The provided password is an invalid application password.", data: { status: 401 } } });
    expect(await api("POST", "/wp-json/wp/v2/posts", author, { title: "x" }, { "x-inkwell-client-ip": "203.0.113.9" })).toMatchObject({ status: 401, body: { code: "application_passwords_disabled" } });
    expect(await api("POST", "/wp-json/wp/v2/posts", author, { title: "x" }, { "x-inkwell-client-ip": "203.0.113.9", "x-forwarded-proto": "https" })).toMatchObject({ status: 201 });
  });

  it("locks an account after five wrong application passwords", async () => {
    const u = await who("author");
    // From an address of its own (still this machine), so that the lock on it leaves the other tests alone.
    const from = { "x-inkwell-client-ip": "127.0.0.9" };
    for (let i = 0; i < 5; i++) expect((await api("GET", "/wp-json/wp/v2/users/me", { login: u.login, password: "wrong" }, undefined, from)).status).toBe(401);
    expect(await api("GET", "/wp-json/wp/v2/users/me", u, undefined, from)).toMatchObject({ status: 429, body: { code: "too_many_retries" } });
  });

  it("answers users/me for the password's owner, with roles in context=edit", async () => {
    expect(await api("GET", "/wp-json/wp/v2/users/me")).toMatchObject({ status: 401, body: { code: "rest_not_logged_in" } });
    const me = await api("GET", "/wp-json/wp/v2/users/me?context=edit", editor);
    expect(me.body).toMatchObject({ id: editor.id, username: editor.login, roles: ["editor"], capabilities: { edit_others_posts: true } });
    expect(me.body.capabilities.manage_options).toBeUndefined();
  });

  it("makes X-WP-Nonce values that are good for their user only", () => {
    const n = createRestNonce(7);
    expect(verifyRestNonce(n, 7)).toBe(true);
    expect(verifyRestNonce(n, 8)).toBe(false);
    expect(verifyRestNonce(createRestNonce(7, Date.now() - 30 * 3600_000), 7)).toBe(false);
  });
});

describe("posts and pages", () => {
  it("creates a published post with categories and tags, in WordPress's shape, sanitized for an author", async () => {
    const cat = await api("POST", "/wp-json/wp/v2/categories", editor, { name: "Field notes" });
    const tag = await api("POST", "/wp-json/wp/v2/tags", editor, { name: "birds" });
    const res = await api("POST", "/wp-json/wp/v2/posts", author, {
      title: "From my phone", content: "<p>Hello <script>alert(1)</script><strong>world</strong></p>", status: "publish", categories: [cat.body.id], tags: [tag.body.id],
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`http://blog.test/wp-json/wp/v2/posts/${res.body.id}`);
    expect(res.body).toMatchObject({ status: "publish", type: "post", author: author.id, title: { raw: "From my phone" }, categories: [cat.body.id], tags: [tag.body.id] });
    expect(res.body.content.raw).toBe("<p>Hello <strong>world</strong></p>");
    const pub = await api("GET", `/wp-json/wp/v2/posts/${res.body.id}`);
    expect(pub.body.title.rendered).toBe("From my phone");
    expect(pub.body.content.raw).toBeUndefined();
  });

  it("keeps an editor's HTML as written (unfiltered_html)", async () => {
    const res = await api("POST", "/wp-json/wp/v2/posts", editor, { title: "Embed", content: '<iframe src="https://example.com/x"></iframe>' });
    expect(res.body).toMatchObject({ status: "draft" });
    expect(res.body.content.raw).toContain("<iframe");
  });

  it("schedules a post dated in the future, and lets a contributor only submit for review", async () => {
    const future = await api("POST", "/wp-json/wp/v2/posts", author, { title: "Later", status: "publish", date: "2099-05-01T09:30:00" });
    expect(future.body).toMatchObject({ status: "future", date: "2099-05-01T09:30:00" });
    const before = (await count("posts"));
    expect(await api("POST", "/wp-json/wp/v2/posts", contributor, { title: "Mine", status: "publish" }))
      .toMatchObject({ status: 403, body: { code: "rest_cannot_publish", data: { status: 403 } } });
    expect((await count("posts"))).toBe(before);
    expect((await api("POST", "/wp-json/wp/v2/posts", contributor, { title: "Mine", status: "pending" })).body.status).toBe("pending");
    expect(await api("POST", "/wp-json/wp/v2/posts", subscriber, { title: "No" })).toMatchObject({ status: 403, body: { code: "rest_cannot_create" } });
    expect(await api("POST", "/wp-json/wp/v2/pages", author, { title: "No" })).toMatchObject({ status: 403, body: { code: "rest_cannot_create" } });
  });

  it("lets an author edit their own posts, not others', and not make them sticky", async () => {
    const other = await makePost(editor.id, { title: "Editor's" });
    expect(await api("POST", `/wp-json/wp/v2/posts/${other.id}`, author, { title: "Mine now" })).toMatchObject({ status: 403, body: { code: "rest_cannot_edit" } });
    const own = await api("POST", "/wp-json/wp/v2/posts", author, { title: "Own", status: "publish" });
    expect((await api("PUT", `/wp-json/wp/v2/posts/${own.body.id}`, author, { title: "Own, edited" })).body).toMatchObject({ title: { raw: "Own, edited" }, status: "publish" });
    expect(await api("POST", `/wp-json/wp/v2/posts/${own.body.id}`, author, { sticky: true })).toMatchObject({ status: 403, body: { code: "rest_cannot_assign_sticky" } });
    expect((await api("POST", `/wp-json/wp/v2/posts/${own.body.id}`, editor, { sticky: true })).body.sticky).toBe(true);
    expect(await api("POST", "/wp-json/wp/v2/posts/999999", author, { title: "x" })).toMatchObject({ status: 404, body: { code: "rest_post_invalid_id" } });
  });

  it("trashes, refuses to trash twice, and deletes for good with force", async () => {
    const p = await api("POST", "/wp-json/wp/v2/posts", author, { title: "Short-lived", status: "publish" });
    expect((await api("DELETE", `/wp-json/wp/v2/posts/${p.body.id}`, author)).body.status).toBe("trash");
    expect(await api("DELETE", `/wp-json/wp/v2/posts/${p.body.id}`, author)).toMatchObject({ status: 410, body: { code: "rest_already_trashed" } });
    expect(await api("DELETE", `/wp-json/wp/v2/posts/${p.body.id}?force=true`, author)).toMatchObject({ status: 200, body: { deleted: true, previous: { id: p.body.id } } });
    expect((await api("GET", `/wp-json/wp/v2/posts/${p.body.id}`, author)).status).toBe(404);
  });

  it("shows a writer their drafts in context=edit, and nobody else's unless they may edit others'", async () => {
    const draft = await api("POST", "/wp-json/wp/v2/posts", author, { title: "Secret draft" });
    expect((await api("GET", `/wp-json/wp/v2/posts/${draft.body.id}?context=edit`, author)).body.content.raw).toBe("");
    expect((await api("GET", `/wp-json/wp/v2/posts/${draft.body.id}`)).status).toBe(404);
    expect((await api("GET", `/wp-json/wp/v2/posts/${draft.body.id}`, contributor)).status).toBe(403);
    const mine = await api("GET", "/wp-json/wp/v2/posts?status=draft&context=edit", author);
    expect(mine.body.map((p: { id: number }) => p.id)).toContain(draft.body.id);
    expect(mine.body.every((p: { author: number }) => p.author === author.id)).toBe(true);
    expect((await api("GET", "/wp-json/wp/v2/posts?status=draft", editor)).body.map((p: { id: number }) => p.id)).toContain(draft.body.id);
    expect(await api("GET", "/wp-json/wp/v2/posts?status=draft")).toMatchObject({ status: 400 });
    expect(await api("GET", "/wp-json/wp/v2/posts?context=edit")).toMatchObject({ status: 401, body: { code: "rest_forbidden_context" } });
  });

  it("refuses malformed JSON, unknown fields and bad values, writing nothing", async () => {
    const before = (await count("posts"));
    expect(await api("POST", "/wp-json/wp/v2/posts", author, '{"title": "x",', { "content-type": "application/json" })).toMatchObject({ status: 400, body: { code: "rest_invalid_json" } });
    expect(await api("POST", "/wp-json/wp/v2/posts", author, { title: "x", colour: "red" })).toMatchObject({ status: 400, body: { code: "rest_additional_properties_forbidden" } });
    expect(await api("POST", "/wp-json/wp/v2/posts", author, { title: "x", status: "published" })).toMatchObject({ status: 400, body: { code: "rest_invalid_param", data: { params: { status: expect.any(String) } } } });
    expect(await api("POST", "/wp-json/wp/v2/posts", author, { title: "x", date: "2026-02-31T10:00:00" })).toMatchObject({ status: 400, body: { code: "rest_invalid_param", data: { params: { date: "Invalid date." } } } });
    expect(await api("POST", "/wp-json/wp/v2/posts", author, { title: "x", featured_media: 999999 })).toMatchObject({ status: 400, body: { code: "rest_invalid_featured_media" } });
    expect((await count("posts"))).toBe(before);
  });

  it("embeds the author and terms with _embed", async () => {
    const p = await api("POST", "/wp-json/wp/v2/posts", author, { title: "Embedded", status: "publish" });
    const res = await api("GET", `/wp-json/wp/v2/posts/${p.body.id}?_embed`);
    expect(res.body._embedded.author[0]).toMatchObject({ id: author.id });
    expect(res.body._embedded["wp:term"]).toHaveLength(2);
  });
});

describe("terms", () => {
  it("needs manage_categories, refuses a duplicate, and deletes only with force", async () => {
    expect(await api("POST", "/wp-json/wp/v2/categories", author, { name: "Nope" })).toMatchObject({ status: 403, body: { code: "rest_cannot_create" } });
    const c = await api("POST", "/wp-json/wp/v2/categories", editor, { name: "Travel", description: "Away" });
    expect(c).toMatchObject({ status: 201, body: { name: "Travel", slug: "travel", taxonomy: "category" } });
    expect(await api("POST", "/wp-json/wp/v2/categories", editor, { name: "Travel" })).toMatchObject({ status: 400, body: { code: "term_exists" } });
    expect((await api("POST", `/wp-json/wp/v2/categories/${c.body.id}`, editor, { name: "Journeys" })).body.name).toBe("Journeys");
    expect(await api("DELETE", `/wp-json/wp/v2/categories/${c.body.id}`, editor)).toMatchObject({ status: 501, body: { code: "rest_trash_not_supported" } });
    expect(await api("DELETE", `/wp-json/wp/v2/categories/${c.body.id}?force=true`, editor)).toMatchObject({ status: 200, body: { deleted: true } });
    // The default category is nobody's to delete (WordPress answers 403 for it, force or not).
    const fallback = await api("POST", "/wp-json/wp/v2/categories", editor, { name: "Uncategorized here" });
    await updateOptions({ default_category: fallback.body.id });
    expect(await api("DELETE", `/wp-json/wp/v2/categories/${fallback.body.id}`, admin)).toMatchObject({ status: 403, body: { code: "rest_cannot_delete" } });
    expect(await api("DELETE", `/wp-json/wp/v2/categories/${fallback.body.id}?force=true`, admin)).toMatchObject({ status: 403, body: { code: "rest_cannot_delete" } });
  });
});

describe("media", () => {
  it("uploads a picture sent raw with Content-Disposition, with its alt text and caption", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } }).png().toBuffer();
    const res = await api("POST", "/wp-json/wp/v2/media?alt_text=A%20red%20square&caption=Red", author, new Uint8Array(png), { "content-type": "image/png", "content-disposition": 'attachment; filename="red square.png"' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ media_type: "image", mime_type: "image/png", alt_text: "A red square", caption: { raw: "Red" }, media_details: { width: 40, height: 30 }, missing_image_sizes: [] });
    expect(res.body.source_url).toMatch(/^http:\/\/blog\.test\/wp-content\/uploads\/\d{4}\/\d\d\/red-square\.png$/);
    expect((await api("POST", `/wp-json/wp/v2/media/${res.body.id}`, author, { alt_text: "A square, red" })).body.alt_text).toBe("A square, red");
    expect((await api("GET", "/wp-json/wp/v2/media")).body.map((m: { id: number }) => m.id)).toContain(res.body.id);
    const post = await api("POST", "/wp-json/wp/v2/posts", author, { title: "With picture", featured_media: res.body.id, status: "publish" });
    expect(post.body.featured_media).toBe(res.body.id);
    expect((await api("GET", `/wp-json/wp/v2/posts/${post.body.id}?_embed`)).body._embedded["wp:featuredmedia"][0].id).toBe(res.body.id);
  });

  it("refuses forbidden types, missing names and roles without upload_files, storing nothing", async () => {
    const before = (await count("media"));
    expect(await api("POST", "/wp-json/wp/v2/media", author, new TextEncoder().encode("<html><script>x</script></html>"), { "content-type": "text/html", "content-disposition": "attachment; filename=page.html" }))
      .toMatchObject({ status: 415, body: { code: "rest_upload_sideload_error" } });
    expect(await api("POST", "/wp-json/wp/v2/media", author, new Uint8Array([1, 2, 3]), { "content-type": "image/png" })).toMatchObject({ status: 400, body: { code: "rest_upload_no_content_disposition" } });
    expect(await api("POST", "/wp-json/wp/v2/media", contributor, new Uint8Array([1]), { "content-disposition": "attachment; filename=a.png" })).toMatchObject({ status: 403, body: { code: "rest_cannot_create" } });
    expect((await count("media"))).toBe(before);
  });
});

describe("comments", () => {
  it("takes comments from signed-in users only, and lets the post's moderators hold them", async () => {
    const post = await makePost(author.id, { title: "Talk" });
    expect(await api("POST", "/wp-json/wp/v2/comments", null, { post: post.id, content: "Hi" })).toMatchObject({ status: 401, body: { code: "rest_comment_login_required" } });
    const c = await api("POST", "/wp-json/wp/v2/comments", editor, { post: post.id, content: "Nice <b>post</b>" });
    expect(c).toMatchObject({ status: 201, body: { post: post.id, author: editor.id, status: "approved" } });
    expect(await api("POST", `/wp-json/wp/v2/comments/${c.body.id}`, contributor, { status: "hold" })).toMatchObject({ status: 403 });
    expect((await api("POST", `/wp-json/wp/v2/comments/${c.body.id}`, author, { status: "hold" })).body.status).toBe("hold");
    expect((await api("GET", `/wp-json/wp/v2/comments/${c.body.id}`)).status).toBe(404);
    expect(await api("POST", "/wp-json/wp/v2/comments", subscriber, { post: post.id, content: "" })).toMatchObject({ status: 400, body: { code: "rest_comment_content_invalid" } });
  });
});

describe("site routes", () => {
  it("lists every route with its methods, and the authorization endpoint for apps", async () => {
    const index = (await api("GET", "/wp-json/")).body;
    expect(index.authentication["application-passwords"].endpoints.authorization).toBe("http://blog.test/wp-admin/authorize-application.php");
    expect(index.routes["/wp/v2/posts"].methods).toEqual(["GET", "POST"]);
    expect(index.routes["/wp/v2/media/(?P<id>[\\d]+)"].methods).toContain("DELETE");
    for (const r of ["/wp/v2/types", "/wp/v2/taxonomies", "/wp/v2/statuses", "/wp/v2/search", "/wp/v2/settings", "/wp/v2/users/me"]) expect(index.routes[r]).toBeDefined();
  });

  it("answers types, taxonomies, statuses and search as WordPress", async () => {
    expect((await api("GET", "/wp-json/wp/v2/types")).body.post).toMatchObject({ slug: "post", rest_base: "posts" });
    expect(await api("GET", "/wp-json/wp/v2/types/nope")).toMatchObject({ status: 404, body: { code: "rest_type_invalid" } });
    expect(Object.keys((await api("GET", "/wp-json/wp/v2/taxonomies")).body)).toEqual(["category", "post_tag"]);
    expect(Object.keys((await api("GET", "/wp-json/wp/v2/statuses")).body)).toEqual(["publish"]);
    expect(Object.keys((await api("GET", "/wp-json/wp/v2/statuses", author)).body)).toContain("draft");
    await makePost(author.id, { title: "Searchable zebra", slug: "zebra" });
    const found = await api("GET", "/wp-json/wp/v2/search?search=zebra");
    expect(found.body[0]).toMatchObject({ title: "Searchable zebra", type: "post", subtype: "post" });
  });

  it("lets administrators alone read and change settings, checked as Settings checks them", async () => {
    expect(await api("GET", "/wp-json/wp/v2/settings", editor)).toMatchObject({ status: 403, body: { code: "rest_forbidden" } });
    expect((await api("POST", "/wp-json/wp/v2/settings", admin, { title: "Notes from afar", posts_per_page: 7 })).body).toMatchObject({ title: "Notes from afar", posts_per_page: 7 });
    expect(await api("POST", "/wp-json/wp/v2/settings", admin, { title: "Changed", posts_per_page: "lots" })).toMatchObject({ status: 400, body: { code: "rest_invalid_param" } });
    expect((await api("GET", "/wp-json/wp/v2/settings", admin)).body.title).toBe("Notes from afar");
  });
});
