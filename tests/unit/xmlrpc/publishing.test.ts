// XML-RPC publishing (lib/xmlrpc/) against the real database: MetaWeblog, Blogger and wp.*
// methods with WordPress's fault codes, the admin's capability rules, HTML filtering by role,
// uploads through the media pipeline, the Settings switch, and system.multicall's lockout.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { updateOptions } from "@/db/queries/options";
import { getPostById, listTermsForPosts } from "@/db/queries/posts";
import { insertTerm } from "@/db/queries/terms";
import { getMediaById } from "@/db/queries/media";
import { methodResponse, parseMethodCall, XmlRpcFault, type XmlRpcValue } from "@/lib/linkbacks/xmlrpc";
import { PUBLISHING_METHODS } from "@/lib/xmlrpc/methods";
import { multicall } from "@/lib/xmlrpc/dispatch";
import { validateOption } from "@/lib/options/set-option";
import { createAppPassword, revokeAppPassword } from "@/lib/auth/app-passwords";

process.env.INKWELL_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-xmlrpc-"));
const PW = "correct horse battery";
let ipN = 0;
/** Each test from its own address, so that one test's wrong passwords do not lock another's. */
const ctx = () => ({ ip: `198.51.100.${++ipN}` });
const call = (name: string, ...params: XmlRpcValue[]) => PUBLISHING_METHODS[name]!(params, ctx());
async function faultOf(p: Promise<unknown>): Promise<{ code: number; message: string } | "ok"> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof XmlRpcFault) return { code: e.code, message: e.message };
    throw e;
  }
}

let admin: { login: string; id: number };
let editor: { login: string; id: number };
let author: { login: string; id: number };
let contributor: { login: string; id: number };
let subscriber: { login: string; id: number };
let news = 0;

beforeAll(async () => {
  [admin, editor, author, contributor, subscriber] = await Promise.all([makeUser("administrator"), makeUser("editor"), makeUser("author"), makeUser("contributor"), makeUser("subscriber")]);
  news = (await insertTerm({ taxonomy: "category", name: "News", slug: "news" })).id;
});

describe("application passwords on XML-RPC", () => {
  it("sign an app in as its user, with or without the spaces, until revoked", async () => {
    const { password, item } = await createAppPassword(author.id, "MarsEdit");
    const profile = (await call("wp.getProfile", "1", author.login, password)) as { user_id: string };
    expect(profile.user_id).toBe(String(author.id));
    expect(await faultOf(call("wp.getProfile", "1", author.login, password.replace(/ /g, "")))).toBe("ok");
    expect(await faultOf(call("wp.getProfile", "1", editor.login, password))).toMatchObject({ code: 403 });
    await revokeAppPassword(author.id, item.uuid);
    expect(await faultOf(call("wp.getProfile", "1", author.login, password))).toMatchObject({ code: 403 });
  });
});

