// The conversation coming home, over real HTTP on loopback: a second, independent Fedify (the
// "remote server", with its own keys and actors) sends signed replies, edits, deletions, likes and
// boosts to the blog's inbox, which checks every signature (as in follow.test.ts). A reply becomes
// a comment through the comment rules (held, then shown once approved), nests under the comment it
// answers, is edited and removed only by its author; its author's avatar is copied into our
// uploads. Likes and boosts count once per actor and Undo takes them back. Blocked servers and
// accounts get 403; replayed, stale, forged and unsigned requests 401; none of them changes anything.
import type http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signRequest } from "@fedify/fedify";
import { Announce, Create, Delete, Image, Like, Mention, Note, Person, Tombstone, Undo, Update, PUBLIC_COLLECTION } from "@fedify/vocab";
import { Temporal } from "@js-temporal/polyfill";

vi.mock("server-only", () => ({}));
process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
process.env.UPLOADS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-fedin-"));

const PG = /^postgres/.test(process.env.DATABASE_URL ?? "");
// Ports from this worktree's range; the PostgreSQL project may run beside the SQLite one.
const BLOG_PORT = PG ? 5643 : 5641;
const REMOTE_PORT = PG ? 5644 : 5642;
const BLOG = `http://127.0.0.1:${BLOG_PORT}`;
const REMOTE = `http://127.0.0.1:${REMOTE_PORT}`;
process.env.SITE_URL = BLOG;

await import("@/lib/jobs");
const { updateOptions } = await import("@/db/queries/options");
const { countReactions } = await import("@/db/queries/federation");
const { applyCommentAction } = await import("@/db/queries/comment-admin");
const { listThreadComments, insertComment } = await import("@/db/queries/comments");
const { execute, queryRow, rawSql } = await import("@/db");
const { makePost, makeUser } = await import("../support/factories");
const { closeServers, makeRemote, serveBlog, settle } = await import("../support/fedi-peer");

// --- the remote server: alice, bob, and an avatar that changes --------------------------------
let aliceIcon = "/media/alice-1.png";
let avatarFetches = 0;
const png = await sharp({ create: { width: 200, height: 200, channels: 3, background: { r: 200, g: 60, b: 90 } } }).png().toBuffer();
const remote = await makeRemote({
  origin: REMOTE,
  actors: ["alice", "bob", "spammer"],
  profile: (identifier) => ({
    name: identifier === "alice" ? "Alice <b>Remote</b>" : identifier,
    url: new URL(`${REMOTE}/@${identifier}`),
    icon: identifier === "alice" ? new Image({ url: new URL(REMOTE + aliceIcon), mediaType: "image/png" }) : null,
  }),
});
const { keys, actor } = remote;
const remoteCtx = remote.ctx;
const blogActor = new URL(`${BLOG}/wp-json/activitypub/1.0/actors/blog`);

let blogServer: http.Server, remoteServer: http.Server;
let postId = 0;
let postUrl = "";

beforeAll(async () => {
  blogServer = await serveBlog(BLOG_PORT);
  remoteServer = await remote.serve((req, res) => {
    if (!req.url?.startsWith("/media/")) return false;
    avatarFetches++;
    res.writeHead(200, { "content-type": "image/png" });
    res.end(png);
    return true;
  });
  const author = await makeUser("author");
  const post = await makePost(author.id, { title: "Tea notes", slug: "tea-notes", content: "<p>Oolong.</p>", status: "publish" });
  postId = post.id;
  const { permalinkOf } = await import("@/lib/site/urls");
  const { getOptions } = await import("@/db/queries/options");
  postUrl = BLOG + (await permalinkOf({ ...post, type: "post" }, await getOptions()));
});

afterAll(async () => {
  await closeServers([blogServer, remoteServer]);
  fs.rmSync(process.env.UPLOADS_DIR!, { recursive: true, force: true });
});

async function send(who: string, activity: Create | Update | Delete | Like | Announce | Undo) {
  const ctx = remoteCtx();
  const blog = (await ctx.lookupObject(blogActor.href)) as Person;
  await ctx.sendActivity({ identifier: who }, blog, activity);
  await settle();
}

let n = 0;
function reply(who: string, inReplyTo: string, content: string, id = `${REMOTE}/users/${who}/statuses/${++n}`) {
  const note = new Note({ id: new URL(id), attribution: actor(who), replyTarget: new URL(inReplyTo), content, to: PUBLIC_COLLECTION, published: Temporal.Now.instant(), tags: [new Mention({ href: blogActor, name: "@blog" })] });
  return { note, create: new Create({ id: new URL(`${id}/activity`), actor: actor(who), object: note, to: PUBLIC_COLLECTION }) };
}

