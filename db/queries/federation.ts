// ActivityPub's rows (lib/federation/): Fedify's key–value store, the blog actor's key pairs and
// its followers. The key–value operations are single statements, so two processes on one
// database see each other's writes and a compare-and-swap is atomic on both engines.
import { and, asc, count, desc, eq, gt, gte, isNull, lt, lte, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { affected } from "../index";
import { first } from "../rows";
import { commentMeta, comments, federationDeliveries, federationFollowers, federationKeys, federationKv, postMeta, posts, type Comment, type FederationDelivery, type FederationFollower } from "../tables";

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
export type NewFollower = Omit<FederationFollower, "id" | "createdAt"> & { createdAt?: number };

/** Records a follower (or a held request, or a block), replacing what was known of that actor. */
export async function upsertFollower(f: NewFollower): Promise<FederationFollower> {
  const values = { ...f, createdAt: f.createdAt ?? Date.now() };
  // Following again keeps the first "since"; the rest is what the actor says now.
  const changes = { inbox: f.inbox, sharedInbox: f.sharedInbox, handle: f.handle, name: f.name, url: f.url, server: f.server, status: f.status, followId: f.followId };
  const [row] = await getDb().insert(federationFollowers).values(values).onConflictDoUpdate({ target: federationFollowers.actorId, set: changes }).returning();
  return row!;
}

export async function getFollowerByActorId(actorId: string): Promise<FederationFollower | undefined> {
  return await getDb().select().from(federationFollowers).where(eq(federationFollowers.actorId, actorId)).limit(1).then(first);
}

export async function getFollowerById(id: number): Promise<FederationFollower | undefined> {
  return await getDb().select().from(federationFollowers).where(eq(federationFollowers.id, id)).limit(1).then(first);
}

export async function deleteFollowerByActorId(actorId: string, status?: FollowerStatus): Promise<boolean> {
  return affected(await getDb().delete(federationFollowers).where(and(eq(federationFollowers.actorId, actorId), status ? eq(federationFollowers.status, status) : undefined))) > 0;
}

export async function deleteFollowerById(id: number): Promise<boolean> {
  return affected(await getDb().delete(federationFollowers).where(eq(federationFollowers.id, id))) > 0;
}

/** Changes a row's status only from the one expected (approving twice does nothing the second time). */
export async function updateFollowerStatus(id: number, from: FollowerStatus, to: FollowerStatus): Promise<FederationFollower | undefined> {
  const [row] = await getDb().update(federationFollowers).set({ status: to }).where(and(eq(federationFollowers.id, id), eq(federationFollowers.status, from))).returning();
  return row;
}

/** A page of followers with this status, oldest first, after the row `afterId` (a cursor). */
export async function listFollowers(status: FollowerStatus, opts: { afterId?: number; limit?: number; offset?: number } = {}): Promise<FederationFollower[]> {
  return await getDb()
    .select()
    .from(federationFollowers)
    .where(and(eq(federationFollowers.status, status), opts.afterId ? gt(federationFollowers.id, opts.afterId) : undefined))
    .orderBy(asc(federationFollowers.id))
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0);
}

export async function countFollowers(status: FollowerStatus): Promise<number> {
  const row = await getDb().select({ n: count() }).from(federationFollowers).where(eq(federationFollowers.status, status)).then(first);
  return Number(row?.n ?? 0);
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
export const REMOTE_ID_META = "activitypub_id";
export const REMOTE_ACTOR_META = "activitypub_actor";
/** comment meta: the id of the Note a reply written here was sent as. */
export const SENT_META = "_activitypub_sent";

export async function getCommentRemoteOrigin(commentId: number): Promise<{ objectId: string; actorId: string } | undefined> {
  const rows = await getDb().select({ key: commentMeta.key, value: commentMeta.value }).from(commentMeta).where(and(eq(commentMeta.commentId, commentId), or(eq(commentMeta.key, REMOTE_ID_META), eq(commentMeta.key, REMOTE_ACTOR_META))));
  const objectId = rows.find((r) => r.key === REMOTE_ID_META)?.value;
  const actorId = rows.find((r) => r.key === REMOTE_ACTOR_META)?.value;
  return objectId && actorId ? { objectId, actorId } : undefined;
}

export async function setCommentRemoteOrigin(commentId: number, origin: { objectId: string; actorId: string }): Promise<void> {
  await getDb().insert(commentMeta).values([{ commentId, key: REMOTE_ID_META, value: origin.objectId }, { commentId, key: REMOTE_ACTOR_META, value: origin.actorId }]);
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
