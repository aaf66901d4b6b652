// ActivityPub's rows (lib/federation/): Fedify's key–value store, the blog actor's key pairs and
// its followers. The key–value operations are single statements, so two processes on one
// database see each other's writes and a compare-and-swap is atomic on both engines.
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { affected } from "../index";
import { first } from "../rows";
import { commentMeta, comments, federationDeliveries, federationFollowers, federationKeys, federationKv, federationReactions, postMeta, posts, users, type Comment, type FederationDelivery, type FederationFollower } from "../tables";
import { FEDERATION_REACTIONS } from "../schema";
import { withTransaction } from "../transaction";
import { recountPostComments } from "./comments";

// KvKey parts are joined with the unit separator: no key part Fedify makes contains it, and every
// key under a prefix sorts between prefix+SEP and prefix+NEXT.
const SEP = "\u001f";
const NEXT = "\u0020";
export const kvKeyText = (parts: readonly string[]) => parts.join(SEP);
export const kvKeyParts = (text: string) => text.split(SEP);

const live = (now: number) => or(isNull(federationKv.expiresAt), gt(federationKv.expiresAt, now));

export async function getKvValue(key: string, now = Date.now()): Promise<string | undefined> {
  const row = await getDb().select({ value: federationKv.value }).from(federationKv).where(and(eq(federationKv.key, key), live(now))).limit(1).then(first);
  return row?.value;
}

export async function setKvValue(key: string, value: string, expiresAt: number | null): Promise<void> {
  await getDb().insert(federationKv).values({ key, value, expiresAt }).onConflictDoUpdate({ target: federationKv.key, set: { value, expiresAt } });
}

export async function deleteKvValue(key: string): Promise<void> {
  await getDb().delete(federationKv).where(eq(federationKv.key, key));
}

/**
 * Sets `key` to `value` only if it now holds `expected` (undefined: absent or expired), in one
 * statement: of two processes swapping the same key, one wins.
 */
export async function swapKvValue(key: string, expected: string | undefined, value: string, expiresAt: number | null, now = Date.now()): Promise<boolean> {
  const db = getDb();
  if (expected === undefined) {
    const result = await db
      .insert(federationKv)
      .values({ key, value, expiresAt })
      .onConflictDoUpdate({ target: federationKv.key, set: { value, expiresAt }, setWhere: and(lte(federationKv.expiresAt, now)) });
    return affected(result) === 1;
  }
  const result = await db.update(federationKv).set({ value, expiresAt }).where(and(eq(federationKv.key, key), eq(federationKv.value, expected), live(now)));
  return affected(result) === 1;
}

/** Every live entry whose key is `prefix` or starts with it, in key order. */
export async function listKvValues(prefix: string | undefined, now = Date.now()): Promise<{ key: string; value: string }[]> {
  const db = getDb();
  const under = prefix === undefined ? undefined : or(eq(federationKv.key, prefix), and(gte(federationKv.key, prefix + SEP), lt(federationKv.key, prefix + NEXT)));
  return await db.select({ key: federationKv.key, value: federationKv.value }).from(federationKv).where(and(under, live(now))).orderBy(asc(federationKv.key));
}

/** Forgets entries past their time (the job poller's hourly cleanup). */
export async function deleteExpiredKvValues(now = Date.now()): Promise<number> {
  return affected(await getDb().delete(federationKv).where(lte(federationKv.expiresAt, now)));
}

export interface ActorKeyRow {
  algorithm: "RSASSA-PKCS1-v1_5" | "Ed25519";
  privateKey: string;
  publicKey: string;
}

export async function listActorKeys(actor: string): Promise<ActorKeyRow[]> {
  return await getDb()
    .select({ algorithm: federationKeys.algorithm, privateKey: federationKeys.privateKey, publicKey: federationKeys.publicKey })
    .from(federationKeys)
    .where(eq(federationKeys.actor, actor))
    .orderBy(asc(federationKeys.algorithm));
}

/** Stores the pairs unless another process stored its own first; returns the ones that stand. */
export async function insertActorKeys(actor: string, rows: ActorKeyRow[], now = Date.now()): Promise<ActorKeyRow[]> {
  await getDb()
    .insert(federationKeys)
    .values(rows.map((r) => ({ ...r, actor, createdAt: now })))
    .onConflictDoNothing();
  return await listActorKeys(actor);
}

