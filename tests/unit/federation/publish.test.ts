// Publishing goes out, over real HTTP on loopback: a follower on a second, independent Fedify
// receives the blog's signed Create when a post is published (the remote verifies the signature
// against the blog's published key), an Update on edit and a Delete (Tombstone) on trash; a
// follower whose server keeps failing is retried, then paused; every result is recorded per post.
// Posts are written through XML-RPC's writePost/trashPost, the path Micropub shares, which
// queues the federation job as the editor's save does.
import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Create, Delete, Move, Update, type Activity } from "@fedify/vocab";

vi.mock("server-only", () => ({}));
process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
process.env.INKWELL_JOB_BACKOFF_MS = "1";

const PG = /^postgres/.test(process.env.DATABASE_URL ?? "");
const BLOG_PORT = PG ? 5551 : 5541;
const REMOTE_PORT = PG ? 5552 : 5542;
const BROKEN_PORT = PG ? 5553 : 5543;
const BLOG = `http://127.0.0.1:${BLOG_PORT}`;
const REMOTE = `http://127.0.0.1:${REMOTE_PORT}`;
const BROKEN = `http://127.0.0.1:${BROKEN_PORT}`;
process.env.SITE_URL = BLOG;

await import("@/lib/jobs");
const { updateOptions } = await import("@/db/queries/options");
const { upsertFollower, listDeliveriesByPost, listPostsWithDeliveries, getPostFederatedId } = await import("@/db/queries/federation");
const { writePost, trashPost } = await import("@/lib/xmlrpc/posts");
const { PAUSE_AFTER, hostHealth } = await import("@/lib/federation/delivery");
const { queryRow, rawSql } = await import("@/db");
const { makeUser } = await import("../support/factories");
const { closeServers, listen, makeRemote, serveBlog, settle: settleJobs } = await import("../support/fedi-peer");

// --- the remote server: Alice follows the blog; what reaches her inbox is kept, verified -------
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const received: { type: string; json: Json }[] = [];
const remote = await makeRemote({
  origin: REMOTE,
  actors: ["alice", "newblog", "stranger"],
  // "newblog" is where the blog moves to: it names the blog's actor among its earlier addresses.
  profile: (identifier) => ({ aliases: identifier === "newblog" ? [new URL(`${BLOG}/wp-json/activitypub/1.0/actors/blog`)] : [] }),
});
const keep = async (type: string, a: Activity) => void received.push({ type, json: (await a.toJsonLd({ format: "compact" })) as Json });
remote.inbox
  .on(Create, (_ctx, a) => keep("Create", a))
  .on(Update, (_ctx, a) => keep("Update", a))
  .on(Delete, (_ctx, a) => keep("Delete", a))
  .on(Move, (_ctx, a) => keep("Move", a));

let servers: http.Server[] = [];
let brokenHits = 0;
let author: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  servers = [
    await serveBlog(BLOG_PORT),
    await remote.serve(),
    // A server that is down for good: every POST answers 500.
    await listen(BROKEN_PORT, async (req, res) => {
      for await (const _ of req); // eslint-disable-line @typescript-eslint/no-unused-vars
      brokenHits++;
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("upstream is on fire");
    }),
  ];
  const alice = `${REMOTE}/users/alice`;
  await upsertFollower({ actorId: alice, inbox: `${alice}/inbox`, sharedInbox: `${REMOTE}/inbox`, handle: `@alice@127.0.0.1:${REMOTE_PORT}`, name: "Alice", url: alice, server: `127.0.0.1:${REMOTE_PORT}`, status: "accepted", followId: null });
  author = await makeUser("administrator");
});

afterAll(async () => {
  await closeServers(servers);
});

/** Runs queued jobs until none is due within 2 s (the federate_post job, the fan-out, each delivery and its quick retries). */
const settle = () => settleJobs({ horizonMs: 2000, pauseMs: 25 });

const caller = () => ({ id: author.id, role: "administrator" as const, displayName: "Ada" });