type Row = { id: number; status: string; parent_id: number | null; author_name: string; author_url: string; content: string; avatar_url: string | null; remote_id: string | null };
const byRemote = async (id: string) => queryRow<Row>(rawSql("SELECT id, status, parent_id, author_name, author_url, content, avatar_url, remote_id FROM comments WHERE remote_id = ?", id));
const commentCount = async () => Number((await queryRow<{ n: number | string }>(rawSql("SELECT count(*) AS n FROM comments")))?.n);

describe("replies become comments", () => {
  let first: Row;

  it("holds a reply for moderation with the author's name, profile and avatar copied here, then shows it once approved", async () => {
    await updateOptions({ comment_moderation: true });
    const { note, create } = reply("alice", postUrl, '<p><span class="h-card"><a href="http://127.0.0.1/@blog" class="u-url mention">@<span>blog</span></a></span> Lovely <script>alert(1)</script><a href="https://tea.example/" onclick="x()">tea</a>!</p>');
    await send("alice", create);
    first = (await byRemote(note.id!.href))!;
    expect(first).toMatchObject({ status: "0", parent_id: null, author_name: "Alice <b>Remote</b>", author_url: `${REMOTE}/@alice` });
    // Sanitized as a comment is; links are the commenter's (rel="nofollow ugc").
    expect(first.content).not.toMatch(/script|onclick|class=/);
    expect(first.content).toContain('<a href="https://tea.example/" rel="nofollow ugc">tea</a>');
    // The avatar: a file of our own uploads, not the remote address.
    expect(first.avatar_url).toMatch(/^\/wp-content\/uploads\/\d{4}\/\d{2}\/alice-1-150x150\.png$/);
    expect(fs.existsSync(path.join(process.env.UPLOADS_DIR!, first.avatar_url!.replace("/wp-content/uploads/", "")))).toBe(true);
    expect(avatarFetches).toBe(1);
    // Held: not on the page yet.
    expect((await listThreadComments(postId)).map((c) => c.id)).not.toContain(first.id);
    await applyCommentAction([first.id], "approve");
    const shown = (await listThreadComments(postId)).find((c) => c.id === first.id)!;
    expect(shown).toMatchObject({ authorName: "Alice <b>Remote</b>", authorUrl: `${REMOTE}/@alice`, avatarUrl: first.avatar_url });
    await updateOptions({ comment_moderation: false });
  });

  it("takes the same reply once, and goes through the Disallowed Keys", async () => {
    const before = await commentCount();
    const { create } = reply("alice", postUrl, "<p>Lovely tea!</p>", `${REMOTE}/users/alice/statuses/1`);
    await send("alice", create);
    expect(await commentCount()).toBe(before);
    await updateOptions({ disallowed_keys: "casino" });
    const spam = reply("bob", postUrl, "<p>Best casino in town</p>");
    await send("bob", spam.create);
    expect((await byRemote(spam.note.id!.href))?.status).toBe("trash");
    await updateOptions({ disallowed_keys: "" });
  });

  it("nests a reply to a fediverse reply, and a reply to a comment written here (/?c=N), which answers as a Note", async () => {
    const nested = reply("bob", `${REMOTE}/users/alice/statuses/1`, "<p>Agreed.</p>");
    await send("bob", nested.create);
    const row = (await byRemote(nested.note.id!.href))!;
    // Bob has no approved comment yet ("Comment author must have a previously approved comment",
    // judged by his actor, not by a name anyone could take): held.
    expect(row).toMatchObject({ parent_id: first.id, status: "0" });
    // Bob has no icon: no avatar stored, the site draws one.
    expect(row.avatar_url).toBeNull();

    const local = await insertComment({ postId, type: "comment", status: "1", authorName: "Host", content: "Thanks for reading.", date: "2026-02-01 10:00:00", dateGmt: "2026-02-01 10:00:00" });
    const res = await fetch(`${BLOG}/?c=${local.id}`, { headers: { accept: "application/activity+json" } });
    expect(res.status).toBe(200);
    const obj = (await res.json()) as { type: string; id: string; inReplyTo: string; url: string; content: string };
    expect(obj).toMatchObject({ type: "Note", id: `${BLOG}/?c=${local.id}`, inReplyTo: postUrl, url: `${postUrl}#comment-${local.id}` });
    expect(obj.content).toContain("Thanks for reading.");
    const browser = await fetch(`${BLOG}/?c=${local.id}`, { redirect: "manual" });
    expect(browser.status).toBe(302);
    expect(browser.headers.get("location")).toBe(`${postUrl}#comment-${local.id}`);
    // A fediverse reply keeps its own id: /?c=N of it is not ours to answer.
    expect((await fetch(`${BLOG}/?c=${first.id}`, { headers: { accept: "application/activity+json" } })).status).toBe(404);

    const toLocal = reply("alice", obj.id, "<p>You are welcome.</p>");
    await send("alice", toLocal.create);
    // Alice was approved before: her next reply is shown at once.
    expect(await byRemote(toLocal.note.id!.href)).toMatchObject({ parent_id: local.id, status: "1" });
  });

  it("lets only the author edit a reply (Update), and fetches a changed avatar once", async () => {
    const id = `${REMOTE}/users/alice/statuses/1`;
    aliceIcon = "/media/alice-2.png";
    const edited = new Note({ id: new URL(id), attribution: actor("alice"), replyTarget: new URL(postUrl), content: "<p>Lovely tea, edited.</p>", to: PUBLIC_COLLECTION });
    // Bob may not edit Alice's reply.
    await send("bob", new Update({ id: new URL(`${REMOTE}/users/bob/updates/1`), actor: actor("bob"), object: new Note({ id: new URL(id), attribution: actor("bob"), content: "<p>hijacked</p>" }) }));
    expect((await byRemote(id))?.content).not.toContain("hijacked");
    await send("alice", new Update({ id: new URL(`${REMOTE}/users/alice/updates/1`), actor: actor("alice"), object: edited }));
    const row = (await byRemote(id))!;
    expect(row.content).toBe("<p>Lovely tea, edited.</p>");
    expect(row.avatar_url).toMatch(/alice-2-150x150\.png$/);
    expect(avatarFetches).toBe(2);
  });

  it("lets only the author delete a reply (Delete with a Tombstone or an id)", async () => {
    const id = `${REMOTE}/users/alice/statuses/1`;
    await send("bob", new Delete({ id: new URL(`${REMOTE}/users/bob/deletes/1`), actor: actor("bob"), object: new URL(id) }));
    expect(await byRemote(id)).toBeTruthy();
    await send("alice", new Delete({ id: new URL(`${REMOTE}/users/alice/deletes/1`), actor: actor("alice"), object: new Tombstone({ id: new URL(id) }) }));
    expect(await byRemote(id)).toBeUndefined();
  });

  it("ignores a reply to something that is not ours, and one to a post with comments closed", async () => {
    const before = await commentCount();
    await send("alice", reply("alice", `${REMOTE}/users/bob/statuses/99`, "<p>elsewhere</p>").create);
    const author = await makeUser("author");
    const closed = await makePost(author.id, { title: "Closed", slug: "closed-tea", content: "x", status: "publish", commentStatus: "closed" });
    const { permalinkOf } = await import("@/lib/site/urls");
    const { getOptions } = await import("@/db/queries/options");
    await send("alice", reply("alice", BLOG + (await permalinkOf({ ...closed, type: "post" }, await getOptions())), "<p>closed?</p>").create);
    expect(await commentCount()).toBe(before);
  });
});