export type FollowerStatus = FederationFollower["status"];
export type NewFollower = Omit<FederationFollower, "id" | "createdAt" | "followed"> & { createdAt?: number; followed?: string };

/** The blog actor's identifier, and what `followed` holds for its followers (an author's is their user id). */
const BLOG = "blog";

/** Records a follower of one local actor (or a held request, or a block), replacing what was known of that actor's follow. */
export async function upsertFollower(f: NewFollower): Promise<FederationFollower> {
  const values = { ...f, followed: f.followed ?? BLOG, createdAt: f.createdAt ?? Date.now() };
  // Following again keeps the first "since"; the rest is what the actor says now.
  const changes = { inbox: f.inbox, sharedInbox: f.sharedInbox, handle: f.handle, name: f.name, url: f.url, server: f.server, status: f.status, followId: f.followId };
  const [row] = await getDb().insert(federationFollowers).values(values).onConflictDoUpdate({ target: [federationFollowers.followed, federationFollowers.actorId], set: changes }).returning();
  return row!;
}

export async function getFollowerByActorId(actorId: string, followed = BLOG): Promise<FederationFollower | undefined> {
  return await getDb().select().from(federationFollowers).where(and(eq(federationFollowers.followed, followed), eq(federationFollowers.actorId, actorId))).limit(1).then(first);
}

export async function getFollowerById(id: number): Promise<FederationFollower | undefined> {
  return await getDb().select().from(federationFollowers).where(eq(federationFollowers.id, id)).limit(1).then(first);
}

/** Stops `actorId` following `followed` (every local actor when null: its account was deleted). */
export async function deleteFollowerByActorId(actorId: string, status?: FollowerStatus, followed: string | null = BLOG): Promise<boolean> {
  const where = and(eq(federationFollowers.actorId, actorId), status ? eq(federationFollowers.status, status) : undefined, followed === null ? undefined : eq(federationFollowers.followed, followed));
  return affected(await getDb().delete(federationFollowers).where(where)) > 0;
}

export async function deleteFollowerById(id: number): Promise<boolean> {
  return affected(await getDb().delete(federationFollowers).where(eq(federationFollowers.id, id))) > 0;
}

/** Forgets every follower, request and block of one local actor (an author who turned their profile off). */
export async function deleteFollowersOf(followed: string): Promise<number> {
  return affected(await getDb().delete(federationFollowers).where(eq(federationFollowers.followed, followed)));
}

/** Changes a row's status only from the one expected (approving twice does nothing the second time). */
export async function updateFollowerStatus(id: number, from: FollowerStatus, to: FollowerStatus): Promise<FederationFollower | undefined> {
  const [row] = await getDb().update(federationFollowers).set({ status: to }).where(and(eq(federationFollowers.id, id), eq(federationFollowers.status, from))).returning();
  return row;
}

/** A page of one local actor's followers with this status, oldest first, after the row `afterId` (a cursor). */
export async function listFollowers(status: FollowerStatus, opts: { afterId?: number; limit?: number; offset?: number; followed?: string } = {}): Promise<FederationFollower[]> {
  return await getDb()
    .select()
    .from(federationFollowers)
    .where(and(eq(federationFollowers.followed, opts.followed ?? BLOG), eq(federationFollowers.status, status), opts.afterId ? gt(federationFollowers.id, opts.afterId) : undefined))
    .orderBy(asc(federationFollowers.id))
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0);
}

export async function countFollowers(status: FollowerStatus, followed = BLOG): Promise<number> {
  const row = await getDb().select({ n: count() }).from(federationFollowers).where(and(eq(federationFollowers.followed, followed), eq(federationFollowers.status, status))).then(first);
  return Number(row?.n ?? 0);
}

/**
 * Everyone who follows any of these local actors (an author's post goes to the author's and the
 * blog's followers), each remote actor once.
 */
export async function listFollowerRecipients(followed: string[]): Promise<{ actorId: string; inbox: string; sharedInbox: string | null }[]> {
  if (!followed.length) return [];
  const rows = await getDb()
    .select({ actorId: federationFollowers.actorId, inbox: federationFollowers.inbox, sharedInbox: federationFollowers.sharedInbox })
    .from(federationFollowers)
    .where(and(inArray(federationFollowers.followed, followed), eq(federationFollowers.status, "accepted")))
    .orderBy(asc(federationFollowers.id));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.actorId) && seen.add(r.actorId));
}

