// Recorded payloads (tests/fixtures/activitypub/, sources in its README): activities as Mastodon
// 4.x, GoToSocial, Akkoma, Ghost, Misskey (and Mastodon's serializers) send them, replayed at the blog's
// shared inbox over real HTTP. Each payload's server is rewritten to a loopback test server that
// serves the actor documents and signs the request with the actor's key (an HTTP signature the
// blog verifies against that document); a Linked Data signature in the payload, made over the
// original text, is dropped. Each has its effect: replies become comments, Update edits, Delete
// removes, Like and Announce count and Undo takes them back, Follow makes a follower. Misskey's
// reply, quote, reaction (a Like with _misskey_reaction), Akkoma's EmojiReact, and a deleted
// account's Delete (Mastodon's and Misskey's) replayed with their effects.
import type http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signRequest } from "@fedify/fedify";
import { Accept } from "@fedify/vocab";

vi.mock("server-only", () => ({}));
process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";

const PG = /^postgres/.test(process.env.DATABASE_URL ?? "");
const BLOG_PORT = PG ? 5647 : 5645;
const REMOTE_PORT = PG ? 5648 : 5646;
const BLOG = `http://127.0.0.1:${BLOG_PORT}`;
const REMOTE = `http://127.0.0.1:${REMOTE_PORT}`;
process.env.SITE_URL = BLOG;

await import("@/lib/jobs");
const { countReactions, getFollowerByActorId } = await import("@/db/queries/federation");
const { execute, queryRow, rawSql } = await import("@/db");
const { updateOptions } = await import("@/db/queries/options");
const { makePost, makeUser } = await import("../support/factories");
const { closeServers, makeRemote, serveBlog, settle } = await import("../support/fedi-peer");

const FIXTURES = path.join(import.meta.dirname, "../../fixtures/activitypub");
const accepted: string[] = [];
const gone = new Set<string>();
// Any name is an actor: each payload's own, as the loopback test server.
const remote = await makeRemote({ origin: REMOTE, ed25519: false, profile: (identifier) => ({ name: `${identifier} (recorded)` }) });
const { keys } = remote;
remote.inbox.on(Accept, async (_ctx, a) => void accepted.push(a.id?.href ?? ""));

let blogServer: http.Server, remoteServer: http.Server;
let postUrl = "";
let postId = 0;
const blogActor = `${BLOG}/wp-json/activitypub/1.0/actors/blog`;

