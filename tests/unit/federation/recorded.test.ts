// Recorded payloads (tests/fixtures/activitypub/, sources in its README): activities as Mastodon
// 4.x, GoToSocial, Akkoma, Ghost (and Mastodon's serializers) send them, replayed at the blog's
// shared inbox over real HTTP. Each payload's server is rewritten to a loopback test server that
// serves the actor documents and signs the request with the actor's key (an HTTP signature the
// blog verifies against that document); a Linked Data signature in the payload, made over the
// original text, is dropped. Each has its effect: replies become comments, Update edits, Delete
// removes, Like and Announce count and Undo takes them back, Follow makes a follower.
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
const { queryRow, rawSql } = await import("@/db");
const { updateOptions } = await import("@/db/queries/options");
const { makePost, makeUser } = await import("../support/factories");
const { closeServers, makeRemote, serveBlog, settle } = await import("../support/fedi-peer");

const FIXTURES = path.join(import.meta.dirname, "../../fixtures/activitypub");
const accepted: string[] = [];
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
  remoteServer = await remote.serve();
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
};

/** Reads a fixture, points it at the test server and this blog, signs it as its actor and posts it. */
async function replay(file: string, server: keyof typeof SERVERS, fill: Record<string, string> = {}): Promise<{ status: number; activity: Record<string, any> }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const s = SERVERS[server]!;
  const actor = `${REMOTE}/users/${s.name}`;
  let text = fs.readFileSync(path.join(FIXTURES, file), "utf8").replaceAll("{{LOCAL_POST_URL}}", postUrl).replaceAll("{{LOCAL_ACTOR}}", blogActor);
  text = text.replaceAll(s.actor, actor).replaceAll(s.origin, REMOTE);
  const activity = JSON.parse(text) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  delete activity.signature;
  for (const [k, v] of Object.entries(fill)) activity.object[k] = v;
  const request = new Request(`${BLOG}/wp-json/activitypub/1.0/inbox`, { method: "POST", headers: { "content-type": "application/activity+json" }, body: JSON.stringify(activity) });
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
