// The blog as an ActivityPub actor, on Fedify: one Federation object per process, with its
// key–value store in our database and its queue on our job queue. The paths are those of
// WordPress's ActivityPub plugin (/wp-json/activitypub/1.0/…), so that a fediverse user sees
// the same shape of addresses as on a WordPress blog.
import { createFederation, type Context, type Federation, type KvStore } from "@fedify/fedify";
import { Accept, Announce, Create, Endpoints, Follow, Image, Like, Person, Reject, Undo, Update, Delete, isActor, type Actor, type Object as APObject } from "@fedify/vocab";
import { EmojiReact } from "@fedify/vocab";
import { countFollowers, deleteFollowerByActorId, getFollowerByActorId, listFollowers, upsertFollower } from "@/db/queries/federation";
import { getOption, getOptions } from "@/db/queries/options";
import { countPublishedPosts } from "@/db/queries/posts";
import { logEvent } from "@/lib/log";
import { absoluteUrl, siteUrl } from "@/lib/site-url";
import { archivePage, stickyPosts } from "@/lib/site/reads";
import { actorKeyPairs } from "./keys";
import { DatabaseKvStore } from "./kv";
import { fixedContextLoader, isDeliverableInbox, safeDocumentLoader, signedDocumentLoader } from "./loader";
import { federates, postArticle, postCreate } from "./objects";
import { JobMessageQueue } from "./queue";
import { receiveDelete, receiveReaction, receiveReply, receiveUndoReaction, receiveUpdate } from "./inbound";
import { receiveActorDelete } from "./inbound";
import { isBlockedActor } from "./blocks";
import { noteOutboxError } from "./delivery";
import { blogHandle } from "./handle";
import { receiveFollowAnswer } from "./following";
import { receiveReaderCreate, receiveReaderDelete, receiveReaderUpdate } from "./reader";
import pkg from "@/package.json";
import { activeAuthor, actorMode, blogIsActor, isLocalActor, postAttribution, userIdOfActor } from "./authors";
import { avatarSrc } from "@/lib/comments/avatar";

/** The blog actor's identifier; an author's is their user id (lib/federation/authors.ts). */
export const BLOG = "blog";
export const AP_BASE = "/wp-json/activitypub/1.0";
export const PATHS = {
  actor: `${AP_BASE}/actors/{identifier}`,
  inbox: `${AP_BASE}/actors/{identifier}/inbox`,
  sharedInbox: `${AP_BASE}/inbox`,
  outbox: `${AP_BASE}/actors/{identifier}/outbox`,
  followers: `${AP_BASE}/actors/{identifier}/followers`,
  featured: `${AP_BASE}/actors/{identifier}/collections/featured`,
  nodeinfo: "/wp-json/activitypub/1.0/nodeinfo/2.1",
} as const;

const PAGE_SIZE = 20;

export interface FederationOptions {
  /** Tests only: a second Fedify on loopback (see tests/unit/federation/). */
  kv?: KvStore;
}

export { blogHandle };