// --- Authors as actors: Profile → "Enable fediverse profile" ------------------------------------

/** What an author's actor document shows, and whether the author may have one. */
export async function getFediverseUser(by: { id: number } | { nicename: string }) {
  return await getDb()
    .select({ id: users.id, nicename: users.nicename, displayName: users.displayName, bio: users.bio, email: users.email, role: users.role, fediverse: users.fediverse })
    .from(users)
    .where("id" in by ? eq(users.id, by.id) : eq(users.nicename, by.nicename))
    .limit(1)
    .then(first);
}

export async function setUserFediverse(id: number, on: boolean): Promise<boolean> {
  return affected(await getDb().update(users).set({ fediverse: on }).where(eq(users.id, id))) > 0;
}

/** Whether this local actor ever had keys (an author who turned their profile off answers 410, not 404). */
export async function hasActorKeys(actor: string): Promise<boolean> {
  return !!(await getDb().select({ actor: federationKeys.actor }).from(federationKeys).where(eq(federationKeys.actor, actor)).limit(1).then(first));
}

// --- the conversation coming home: fediverse replies (comments with a remote id), likes, boosts ---

/** A comment that came from the fediverse, by its ActivityPub object id. */
export async function getCommentByRemoteId(remoteId: string) {
  return await getDb()
    .select({ id: comments.id, postId: comments.postId, status: comments.status, remoteActor: comments.remoteActor, content: comments.content })
    .from(comments)
    .where(eq(comments.remoteId, remoteId))
    .limit(1)
    .then(first);
}

/** A comment's id, post and status (a reply to one of our comments names it by id). */
export async function getCommentBrief(id: number) {
  return await getDb().select({ id: comments.id, postId: comments.postId, status: comments.status, remoteId: comments.remoteId }).from(comments).where(eq(comments.id, id)).limit(1).then(first);
}

/** An Update from the author: the text, name and picture change; nothing else does. */
export async function updateRemoteComment(id: number, set: { content: string; authorName: string; authorUrl: string; avatarUrl: string | null }): Promise<boolean> {
  return affected(await getDb().update(comments).set(set).where(eq(comments.id, id))) > 0;
}

/** A Delete from the author: the comment goes (its replies move up, as in WordPress), and the post's count is recounted. */
export async function deleteRemoteComment(id: number): Promise<boolean> {
  return await withTransaction(async (tx) => {
    const [row] = await tx.delete(comments).where(eq(comments.id, id)).returning({ postId: comments.postId });
    if (!row) return false;
    await recountPostComments(tx, [row.postId]);
    return true;
  });
}

/**
 * An account deleted on its server: its likes and boosts, and its comments for good (each one's
 * replies moving up to its parent, as wp_delete_comment does), the posts' counts recounted.
 */
export async function deleteRemoteActorContent(actorId: string): Promise<{ comments: number; reactions: number }> {
  return await withTransaction(async (tx) => {
    const reactions = affected(await tx.delete(federationReactions).where(eq(federationReactions.actorId, actorId)));
    const rows = await tx.select({ id: comments.id, postId: comments.postId }).from(comments).where(eq(comments.remoteActor, actorId)).orderBy(asc(comments.id));
    for (const c of rows) {
      // Read now: an earlier deletion may have moved this one up already.
      const [row] = await tx.select({ parentId: comments.parentId }).from(comments).where(eq(comments.id, c.id));
      await tx.update(comments).set({ parentId: row?.parentId ?? null }).where(eq(comments.parentId, c.id));
      await tx.delete(comments).where(eq(comments.id, c.id));
    }
    if (rows.length) await recountPostComments(tx, [...new Set(rows.map((r) => r.postId))]);
    return { comments: rows.length, reactions };
  });
}

export type ReactionKind = (typeof FEDERATION_REACTIONS)[number];

/** Records a Like or an Announce: one per actor, kind and post (a second one only refreshes its activity id). */
export async function addReaction(r: { postId: number; kind: ReactionKind; actorId: string; activityId: string | null }, now = Date.now()): Promise<void> {
  await getDb()
    .insert(federationReactions)
    .values({ ...r, createdAt: now })
    .onConflictDoUpdate({ target: [federationReactions.postId, federationReactions.kind, federationReactions.actorId], set: { activityId: r.activityId } });
}