describe("publishing to followers", () => {
  let postId = 0;

  it("sends a signed Create with the whole Article when a post is published: content, hashtags, images", async () => {
    received.length = 0;
    postId = await writePost(caller(), {
      type: "post",
      status: "publish",
      title: "Green tea",
      content: `<p>Sencha <strong>steeped</strong> twice.</p><p><img src="${BLOG}/wp-content/uploads/cup.jpg" alt="A cup"></p><script>alert(1)</script>`,
      tagNames: ["tea time", "sencha"],
    });
    await settle();
    expect(received.map((r) => r.type)).toEqual(["Create"]);
    const create = received[0]!.json;
    expect(create.actor).toBe(`${BLOG}/wp-json/activitypub/1.0/actors/blog`);
    expect(create.id).toMatch(new RegExp(`^${BLOG}/\\?p=${postId}#activity-create-`));
    const article = create.object as Json;
    expect(article.type).toBe("Article");
    expect(article.name).toBe("Green tea");
    expect(article.content).toContain("<strong>steeped</strong>");
    expect(article.content).not.toContain("<script");
    expect(article.attributedTo).toBe(create.actor);
    const tags = ([] as Json[]).concat(article.tag);
    expect(tags.map((t) => `${t.type} ${t.name}`).sort()).toEqual(["Hashtag #sencha", "Hashtag #teatime"]);
    expect(tags.every((t) => String(t.href).startsWith(`${BLOG}/tag/`))).toBe(true);
    const attachments = ([] as Json[]).concat(article.attachment);
    expect(attachments).toEqual([expect.objectContaining({ type: "Image", url: `${BLOG}/wp-content/uploads/cup.jpg`, name: "A cup" })]);
    expect(await getPostFederatedId(postId)).toBe(article.id);
    const rows = await listDeliveriesByPost(postId);
    expect(rows).toEqual([expect.objectContaining({ activityType: "Create", inbox: `${REMOTE}/inbox`, host: `127.0.0.1:${REMOTE_PORT}`, status: "delivered", attempts: 1 })]);
  });

  it("sends an Update of the same object when the published post is edited", async () => {
    received.length = 0;
    const firstId = await getPostFederatedId(postId);
    await writePost(caller(), { type: "post", title: "Green tea, revised", content: "<p>Three times now.</p>" }, postId);
    await settle();
    expect(received.map((r) => r.type)).toEqual(["Update"]);
    expect(received[0]!.json.object.id).toBe(firstId);
    expect(received[0]!.json.object.name).toBe("Green tea, revised");
    expect(received[0]!.json.object.content).toContain("Three times now.");
  });

  it("sends a Delete with a Tombstone when the post goes to the Trash, and nothing more after", async () => {
    received.length = 0;
    const objectId = await getPostFederatedId(postId);
    await trashPost(caller(), postId);
    await settle();
    expect(received.map((r) => r.type)).toEqual(["Delete"]);
    expect(received[0]!.json.object).toMatchObject({ type: "Tombstone", id: objectId });
    expect(await getPostFederatedId(postId)).toBeUndefined();
    const types = (await listDeliveriesByPost(postId)).map((d) => `${d.activityType}:${d.status}`).sort();
    expect(types).toEqual(["Create:delivered", "Delete:delivered", "Update:delivered"]);
  });

  it("does not send drafts, pages or password-protected posts", async () => {
    received.length = 0;
    await writePost(caller(), { type: "post", status: "draft", title: "Draft", content: "<p>x</p>" });
    await writePost(caller(), { type: "page", status: "publish", title: "About", content: "<p>x</p>" });
    await writePost(caller(), { type: "post", status: "publish", title: "Secret", content: "<p>x</p>", password: "oolong" });
    await settle();
    expect(received).toEqual([]);
  });

  it("sends a Create when a scheduled post goes live", async () => {
    const { makePost } = await import("../support/factories");
    const { publishDuePosts } = await import("@/lib/site/reads");
    const due = await makePost(author.id, { title: "Scheduled tea", slug: "scheduled-tea", status: "future", content: "<p>Later.</p>", date: "2026-01-01 08:00:00", dateGmt: "2026-01-01 08:00:00" });
    received.length = 0;
    await publishDuePosts(true);
    await new Promise((r) => setTimeout(r, 100));
    await settle();
    expect(received.map((r) => `${r.type} ${(r.json.object as Json).name}`)).toEqual(["Create Scheduled tea"]);
    expect(await getPostFederatedId(due.id)).toBeTruthy();
  });

  it("sends a Note with the title, excerpt and link when Settings → Discussion says Note", async () => {
    await updateOptions({ activitypub_object_type: "note" });
    received.length = 0;
    const id = await writePost(caller(), { type: "post", status: "publish", title: "Short one", content: "<p>Body text here.</p>", tagNames: ["oolong"] });
    await settle();
    await updateOptions({ activitypub_object_type: "article" });
    const note = received[0]!.json.object as Json;
    expect(note.type).toBe("Note");
    expect(note.content).toContain("<strong>Short one</strong>");
    expect(note.content).toContain("Body text here.");
    expect(note.content).toContain(`href="${note.url}"`);
    expect(note.content).toContain("#oolong");
    expect((await listDeliveriesByPost(id))[0]?.status).toBe("delivered");
  });

  it("retries a server that fails, then pauses it after consecutive failures, and says so per post", async () => {
    const bad = `${BROKEN}/users/bob`;
    await upsertFollower({ actorId: bad, inbox: `${bad}/inbox`, sharedInbox: `${BROKEN}/inbox`, handle: `@bob@127.0.0.1:${BROKEN_PORT}`, name: "Bob", url: bad, server: `127.0.0.1:${BROKEN_PORT}`, status: "accepted", followId: null });
    received.length = 0;
    brokenHits = 0;
    const id = await writePost(caller(), { type: "post", status: "publish", title: "Black tea", content: "<p>Assam.</p>" });
    await settle();
    // Alice still got it; Bob's server was tried PAUSE_AFTER times (Fedify may knock twice per
    // try, once per signature spec), then paused: no further requests.
    expect(received.map((r) => r.type)).toEqual(["Create"]);
    expect(brokenHits).toBeGreaterThanOrEqual(PAUSE_AFTER);
    const hits = brokenHits;
    const health = await hostHealth(`127.0.0.1:${BROKEN_PORT}`);
    expect(health.failures).toBe(PAUSE_AFTER);
    expect(health.pausedUntil).toBeGreaterThan(Date.now() + 50 * 60_000);
    const rows = await listDeliveriesByPost(id);
    const bobs = rows.find((r) => r.inbox === `${BROKEN}/inbox`)!;
    expect(bobs).toMatchObject({ status: "paused", attempts: PAUSE_AFTER });
    expect(bobs.error).toMatch(/paused until/);
    expect(rows.find((r) => r.inbox === `${REMOTE}/inbox`)?.status).toBe("delivered");
    // The paused message waits for the pause's end as a queued job, not a failed one.
    const waiting = await queryRow<{ n: number | string }>(rawSql("SELECT count(*) AS n FROM jobs WHERE type = 'federation' AND status = 'queued' AND run_at > ?", Date.now() + 50 * 60_000));
    expect(Number(waiting?.n)).toBe(1);

    // The next post does not even try the paused server.
    const next = await writePost(caller(), { type: "post", status: "publish", title: "White tea", content: "<p>Silver needle.</p>" });
    await settle();
    expect(brokenHits).toBe(hits);
    expect((await listDeliveriesByPost(next)).find((r) => r.host === `127.0.0.1:${BROKEN_PORT}`)?.status).toBe("paused");

    const overview = await listPostsWithDeliveries();
    expect(overview.find((o) => o.postId === id)).toMatchObject({ title: "Black tea", total: 2, delivered: 1, paused: 1, failed: 0 });
  });
});