function build(): Federation<void> {
  const federation = createFederation<void>({
    kv: new DatabaseKvStore(),
    queue: new JobMessageQueue(),
    manuallyStartQueue: true,
    documentLoaderFactory: () => safeDocumentLoader,
    contextLoaderFactory: () => fixedContextLoader,
    authenticatedDocumentLoaderFactory: (identity) => signedDocumentLoader(identity),
    // A Next rewrite may add or drop the slash; the paths are ours either way.
    trailingSlashInsensitive: true,
    // Publishing (lib/federation/delivery.ts): a failing host is paused there, where the
    // delivery results can say so; Fedify's breaker would hold messages out of their sight.
    circuitBreaker: false,
    onOutboxError: (error, activity) => noteOutboxError(error, activity?.id?.href, (error as { inbox?: URL }).inbox?.href),
  });

  federation
    .setActorDispatcher(PATHS.actor, async (ctx, identifier) => {
      if (identifier !== BLOG) return await authorActor(ctx, identifier);
      if (!blogIsActor(await actorMode())) return null;
      const site = await getOptions();
      const keys = await ctx.getActorKeyPairs(identifier);
      return new Person({
        id: ctx.getActorUri(identifier),
        preferredUsername: await blogHandle(),
        name: site.blogname,
        summary: site.blogdescription || null,
        url: new URL(await absoluteUrl("/")),
        inbox: ctx.getInboxUri(identifier),
        outbox: ctx.getOutboxUri(identifier),
        followers: ctx.getFollowersUri(identifier),
        featured: ctx.getFeaturedUri(identifier),
        endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
        manuallyApprovesFollowers: await getOption("activitypub_manually_approve_followers"),
        discoverable: true,
        indexable: true,
        publicKey: keys[0]?.cryptographicKey,
        assertionMethods: keys.map((k) => k.multikey),
        // Moving (lib/federation/move.ts): earlier addresses, and where the blog has gone.
        aliases: site.activitypub_also_known_as.split("\n").filter((l) => URL.canParse(l)).map((l) => new URL(l)),
        successor: URL.canParse(site.activitypub_moved_to) ? new URL(site.activitypub_moved_to) : null,
      });
    })
    .mapHandle(async (_ctx, username) => {
      const mode = await actorMode();
      if (blogIsActor(mode) && username.toLowerCase() === (await blogHandle()).toLowerCase()) return BLOG;
      const author = await activeAuthor({ nicename: username.toLowerCase() }, mode);
      return author ? String(author.id) : null;
    })
    .setKeyPairsDispatcher(async (_ctx, identifier) => ((await isLocalActor(identifier)) ? await actorKeyPairs(identifier) : []));

  federation
    .setFollowersDispatcher(PATHS.followers, async (_ctx, identifier, cursor) => {
      if (cursor === null || !(await isLocalActor(identifier))) return null;
      const afterId = Number(cursor) || 0;
      const rows = await listFollowers("accepted", { afterId, limit: PAGE_SIZE, followed: identifier });
      return {
        items: rows.map((f) => ({ id: new URL(f.actorId), inboxId: new URL(f.inbox), endpoints: f.sharedInbox ? { sharedInbox: new URL(f.sharedInbox) } : null })),
        nextCursor: rows.length === PAGE_SIZE ? String(rows[rows.length - 1]!.id) : null,
      };
    })
    .setCounter(async (_ctx, identifier) => ((await isLocalActor(identifier)) ? await countFollowers("accepted", identifier) : null))
    .setFirstCursor(() => "0");

  federation
    .setOutboxDispatcher(PATHS.outbox, async (ctx, identifier, cursor) => {
      if (cursor === null || !(await isLocalActor(identifier))) return null;
      const page = Math.max(1, Math.floor(Number(cursor)) || 1);
      const { items, total } = await archivePage(outboxFilter(identifier), page, PAGE_SIZE);
      // Each post as its sender sent it: the blog's outbox lists its authors' posts too.
      const attributed = async (p: (typeof items)[number]) => {
        const by = identifier === BLOG ? await postAttribution(p) : identifier;
        return await postCreate(p, ctx.getActorUri(by), ctx.getFollowersUri(by));
      };
      return {
        items: await Promise.all(items.filter(federates).map(attributed)),
        nextCursor: page * PAGE_SIZE < total ? String(page + 1) : null,
      };
    })
    .setCounter(async (_ctx, identifier) => {
      if (!(await isLocalActor(identifier))) return null;
      return identifier === BLOG ? await countPublishedPosts() : (await archivePage(outboxFilter(identifier), 1, 1)).total;
    })
    .setFirstCursor(() => "1");

  federation.setFeaturedDispatcher(PATHS.featured, async (ctx, identifier) => {
    if (identifier !== BLOG || !blogIsActor(await actorMode())) return null;
    const actor = ctx.getActorUri(BLOG);
    const followers = ctx.getFollowersUri(BLOG);
    return { items: await Promise.all((await stickyPosts()).filter(federates).map((p) => postArticle(p, actor, followers))) };
  });

  // Mastodon's remote follow: a follow button elsewhere finds where to send this blog's
  // administrator (Users → Following → Follow, which asks to sign in first).
  federation.setWebFingerLinksDispatcher(async () => [
    { rel: "http://ostatus.org/schema/1.0/subscribe", template: `${await siteUrl()}/fediverse/subscribe/?uri={uri}` },
  ]);

  federation.setNodeInfoDispatcher(PATHS.nodeinfo, async () => ({
    software: { name: "inkwell", version: pkg.version },
    protocols: ["activitypub"],
    // As WordPress's plugin reports it: whether anyone can register (Settings → General).
    openRegistrations: await getOption("users_can_register"),
    usage: { users: { total: 1, activeMonth: 1, activeHalfyear: 1 }, localPosts: await countPublishedPosts(), localComments: 0 },
  }));

  federation
    .setInboxListeners(PATHS.inbox, PATHS.sharedInbox)
    .on(Follow, async (ctx, follow) => {
      if (!follow.id || !follow.actorId || !follow.objectId) return;
      const target = ctx.parseUri(follow.objectId);
      if (target?.type !== "actor" || !(await isLocalActor(target.identifier))) return;
      // Whom they follow: the blog, or an author (lib/federation/authors.ts).
      const followed = target.identifier;
      const follower = await follow.getActor(ctx);
      if (!isActor(follower) || !follower.id || follower.id.href !== follow.actorId.href || !follower.inboxId) return;
      if (await isBlockedActor(follower.id.href, describeFollower(follower).handle)) return;
      const known = await getFollowerByActorId(follower.id.href, followed);
      const me = ctx.getActorUri(followed);
      if (!(await isDeliverableInbox(follower.inboxId.href))) {
        logEvent("federation.follow_refused", { actor: follower.id.href, reason: "inbox not deliverable" }, "warn");
        return;
      }
      if (known?.status === "blocked") {
        await ctx.sendActivity({ identifier: followed }, follower, new Reject({ id: new URL(`#reject-${crypto.randomUUID()}`, me), actor: me, object: follow }));
        return;
      }
      const held = known?.status !== "accepted" && (await getOption("activitypub_manually_approve_followers"));
      const described = describeFollower(follower);
      // A shared inbox that points somewhere private is not used: deliveries go to the actor's own inbox.
      if (described.sharedInbox && !(await isDeliverableInbox(described.sharedInbox))) described.sharedInbox = null;
      await upsertFollower({ ...described, followed, status: held ? "pending" : "accepted", followId: follow.id.href });
      if (!held) await ctx.sendActivity({ identifier: followed }, follower, new Accept({ id: new URL(`#accept-${crypto.randomUUID()}`, me), actor: me, object: follow }));
    })
    .on(Undo, async (ctx, undo) => {
      // Undo(Like) / Undo(Announce): the count goes down (lib/federation/inbound.ts), found by the
      // undone activity's id first (Mastodon's like ids cannot be fetched), else by what it was.
      if (await receiveUndoReaction(undo, null, "like")) return;
      const object = await undo.getObject(ctx).catch(() => null);
      if (object instanceof Like || object instanceof Announce || object instanceof EmojiReact) {
        await receiveUndoReaction(undo, object, object instanceof Announce ? "announce" : "like");
        return;
      }
      if (!(object instanceof Follow) || !undo.actorId || object.actorId?.href !== undo.actorId.href) return;
      // The Follow names whom it followed: the blog or an author (an unreadable one: the blog).
      const target = object.objectId ? ctx.parseUri(object.objectId) : null;
      const followed = target?.type === "actor" ? target.identifier : BLOG;
      const row = await getFollowerByActorId(undo.actorId.href, followed);
      // A blocked actor stays blocked: undoing its Follow does not lift the block.
      if (row && row.status !== "blocked") await deleteFollowerByActorId(undo.actorId.href, row.status, followed);
    })
    .on(Delete, async (_ctx, del) => {
      // An account deleted on its server: its follow, reactions and comments go (lib/federation/inbound.ts).
      if (del.actorId && del.objectId?.href === del.actorId.href) await receiveActorDelete(del.actorId.href);
      // A reply deleted by its author is removed (lib/federation/inbound.ts); a post of an
      // account the blog follows leaves the Reader (lib/federation/reader.ts).
      else {
        await receiveDelete(del);
        await receiveReaderDelete(del);
      }
    })
    // The conversation coming home: replies, their edits, likes and boosts (lib/federation/inbound.ts);
    // and the posts of accounts the blog follows, for the Reader (lib/federation/reader.ts).
    .on(Create, async (ctx, create) => {
      await receiveReaderCreate(ctx, create);
      await receiveReply(ctx, create);
    })
    .on(Update, async (ctx, update) => {
      await receiveReaderUpdate(ctx, update);
      await receiveUpdate(ctx, update);
    })
    // Answers to the blog's own Follows (Users → Following, lib/federation/following.ts).
    .on(Accept, async (_ctx, accept) => void (await receiveFollowAnswer("accept", accept.actorId, accept.objectId)))
    .on(Reject, async (_ctx, reject) => void (await receiveFollowAnswer("reject", reject.actorId, reject.objectId)))
    .on(Like, async (_ctx, like) => void (await receiveReaction("like", like)))
    .on(Announce, async (_ctx, announce) => void (await receiveReaction("announce", announce)))
    // Emoji reactions (Pleroma, Akkoma, Misskey) count as likes, as Misskey's own Like does.
    .on(EmojiReact, async (_ctx, react) => void (await receiveReaction("like", react)))
    // A deleted account's Delete cannot be verified once its key is gone (410/404): its address
    // is checked instead (receiveActorDelete), as WordPress's plugin defers the check for Delete.
    .onUnverifiedActivity(async (_ctx, activity, reason) => {
      const gone = reason.type === "keyFetchError" && "status" in reason.result && [404, 410].includes(reason.result.status);
      if (!gone || !(activity instanceof Delete) || !activity.actorId || activity.objectId?.href !== activity.actorId.href) return;
      if (reason.keyId?.origin !== activity.actorId.origin) return;
      await receiveActorDelete(activity.actorId.href);
      return new Response(null, { status: 202 });
    })
    .onError((_ctx, error) => {
      logEvent("federation.inbox_error", { error: error.message }, "warn");
    });

  return federation;
}

