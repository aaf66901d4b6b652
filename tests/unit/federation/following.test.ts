// The blog follows fediverse accounts, over real HTTP on loopback with signatures enforced: a
// second, independent Fedify (Alice's server) answers WebFinger, accepts the blog's Follow, sends
// posts that land in the Reader (and an edit, a deletion), receives the blog's Like and Undo, a
// post written in reply to hers, and the Undo(Follow) of an Unfollow. The Reader's pruning and
// the account parsing are checked on their own.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeServers, listen, settle as settleJobs, toRequest } from "../support/fedi-peer";
import { createFederation, generateCryptoKeyPair, MemoryKvStore, type Federation } from "@fedify/fedify";
import { Accept, Article, Create, Delete, Endpoints, Follow, Like, Note, Person, PUBLIC_COLLECTION, Tombstone, Undo, Update, type Activity } from "@fedify/vocab";
import { Temporal } from "@js-temporal/polyfill";

vi.mock("server-only", () => ({}));
process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
process.env.INKWELL_JOB_BACKOFF_MS = "1";

const PG = /^postgres/.test(process.env.DATABASE_URL ?? "");
const BLOG_PORT = PG ? 5861 : 5851;
const REMOTE_PORT = PG ? 5862 : 5852;
const BLOG = `http://127.0.0.1:${BLOG_PORT}`;
const REMOTE = `http://127.0.0.1:${REMOTE_PORT}`;
const BLOG_ACTOR = `${BLOG}/wp-json/activitypub/1.0/actors/blog`;
process.env.SITE_URL = BLOG;

await import("@/lib/jobs");
const { serveFederation } = await import("@/lib/federation/http");
const { followAccount, unfollowAccount, parseAccount, FollowError } = await import("@/lib/federation/following");
const { setReaderItemLiked, READER_KEEP } = await import("@/lib/federation/reader");
const { syncPostFederation } = await import("@/lib/federation/publish");
const q = await import("@/db/queries/following");
const { rawSql, execute } = await import("@/db");
const { makePost, makeUser } = await import("../support/factories");


// --- Alice's server: accepts follows at once, keeps what reaches her inbox (verified) ----------
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const received: { type: string; json: Json }[] = [];
const keys = [await generateCryptoKeyPair("RSASSA-PKCS1-v1_5"), await generateCryptoKeyPair("Ed25519")];
const remote: Federation<void> = createFederation<void>({ kv: new MemoryKvStore(), allowPrivateAddress: true });
remote
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== "alice" && identifier !== "bob") return null;
    const pairs = await ctx.getActorKeyPairs(identifier);
    return new Person({ id: ctx.getActorUri(identifier), preferredUsername: identifier, name: identifier === "alice" ? "Alice Remote" : "Bob", url: new URL(`${REMOTE}/@${identifier}`), inbox: ctx.getInboxUri(identifier), endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }), publicKey: pairs[0]!.cryptographicKey, assertionMethods: pairs.map((k) => k.multikey) });
  })
  .setKeyPairsDispatcher(() => keys);
const keep = async (type: string, a: Activity) => void received.push({ type, json: (await a.toJsonLd({ format: "compact" })) as Json });
remote
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Follow, async (ctx, follow) => {
    await keep("Follow", follow);
    const follower = await follow.getActor(ctx);
    await ctx.sendActivity({ identifier: "alice" }, follower!, new Accept({ id: new URL(`${REMOTE}/accepts/${crypto.randomUUID()}`), actor: ctx.getActorUri("alice"), object: follow }));
  })
  .on(Undo, (_ctx, a) => keep("Undo", a))
  .on(Like, (_ctx, a) => keep("Like", a))
  .on(Create, (_ctx, a) => keep("Create", a))
  .on(Delete, (_ctx, a) => keep("Delete", a));

const rctx = () => remote.createContext(new URL(REMOTE), undefined);
const blogRecipient = { id: new URL(BLOG_ACTOR), inboxId: new URL(`${BLOG_ACTOR}/inbox`) };