describe("MetaWeblog", () => {
  it("newPost publishes with categories, tags and the more text; getPost reads it back in WordPress's shape", async () => {
    const id = await call("metaWeblog.newPost", "1", author.login, PW, {
      title: "From MarsEdit",
      description: "<p>Hello</p>",
      mt_text_more: "<p>The rest</p>",
      mt_keywords: "apps, writing",
      categories: ["News", "No such category"],
      wp_slug: "from-marsedit",
      mt_allow_comments: 0,
    }, true);
    expect(typeof id).toBe("string");
    const post = (await getPostById(Number(id)))!;
    expect(post).toMatchObject({ status: "publish", title: "From MarsEdit", slug: "from-marsedit", authorId: author.id, commentStatus: "closed" });
    expect(post.content).toBe("<p>Hello</p><!--more--><p>The rest</p>");
    const terms = await listTermsForPosts([post.id]);
    expect(terms.map((t) => `${t.taxonomy}:${t.name}`).sort()).toEqual(["category:News", "post_tag:apps", "post_tag:writing"]);

    const got = (await call("metaWeblog.getPost", id as string, author.login, PW)) as Record<string, XmlRpcValue>;
    expect(got).toMatchObject({ postid: id, title: "From MarsEdit", description: "<p>Hello</p>", mt_text_more: "<p>The rest</p>", categories: ["News"], mt_keywords: "apps, writing", post_status: "publish", wp_slug: "from-marsedit", mt_allow_comments: 0 });
    expect(got.link).toMatch(/^http:\/\/blog\.test\/\d{4}\/\d{2}\/\d{2}\/from-marsedit\/$/);
    expect(got.dateCreated).toBeInstanceOf(Date);
  });

  it("publish=false saves a draft; a dateCreated in the future with publish schedules", async () => {
    const draft = await call("metaWeblog.newPost", "1", author.login, PW, { title: "Draft from app", description: "x" }, false);
    expect((await getPostById(Number(draft)))!.status).toBe("draft");
    const future = new Date(Date.now() + 86_400_000 * 3);
    const sched = await call("metaWeblog.newPost", "1", author.login, PW, { title: "Later", description: "x", dateCreated: future }, true);
    const p = (await getPostById(Number(sched)))!;
    expect(p.status).toBe("future");
    expect(p.dateGmt).toBe(future.toISOString().slice(0, 19).replace("T", " "));
  });

  it("editPost changes the post; another author's post is 401, a missing one 404", async () => {
    const id = Number(await call("metaWeblog.newPost", "1", author.login, PW, { title: "Before", description: "a" }, true));
    expect(await call("metaWeblog.editPost", String(id), author.login, PW, { title: "After", description: "b" }, true)).toBe(true);
    expect((await getPostById(id))!).toMatchObject({ title: "After", content: "b", status: "publish" });
    const other = await makeUser("author");
    expect(await faultOf(call("metaWeblog.editPost", String(id), other.login, PW, { title: "Hijack" }, true))).toEqual({ code: 401, message: "Sorry, you are not allowed to edit this post." });
    expect(await faultOf(call("metaWeblog.editPost", "999999", author.login, PW, { title: "x" }, true))).toMatchObject({ code: 404, message: "Invalid post ID." });
    expect((await getPostById(id))!.title).toBe("After");
  });

  it("a contributor may save drafts but not publish (401), as in the admin", async () => {
    expect(await faultOf(call("metaWeblog.newPost", "1", contributor.login, PW, { title: "Mine", description: "x" }, true))).toEqual({ code: 401, message: "Sorry, you are not allowed to publish this post." });
    const id = await call("metaWeblog.newPost", "1", contributor.login, PW, { title: "Pending one", description: "x", post_status: "pending" }, false);
    expect((await getPostById(Number(id)))!.status).toBe("pending");
    expect(await faultOf(call("metaWeblog.newPost", "1", subscriber.login, PW, { title: "No", description: "x" }, false))).toMatchObject({ code: 401 });
  });

  it("an author's script and iframe are removed, exactly as the admin editor does; an editor's HTML is kept", async () => {
    const html = '<p onclick="steal()">Hi<script>alert(1)</script></p><iframe src="https://evil.example/"></iframe>';
    const a = (await getPostById(Number(await call("metaWeblog.newPost", "1", author.login, PW, { title: "XSS", description: html }, false))))!;
    expect(a.content).not.toMatch(/script|onclick|iframe/);
    expect(a.content).toContain("Hi");
    const e = (await getPostById(Number(await call("metaWeblog.newPost", "1", editor.login, PW, { title: "Trusted", description: html }, false))))!;
    expect(e.content).toBe(html);
  });

  it("getRecentPosts lists only the author's own posts, newest first; getCategories lists categories", async () => {
    const mine = (await call("metaWeblog.getRecentPosts", "1", author.login, PW, 50)) as Record<string, XmlRpcValue>[];
    expect(mine.length).toBeGreaterThan(2);
    expect(mine.every((p) => p.userid === String(author.id))).toBe(true);
    const editorSees = (await call("metaWeblog.getRecentPosts", "1", editor.login, PW, 100)) as Record<string, XmlRpcValue>[];
    expect(editorSees.some((p) => p.userid === String(author.id))).toBe(true);
    const cats = (await call("metaWeblog.getCategories", "1", author.login, PW)) as Record<string, XmlRpcValue>[];
    expect(cats.find((c) => c.categoryName === "News")).toMatchObject({ categoryId: String(news), htmlUrl: "http://blog.test/category/news/" });
  });

  it("newMediaObject stores an image with its sizes; a forbidden type leaves nothing", async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#c33" } }).png().toBuffer();
    const r = (await call("metaWeblog.newMediaObject", "1", author.login, PW, { name: "Photo From App.png", type: "image/png", bits: png })) as Record<string, string>;
    expect(r.url).toMatch(/^http:\/\/blog\.test\/wp-content\/uploads\/\d{4}\/\d{2}\/photo-from-app\.png$/);
    const m = (await getMediaById(Number(r.id)))!;
    expect(m).toMatchObject({ mimeType: "image/png", width: 400, height: 300, authorId: author.id });
    expect(fs.existsSync(path.join(process.env.INKWELL_DATA_DIR!, "uploads", m.path))).toBe(true);
    expect(JSON.parse(m.sizes)).toHaveProperty("thumbnail");

    const before = fs.readdirSync(path.dirname(path.join(process.env.INKWELL_DATA_DIR!, "uploads", m.path))).length;
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await faultOf(call("metaWeblog.newMediaObject", "1", author.login, PW, { name: "x.svg", type: "image/svg+xml", bits: svg }))).toEqual({ code: 500, message: "Sorry, you are not allowed to upload this file type." });
    expect(fs.readdirSync(path.dirname(path.join(process.env.INKWELL_DATA_DIR!, "uploads", m.path))).length).toBe(before);
    expect(await faultOf(call("metaWeblog.newMediaObject", "1", contributor.login, PW, { name: "a.png", bits: png }))).toEqual({ code: 401, message: "Sorry, you are not allowed to upload files." });
    expect(await faultOf(call("metaWeblog.newMediaObject", "1", author.login, PW, { name: "a.png", bits: "not base64 at all" }))).toMatchObject({ code: -32602 });
  });
});