/** Undo: by the undone activity's id, or (when the Undo carries no id) by actor, kind and post. Only the actor's own. */
export async function removeReaction(actorId: string, by: { activityId: string } | { postId: number; kind: ReactionKind }): Promise<boolean> {
  const where =
    "activityId" in by
      ? and(eq(federationReactions.actorId, actorId), eq(federationReactions.activityId, by.activityId))
      : and(eq(federationReactions.actorId, actorId), eq(federationReactions.postId, by.postId), eq(federationReactions.kind, by.kind));
  return affected(await getDb().delete(federationReactions).where(where)) > 0;
}

/** How many likes and boosts a post has. */
export async function countReactions(postId: number): Promise<{ likes: number; boosts: number }> {
  const rows = await getDb().select({ kind: federationReactions.kind, n: count() }).from(federationReactions).where(eq(federationReactions.postId, postId)).groupBy(federationReactions.kind);
  const n = (k: ReactionKind) => Number(rows.find((r) => r.kind === k)?.n ?? 0);
  return { likes: n("like"), boosts: n("announce") };
}

/** What a comment's ActivityPub object shows: an approved, local comment only. */
export async function getCommentForObject(id: number) {
  const row = await getDb()
    .select({ id: comments.id, postId: comments.postId, parentId: comments.parentId, status: comments.status, type: comments.type, authorName: comments.authorName, content: comments.content, dateGmt: comments.dateGmt, remoteId: comments.remoteId })
    .from(comments)
    .where(eq(comments.id, id))
    .limit(1)
    .then(first);
  if (!row || row.status !== "1" || row.type !== "comment" || row.remoteId) return undefined;
  const parent = row.parentId ? await getCommentBrief(row.parentId) : undefined;
  return { ...row, parentRemoteId: parent?.remoteId ?? null };
}

/** Whether this remote actor already has an approved comment here. */
export async function hasApprovedFromActor(actorId: string): Promise<boolean> {
  const row = await getDb().select({ id: comments.id }).from(comments).where(and(eq(comments.remoteActor, actorId), eq(comments.status, "1"))).limit(1).then(first);
  return !!row;
}


// --- Publishing: whether a post's Create went out, and each delivery's result ------------------

/**
 * post_meta key holding the id of the object a post's Create sent (its permalink then): an
 * Update and the Delete name that id even when the permalink has changed since.
 */
export const FEDERATED_META = "_activitypub_object_id";

export async function getPostFederatedId(postId: number): Promise<string | undefined> {
  const [row] = await getDb().select({ value: postMeta.value }).from(postMeta).where(and(eq(postMeta.postId, postId), eq(postMeta.key, FEDERATED_META))).limit(1);
  return row?.value || undefined;
}

export async function setPostFederatedId(postId: number, objectId: string | null): Promise<void> {
  await getDb().delete(postMeta).where(and(eq(postMeta.postId, postId), eq(postMeta.key, FEDERATED_META)));
  if (objectId) await getDb().insert(postMeta).values({ postId, key: FEDERATED_META, value: objectId });
}

/**
 * post_meta key holding which local actor sent the post's Create ("blog", or the author's user
 * id): its Update and Delete go from the same actor. A post sent before authors were actors has
 * none, which means the blog.
 */
export const FEDERATED_ACTOR_META = "_activitypub_actor";

export async function getPostFederatedActor(postId: number): Promise<string> {
  const [row] = await getDb().select({ value: postMeta.value }).from(postMeta).where(and(eq(postMeta.postId, postId), eq(postMeta.key, FEDERATED_ACTOR_META))).limit(1);
  return row?.value || BLOG;
}

export async function setPostFederatedActor(postId: number, actor: string | null): Promise<void> {
  await getDb().delete(postMeta).where(and(eq(postMeta.postId, postId), eq(postMeta.key, FEDERATED_ACTOR_META)));
  if (actor) await getDb().insert(postMeta).values({ postId, key: FEDERATED_ACTOR_META, value: actor });
}

export type DeliveryStatus = FederationDelivery["status"];