// --- Authors as actors (lib/federation/authors.ts) ---------------------------------------------

const outboxFilter = (identifier: string) => (identifier === BLOG ? ({ kind: "home" } as const) : ({ kind: "author", authorId: userIdOfActor(identifier) ?? 0 } as const));

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** An author's actor, as the plugin shows it: display name, biographical info, avatar, the author archive as its profile page. */
async function authorActor(ctx: Context<void>, identifier: string): Promise<Person | null> {
  const id = userIdOfActor(identifier);
  const author = id === null ? undefined : await activeAuthor({ id });
  if (!author) return null;
  const [keys, site, archive] = await Promise.all([ctx.getActorKeyPairs(identifier), getOptions(), absoluteUrl(`/author/${encodeURIComponent(author.nicename)}/`)]);
  const icon = avatarSrc(author.email, author.nicename, site, 96);
  return new Person({
    id: ctx.getActorUri(identifier),
    preferredUsername: author.nicename,
    name: author.displayName,
    summary: author.bio ? author.bio.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("") : null,
    url: new URL(archive),
    icon: icon ? new Image({ url: new URL(icon, archive), mediaType: icon.endsWith(".svg") ? "image/svg+xml" : null }) : null,
    inbox: ctx.getInboxUri(identifier),
    outbox: ctx.getOutboxUri(identifier),
    followers: ctx.getFollowersUri(identifier),
    endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
    manuallyApprovesFollowers: site.activitypub_manually_approve_followers,
    discoverable: true,
    indexable: true,
    publicKey: keys[0]?.cryptographicKey,
    assertionMethods: keys.map((k) => k.multikey),
  });
}