describe("a reply written on the blog", () => {
  it("goes back to the fediverse author as a Create(Note) inReplyTo their comment, once, and only when approved", async () => {
    const { insertAdminReply } = await import("@/db/queries/comment-admin");
    const { setCommentRemoteOrigin } = await import("@/db/queries/federation");
    const { enqueueCommentFederation } = await import("@/lib/jobs");
    const { applyCommentAction } = await import("@/db/queries/comment-admin");
    const postId = await writePost(caller(), { type: "post", status: "publish", title: "Oolong", content: "<p>Rolled leaves.</p>" });
    await settle();
    const alice = `${REMOTE}/users/alice`;
    const when = { date: "2026-01-16 10:00:00", dateGmt: "2026-01-16 10:00:00" };
    // A comment as the inbound side stores a reply from the fediverse.
    const remoteComment = await insertAdminReply({ postId, parentId: null, type: "comment", status: "1", authorName: "Alice", authorEmail: "", authorUrl: alice, content: "<p>Lovely tea!</p>", ...when });
    await setCommentRemoteOrigin(remoteComment.id, { objectId: `${REMOTE}/notes/1`, actorId: alice });

    // A held reply does not go; approved, it does, once.
    const held = await insertAdminReply({ postId, parentId: remoteComment.id, type: "comment", status: "0", authorName: "Ada", authorEmail: "ada@example.com", authorUrl: "", content: "<p>Thank you <script>x</script>Alice.</p>", ...when });
    received.length = 0;
    await enqueueCommentFederation([held.id]);
    await settle();
    expect(received).toEqual([]);
    await applyCommentAction([held.id], "approve");
    await enqueueCommentFederation([held.id, held.id]);
    await settle();
    expect(received.map((r) => r.type)).toEqual(["Create"]);
    const note = received[0]!.json.object as Json;
    expect(note.type).toBe("Note");
    expect(note.id).toBe(`${BLOG}/?c=${held.id}`);
    expect(note.inReplyTo).toBe(`${REMOTE}/notes/1`);
    expect(note.content).toContain("Thank you");
    expect(note.content).not.toContain("<script");
    expect(note.content).toContain(`href="${alice}"`);
    expect(([] as Json[]).concat(note.tag)).toEqual([expect.objectContaining({ type: "Mention", href: alice, name: `@alice@127.0.0.1:${REMOTE_PORT}` })]);
    expect(([] as string[]).concat(note.cc)).toContain(alice);

    // A reply to a comment written here stays here.
    const local = await insertAdminReply({ postId, parentId: held.id, type: "comment", status: "1", authorName: "Bo", authorEmail: "bo@example.com", authorUrl: "", content: "<p>Same.</p>", ...when });
    received.length = 0;
    await enqueueCommentFederation([local.id]);
    await settle();
    expect(received).toEqual([]);
  });
});

