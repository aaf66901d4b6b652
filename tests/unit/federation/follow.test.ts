// The blog as an actor over real HTTP on loopback, against a second, independent Fedify (a
// "remote server" with its own keys): WebFinger, NodeInfo, the actor document, its collections,
// a post asked for as JSON; a signed Follow is accepted and the Accept arrives, signed, at the
// follower's inbox (the remote verifies it); Undo removes the follower; unsigned and forged
// Follows get 401 and store nothing; held requests wait when approval is on; a blocked actor is
// refused. allowPrivateAddress is on for the remote only (it is a test peer on 127.0.0.1); the
// blog reaches the remote through the SSRF-safe fetch because OUTBOUND_ALLOW_HOSTS allows it.
import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateCryptoKeyPair } from "@fedify/fedify";
import { Accept, Follow, Person, Reject, Undo } from "@fedify/vocab";

vi.mock("server-only", () => ({}));
process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";

const PG = /^postgres/.test(process.env.DATABASE_URL ?? "");
// Ports from this worktree's range; the PostgreSQL project may run beside the SQLite one.
const BLOG_PORT = PG ? 5351 : 5331;
const REMOTE_PORT = PG ? 5352 : 5332;
const BLOG = `http://127.0.0.1:${BLOG_PORT}`;
const REMOTE = `http://127.0.0.1:${REMOTE_PORT}`;
process.env.SITE_URL = BLOG;

await import("@/lib/jobs");
const { INBOX_RATE } = await import("@/lib/federation/http");
const { updateOptions } = await import("@/db/queries/options");
const { getFollowerByActorId, listFollowers, countFollowers, upsertFollower } = await import("@/db/queries/federation");
const { makePost, makeUser } = await import("../support/factories");
const { closeServers, makeRemote, serveBlog, settle } = await import("../support/fedi-peer");

// --- the remote server: Alice (and Mallory, whose key the blog is never shown) -----------------
const received: { type: string; verified: boolean; json: unknown }[] = [];
const remote = await makeRemote({ origin: REMOTE, actors: ["alice", "bob", "carol"], profile: (identifier) => ({ name: identifier === "alice" ? "Alice Remote" : identifier }) });
remote.inbox
  .on(Accept, async (_ctx, a) => void received.push({ type: "Accept", verified: true, json: await a.toJsonLd() }))
  .on(Reject, async (_ctx, a) => void received.push({ type: "Reject", verified: true, json: await a.toJsonLd() }));

const remoteCtx = remote.ctx;
const blogActor = new URL(`${BLOG}/wp-json/activitypub/1.0/actors/blog`);

let blogServer: http.Server, remoteServer: http.Server;
let postUrl = "";

beforeAll(async () => {
  blogServer = await serveBlog(BLOG_PORT);
  remoteServer = await remote.serve();
  const author = await makeUser("author");
  const post = await makePost(author.id, { title: "Tea notes", slug: "tea-notes", content: "<p>Oolong <em>twice</em>.</p>", status: "publish" });
  const { permalinkOf } = await import("@/lib/site/urls");
  const { getOptions } = await import("@/db/queries/options");
  postUrl = BLOG + (await permalinkOf({ ...post, type: "post" }, await getOptions()));
});

afterAll(async () => {
  await closeServers([blogServer, remoteServer]);
});

const get = (path: string, accept = "application/activity+json") => fetch(new URL(path, BLOG), { headers: { accept } });