describe("Blogger and wp.*", () => {
  it("getUsersBlogs answers the one blog with its XML-RPC address", async () => {
    const blogs = (await call("blogger.getUsersBlogs", "appkey", admin.login, PW)) as Record<string, XmlRpcValue>[];
    expect(blogs).toEqual([{ isAdmin: true, url: "http://blog.test/", blogid: "1", blogName: "Inkwell", xmlrpc: "http://blog.test/xmlrpc.php" }]);
    expect(((await call("wp.getUsersBlogs", author.login, PW)) as Record<string, XmlRpcValue>[])[0]!.isAdmin).toBe(false);
  });

  it("wp.newPost with term ids and names, wp.editPost, wp.getPost, then wp.deletePost moves it to the Trash", async () => {
    const id = await call("wp.newPost", "1", editor.login, PW, {
      post_title: "Via wp.newPost",
      post_content: "<p>Body</p>",
      post_status: "publish",
      sticky: true,
      terms: { category: [news] },
      terms_names: { post_tag: ["python"] },
    });
    const p = (await getPostById(Number(id)))!;
    expect(p).toMatchObject({ status: "publish", sticky: true, title: "Via wp.newPost" });
    expect(await call("wp.editPost", "1", editor.login, PW, id, { post_title: "Edited", post_excerpt: "Short" })).toBe(true);
    const got = (await call("wp.getPost", "1", editor.login, PW, Number(id))) as Record<string, XmlRpcValue>;
    expect(got).toMatchObject({ post_id: id, post_title: "Edited", post_excerpt: "Short", post_content: "<p>Body</p>", post_status: "publish", post_type: "post", sticky: true });
    expect((got.terms as Record<string, XmlRpcValue>[]).map((t) => t.name).sort()).toEqual(["News", "python"]);
    expect(await call("wp.deletePost", "1", editor.login, PW, id)).toBe(true);
    expect((await getPostById(Number(id)))!.status).toBe("trash");
    expect(await faultOf(call("wp.getPosts", "1", editor.login, PW, { post_type: "post", post_status: "publish" }).then((r) => {
      if ((r as Record<string, XmlRpcValue>[]).some((x) => x.post_id === id)) throw new Error("trashed post listed as published");
    }))).toBe("ok");
  });

  it("refuses what the admin refuses: sticky by an author, another author, unknown terms and taxonomies, pages by an author", async () => {
    expect(await faultOf(call("wp.newPost", "1", author.login, PW, { post_title: "S", sticky: true }))).toEqual({ code: 401, message: "Sorry, you are not allowed to make posts sticky." });
    expect(await faultOf(call("wp.newPost", "1", author.login, PW, { post_title: "S", post_author: editor.id }))).toEqual({ code: 401, message: "Sorry, you are not allowed to create posts as this user." });
    expect(await faultOf(call("wp.newPost", "1", author.login, PW, { post_title: "S", terms: { category: [987654] } }))).toEqual({ code: 403, message: "Invalid term ID." });
    expect(await faultOf(call("wp.newPost", "1", author.login, PW, { post_title: "S", terms_names: { genre: ["x"] } }))).toEqual({ code: 403, message: "Invalid taxonomy." });
    expect(await faultOf(call("wp.newPost", "1", author.login, PW, { post_type: "page", post_title: "P" }))).toMatchObject({ code: 401 });
    expect(await faultOf(call("wp.newPost", "1", author.login, PW, { post_type: "attachment" }))).toMatchObject({ code: -32602 });
    expect(await faultOf(call("wp.newPost", "1", author.login, PW, { post_title: 42 }))).toEqual({ code: -32602, message: "Invalid method parameters: post_title: Invalid input: expected string, received number" });
    expect(await faultOf(call("wp.newPost", "1", author.login, PW))).toEqual({ code: 400, message: "Insufficient arguments passed to this XML-RPC method." });
    const other = await makePost(editor.id, { status: "publish" });
    expect(await faultOf(call("wp.deletePost", "1", author.login, PW, other.id))).toEqual({ code: 401, message: "Sorry, you are not allowed to delete this post." });
    expect((await getPostById(other.id))!.status).toBe("publish");
  });

  it("wp.editPost with if_not_modified_since refuses to overwrite a newer save (409)", async () => {
    const id = await call("wp.newPost", "1", author.login, PW, { post_title: "Lock", post_content: "v1" });
    const old = new Date(Date.now() - 3_600_000);
    expect(await faultOf(call("wp.editPost", "1", author.login, PW, id, { post_content: "v2", if_not_modified_since: old }))).toEqual({ code: 409, message: "There is a revision of this post that is more recent." });
    expect((await getPostById(Number(id)))!.content).toBe("v1");
  });

  it("wp.getTerms, wp.getProfile, wp.getOptions and wp.uploadFile", async () => {
    const cats = (await call("wp.getTerms", "1", author.login, PW, "category")) as Record<string, XmlRpcValue>[];
    expect(cats.find((t) => t.name === "News")).toMatchObject({ term_id: String(news), taxonomy: "category", slug: "news" });
    expect(await faultOf(call("wp.getTerms", "1", author.login, PW, "genre"))).toEqual({ code: 403, message: "Invalid taxonomy." });
    expect(await call("wp.getProfile", "1", author.login, PW)).toMatchObject({ user_id: String(author.id), username: author.login, roles: ["author"] });
    expect(await faultOf(call("wp.getProfile", "1", subscriber.login, PW))).toEqual({ code: 401, message: "Sorry, you are not allowed to edit your profile." });
    const o = (await call("wp.getOptions", "1", author.login, PW, ["blog_title", "software_version"])) as Record<string, Record<string, XmlRpcValue>>;
    expect(o.blog_title).toEqual({ desc: "Site Title", readonly: true, value: "Inkwell" });
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#00f" } }).png().toBuffer();
    const up = (await call("wp.uploadFile", "1", author.login, PW, { name: "tiny.png", type: "image/png", bits: png })) as Record<string, XmlRpcValue>;
    expect(up).toMatchObject({ type: "image/png", file: "tiny.png" });
    expect(String(up.url)).toMatch(/tiny\.png$/);
  });
});