beforeAll(async () => {
  blogServer = await serveBlog(BLOG_PORT);
  // An account deleted on its server: its address answers 410 Gone, as Mastodon's does.
  remoteServer = await remote.serve((req, res) => {
    const name = /^\/users\/([^/?#]+)$/.exec(req.url ?? "")?.[1];
    if (!name || !gone.has(name)) return false;
    res.writeHead(410, { "content-type": "application/activity+json" });
    res.end(JSON.stringify({ "@context": "https://www.w3.org/ns/activitystreams", id: `${REMOTE}/users/${name}`, type: "Tombstone" }));
    return true;
  });
  const author = await makeUser("author");
  const post = await makePost(author.id, { title: "Recorded", slug: "recorded", content: "<p>Replay me.</p>", status: "publish" });
  postId = post.id;
  const { permalinkOf } = await import("@/lib/site/urls");
  const { getOptions } = await import("@/db/queries/options");
  postUrl = BLOG + (await permalinkOf({ ...post, type: "post" }, await getOptions()));
  // Each server's first reply is held ("previously approved"): these tests look at what is stored.
  await updateOptions({ comment_previously_approved: false });
});

afterAll(async () => {
  await closeServers([blogServer, remoteServer]);
});

/** The payload's server, as the loopback test server: its actor at /users/<name>. */
const SERVERS: Record<string, { origin: string; actor: string; name: string }> = {
  mastodon: { origin: "https://mastodon.social", actor: "https://mastodon.social/users/testingshtuff", name: "testingshtuff" },
  gotosocial: { origin: "https://gotosocial.example.com", actor: "https://gotosocial.example.com/users/testuser", name: "testuser" },
  akkoma: { origin: "https://akkoma.example.com", actor: "https://akkoma.example.com/users/testuser", name: "testuser" },
  ghost: { origin: "https://example.com", actor: "https://example.com/user/foo", name: "foo" },
  wordpress: { origin: "https://notiz.blog", actor: "https://notiz.blog/author/matthias-pfefferle/", name: "pfefferle" },
  misskey: { origin: "https://misskey.example", actor: "https://misskey.example/users/9kq2x7b3fz", name: "9kq2x7b3fz" },
};

/** Reads a fixture, points it at the test server and this blog, signs it as its actor and posts it. */
let signedAt = 0;
async function replay(file: string, server: keyof typeof SERVERS, fill: Record<string, string> = {}): Promise<{ status: number; activity: Record<string, any> }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const s = SERVERS[server]!;
  const actor = `${REMOTE}/users/${s.name}`;
  let text = fs.readFileSync(path.join(FIXTURES, file), "utf8").replaceAll("{{LOCAL_POST_URL}}", postUrl).replaceAll("{{LOCAL_ACTOR}}", blogActor);
  text = text.replaceAll(s.actor, actor).replaceAll(s.origin, REMOTE);
  const activity = JSON.parse(text) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  delete activity.signature;
  for (const [k, v] of Object.entries(fill)) activity.object[k] = v;
  // Each replay signed at its own second: a body sent again within the same second would carry the
  // very same signature, which the inbox refuses as a replay (a like replayed by two tests in one
  // second was refused on CI). A few seconds ahead is well within the inbox's hour of skew.
  signedAt = Math.max(Date.now(), signedAt + 1000);
  const request = new Request(`${BLOG}/wp-json/activitypub/1.0/inbox`, { method: "POST", headers: { "content-type": "application/activity+json", date: new Date(signedAt).toUTCString() }, body: JSON.stringify(activity) });
  const res = await fetch(await signRequest(request, keys[0]!.privateKey, new URL(`${actor}#main-key`)));
  await settle();
  return { status: res.status, activity };
}

type Row = { id: number; parent_id: number | null; author_name: string; content: string; status: string };
const byRemote = (id: string) => queryRow<Row>(rawSql("SELECT id, parent_id, author_name, content, status FROM comments WHERE remote_id = ?", id));

describe("recorded replies become comments", () => {
  it("Mastodon 4.3's Create(Note), its HTML kept as comment markup", async () => {
    // Recorded as a top-level post (inReplyTo null): here it answers the blog's post.
    const { status, activity } = await replay("mastodon-4.3-create-note.json", "mastodon", { inReplyTo: postUrl });
    expect(status).toBe(202);
    expect(await byRemote(activity.object.id)).toMatchObject({ parent_id: null, status: "1", author_name: "testingshtuff (recorded)", content: "<p>Here is some content</p>" });
  });

  it("GoToSocial's reply: the mention's span and class go, the link stays as the commenter's", async () => {
    const { status, activity } = await replay("gotosocial-reply.json", "gotosocial");
    expect(status).toBe(202);
    const row = (await byRemote(activity.object.id))!;
    expect(row.content).toBe(`<p><a href="https://example.com/@someone" rel="nofollow ugc">@someone</a> Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>`);
  });

  it("Akkoma's reply, whose LitePub context is on its own host", async () => {
    const { status, activity } = await replay("akkoma-reply.json", "akkoma");
    expect(status).toBe(202);
    expect((await byRemote(activity.object.id))?.content).toContain("Lorem ipsum dolor sit amet");
  });

  it("Ghost's Create(Note) as a reply, then its Update edits the comment", async () => {
    const { status, activity } = await replay("ghost-note-create.json", "ghost", { inReplyTo: postUrl });
    expect(status).toBe(202);
    expect((await byRemote(activity.object.id))?.content).toBe("Note content");
    const update = await replay("ghost-note-update.json", "ghost");
    expect(update.status).toBe(202);
    expect((await byRemote(activity.object.id))?.content).toBe("Updated note content");
  });

  it("Mastodon's Delete with a Tombstone removes its reply", async () => {
    const id = `${REMOTE}/users/testingshtuff/statuses/112885482706774905`;
    expect(await byRemote(id)).toBeTruthy();
    expect((await replay("mastodon-delete.json", "mastodon")).status).toBe(202);
    expect(await byRemote(id)).toBeUndefined();
  });
});

describe("recorded likes, boosts and follows", () => {
  it("Mastodon's Like and Announce count, their Undo takes them back", async () => {
    expect((await replay("mastodon-like.json", "mastodon")).status).toBe(202);
    expect((await replay("mastodon-announce.json", "mastodon")).status).toBe(202);
    expect(await countReactions(postId)).toEqual({ likes: 1, boosts: 1 });
    expect((await replay("mastodon-undo-like.json", "mastodon")).status).toBe(202);
    expect((await replay("mastodon-undo-announce.json", "mastodon")).status).toBe(202);
    expect(await countReactions(postId)).toEqual({ likes: 0, boosts: 0 });
  });

  it("Mastodon's Follow makes a follower and an Accept goes back", async () => {
    expect((await replay("mastodon-follow.json", "mastodon")).status).toBe(202);
    expect((await getFollowerByActorId(`${REMOTE}/users/testingshtuff`))?.status).toBe("accepted");
    expect(accepted).toHaveLength(1);
  });
});

describe("recorded from WordPress's ActivityPub plugin (a comment on a WordPress blog answering our post)", () => {
  const id = `${REMOTE}/?c=5219`;

  it("its Create(Note) becomes a comment, the mention of the blog kept as a link", async () => {
    const { status } = await replay("wordpress-activitypub-create-comment.json", "wordpress");
    expect(status).toBe(202);
    const row = (await byRemote(id))!;
    expect(row).toMatchObject({ parent_id: null, author_name: "pfefferle (recorded)" });
    expect(row.content).toContain("Danke für den Beitrag!");
    expect(row.content).toContain(`href="${blogActor}"`);
  });

  it("its Update edits the comment, and its Delete, which carries the whole Note rather than a Tombstone, removes it", async () => {
    expect((await replay("wordpress-activitypub-update-comment.json", "wordpress")).status).toBe(202);
    expect((await byRemote(id))?.content).toBe("<p>Danke für den Beitrag, noch einmal gelesen und ergänzt.</p>");
    expect((await replay("wordpress-activitypub-delete-comment.json", "wordpress")).status).toBe(202);
    expect(await byRemote(id)).toBeUndefined();
  });
});

/** Fedify takes an activity id once: a payload replayed again needs its mark forgotten. */
const forgetProcessed = () => execute(rawSql("DELETE FROM federation_kv WHERE key LIKE ?", "%activityIdempotence%"));

describe("recorded Misskey payloads", () => {
  const reply = `${REMOTE}/notes/9kq3a1c0aa`;
  const actor = `${REMOTE}/users/9kq2x7b3fz`;

  it("Follow makes a follower (an Accept goes back), its Undo removes it", async () => {
    accepted.length = 0;
    expect((await replay("misskey-follow.json", "misskey")).status).toBe(202);
    expect((await getFollowerByActorId(actor))?.status).toBe("accepted");
    expect(accepted).toHaveLength(1);
    expect((await replay("misskey-undo-follow.json", "misskey")).status).toBe(202);
    expect(await getFollowerByActorId(actor)).toBeUndefined();
  });

  it("a reply (with _misskey_content) becomes a comment, its Update edits it, its Delete (a Tombstone) removes it", async () => {
    expect((await replay("misskey-create-note-reply.json", "misskey")).status).toBe(202);
    expect(await byRemote(reply)).toMatchObject({ parent_id: null, author_name: "9kq2x7b3fz (recorded)", content: "<p>Brewed it twice: much better :tea:</p>" });
    expect((await replay("misskey-update-note.json", "misskey")).status).toBe(202);
    expect((await byRemote(reply))?.content).toBe("<p>Brewed it three times: even better :tea:</p>");
    expect((await replay("misskey-delete-note.json", "misskey")).status).toBe(202);
    expect(await byRemote(reply)).toBeUndefined();
  });

  it("a quote (_misskey_quote, quoteUrl) of the post becomes a comment on it, as WordPress's plugin keeps quotes", async () => {
    expect((await replay("misskey-create-note-quote.json", "misskey")).status).toBe(202);
    const row = (await byRemote(`${REMOTE}/notes/9kq3a1c0ab`))!;
    expect(row).toMatchObject({ parent_id: null });
    expect(row.content).toContain("Worth reading");
  });

  it("a reaction (Like with _misskey_reaction) and Akkoma's EmojiReact count as likes, a renote as a boost; Undo takes them back", async () => {
    await execute(rawSql("DELETE FROM federation_reactions"));
    expect((await replay("misskey-like.json", "misskey")).status).toBe(202);
    expect((await replay("misskey-announce.json", "misskey")).status).toBe(202);
    expect((await replay("akkoma-emoji-react.json", "akkoma")).status).toBe(202);
    expect(await countReactions(postId)).toEqual({ likes: 2, boosts: 1 });
    expect((await replay("misskey-undo-like.json", "misskey")).status).toBe(202);
    expect((await replay("akkoma-undo-emoji-react.json", "akkoma")).status).toBe(202);
    expect(await countReactions(postId)).toEqual({ likes: 0, boosts: 1 });
  });

  it("a deleted account (Delete of the actor by itself) takes its follow, likes, boosts and comments with it, once its address is gone", async () => {
    await forgetProcessed();
    await replay("misskey-follow.json", "misskey");
    await replay("misskey-like.json", "misskey");
    await replay("misskey-create-note-reply.json", "misskey");
    expect(await getFollowerByActorId(actor)).toBeTruthy();
    const before = await countReactions(postId);
    expect(before).toEqual({ likes: 1, boosts: 1 });
    // Still there (the actor answers): nothing is removed.
    expect((await replay("misskey-delete-actor.json", "misskey")).status).toBe(202);
    expect(await byRemote(reply)).toBeTruthy();
    expect(await getFollowerByActorId(actor)).toBeTruthy();
    // Gone (410): all of it goes; the page's counts with it. (Its key is still known here.)
    await forgetProcessed();
    gone.add("9kq2x7b3fz");
    expect((await replay("misskey-delete-actor.json", "misskey")).status).toBe(202);
    expect(await getFollowerByActorId(actor)).toBeUndefined();
    expect(await byRemote(reply)).toBeUndefined();
    expect(await byRemote(`${REMOTE}/notes/9kq3a1c0ab`)).toBeUndefined();
    expect(await countReactions(postId)).toEqual({ likes: 0, boosts: 0 });
    expect(Number((await queryRow<{ n: number | string }>(rawSql("SELECT comment_count AS n FROM posts WHERE id = ?", postId)))?.n)).toBe(Number((await queryRow<{ n: number | string }>(rawSql("SELECT count(*) AS n FROM comments WHERE post_id = ? AND status = '1'", postId)))?.n));
  });

  it("Mastodon's Delete of a deleted account whose key is no longer known (its key fetch answers 410) is checked at its address and applied", async () => {
    const mastodon = `${REMOTE}/users/testingshtuff`;
    await forgetProcessed();
    await replay("mastodon-like.json", "mastodon");
    const { activity } = await replay("mastodon-4.3-create-note.json", "mastodon", { inReplyTo: postUrl, id: `${REMOTE}/users/testingshtuff/statuses/2` });
    expect(await byRemote(activity.object.id)).toBeTruthy();
    expect(await countReactions(postId)).toEqual({ likes: 1, boosts: 0 });
    // Forget every cached key and document: the signature cannot be checked any more.
    await execute(rawSql("DELETE FROM federation_kv"));
    gone.add("testingshtuff");
    expect((await replay("mastodon-delete-actor.json", "mastodon")).status).toBe(202);
    expect(await byRemote(activity.object.id)).toBeUndefined();
    expect(await countReactions(postId)).toEqual({ likes: 0, boosts: 0 });
    expect(await getFollowerByActorId(mastodon)).toBeUndefined();
  });

  it("an unverifiable Delete of an account that still answers changes nothing (401)", async () => {
    await forgetProcessed();
    await replay("ghost-note-create.json", "ghost", { inReplyTo: postUrl, id: `${REMOTE}/note/kept` });
    await execute(rawSql("DELETE FROM federation_kv"));
    const foo = `${REMOTE}/users/foo`;
    const body = JSON.stringify({ "@context": "https://www.w3.org/ns/activitystreams", id: `${foo}#delete`, type: "Delete", actor: foo, object: foo });
    // Signed with a key the actor does not publish (another actor's key id): not verified, not gone.
    const { signRequest: sign, generateCryptoKeyPair } = await import("@fedify/fedify");
    const other = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
    const res = await fetch(await sign(new Request(`${BLOG}/wp-json/activitypub/1.0/inbox`, { method: "POST", headers: { "content-type": "application/activity+json" }, body }), other.privateKey, new URL(`${foo}#main-key`)));
    expect(res.status).toBe(401);
    await settle();
    expect(await byRemote(`${REMOTE}/note/kept`)).toBeTruthy();
  });
});
