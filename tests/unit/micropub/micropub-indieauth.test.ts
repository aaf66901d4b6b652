// IndieAuth (codes with PKCE, tokens) and Micropub (create, update, delete, undelete, source)
// against the real database, with the admin's capability rules and HTML filtering by role.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { getPostById, listTermsForPosts } from "@/db/queries/posts";
import { insertTerm } from "@/db/queries/terms";
import { issueCode, redeemCode } from "@/lib/indieauth/codes";
import { issueToken, listTokens, revokeToken, revokeTokenById, verifyToken, type TokenOwner } from "@/lib/indieauth/tokens";
import { AuthorizationRequestSchema } from "@/lib/validation/indieauth";
import { create, remove, source, undelete, update } from "@/lib/micropub/handle";
import { formToProps } from "@/lib/micropub/entry";
import { fromFault, MicropubError } from "@/lib/micropub/errors";
import { uploadFile } from "@/lib/xmlrpc/media";
import { XmlRpcFault } from "@/lib/linkbacks/xmlrpc";

process.env.AUTH_SECRET ??= "unit-test-secret-unit-test-secret";
const APP = { clientId: "https://quill.example/", redirectUri: "https://quill.example/auth/callback" };
const verifier = "a".repeat(43) + "-verifier";
const challenge = createHash("sha256").update(verifier).digest("base64url");

let author: TokenOwner;
let contributor: TokenOwner;
const idOf = (location: string) => Number(new URL(location).searchParams.get("p") ?? "0");
async function statusOf(p: Promise<unknown>): Promise<number | "ok"> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof MicropubError) return e.status;
    throw e;
  }
}

beforeAll(async () => {
  const a = await makeUser("author");
  const c = await makeUser("contributor");
  author = { id: a.id, role: "author", scope: ["create", "update", "delete", "media"], clientId: APP.clientId };
  contributor = { id: c.id, role: "contributor", scope: ["create", "update", "delete"], clientId: APP.clientId };
  await insertTerm({ taxonomy: "category", name: "Notes", slug: "notes" });
});

describe("IndieAuth", () => {
  it("a code is redeemed once, only by its client and redirect, only with the right PKCE verifier", async () => {
    const code = issueCode({ userId: author.id, ...APP, scope: ["create"], challenge });
    expect(await redeemCode(code, { ...APP, verifier: "b".repeat(50) })).toMatchObject({ ok: false, error: "The code_verifier does not match the code_challenge." });
    expect(await redeemCode(code, { clientId: "https://evil.example/", redirectUri: APP.redirectUri, verifier })).toMatchObject({ ok: false });
    expect(await redeemCode(code.replace(/.$/, (c) => (c === "A" ? "B" : "A")), { ...APP, verifier })).toMatchObject({ ok: false, error: "The code is not valid." });
    expect(await redeemCode(code, { ...APP, verifier })).toMatchObject({ ok: true, grant: { userId: author.id, scope: ["create"] } });
    expect(await redeemCode(code, { ...APP, verifier })).toEqual({ ok: false, error: "The code has already been used." });
    const old = issueCode({ userId: author.id, ...APP, scope: ["create"], challenge }, Date.now() - 11 * 60 * 1000);
    expect(await redeemCode(old, { ...APP, verifier })).toEqual({ ok: false, error: "The code has expired." });
  });

  it("the authorization request must name a redirect on the app's own host and a state", () => {
    const ok = { client_id: APP.clientId, redirect_uri: APP.redirectUri, state: "s1", code_challenge: challenge, code_challenge_method: "S256", scope: "create update bogus" };
    expect(AuthorizationRequestSchema.parse(ok).scope).toEqual(["create", "update"]);
    expect(AuthorizationRequestSchema.safeParse({ ...ok, redirect_uri: "https://evil.example/cb" }).success).toBe(false);
    expect(AuthorizationRequestSchema.safeParse({ ...ok, state: "" }).success).toBe(false);
    expect(AuthorizationRequestSchema.safeParse({ ...ok, code_challenge_method: "plain" }).success).toBe(false);
    expect(AuthorizationRequestSchema.safeParse({ ...ok, client_id: "javascript:alert(1)" }).success).toBe(false);
  });

  it("tokens are stored hashed, verified with the current role, and revoked by the app or the person", async () => {
    const t = await issueToken(author.id, APP.clientId, ["create"]);
    expect(await verifyToken(t)).toEqual({ id: author.id, role: "author", scope: ["create"], clientId: APP.clientId });
    const listed = await listTokens(author.id);
    expect(JSON.stringify(listed)).not.toContain(t);
    await revokeToken(t);
    expect(await verifyToken(t)).toBeNull();
    const t2 = await issueToken(author.id, APP.clientId, ["create"]);
    const id = (await listTokens(author.id)).at(-1)!.id;
    expect(await revokeTokenById(contributor.id, id)).toBe(false);
    expect(await verifyToken(t2)).not.toBeNull();
    expect(await revokeTokenById(author.id, id)).toBe(true);
    expect(await verifyToken(t2)).toBeNull();
    expect(await verifyToken("")).toBeNull();
  });
});