describe("likes and boosts", () => {
  it("counts one Like and one Announce per actor, and Undo takes them back", async () => {
    const like = (who: string, i: number) => new Like({ id: new URL(`${REMOTE}/users/${who}#likes/${i}`), actor: actor(who), object: new URL(postUrl) });
    await send("alice", like("alice", 1));
    await send("alice", like("alice", 2));
    await send("bob", like("bob", 1));
    await send("bob", new Announce({ id: new URL(`${REMOTE}/users/bob/statuses/b1/activity`), actor: actor("bob"), object: new URL(postUrl), to: PUBLIC_COLLECTION }));
    expect(await countReactions(postId)).toEqual({ likes: 2, boosts: 1 });
    // Undo naming the Like by its id alone (Mastodon's like ids cannot be fetched).
    await send("alice", new Undo({ id: new URL(`${REMOTE}/users/alice#likes/2/undo`), actor: actor("alice"), object: new URL(`${REMOTE}/users/alice#likes/2`) }));
    await send("bob", new Undo({ id: new URL(`${REMOTE}/users/bob/statuses/b1/undo`), actor: actor("bob"), object: new Announce({ id: new URL(`${REMOTE}/users/bob/statuses/b1/activity`), actor: actor("bob"), object: new URL(postUrl) }) }));
    expect(await countReactions(postId)).toEqual({ likes: 1, boosts: 0 });
    // Alice cannot take back Bob's like.
    await send("alice", new Undo({ id: new URL(`${REMOTE}/users/alice/undo/x`), actor: actor("alice"), object: new URL(`${REMOTE}/users/bob#likes/1`) }));
    expect(await countReactions(postId)).toEqual({ likes: 1, boosts: 0 });
  });

  it("words the counts as a reader reads them", async () => {
    const { reactionsText } = await import("@/lib/federation/reactions");
    expect(reactionsText({ likes: 0, boosts: 0 })).toBe("");
    expect(reactionsText({ likes: 1, boosts: 0 })).toBe("1 like");
    expect(reactionsText({ likes: 12, boosts: 3 })).toBe("3 boosts · 12 likes");
    expect(reactionsText({ likes: 0, boosts: 1 })).toBe("1 boost");
  });
});