/** What the follower list keeps of a remote actor. */
export function describeFollower(actor: Actor) {
  const id = actor.id!;
  const server = id.host;
  const username = actor.preferredUsername?.toString() ?? id.pathname.split("/").filter(Boolean).pop() ?? "";
  return {
    actorId: id.href,
    inbox: actor.inboxId!.href,
    sharedInbox: actor.endpoints?.sharedInbox?.href ?? null,
    handle: `@${username}@${server}`,
    name: (actor.name?.toString() ?? "").slice(0, 200),
    url: actor.url instanceof URL ? actor.url.href : (actor.url as APObject | null | undefined)?.id?.href ?? id.href,
    server,
  };
}

const g = globalThis as unknown as { __inkwellFederation?: Federation<void>; __inkwellFederationQueue?: Promise<void> };

/** The process's federation, made at its first use. */
export function getFederation(): Federation<void> {
  g.__inkwellFederation ??= build();
  return g.__inkwellFederation;
}

/** Hands the queue's handler to the job runner (lib/federation/queue.ts) once per process. */
export async function startFederationQueue(): Promise<void> {
  if (!g.__inkwellFederationQueue) {
    // startQueue() resolves only when the queue stops: it is kept running, not awaited.
    void getFederation().startQueue(undefined);
    g.__inkwellFederationQueue = Promise.resolve();
  }
  await g.__inkwellFederationQueue;
}