/** Alice (or Bob) sends a signed activity to the blog's inbox, and the blog's queue handles it. */
async function sendAs(who: "alice" | "bob", activity: Activity) {
  await rctx().sendActivity({ identifier: who }, blogRecipient, activity, { immediate: true });
  await settle();
}

function note(who: string, n: string, content: string, opts: { to?: URL; title?: string } = {}) {
  const ctx = rctx();
  const Kind = opts.title ? Article : Note;
  return new Kind({ id: new URL(`${REMOTE}/users/${who}/statuses/${n}`), url: new URL(`${REMOTE}/@${who}/${n}`), attribution: ctx.getActorUri(who), name: opts.title ?? null, content, published: Temporal.Now.instant(), to: opts.to ?? PUBLIC_COLLECTION });
}


let servers: http.Server[] = [];

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
      const response = await remote.fetch(await toRequest(req, REMOTE), { contextData: undefined });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    }),
  ];
});

afterAll(async () => await closeServers(servers));

/** Runs queued jobs until none is due within 2 s. */
const settle = () => settleJobs({ horizonMs: 2000, pauseMs: 25 });

const ALICE = `${REMOTE}/users/alice`;

describe("following an account", () => {
  it("reads what the admin types: a handle or a profile address, else says what is wrong", () => {
    expect(parseAccount("@alice@example.social")).toEqual({ kind: "handle", user: "alice", host: "example.social" });
    expect(parseAccount(" acct:Alice@Example.Social ")).toEqual({ kind: "handle", user: "Alice", host: "example.social" });
    expect(parseAccount("https://example.social/@alice")).toMatchObject({ kind: "url" });
    expect(() => parseAccount("")).toThrow(FollowError);
    expect(() => parseAccount("alice")).toThrow(/neither a fediverse handle/);
    expect(() => parseAccount("javascript:alert(1)")).toThrow(FollowError);
  });

  it("refuses a private server that is not allowed, without fetching it", async () => {
    await expect(followAccount("@someone@10.0.0.8")).rejects.toThrow("10.0.0.8 is not a public server.");
    expect(await q.countFollowing("blog")).toBe(0);
  });

  it("finds the account by WebFinger, sends a signed Follow from the job queue, and is accepted", async () => {
    received.length = 0;
    const { status, row } = await followAccount(`@alice@127.0.0.1:${REMOTE_PORT}`);
    expect(status).toBe("sent");
    expect(row).toMatchObject({ actorId: ALICE, status: "pending", handle: `@alice@127.0.0.1:${REMOTE_PORT}`, name: "Alice Remote", localActor: "blog" });
    await settle();
    expect(received.map((r) => r.type)).toEqual(["Follow"]);
    expect(received[0]!.json).toMatchObject({ actor: BLOG_ACTOR, object: ALICE, id: row.followId });
    await expect.poll(async () => (await q.getFollowingByActorId(ALICE))?.status).toBe("accepted");
    // Following again says so and sends nothing.
    received.length = 0;
    expect((await followAccount(ALICE)).status).toBe("already");
    await settle();
    expect(received).toEqual([]);
  });

  it("tells other servers' follow buttons where to send the admin: WebFinger's OStatus subscribe template", async () => {
    const res = await fetch(`${BLOG}/.well-known/webfinger?resource=${encodeURIComponent(`acct:127.0.0.1@127.0.0.1:${BLOG_PORT}`)}`, { headers: { accept: "application/jrd+json" } });
    const jrd = (await res.json()) as { links: { rel: string; template?: string }[] };
    expect(jrd.links.find((l) => l.rel === "http://ostatus.org/schema/1.0/subscribe")?.template).toBe(`${BLOG}/fediverse/subscribe/?uri={uri}`);
  });

  it("ignores an Accept for a Follow it did not send", async () => {
    const ctx = rctx();
    await sendAs("bob", new Accept({ id: new URL(`${REMOTE}/accepts/x`), actor: ctx.getActorUri("bob"), object: new Follow({ id: new URL(`${BLOG_ACTOR}#follow-00000000-0000-0000-0000-000000000000`), actor: new URL(BLOG_ACTOR), object: ctx.getActorUri("bob") }) }));
    expect(await q.getFollowingByActorId(`${REMOTE}/users/bob`)).toBeUndefined();
  });
});