describe("what the inbox refuses", () => {
  async function signed(who: string, activity: Record<string, unknown>, opts: { date?: Temporal.Instant; keyOwner?: string } = {}) {
    const body = JSON.stringify({ "@context": "https://www.w3.org/ns/activitystreams", ...activity });
    const request = new Request(`${blogActor.href}/inbox`, { method: "POST", headers: { "content-type": "application/activity+json" }, body });
    return await signRequest(request, keys[0]!.privateKey, new URL(`${actor(opts.keyOwner ?? who).href}#main-key`), { currentTime: opts.date });
  }
  const likeOf = (who: string, i: string) => ({ id: `${REMOTE}/users/${who}#likes/${i}`, type: "Like", actor: actor(who).href, object: postUrl });

  it("answers a replayed request (the same signature again) with 401, and a stale one", async () => {
    await execute(rawSql("DELETE FROM federation_reactions"));
    const req = await signed("alice", likeOf("alice", "r1"));
    const again = req.clone();
    expect((await fetch(req)).status).toBe(202);
    await settle();
    await execute(rawSql("DELETE FROM federation_reactions"));
    expect((await fetch(again)).status).toBe(401);
    await settle();
    expect(await countReactions(postId)).toEqual({ likes: 0, boosts: 0 });
    const stale = await signed("alice", likeOf("alice", "r2"), { date: Temporal.Now.instant().subtract({ hours: 2 }) });
    expect((await fetch(stale)).status).toBe(401);
    await settle();
    expect(await countReactions(postId)).toEqual({ likes: 0, boosts: 0 });
  });

  it("answers 401 when the signing key's owner is not the activity's actor", async () => {
    // Bob's key id (the same test key pair serves every remote actor), Alice as the actor.
    const res = await fetch(await signed("alice", likeOf("alice", "k1"), { keyOwner: "bob" }));
    expect(res.status).toBe(401);
    await settle();
    expect(await countReactions(postId)).toEqual({ likes: 0, boosts: 0 });
  });

  it("refuses a blocked server and a blocked account with 403 before any work, and stores nothing", async () => {
    await updateOptions({ activitypub_site_blocked_domains: "127.0.0.1" });
    let res = await fetch(await signed("alice", likeOf("alice", "b1")));
    expect(res.status).toBe(403);
    await updateOptions({ activitypub_site_blocked_domains: "", activitypub_site_blocked_actors: actor("bob").href });
    res = await fetch(await signed("bob", likeOf("bob", "b1")));
    expect(res.status).toBe(403);
    // A handle is matched once Fedify knows the actor: the reply is dropped.
    await updateOptions({ activitypub_site_blocked_actors: `@alice@127.0.0.1:${REMOTE_PORT}` });
    const before = await commentCount();
    await send("alice", reply("alice", postUrl, "<p>blocked?</p>").create);
    expect(await commentCount()).toBe(before);
    await settle();
    expect(await countReactions(postId)).toEqual({ likes: 0, boosts: 0 });
    await updateOptions({ activitypub_site_blocked_actors: "" });
  });

  it("refuses malformed and oversized bodies with 400 and 413", async () => {
    expect((await fetch(`${blogActor.href}/inbox`, { method: "POST", headers: { "content-type": "application/activity+json" }, body: "[1,2]" })).status).toBe(400);
    expect((await fetch(`${blogActor.href}/inbox`, { method: "POST", headers: { "content-type": "application/activity+json" }, body: "x".repeat(300 * 1024) })).status).toBe(413);
  });
});
