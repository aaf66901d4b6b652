// More of the conversation coming home, over real HTTP on loopback against a second Fedify (the
// shared peer, tests/unit/support/fedi-peer.ts), signatures enforced:
// - quote posts of one of our posts (FEP-044f `quote`, `quoteUrl`, a FEP-e232 Link tag) become
//   comments on it, Mastodon's "RE:" fallback line dropped, as WordPress's plugin keeps quotes;
//   a quote of something else is ignored;
// - a reply to a held comment is kept, held, under it, and approving both shows the thread; one
//   to a trashed comment is refused;
// - an account deleted on its server (Delete of the actor, by the actor) loses its likes, boosts
//   and comments (their replies moving up) once its address answers 410, and not before.
import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Create, Delete, Like, Link, Note, Person, PUBLIC_COLLECTION } from "@fedify/vocab";
import { Temporal } from "@js-temporal/polyfill";

vi.mock("server-only", () => ({}));
process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";

const PG = /^postgres/.test(process.env.DATABASE_URL ?? "");
// Ports from this worktree's range (5900–5999); the PostgreSQL project may run beside the SQLite one.
const BLOG_PORT = PG ? 5911 : 5901;
const REMOTE_PORT = PG ? 5912 : 5902;
const BLOG = `http://127.0.0.1:${BLOG_PORT}`;
const REMOTE = `http://127.0.0.1:${REMOTE_PORT}`;
process.env.SITE_URL = BLOG;

await import("@/lib/jobs");
const { updateOptions } = await import("@/db/queries/options");
const { countReactions } = await import("@/db/queries/federation");
const { applyCommentAction } = await import("@/db/queries/comment-admin");
const { listThreadComments } = await import("@/db/queries/comments");
const { queryRow, rawSql } = await import("@/db");
const { makePost, makeUser } = await import("../support/factories");
const { closeServers, makeRemote, serveBlog, settle } = await import("../support/fedi-peer");

const gone = new Set<string>();
const remote = await makeRemote({ origin: REMOTE, actors: ["alice", "bob", "carol"], profile: (who) => ({ name: `${who[0]!.toUpperCase()}${who.slice(1)}` }) });
const blogActor = new URL(`${BLOG}/wp-json/activitypub/1.0/actors/blog`);
let servers: http.Server[] = [];
let postId = 0;
let postUrl = "";

