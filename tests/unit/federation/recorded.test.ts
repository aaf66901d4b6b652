// Recorded payloads (tests/fixtures/activitypub/, sources in its README): activities as Mastodon
// 4.x, GoToSocial, Akkoma, Ghost (and Mastodon's serializers) send them, replayed at the blog's
// shared inbox over real HTTP. Each payload's server is rewritten to a loopback test server that
// serves the actor documents and signs the request with the actor's key (an HTTP signature the
// blog verifies against that document); a Linked Data signature in the payload, made over the
// original text, is dropped. Each has its effect: replies become comments, Update edits, Delete
// removes, Like and Announce count and Undo takes them back, Follow makes a follower.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFederation, generateCryptoKeyPair, MemoryKvStore, signRequest, type Federation } from "@fedify/fedify";
import { Accept, Endpoints, Person } from "@fedify/vocab";

vi.mock("server-only", () => ({}));
process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";

const PG = /^postgres/.test(process.env.DATABASE_URL ?? "");
const BLOG_PORT = PG ? 5647 : 5645;
const REMOTE_PORT = PG ? 5648 : 5646;
const BLOG = `http://127.0.0.1:${BLOG_PORT}`;
const REMOTE = `http://127.0.0.1:${REMOTE_PORT}`;
process.env.SITE_URL = BLOG;

await import("@/lib/jobs");
const { serveFederation } = await import("@/lib/federation/http");
const { countReactions, getFollowerByActorId } = await import("@/db/queries/federation");
const { drainJobs } = await import("@/lib/jobs/queue");
const { queryRow, rawSql } = await import("@/db");
const { updateOptions } = await import("@/db/queries/options");
const { makePost, makeUser } = await import("../support/factories");

const FIXTURES = path.join(import.meta.dirname, "../../fixtures/activitypub");
const keys = [await generateCryptoKeyPair("RSASSA-PKCS1-v1_5")];
const accepted: string[] = [];
const remote: Federation<void> = createFederation<void>({ kv: new MemoryKvStore(), allowPrivateAddress: true });
remote
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    const k = await ctx.getActorKeyPairs(identifier);
    return new Person({ id: ctx.getActorUri(identifier), preferredUsername: identifier, name: `${identifier} (recorded)`, inbox: ctx.getInboxUri(identifier), endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }), publicKey: k[0]!.cryptographicKey });
  })
  .setKeyPairsDispatcher(() => keys);
remote.setInboxListeners("/users/{identifier}/inbox", "/inbox").on(Accept, async (_ctx, a) => void accepted.push(a.id?.href ?? ""));

function listen(port: number, handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) {
  const server = http.createServer((req, res) => void handler(req, res).catch((e: unknown) => { res.writeHead(500); res.end(String(e)); }));
  return new Promise<http.Server>((r) => server.listen(port, "127.0.0.1", () => r(server)));
}

let blogServer: http.Server, remoteServer: http.Server;
let postUrl = "";
let postId = 0;
const blogActor = `${BLOG}/wp-json/activitypub/1.0/actors/blog`;

beforeAll(async () => {
  blogServer = await listen(BLOG_PORT, async (req, res) => {
    req.headers["x-inkwell-client-ip"] = "127.0.0.1";
    if (!(await serveFederation(req, res))) {
      res.writeHead(404);
      res.end();
    }
  });
  remoteServer = await listen(REMOTE_PORT, async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
    const body = chunks.length ? new Uint8Array(Buffer.concat(chunks)) : undefined;
    const response = await remote.fetch(new Request(new URL(req.url!, REMOTE), { method: req.method, headers, body }), { contextData: undefined });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
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
  for (const s of [blogServer, remoteServer]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function settle() {
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 50));
    await drainJobs(50);
    const busy = await queryRow<{ n: number | string }>(rawSql("SELECT count(*) AS n FROM jobs WHERE status = 'running' OR (status = 'queued' AND run_at <= ?)", Date.now()));
    if (Number(busy?.n) === 0) return;
  }
  throw new Error("federation jobs still running after 5 s");
}

/** The payload's server, as the loopback test server: its actor at /users/<name>. */
const SERVERS: Record<string, { origin: string; actor: string; name: string }> = {
  mastodon: { origin: "https://mastodon.social", actor: "https://mastodon.social/users/testingshtuff", name: "testingshtuff" },
  gotosocial: { origin: "https://gotosocial.example.com", actor: "https://gotosocial.example.com/users/testuser", name: "testuser" },
  akkoma: { origin: "https://akkoma.example.com", actor: "https://akkoma.example.com/users/testuser", name: "testuser" },
  ghost: { origin: "https://example.com", actor: "https://example.com/user/foo", name: "foo" },
  wordpress: { origin: "https://notiz.blog", actor: "https://notiz.blog/author/matthias-pfefferle/", name: "pfefferle" },
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
