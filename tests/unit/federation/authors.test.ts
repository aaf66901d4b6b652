// Authors as fediverse actors, over real HTTP on loopback against a second, independent Fedify
// (a "remote server" that verifies every signature): an author who enables their fediverse
// profile is found by WebFinger (handle and author URL) and has an actor of their own; a remote
// follows the author (Accept signed by the author's key); the author's post goes out signed by
// the author's key, attributedTo the author, to the author's and the blog's followers (each
// shared inbox once); Undo(Follow) removes only that follow; the actor mode setting decides which
// actors exist; turning the profile off sends Delete(actor) and the actor answers 410.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeServers, listen, settle as settleJobs, toRequest } from "../support/fedi-peer";
import { createFederation, generateCryptoKeyPair, MemoryKvStore, type Federation } from "@fedify/fedify";
import { Accept, Create, Delete, Endpoints, Follow, Person, Undo, Update, type Activity } from "@fedify/vocab";

vi.mock("server-only", () => ({}));
process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
process.env.INKWELL_JOB_BACKOFF_MS = "1";

const PG = /^postgres/.test(process.env.DATABASE_URL ?? "");
// Ports from this worktree's range; the PostgreSQL project may run beside the SQLite one.
const BLOG_PORT = PG ? 5721 : 5711;
const REMOTE_PORT = PG ? 5722 : 5712;
const BLOG = `http://127.0.0.1:${BLOG_PORT}`;
const REMOTE = `http://127.0.0.1:${REMOTE_PORT}`;
process.env.SITE_URL = BLOG;

await import("@/lib/jobs");
const { serveFederation } = await import("@/lib/federation/http");
const { updateOptions } = await import("@/db/queries/options");
const { getFollowerByActorId, upsertFollower, listFollowerRecipients, countFollowers, listDeliveriesByPost } = await import("@/db/queries/federation");
const { setFediverseProfile } = await import("@/lib/federation/author-profile");

const { writePost } = await import("@/lib/xmlrpc/posts");
const { makeUser } = await import("../support/factories");
const { updateUserProfile } = await import("@/db/queries/user-admin");


// --- the remote server: alice follows the author, bob the blog; what arrives is kept -----------
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const received: { type: string; json: Json }[] = [];
/** Every POST that reached the remote: its path and the keyId it was signed with. */
const posts: { path: string; keyId: string }[] = [];
const remoteKeys = [await generateCryptoKeyPair("RSASSA-PKCS1-v1_5"), await generateCryptoKeyPair("Ed25519")];
const remote: Federation<void> = createFederation<void>({ kv: new MemoryKvStore(), allowPrivateAddress: true });
remote
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (!["alice", "bob"].includes(identifier)) return null;
    const keys = await ctx.getActorKeyPairs(identifier);
    // bob has no shared inbox: his deliveries go to his own inbox.
    const endpoints = identifier === "alice" ? new Endpoints({ sharedInbox: ctx.getInboxUri() }) : null;
    return new Person({ id: ctx.getActorUri(identifier), preferredUsername: identifier, inbox: ctx.getInboxUri(identifier), endpoints, publicKey: keys[0]!.cryptographicKey, assertionMethods: keys.map((k) => k.multikey) });
  })
  .setKeyPairsDispatcher(() => remoteKeys);
const keep = async (type: string, a: Activity) => void received.push({ type, json: (await a.toJsonLd({ format: "compact" })) as Json });
remote
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Accept, (_ctx, a) => keep("Accept", a))
  .on(Create, (_ctx, a) => keep("Create", a))
  .on(Update, (_ctx, a) => keep("Update", a))
  .on(Delete, (_ctx, a) => keep("Delete", a));
const remoteCtx = () => remote.createContext(new URL(REMOTE), undefined);


let servers: http.Server[] = [];
let author: Awaited<ReturnType<typeof makeUser>>;
let authorActor = "";
/** The author's first post (published in "following an author and publishing as them"). */
let firstPostId = 0;
const blogActor = `${BLOG}/wp-json/activitypub/1.0/actors/blog`;
const alice = `${REMOTE}/users/alice`;
const bob = `${REMOTE}/users/bob`;