describe("signing in", () => {
  it("a wrong password is fault 403 with WordPress's words; XML-RPC turned off is 405 even with the right one", async () => {
    expect(await faultOf(call("wp.getUsersBlogs", author.login, "wrong"))).toEqual({ code: 403, message: "Incorrect username or password." });
    expect(await faultOf(call("wp.getUsersBlogs", "nobody-here", PW))).toEqual({ code: 403, message: "Incorrect username or password." });
    await updateOptions({ enable_xmlrpc: false });
    try {
      expect(await faultOf(call("wp.getUsersBlogs", author.login, PW))).toEqual({ code: 405, message: "XML-RPC services are disabled on this site." });
      expect(await faultOf(call("metaWeblog.newPost", "1", author.login, PW, { title: "x" }, true))).toMatchObject({ code: 405 });
    } finally {
      await updateOptions({ enable_xmlrpc: true });
    }
    expect(await call("wp.getUsersBlogs", author.login, PW)).toHaveLength(1);
  });

  it("the command line's `option set enable_xmlrpc` goes through Settings → Writing's schema", async () => {
    expect(await validateOption("enable_xmlrpc", "false")).toEqual({ enable_xmlrpc: false, enable_micropub: true });
    await expect(validateOption("enable_micropub", "maybe")).rejects.toThrow(/true or false/);
  });

  it("system.multicall counts every call inside toward the lockout: the sixth guess is refused even with the right password", async () => {
    const victim = await makeUser("author");
    const here = { ip: "203.0.113.99" };
    const guesses = ["a", "b", "c", "d", "e", PW, PW].map((pw) => ({ methodName: "wp.getUsersBlogs", params: [victim.login, pw] }));
    const results = (await multicall([guesses], (n, p) => PUBLISHING_METHODS[n]!(p, here))) as Record<string, XmlRpcValue>[];
    expect(results.slice(0, 5).map((r) => r.faultString)).toEqual(Array(5).fill("Incorrect username or password."));
    expect(results[5]).toMatchObject({ faultCode: 403, faultString: "Too many failed sign-in attempts. Try again in 15 minutes." });
    expect(results[6]).toMatchObject({ faultCode: 403, faultString: "Too many failed sign-in attempts. Try again in 15 minutes." });
    // The account is locked for other addresses too, as after five wrong passwords in the form.
    expect(await faultOf(PUBLISHING_METHODS["wp.getUsersBlogs"]!([victim.login, PW], { ip: "203.0.113.100" }))).toEqual({ code: 403, message: "Too many failed sign-in attempts. Try again in 15 minutes." });
  });

  it("system.multicall refuses recursion and more than 50 calls", async () => {
    const r = (await multicall([[{ methodName: "system.multicall", params: [] }]], async () => "x")) as Record<string, XmlRpcValue>[];
    expect(r[0]).toMatchObject({ faultCode: -32600 });
    await expect(multicall([Array(51).fill({ methodName: "wp.getUsersBlogs", params: [] })], async () => "x")).rejects.toThrow(/At most 50/);
  });
});

describe("the wire format", () => {
  it("reads base64 and dateTime.iso8601 as Python's xmlrpc.client sends them, and writes them back", () => {
    const body = `<?xml version='1.0'?><methodCall><methodName>x</methodName><params>
<param><value><base64>
aGVsbG8g
d29ybGQ=
</base64></value></param>
<param><value><dateTime.iso8601>20260314T09:30:00</dateTime.iso8601></value></param>
<param><value><dateTime.iso8601>2026-03-14T09:30:00+02:00</dateTime.iso8601></value></param>
</params></methodCall>`;
    const { params } = parseMethodCall(body);
    expect((params[0] as Buffer).toString()).toBe("hello world");
    expect((params[1] as Date).toISOString()).toBe("2026-03-14T09:30:00.000Z");
    expect((params[2] as Date).toISOString()).toBe("2026-03-14T07:30:00.000Z");
    expect(methodResponse([params[1]!, Buffer.from("hi")])).toContain("<dateTime.iso8601>20260314T09:30:00</dateTime.iso8601></value><value><base64>aGk=</base64>");
    expect(() => parseMethodCall(body.replace("20260314T09:30:00", "yesterday"))).toThrow(XmlRpcFault);
  });
});