describe("the Reader", () => {
  it("keeps a followed account's public post, sanitized; not a stranger's, nor a post addressed to others", async () => {
    const ctx = rctx();
    await sendAs("alice", new Create({ id: new URL(`${REMOTE}/users/alice/statuses/1/activity`), actor: ctx.getActorUri("alice"), object: note("alice", "1", `<p>Hello <strong>blog</strong></p><script>alert(1)</script><img src=x onerror=alert(2)>`, { title: "A first post" }), to: PUBLIC_COLLECTION }));
    await sendAs("bob", new Create({ id: new URL(`${REMOTE}/users/bob/statuses/9/activity`), actor: ctx.getActorUri("bob"), object: note("bob", "9", "<p>Not followed</p>"), to: PUBLIC_COLLECTION }));
    const dm = note("alice", "2", "<p>Just for Carol</p>", { to: new URL(`${REMOTE}/users/carol`) });
    await sendAs("alice", new Create({ id: new URL(`${REMOTE}/users/alice/statuses/2/activity`), actor: ctx.getActorUri("alice"), object: dm, to: new URL(`${REMOTE}/users/carol`) }));
    const items = await q.listReaderItems("blog");
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ objectId: `${ALICE}/statuses/1`, actorId: ALICE, authorName: "Alice Remote", url: `${REMOTE}/@alice/1`, title: "A first post", likeId: null });
    expect(items[0]!.content).toContain("<strong>blog</strong>");
    expect(items[0]!.content).not.toMatch(/script|onerror|<img/);
  });

  it("edits the post on the author's Update, and not on someone else's", async () => {
    const ctx = rctx();
    const edited = note("alice", "1", "<p>Hello again</p>", { title: "A first post, edited" });
    await sendAs("bob", new Update({ id: new URL(`${REMOTE}/users/bob/u/1`), actor: ctx.getActorUri("bob"), object: edited }));
    expect((await q.listReaderItems("blog"))[0]!.title).toBe("A first post");
    await sendAs("alice", new Update({ id: new URL(`${REMOTE}/users/alice/u/1`), actor: ctx.getActorUri("alice"), object: edited }));
    const [item] = await q.listReaderItems("blog");
    expect(item).toMatchObject({ title: "A first post, edited", content: "<p>Hello again</p>" });
    expect(item!.updatedAt).toBeGreaterThan(0);
  });

  it("Like sends a Like to the author; Unlike sends its Undo; twice in a row sends one", async () => {
    const [item] = await q.listReaderItems("blog");
    received.length = 0;
    expect(await setReaderItemLiked(item!.id, true)).toBe("liked");
    expect(await setReaderItemLiked(item!.id, true)).toBe("unchanged");
    await settle();
    expect(received.map((r) => r.type)).toEqual(["Like"]);
    expect(received[0]!.json).toMatchObject({ actor: BLOG_ACTOR, object: `${ALICE}/statuses/1` });
    const likeId = (await q.getReaderItem(item!.id))!.likeId;
    expect(likeId).toBe(received[0]!.json.id);
    received.length = 0;
    expect(await setReaderItemLiked(item!.id, false)).toBe("unliked");
    await settle();
    expect(received.map((r) => r.type)).toEqual(["Undo"]);
    expect(received[0]!.json.object).toMatchObject({ type: "Like", id: likeId });
    expect((await q.getReaderItem(item!.id))!.likeId).toBeNull();
  });

  it("a post written in reply goes to the author's inbox with inReplyTo, cc and a mention", async () => {
    const user = await makeUser("administrator");
    const post = await makePost(user.id, { title: "My answer", slug: "my-answer", status: "publish", content: "<p>Agreed.</p>" });
    await execute(rawSql("INSERT INTO post_meta (post_id, key, value) VALUES (?, '_activitypub_in_reply_to', ?)", post.id, `${ALICE}/statuses/1`));
    received.length = 0;
    expect(await syncPostFederation(post.id)).toBe("create");
    await settle();
    const create = received.find((r) => r.type === "Create")!.json;
    expect(create.object).toMatchObject({ inReplyTo: `${ALICE}/statuses/1`, name: "My answer" });
    expect(([] as unknown[]).concat(create.object.cc)).toContain(ALICE);
    expect(([] as Json[]).concat(create.object.tag)).toContainEqual(expect.objectContaining({ type: "Mention", href: ALICE }));
  });

  it("removes the post on the author's Delete", async () => {
    const ctx = rctx();
    await sendAs("bob", new Delete({ id: new URL(`${REMOTE}/users/bob/d/1`), actor: ctx.getActorUri("bob"), object: new Tombstone({ id: new URL(`${ALICE}/statuses/1`) }) }));
    expect(await q.countReaderItems("blog")).toBe(1);
    await sendAs("alice", new Delete({ id: new URL(`${REMOTE}/users/alice/d/1`), actor: ctx.getActorUri("alice"), object: new Tombstone({ id: new URL(`${ALICE}/statuses/1`) }) }));
    expect(await q.countReaderItems("blog")).toBe(0);
  });

  it("keeps a bounded number, pruning the oldest", async () => {
    const base = { localActor: "prune-test", actorId: ALICE, authorName: "A", authorHandle: "@a@x", authorUrl: null, url: "https://x/1", title: "", content: "<p>x</p>" };
    for (let i = 1; i <= 5; i++) await q.insertReaderItem({ ...base, objectId: `https://x/${i}`, published: 1000 + i }, 3);
    // A repeated Create of a kept object changes nothing.
    expect(await q.insertReaderItem({ ...base, objectId: "https://x/5", published: 1005 }, 3)).toBe(false);
    expect((await q.listReaderItems("prune-test")).map((i) => i.objectId)).toEqual(["https://x/5", "https://x/4", "https://x/3"]);
    expect(READER_KEEP).toBeGreaterThan(0);
  });
});