describe("moving the blog's profile", () => {
  it("refuses a target that does not name the blog as an earlier address, then sends Move to followers and shows movedTo", async () => {
    const { moveBlogTo, MoveError } = await import("@/lib/federation/move");
    await expect(moveBlogTo(`${REMOTE}/users/stranger`)).rejects.toThrow(MoveError);
    await expect(moveBlogTo("not a url")).rejects.toThrow(/actor URL/);
    received.length = 0;
    const target = `${REMOTE}/users/newblog`;
    expect(await moveBlogTo(target)).toEqual({ from: `${BLOG}/wp-json/activitypub/1.0/actors/blog`, to: target });
    await settle();
    expect(received.map((r) => r.type)).toEqual(["Move"]);
    expect(received[0]!.json).toMatchObject({ object: `${BLOG}/wp-json/activitypub/1.0/actors/blog`, target });
    await updateOptions({ activitypub_also_known_as: "https://old.example/wp-json/activitypub/1.0/actors/blog" });
    const actor = (await (await fetch(`${BLOG}/wp-json/activitypub/1.0/actors/blog`, { headers: { accept: "application/activity+json" } })).json()) as Json;
    expect(actor.movedTo).toBe(target);
    expect(([] as string[]).concat(actor.alsoKnownAs)).toEqual(["https://old.example/wp-json/activitypub/1.0/actors/blog"]);
  });
});