beforeAll(async () => {
  servers = [
    await serveBlog(BLOG_PORT),
    // A deleted account's address answers 410 Gone, as Mastodon's does.
    await remote.serve((req, res) => {
      const name = /^\/users\/([^/?#]+)$/.exec(req.url ?? "")?.[1];
      if (!name || !gone.has(name)) return false;
      res.writeHead(410, { "content-type": "application/activity+json" });
      res.end(JSON.stringify({ "@context": "https://www.w3.org/ns/activitystreams", id: `${REMOTE}/users/${name}`, type: "Tombstone" }));
      return true;
    }),
  ];
  const author = await makeUser("author");
  const post = await makePost(author.id, { title: "Quotable", slug: "quotable", content: "<p>Say it again.</p>", status: "publish" });
  postId = post.id;
  const { permalinkOf } = await import("@/lib/site/urls");
  const { getOptions } = await import("@/db/queries/options");
  postUrl = BLOG + (await permalinkOf({ ...post, type: "post" }, await getOptions()));
});

afterAll(async () => {
  await closeServers(servers);
});

async function send(who: string, activity: Create | Delete | Like) {
  const ctx = remote.ctx();
  await ctx.sendActivity({ identifier: who }, (await ctx.lookupObject(blogActor.href)) as Person, activity);
  await settle();
}

let n = 0;
function post(who: string, init: Partial<ConstructorParameters<typeof Note>[0]> & { content: string }) {
  const id = new URL(`${REMOTE}/users/${who}/statuses/${++n}`);
  const note = new Note({ id, attribution: remote.actor(who), to: PUBLIC_COLLECTION, published: Temporal.Now.instant(), ...init });
  return { id: id.href, create: new Create({ id: new URL(`${id.href}/activity`), actor: remote.actor(who), object: note, to: PUBLIC_COLLECTION }) };
}

type Row = { id: number; status: string; parent_id: number | null; content: string };
const byRemote = (id: string) => queryRow<Row>(rawSql("SELECT id, status, parent_id, content FROM comments WHERE remote_id = ?", id));

describe("quote posts", () => {
  it("a quote of the post (FEP-044f quote, with Mastodon's RE: line) becomes a comment on it, the RE: line dropped", async () => {
    const q = post("alice", { quote: new URL(postUrl), content: `<p class="quote-inline">RE: <a href="${postUrl}">${postUrl}</a></p><p>This, exactly.</p>` });
    await send("alice", q.create);
    expect(await byRemote(q.id)).toMatchObject({ parent_id: null, content: "<p>This, exactly.</p>" });
  });

  it("quoteUrl and a FEP-e232 Link tag name the quoted post too", async () => {
    const byUrl = post("bob", { quoteUrl: new URL(postUrl), content: "<p>Quoted by URL.</p>" });
    await send("bob", byUrl.create);
    expect((await byRemote(byUrl.id))?.content).toBe("<p>Quoted by URL.</p>");
    const byTag = post("bob", {
      content: "<p>Quoted by a tag.</p>",
      tags: [new Link({ href: new URL(postUrl), mediaType: 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"', rels: ["https://misskey-hub.net/ns#_misskey_quote"] })],
    });
    await send("bob", byTag.create);
    expect((await byRemote(byTag.id))?.content).toBe("<p>Quoted by a tag.</p>");
  });

  it("a quote of something that is not ours, or a post with no reply and no quote, is ignored", async () => {
    const elsewhere = post("alice", { quoteUrl: new URL(`${REMOTE}/users/bob/statuses/1`), content: "<p>Not yours.</p>" });
    await send("alice", elsewhere.create);
    const plain = post("alice", { content: "<p>Just a post.</p>" });
    await send("alice", plain.create);
    expect(await byRemote(elsewhere.id)).toBeUndefined();
    expect(await byRemote(plain.id)).toBeUndefined();
  });
});

describe("replies to a held comment", () => {
  it("keeps a reply to a held comment, held, under it; approving both shows the thread", async () => {
    await updateOptions({ comment_moderation: true });
    const held = post("carol", { replyTarget: new URL(postUrl), content: "<p>First thought.</p>" });
    await send("carol", held.create);
    const parent = (await byRemote(held.id))!;
    expect(parent.status).toBe("0");
    // Moderation off again, and Bob has approved comments (his quotes above): only the held parent holds his reply.
    await updateOptions({ comment_moderation: false });
    await applyCommentAction([(await byRemote(`${REMOTE}/users/bob/statuses/2`))!.id], "approve");
    const answer = post("bob", { replyTarget: new URL(held.id), content: "<p>Second thought.</p>" });
    await send("bob", answer.create);
    const child = (await byRemote(answer.id))!;
    expect(child).toMatchObject({ parent_id: parent.id, status: "0" });
    expect((await listThreadComments(postId)).map((c) => c.id)).not.toContain(child.id);

    await applyCommentAction([parent.id, child.id], "approve");
    const thread = await listThreadComments(postId);
    expect(thread.find((c) => c.id === child.id)).toMatchObject({ parentId: parent.id });
    expect(thread.map((c) => c.id)).toContain(parent.id);
  });

  it("refuses a reply to a comment in the trash", async () => {
    const trashed = post("carol", { replyTarget: new URL(postUrl), content: "<p>Regret.</p>" });
    await send("carol", trashed.create);
    await applyCommentAction([(await byRemote(trashed.id))!.id], "trash");
    const answer = post("bob", { replyTarget: new URL(trashed.id), content: "<p>Too late.</p>" });
    await send("bob", answer.create);
    expect(await byRemote(answer.id)).toBeUndefined();
  });
});

describe("a deleted account", () => {
  it("loses its likes and comments (replies moving up) once its address is gone, and not before", async () => {
    const top = post("alice", { replyTarget: new URL(postUrl), content: "<p>Alice says.</p>" });
    await send("alice", top.create);
    await applyCommentAction([(await byRemote(top.id))!.id], "approve");
    const mid = post("bob", { replyTarget: new URL(top.id), content: "<p>Bob answers.</p>" });
    await send("bob", mid.create);
    const low = post("alice", { replyTarget: new URL(mid.id), content: "<p>Alice again.</p>" });
    await send("alice", low.create);
    const under = post("carol", { replyTarget: new URL(low.id), content: "<p>Carol below.</p>" });
    await send("carol", under.create);
    await send("alice", new Like({ id: new URL(`${REMOTE}/users/alice#likes/1`), actor: remote.actor("alice"), object: new URL(postUrl) }));
    expect((await countReactions(postId)).likes).toBe(1);

    const deleteAlice = (i: number) => new Delete({ id: new URL(`${REMOTE}/users/alice#delete-${i}`), actor: remote.actor("alice"), object: remote.actor("alice"), to: PUBLIC_COLLECTION });
    // Alice's address still answers: a Delete of her account changes nothing.
    await send("alice", deleteAlice(1));
    expect(await byRemote(top.id)).toBeTruthy();
    expect((await countReactions(postId)).likes).toBe(1);

    gone.add("alice");
    await send("alice", deleteAlice(2));
    expect(await byRemote(top.id)).toBeUndefined();
    expect(await byRemote(low.id)).toBeUndefined();
    expect((await countReactions(postId)).likes).toBe(0);
    // Bob's reply to Alice moves up to what hers answered (the post); Carol's to Alice's second, to Bob's.
    const midRow = (await byRemote(mid.id))!;
    expect(midRow.parent_id).toBeNull();
    expect((await byRemote(under.id))?.parent_id).toBe(midRow.id);
    const counts = await queryRow<{ stored: number | string; real: number | string }>(
      rawSql("SELECT (SELECT comment_count FROM posts WHERE id = ?) AS stored, (SELECT count(*) FROM comments WHERE post_id = ? AND status = '1') AS real", postId, postId),
    );
    expect(Number(counts?.stored)).toBe(Number(counts?.real));
  });
});