beforeAll(async () => {
  servers = [
    await listen(BLOG_PORT, async (req, res) => {
      req.headers["x-inkwell-client-ip"] = "127.0.0.1";
      if (!(await serveFederation(req, res))) {
        res.writeHead(404, { "content-type": "text/html" });
        res.end("<p>a page</p>");
      }
    }),
    await listen(REMOTE_PORT, async (req, res) => {
      if (req.method === "POST") {
        // draft-cavage's Signature, or RFC 9421's Signature-Input, names the key.
        const sig = `${req.headers.signature ?? ""} ${req.headers["signature-input"] ?? ""}`;
        posts.push({ path: req.url!, keyId: /keyid="([^"]+)"/i.exec(sig)?.[1] ?? "" });
      }
      const response = await remote.fetch(await toRequest(req, REMOTE), { contextData: undefined });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    }),
  ];
  author = await makeUser("author");
  await updateUserProfile(author.id, { displayName: "Ada Lovelace", nicename: "ada", email: author.email, url: "", bio: "Writes about tea.\n\nAnd engines." });
  authorActor = `${BLOG}/wp-json/activitypub/1.0/actors/${author.id}`;
  // bob follows the blog (no shared inbox).
  await upsertFollower({ actorId: bob, inbox: `${bob}/inbox`, sharedInbox: null, handle: `@bob@127.0.0.1:${REMOTE_PORT}`, name: "Bob", url: bob, server: `127.0.0.1:${REMOTE_PORT}`, status: "accepted", followId: null });
});

afterAll(async () => await closeServers(servers));

/** Runs queued jobs until none is due within 2 s. */
const settle = () => settleJobs({ horizonMs: 2000, pauseMs: 25 });

const get = (path: string, accept = "application/activity+json") => fetch(new URL(path, BLOG), { headers: { accept }, redirect: "manual" });
const webfinger = (resource: string) => get(`/.well-known/webfinger?resource=${encodeURIComponent(resource)}`, "application/jrd+json");
const selfLink = async (res: Response) => ((await res.json()) as { links: { rel: string; href?: string }[] }).links.find((l) => l.rel === "self")?.href;

describe("an author's fediverse profile", () => {
  it("is not there until the author enables it; then WebFinger finds the author by handle and by author URL", async () => {
    expect((await webfinger(`acct:ada@127.0.0.1:${BLOG_PORT}`)).status).toBe(404);
    expect((await get(new URL(authorActor).pathname)).status).toBe(404);

    expect(await setFediverseProfile(author.id, true)).toBe("enabled");
    let res = await webfinger(`acct:ada@127.0.0.1:${BLOG_PORT}`);
    expect(res.status).toBe(200);
    expect(await selfLink(res)).toBe(authorActor);
    for (const url of [`${BLOG}/author/ada/`, `${BLOG}/?author=${author.id}`]) {
      res = await webfinger(url);
      expect(res.status, url).toBe(200);
      expect(await selfLink(res)).toBe(authorActor);
    }
    // The blog is still found, under its own handle.
    expect(await selfLink(await webfinger(`acct:127.0.0.1@127.0.0.1:${BLOG_PORT}`))).toBe(blogActor);
  });

  it("serves the author's actor: name, biography, avatar, author archive, keys of its own; the archive answers ActivityStreams with it", async () => {
    const res = await get(new URL(authorActor).pathname);
    expect(res.status).toBe(200);
    const actor = (await res.json()) as Json;
    expect(actor).toMatchObject({ id: authorActor, type: "Person", preferredUsername: "ada", name: "Ada Lovelace", url: `${BLOG}/author/ada/`, inbox: `${authorActor}/inbox`, outbox: `${authorActor}/outbox`, followers: `${authorActor}/followers` });
    expect(actor.summary).toBe("<p>Writes about tea.</p><p>And engines.</p>");
    expect(actor.icon.url).toMatch(new RegExp(`^${BLOG}/avatar/`));
    expect(actor.endpoints.sharedInbox).toBe(`${BLOG}/wp-json/activitypub/1.0/inbox`);
    const blog = (await (await get(new URL(blogActor).pathname)).json()) as Json;
    expect(actor.publicKey.publicKeyPem).toMatch(/BEGIN PUBLIC KEY/);
    expect(actor.publicKey.publicKeyPem).not.toBe(blog.publicKey.publicKeyPem);
    // Content negotiation on the author archive; a browser on the actor goes to the archive.
    const archive = await get("/author/ada/");
    expect(((await archive.json()) as Json).id).toBe(authorActor);
    expect(await (await get("/author/ada/", "text/html")).text()).toBe("<p>a page</p>");
    const browser = await get(new URL(authorActor).pathname, "text/html");
    expect(browser.status).toBe(302);
    expect(browser.headers.get("location")).toBe(`${BLOG}/author/ada/`);
  });

  it("is refused to a user who cannot publish posts", async () => {
    const contributor = await makeUser("contributor");
    expect(await setFediverseProfile(contributor.id, true)).toBe("forbidden");
    expect((await webfinger(`acct:${contributor.nicename}@127.0.0.1:${BLOG_PORT}`)).status).toBe(404);
  });
});