describe("Micropub", () => {
  it("creates a note from a form post: text escaped into paragraphs, existing categories as categories, others as tags", async () => {
    const props = formToProps([["content", "Hello <b>world</b>\n\nSecond"], ["category[]", "Notes"], ["category[]", "indieweb"], ["mp-slug", "hello-mp"]]);
    const location = await create(author, props, []);
    expect(location).toMatch(/^http:\/\/blog\.test\/\d{4}\/\d{2}\/\d{2}\/hello-mp\/$/);
    const src = await source(author, location, []);
    expect(src).toMatchObject({ type: ["h-entry"], properties: { content: [{ html: "<p>Hello &lt;b&gt;world&lt;/b&gt;</p>\n<p>Second</p>" }], "post-status": ["published"], "mp-slug": ["hello-mp"] } });
    expect(((src.properties as Record<string, string[]>).category ?? []).sort()).toEqual(["Notes", "indieweb"]);
    expect(await source(author, location, ["category"])).toEqual({ properties: { category: expect.arrayContaining(["Notes", "indieweb"]) } });
  });

  it("JSON html content from an author is sanitized as in the admin; a draft lives at ?p=ID", async () => {
    const loc = await create(author, { content: [{ html: '<p>ok</p><script>alert(1)</script><img src="x" onerror="steal()">' }], name: ["Article"], "post-status": ["draft"] }, []);
    const p = (await getPostById(idOf(loc)))!;
    expect(p.status).toBe("draft");
    expect(p.title).toBe("Article");
    expect(p.content).not.toMatch(/script|onerror/);
  });

  it("update replaces, adds and deletes properties; delete and undelete move it to the Trash and back", async () => {
    const post = await makePost(author.id, { status: "draft", title: "Old", content: "<p>old</p>" });
    const url = `http://blog.test/?p=${post.id}`;
    await update(author, url, { replace: { name: ["New title"], content: ["new text"] }, add: { category: ["added"] } });
    let p = (await getPostById(post.id))!;
    expect(p).toMatchObject({ title: "New title", content: "<p>new text</p>", status: "draft" });
    expect((await listTermsForPosts([post.id])).map((t) => t.name)).toContain("added");
    await update(author, url, { delete: { category: ["added"] } });
    expect((await listTermsForPosts([post.id])).map((t) => t.name)).not.toContain("added");
    await remove(author, url);
    expect((await getPostById(post.id))!.status).toBe("trash");
    await undelete(author, url);
    p = (await getPostById(post.id))!;
    expect(p.status).toBe("draft");
  });

  it("refuses what the admin refuses, with Micropub's statuses", async () => {
    const other = await makePost((await makeUser("editor")).id, { status: "publish" });
    expect(await statusOf(update(author, `http://blog.test/?p=${other.id}`, { replace: { name: ["Hijack"] } }))).toBe(403);
    expect(await statusOf(remove(author, `http://blog.test/?p=${other.id}`))).toBe(403);
    expect((await getPostById(other.id))!).toMatchObject({ status: "publish", title: other.title });
    // A contributor may not publish: forbidden, nothing written.
    expect(await statusOf(create(contributor, { content: ["Mine"] }, []))).toBe(403);
    expect(await statusOf(create({ ...author, scope: ["update"] }, { content: ["x"] }, []))).toBe(403);
    expect(await statusOf(create(author, {}, []))).toBe(400);
    expect(await statusOf(create(author, { content: ["x"], "post-status": ["live"] }, []))).toBe(400);
    expect(await statusOf(create(author, { content: ["x"], published: ["yesterday"] }, []))).toBe(400);
    expect(await statusOf(update(author, "http://elsewhere.example/?p=1", { replace: {} }))).toBe(400);
    expect(await statusOf(update(author, `http://blog.test/?p=${other.id}`, { replace: "name" }))).toBe(400);
    // A "draft" scope only ever writes drafts, even when the app asks to publish.
    const loc = await create({ ...author, scope: ["draft"] }, { content: ["draft only"], "post-status": ["published"] }, []);
    expect((await getPostById(idOf(loc)))!.status).toBe("draft");
  });

  it("an SVG upload is refused with 415 and one past the size limit with 413, as HTTP says it", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    let err: unknown;
    try {
      await uploadFile({ id: author.id, role: "author", displayName: "" }, { name: "x.svg", bits: svg });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(XmlRpcFault);
    expect(fromFault(err as XmlRpcFault)).toMatchObject({ status: 415, code: "invalid_request" });
    expect(fromFault(new XmlRpcFault(500, "The file is larger than the 10 MB limit."))).toMatchObject({ status: 413 });
  });
});