/** Records the latest result of one activity at one inbox (the row is made on its first try). */
export async function recordDelivery(d: { postId: number | null; activityId: string; activityType: string; inbox: string; host: string; status: DeliveryStatus; error?: string; attempt?: boolean }, now = Date.now()): Promise<void> {
  const error = (d.error ?? "").slice(0, 500);
  const attempts = d.attempt ? 1 : 0;
  await getDb()
    .insert(federationDeliveries)
    .values({ postId: d.postId, activityId: d.activityId, activityType: d.activityType, inbox: d.inbox, host: d.host, status: d.status, error, attempts, updatedAt: now })
    .onConflictDoUpdate({
      target: [federationDeliveries.activityId, federationDeliveries.inbox],
      set: { status: d.status, error, attempts: sql`${federationDeliveries.attempts} + ${attempts}`, updatedAt: now },
    });
}

/** A post's deliveries, newest first. */
export async function listDeliveriesByPost(postId: number, limit = 200): Promise<FederationDelivery[]> {
  return await getDb().select().from(federationDeliveries).where(eq(federationDeliveries.postId, postId)).orderBy(desc(federationDeliveries.updatedAt), desc(federationDeliveries.id)).limit(limit);
}

/** Posts with deliveries, the most recently delivered first (the admin's overview). */
export async function listPostsWithDeliveries(limit = 50): Promise<{ postId: number; title: string; total: number; delivered: number; failed: number; paused: number; lastAt: number }[]> {
  const d = federationDeliveries;
  const n = (status: DeliveryStatus) => sql<number>`sum(case when ${d.status} = ${status} then 1 else 0 end)`;
  const rows = await getDb()
    .select({ postId: d.postId, title: posts.title, total: count(), delivered: n("delivered"), failed: n("failed"), paused: n("paused"), lastAt: sql<number>`max(${d.updatedAt})` })
    .from(d)
    .innerJoin(posts, eq(posts.id, d.postId))
    .groupBy(d.postId, posts.title)
    .orderBy(desc(sql`max(${d.updatedAt})`))
    .limit(limit);
  return rows.map((r) => ({ postId: Number(r.postId), title: r.title, total: Number(r.total), delivered: Number(r.delivered), failed: Number(r.failed), paused: Number(r.paused), lastAt: Number(r.lastAt) }));
}

// --- Replies written on the blog to a comment from the fediverse --------------------------------
// Where a comment came from in the fediverse: its object's id and its author's actor. Kept as
// comment meta here (activitypub_id, activitypub_actor); the inbound side (replies → comments)
// may keep them as columns instead: these two functions are the one place to change then.
/** comment meta: the id of the Note a reply written here was sent as. */
export const SENT_META = "_activitypub_sent";

/** Where a comment came from on the fediverse (its object and author), for one that did. */
export async function getCommentRemoteOrigin(commentId: number): Promise<{ objectId: string; actorId: string } | undefined> {
  const row = await getDb().select({ objectId: comments.remoteId, actorId: comments.remoteActor }).from(comments).where(eq(comments.id, commentId)).limit(1).then(first);
  return row?.objectId && row.actorId ? { objectId: row.objectId, actorId: row.actorId } : undefined;
}

export async function setCommentRemoteOrigin(commentId: number, origin: { objectId: string; actorId: string }): Promise<void> {
  await getDb().update(comments).set({ remoteId: origin.objectId, remoteActor: origin.actorId }).where(eq(comments.id, commentId));
}

export async function getCommentForFederation(id: number): Promise<Pick<Comment, "id" | "postId" | "parentId" | "status" | "type" | "authorName" | "content" | "dateGmt"> | undefined> {
  return await getDb()
    .select({ id: comments.id, postId: comments.postId, parentId: comments.parentId, status: comments.status, type: comments.type, authorName: comments.authorName, content: comments.content, dateGmt: comments.dateGmt })
    .from(comments)
    .where(eq(comments.id, id))
    .limit(1)
    .then(first);
}

/** Marks a reply as sent; false when it already was (two jobs for one reply send it once). */
export async function markCommentSent(commentId: number, noteId: string): Promise<boolean> {
  const [already] = await getDb().select({ id: commentMeta.id }).from(commentMeta).where(and(eq(commentMeta.commentId, commentId), eq(commentMeta.key, SENT_META))).limit(1);
  if (already) return false;
  await getDb().insert(commentMeta).values({ commentId, key: SENT_META, value: noteId });
  return true;
}