describe("following an author and publishing as them", () => {
  let postId = 0;

  it("accepts a signed Follow of the author: the follower is the author's, and the Accept is signed by the author's key", async () => {
    received.length = 0;
    posts.length = 0;
    const ctx = remoteCtx();
    const follow = new Follow({ id: new URL(`${REMOTE}/follows/${crypto.randomUUID()}`), actor: new URL(alice), object: new URL(authorActor) });
    await ctx.sendActivity({ identifier: "alice" }, (await ctx.lookupObject(authorActor)) as Person, follow);
    await settle();
    expect(await getFollowerByActorId(alice, String(author.id))).toMatchObject({ status: "accepted", followed: String(author.id) });
    expect(await getFollowerByActorId(alice)).toBeUndefined();
    expect(received.map((r) => r.type)).toEqual(["Accept"]);
    expect(received[0]!.json.actor).toBe(authorActor);
    expect(posts.at(-1)!.keyId).toMatch(new RegExp(`^${authorActor}#`));
    const followers = (await (await get(`${new URL(authorActor).pathname}/followers`)).json()) as { totalItems: number };
    expect(followers.totalItems).toBe(1);
    expect(await countFollowers("accepted")).toBe(1); // the blog's: bob
  });

  it("sends the author's post signed by the author's key, attributedTo the author, to the author's and the blog's followers", async () => {
    received.length = 0;
    posts.length = 0;
    postId = await writePost({ id: author.id, role: "author", displayName: "Ada Lovelace" }, { type: "post", status: "publish", title: "Oolong", content: "<p>Twice steeped.</p>" });
    firstPostId = postId;
    await settle();
    const creates = received.filter((r) => r.type === "Create");
    // alice (the author's follower, by her shared inbox) and bob (the blog's, by his own inbox).
    expect(creates).toHaveLength(2);
    for (const c of creates) {
      expect(c.json.actor).toBe(authorActor);
      expect(c.json.object.attributedTo).toBe(authorActor);
      expect(c.json.object.name).toBe("Oolong");
    }
    expect(posts.map((p) => p.path).sort()).toEqual(["/inbox", "/users/bob/inbox"]);
    for (const p of posts) expect(p.keyId).toMatch(new RegExp(`^${authorActor}#`));
    expect((await listDeliveriesByPost(postId)).map((d) => d.status)).toEqual(["delivered", "delivered"]);
    // The permalink as JSON and the author's outbox name the author too.
    const outbox = (await (await get(`${new URL(authorActor).pathname}/outbox`)).json()) as { totalItems: number; first: string };
    expect(outbox.totalItems).toBe(1);
    const page = (await (await fetch(outbox.first, { headers: { accept: "application/activity+json" } })).json()) as { orderedItems: Json[] };
    expect(page.orderedItems[0]!.object.attributedTo).toBe(authorActor);
  });

  it("sends the edit's Update from the same actor", async () => {
    received.length = 0;
    await writePost({ id: author.id, role: "author", displayName: "Ada Lovelace" }, { type: "post", status: "publish", title: "Oolong, again", content: "<p>Three times.</p>" }, postId);
    await settle();
    const updates = received.filter((r) => r.type === "Update");
    expect(updates.length).toBe(2);
    expect(updates.every((u) => u.json.actor === authorActor)).toBe(true);
  });

  it("sends the Delete from the same actor when the post goes to the Trash", async () => {
    const { trashPost } = await import("@/lib/xmlrpc/posts");
    const id = await writePost({ id: author.id, role: "author", displayName: "Ada Lovelace" }, { type: "post", status: "publish", title: "Hojicha", content: "<p>Roasted.</p>" });
    await settle();
    received.length = 0;
    await trashPost({ id: author.id, role: "author", displayName: "Ada Lovelace" }, id);
    await settle();
    const deletes = received.filter((r) => r.type === "Delete");
    expect(deletes.length).toBe(2);
    expect(deletes.every((d) => d.json.actor === authorActor)).toBe(true);
  });

  it("counts someone who follows both the author and the blog once", async () => {
    await upsertFollower({ actorId: bob, inbox: `${bob}/inbox`, sharedInbox: null, handle: "@bob", name: "Bob", url: bob, server: "x", status: "accepted", followId: null, followed: String(author.id) });
    const both = await listFollowerRecipients([String(author.id), "blog"]);
    expect(both.map((r) => r.actorId).sort()).toEqual([alice, bob]);
  });

  it("removes only the author's follow on Undo(Follow)", async () => {
    const ctx = remoteCtx();
    const follow = new Follow({ id: new URL(`${REMOTE}/follows/undo`), actor: new URL(bob), object: new URL(authorActor) });
    await ctx.sendActivity({ identifier: "bob" }, (await ctx.lookupObject(authorActor)) as Person, new Undo({ id: new URL(`${REMOTE}/undo/1`), actor: new URL(bob), object: follow }));
    await settle();
    expect(await getFollowerByActorId(bob, String(author.id))).toBeUndefined();
    expect(await getFollowerByActorId(bob)).toMatchObject({ status: "accepted" });
  });
});