describe("the blog actor", () => {
  it("is found by WebFinger under the site's host by default, and under the chosen handle", async () => {
    let res = await get(`/.well-known/webfinger?resource=${encodeURIComponent("acct:127.0.0.1@127.0.0.1:" + BLOG_PORT)}`, "application/jrd+json");
    expect(res.status).toBe(200);
    const jrd = (await res.json()) as { subject: string; links: { rel: string; type?: string; href?: string }[] };
    expect(jrd.links.find((l) => l.rel === "self")?.href).toBe(blogActor.href);

    await updateOptions({ activitypub_blog_identifier: "notes" });
    res = await get(`/.well-known/webfinger?resource=${encodeURIComponent(`acct:notes@127.0.0.1:${BLOG_PORT}`)}`, "application/jrd+json");
    expect(res.status).toBe(200);
    res = await get(`/.well-known/webfinger?resource=${encodeURIComponent(`acct:nobody@127.0.0.1:${BLOG_PORT}`)}`, "application/jrd+json");
    expect(res.status).toBe(404);
  });

  it("answers NodeInfo 2.1 through /.well-known/nodeinfo", async () => {
    const wk = (await (await get("/.well-known/nodeinfo", "application/json")).json()) as { links: { rel: string; href: string }[] };
    const link = wk.links.find((l) => l.rel === "http://nodeinfo.diaspora.software/ns/schema/2.1");
    expect(link).toBeTruthy();
    const info = (await (await fetch(link!.href)).json()) as { version: string; software: { name: string }; protocols: string[]; usage: { localPosts: number } };
    expect(info.version).toBe("2.1");
    expect(info.software.name).toBe("inkwell");
    expect(info.protocols).toEqual(["activitypub"]);
    expect(info.usage.localPosts).toBe(1);
  });

  it("publishes an actor document with both keys, inbox, shared inbox, outbox, followers and featured", async () => {
    const res = await get(blogActor.pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/activity\+json/);
    const actor = (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(actor.id).toBe(blogActor.href);
    expect(actor.preferredUsername).toBe("notes");
    expect(actor.inbox).toBe(`${blogActor.href}/inbox`);
    expect(actor.endpoints.sharedInbox).toBe(`${BLOG}/wp-json/activitypub/1.0/inbox`);
    expect(actor.outbox).toBe(`${blogActor.href}/outbox`);
    expect(actor.followers).toBe(`${blogActor.href}/followers`);
    expect(actor.featured).toBe(`${blogActor.href}/collections/featured`);
    expect(actor.publicKey.publicKeyPem).toMatch(/BEGIN PUBLIC KEY/);
    expect(JSON.stringify(actor)).not.toMatch(/PRIVATE/);
    expect(actor.assertionMethod).toHaveLength(2);
    // The same keys on the next request (made once, kept in the database).
    const again = (await (await get(blogActor.pathname)).json()) as typeof actor;
    expect(again.publicKey.publicKeyPem).toBe(actor.publicKey.publicKeyPem);
    // A browser on the actor's address goes to the home page.
    const html = await fetch(blogActor, { headers: { accept: "text/html" }, redirect: "manual" });
    expect(html.status).toBe(302);
  });

  it("lists published posts in the outbox as Create activities, paged", async () => {
    const outbox = (await (await get(`${blogActor.pathname}/outbox`)).json()) as { totalItems: number; first: string };
    expect(outbox.totalItems).toBe(1);
    const page = (await (await fetch(outbox.first, { headers: { accept: "application/activity+json" } })).json()) as { orderedItems: { type: string; object: { type: string; id: string; content: string } }[] };
    expect(page.orderedItems[0]!.type).toBe("Create");
    expect(page.orderedItems[0]!.object.type).toBe("Article");
    expect(page.orderedItems[0]!.object.id).toBe(postUrl);
  });

  it("answers a post's own URL with its Article for ActivityPub clients, and leaves HTML to the pages", async () => {
    const path = new URL(postUrl).pathname;
    for (const accept of ["application/activity+json", 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"']) {
      const res = await get(path, accept);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/activity+json");
      expect(res.headers.get("vary")).toBe("Accept");
      const article = (await res.json()) as { type: string; id: string; name: string; content: string; attributedTo: string };
      expect(article).toMatchObject({ type: "Article", id: postUrl, name: "Tea notes", attributedTo: blogActor.href });
      expect(article.content).toContain("<em>twice</em>");
    }
    const page = await get(path, "text/html");
    expect(await page.text()).toBe("<p>a page</p>");
    const head = await fetch(new URL(path, BLOG), { method: "HEAD", headers: { accept: "application/activity+json" } });
    expect(head.headers.get("content-type")).toBe("application/activity+json");
  });

  it("does not federate a password-protected post, a draft or a page", async () => {
    const { permalinkOf } = await import("@/lib/site/urls");
    const { getOptions } = await import("@/db/queries/options");
    const author = await makeUser("author");
    for (const over of [{ slug: "secret-tea", status: "publish" as const, password: "oolong" }, { slug: "draft-tea", status: "draft" as const }, { slug: "about-tea", status: "publish" as const, type: "page" as const }]) {
      const p = await makePost(author.id, { title: over.slug, content: "<p>hidden</p>", ...over });
      const path = await permalinkOf({ ...p, type: over.type ?? "post" }, await getOptions());
      const res = await get(path);
      expect(res.headers.get("content-type"), path).toBe("text/html");
    }
  });
});

describe("following", () => {
  const alice = () => remoteCtx().getActorUri("alice");

  async function sendFollow(who = "alice") {
    const ctx = remoteCtx();
    const follow = new Follow({ id: new URL(`${REMOTE}/follows/${crypto.randomUUID()}`), actor: ctx.getActorUri(who), object: blogActor });
    const blog = await ctx.lookupObject(blogActor.href);
    await ctx.sendActivity({ identifier: who }, blog as Person, follow);
    return follow;
  }

  it("accepts a signed Follow: the follower is stored and a signed Accept arrives at its inbox", async () => {
    received.length = 0;
    const follow = await sendFollow();
    await settle();
    const row = await getFollowerByActorId(alice().href);
    expect(row).toMatchObject({ status: "accepted", handle: `@alice@127.0.0.1:${REMOTE_PORT}`, name: "Alice Remote", inbox: `${alice().href}/inbox`, sharedInbox: `${REMOTE}/inbox`, server: `127.0.0.1:${REMOTE_PORT}` });
    // The remote's Fedify verified the Accept's signature against the blog's published key.
    expect(received.map((r) => r.type)).toEqual(["Accept"]);
    expect(JSON.stringify(received[0]!.json)).toContain(follow.id!.href);
    const followers = (await (await get(`${blogActor.pathname}/followers`)).json()) as { totalItems: number };
    expect(followers.totalItems).toBe(1);
  });

  it("removes the follower on Undo(Follow)", async () => {
    const ctx = remoteCtx();
    const follow = new Follow({ id: new URL(`${REMOTE}/follows/undo-me`), actor: alice(), object: blogActor });
    await ctx.sendActivity({ identifier: "alice" }, (await ctx.lookupObject(blogActor.href)) as Person, new Undo({ id: new URL(`${REMOTE}/undo/1`), actor: alice(), object: follow }));
    await settle();
    expect(await getFollowerByActorId(alice().href)).toBeUndefined();
  });

  it("answers an unsigned Follow with 401 and stores nothing", async () => {
    const body = JSON.stringify({ "@context": "https://www.w3.org/ns/activitystreams", id: `${REMOTE}/follows/unsigned`, type: "Follow", actor: alice().href, object: blogActor.href });
    const res = await fetch(`${blogActor.href}/inbox`, { method: "POST", headers: { "content-type": "application/activity+json" }, body });
    expect(res.status).toBe(401);
    await settle();
    expect(await getFollowerByActorId(alice().href)).toBeUndefined();
  });

  it("answers a Follow signed with a key that is not the actor's with 401", async () => {
    const { signRequest } = await import("@fedify/fedify");
    const forger = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
    const body = JSON.stringify({ "@context": "https://www.w3.org/ns/activitystreams", id: `${REMOTE}/follows/forged`, type: "Follow", actor: alice().href, object: blogActor.href });
    const request = new Request(`${blogActor.href}/inbox`, { method: "POST", headers: { "content-type": "application/activity+json" }, body });
    // Alice's key id, Mallory's private key.
    const signed = await signRequest(request, forger.privateKey, new URL(`${alice().href}#main-key`));
    const res = await fetch(signed);
    expect(res.status).toBe(401);
    await settle();
    expect(await getFollowerByActorId(alice().href)).toBeUndefined();
    // A body that is not JSON is refused before anything else.
    const bad = await fetch(`${blogActor.href}/inbox`, { method: "POST", headers: { "content-type": "application/activity+json" }, body: "{not json" });
    expect(bad.status).toBe(400);
  });

  it("holds a Follow for approval when the setting says so, and refuses a blocked actor", async () => {
    await updateOptions({ activitypub_manually_approve_followers: true });
    received.length = 0;
    await sendFollow("bob");
    await settle();
    const bob = remoteCtx().getActorUri("bob").href;
    expect((await getFollowerByActorId(bob))?.status).toBe("pending");
    expect(received).toEqual([]);
    expect(await countFollowers("pending")).toBe(1);

    const row = (await getFollowerByActorId(bob))!;
    await upsertFollower({ ...row, status: "blocked" });
    await sendFollow("bob");
    await settle();
    expect((await getFollowerByActorId(bob))?.status).toBe("blocked");
    expect(received.map((r) => r.type)).toEqual(["Reject"]);
    expect(await listFollowers("accepted")).toEqual([]);
    await updateOptions({ activitypub_manually_approve_followers: false });
  });

  it("lets the administrator approve a held request (Accept sent) and remove a follower (Reject sent)", async () => {
    const { approveFollower, dropFollower, unblockFollower } = await import("@/lib/federation/followers");
    await updateOptions({ activitypub_manually_approve_followers: true });
    received.length = 0;
    await sendFollow("carol");
    await settle();
    const carol = remoteCtx().getActorUri("carol").href;
    const row = (await getFollowerByActorId(carol))!;
    expect(row.status).toBe("pending");
    expect(await approveFollower(row.id)).toBe("approved");
    expect(await approveFollower(row.id)).toBe("not-found");
    await settle();
    expect((await getFollowerByActorId(carol))?.status).toBe("accepted");
    expect(received.map((r) => r.type)).toEqual(["Accept"]);
    expect(await unblockFollower(row.id)).toBe("not-found");
    expect(await dropFollower(row.id, "pending")).toBe("not-found");
    expect(await dropFollower(row.id, "accepted")).toBe("removed");
    await settle();
    expect(await getFollowerByActorId(carol)).toBeUndefined();
    expect(received.map((r) => r.type)).toEqual(["Accept", "Reject"]);
    await updateOptions({ activitypub_manually_approve_followers: false });
  });

  it("rate-limits inbox POSTs per signing host with 429, before reading them", async () => {
    const statuses: number[] = [];
    // A host of its own, so that the earlier tests' POSTs do not count; bounded loop.
    for (let i = 0; i < INBOX_RATE.perHost + 2; i++) {
      const res = await fetch(`${blogActor.href}/inbox`, { method: "POST", headers: { "content-type": "application/activity+json", signature: `keyId="http://flood.example/actor#key",signature="x"` }, body: "{}" });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, INBOX_RATE.perHost).filter((s) => s === 429)).toEqual([]);
    expect(statuses.slice(INBOX_RATE.perHost)).toEqual([429, 429]);
    // Another host is not held back by the flood.
    const other = await fetch(`${blogActor.href}/inbox`, { method: "POST", headers: { "content-type": "application/activity+json", signature: `keyId="http://calm.example/actor#key",signature="x"` }, body: "{}" });
    expect(other.status).not.toBe(429);
  });
});