describe("unfollowing", () => {
  it("sends Undo(Follow) and forgets the account and its posts", async () => {
    const ctx = rctx();
    await sendAs("alice", new Create({ id: new URL(`${REMOTE}/users/alice/statuses/3/activity`), actor: ctx.getActorUri("alice"), object: note("alice", "3", "<p>Third</p>"), to: PUBLIC_COLLECTION }));
    expect(await q.countReaderItems("blog")).toBe(1);
    const row = await q.getFollowingByActorId(ALICE);
    received.length = 0;
    expect((await unfollowAccount(row!.id))?.actorId).toBe(ALICE);
    await settle();
    expect(received.map((r) => r.type)).toEqual(["Undo"]);
    expect(received[0]!.json.object).toMatchObject({ type: "Follow", id: row!.followId, object: ALICE });
    expect(await q.getFollowingByActorId(ALICE)).toBeUndefined();
    expect(await q.countReaderItems("blog")).toBe(0);
    expect(await unfollowAccount(row!.id)).toBeUndefined();
    // A post from an account no longer followed is not kept.
    await sendAs("alice", new Create({ id: new URL(`${REMOTE}/users/alice/statuses/4/activity`), actor: ctx.getActorUri("alice"), object: note("alice", "4", "<p>Fourth</p>"), to: PUBLIC_COLLECTION }));
    expect(await q.countReaderItems("blog")).toBe(0);
  });
});