describe("the actor mode (Settings → Discussion → Fediverse profiles)", () => {
  it("blog only: authors are not actors and their new posts go out as the blog", async () => {
    await updateOptions({ activitypub_actor_mode: "blog" });
    try {
      expect((await webfinger(`acct:ada@127.0.0.1:${BLOG_PORT}`)).status).toBe(404);
      expect((await get(new URL(authorActor).pathname)).status).toBe(404);
      received.length = 0;
      await writePost({ id: author.id, role: "author", displayName: "Ada Lovelace" }, { type: "post", status: "publish", title: "Sencha", content: "<p>Once.</p>" });
      await settle();
      const creates = received.filter((r) => r.type === "Create");
      expect(creates.length).toBeGreaterThan(0);
      expect(creates.every((c) => c.json.actor === blogActor && c.json.object.attributedTo === blogActor)).toBe(true);
    } finally {
      await updateOptions({ activitypub_actor_mode: "actor_blog" });
    }
  });

  it("authors only: the blog is not an actor, the author is", async () => {
    await updateOptions({ activitypub_actor_mode: "actor" });
    try {
      expect((await webfinger(`acct:127.0.0.1@127.0.0.1:${BLOG_PORT}`)).status).toBe(404);
      expect((await get(new URL(blogActor).pathname)).status).toBe(404);
      expect(await selfLink(await webfinger(`acct:ada@127.0.0.1:${BLOG_PORT}`))).toBe(authorActor);
      // A reply written here to a fediverse comment would go out as the blog, which has no key now: it is not sent.
      const { insertAdminReply } = await import("@/db/queries/comment-admin");
      const { setCommentRemoteOrigin } = await import("@/db/queries/federation");
      const { sendCommentReply } = await import("@/lib/federation/replies-out");
      const when = { date: "2026-01-16 10:00:00", dateGmt: "2026-01-16 10:00:00" };
      const remoteComment = await insertAdminReply({ postId: firstPostId, parentId: null, type: "comment", status: "1", authorName: "Alice", authorEmail: "", authorUrl: alice, content: "<p>Lovely!</p>", ...when });
      await setCommentRemoteOrigin(remoteComment.id, { objectId: `${REMOTE}/notes/1`, actorId: alice });
      const reply = await insertAdminReply({ postId: firstPostId, parentId: remoteComment.id, type: "comment", status: "1", authorName: "Ada", authorEmail: "ada@example.com", authorUrl: "", content: "<p>Thanks.</p>", ...when });
      expect(await sendCommentReply(reply.id)).toBe("no-blog-actor");
    } finally {
      await updateOptions({ activitypub_actor_mode: "actor_blog" });
    }
  });
});

describe("posts sent before the author was an actor", () => {
  it("keep going out as the blog: the Update comes from whoever sent the Create", async () => {
    const grace = await makeUser("author");
    const caller = { id: grace.id, role: "author" as const, displayName: grace.displayName };
    received.length = 0;
    const id = await writePost(caller, { type: "post", status: "publish", title: "Genmaicha", content: "<p>Toasted rice.</p>" });
    await settle();
    expect(received.filter((r) => r.type === "Create").map((c) => c.json.actor)).toEqual([blogActor]);
    expect(await setFediverseProfile(grace.id, true)).toBe("enabled");
    received.length = 0;
    await writePost(caller, { type: "post", status: "publish", title: "Genmaicha, edited", content: "<p>More rice.</p>" }, id);
    await settle();
    const updates = received.filter((r) => r.type === "Update");
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((u) => u.json.actor === blogActor && u.json.object.attributedTo === blogActor)).toBe(true);
  });
});

describe("turning the profile off", () => {
  it("tells the followers with a signed Delete of the actor, forgets them, and the actor is gone (410)", async () => {
    received.length = 0;
    posts.length = 0;
    expect(await setFediverseProfile(author.id, false)).toBe("disabled");
    await settle();
    const deletes = received.filter((r) => r.type === "Delete");
    expect(deletes).toHaveLength(1);
    expect(deletes[0]!.json).toMatchObject({ actor: authorActor, object: authorActor });
    expect(posts[0]!.keyId).toMatch(new RegExp(`^${authorActor}#`));
    expect(await countFollowers("accepted", String(author.id))).toBe(0);
    expect((await get(new URL(authorActor).pathname)).status).toBe(410);
    expect((await webfinger(`acct:ada@127.0.0.1:${BLOG_PORT}`)).status).toBe(404);
    // The blog's followers are untouched.
    expect(await countFollowers("accepted")).toBe(1);
  });
});
