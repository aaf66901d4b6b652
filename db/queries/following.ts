// What a local actor (the blog; authors later) follows on the fediverse, and the Reader: the posts
// those accounts send (lib/federation/following.ts, lib/federation/reader.ts).
import { and, asc, count, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { getDb } from "../client";
import { affected } from "../index";
import { first } from "../rows";
import { federationFollowing, federationReader, type FederationFollowing, type FederationReaderItem } from "../tables";

export type FollowingStatus = FederationFollowing["status"];
export type NewFollowing = Omit<FederationFollowing, "id" | "createdAt" | "localActor"> & { localActor?: string; createdAt?: number };

/** Records a Follow sent (pending until its Accept), replacing what was known of that account. */
export async function upsertFollowing(f: NewFollowing): Promise<FederationFollowing> {
  const values = { ...f, localActor: f.localActor ?? "blog", createdAt: f.createdAt ?? Date.now() };
  const changes = { inbox: f.inbox, sharedInbox: f.sharedInbox, handle: f.handle, name: f.name, url: f.url, server: f.server, status: f.status, followId: f.followId };
  const [row] = await getDb()
    .insert(federationFollowing)
    .values(values)
    .onConflictDoUpdate({ target: [federationFollowing.localActor, federationFollowing.actorId], set: changes })
    .returning();
  return row!;
}

export async function getFollowingById(id: number): Promise<FederationFollowing | undefined> {
  return await getDb().select().from(federationFollowing).where(eq(federationFollowing.id, id)).limit(1).then(first);
}

export async function getFollowingByActorId(actorId: string, localActor = "blog"): Promise<FederationFollowing | undefined> {
  return await getDb()
    .select()
    .from(federationFollowing)
    .where(and(eq(federationFollowing.localActor, localActor), eq(federationFollowing.actorId, actorId)))
    .limit(1)
    .then(first);
}

/** The local actors that follow this account with an accepted Follow (whose Reader takes its posts). */
export async function listLocalFollowersOf(actorId: string): Promise<string[]> {
  const rows = await getDb()
    .select({ localActor: federationFollowing.localActor })
    .from(federationFollowing)
    .where(and(eq(federationFollowing.actorId, actorId), eq(federationFollowing.status, "accepted")));
  return rows.map((r) => r.localActor);
}

/**
 * An Accept from `actorId`: the pending Follow it names (by our Follow's id, or, when the Accept
 * carries only the actor, the one pending Follow of that account) becomes accepted.
 */
export async function acceptFollowing(actorId: string, followId: string | null): Promise<FederationFollowing | undefined> {
  const [row] = await getDb()
    .update(federationFollowing)
    .set({ status: "accepted" })
    .where(and(eq(federationFollowing.actorId, actorId), eq(federationFollowing.status, "pending"), followId ? eq(federationFollowing.followId, followId) : undefined))
    .returning();
  return row;
}

/** A Reject from `actorId` (or an Unfollow here): the row goes. */
export async function deleteFollowing(actorId: string, by: { followId?: string | null; localActor?: string }): Promise<boolean> {
  const where = and(
    eq(federationFollowing.actorId, actorId),
    by.followId ? eq(federationFollowing.followId, by.followId) : undefined,
    by.localActor ? eq(federationFollowing.localActor, by.localActor) : undefined,
  );
  return affected(await getDb().delete(federationFollowing).where(where)) > 0;
}

export async function listFollowing(localActor: string, opts: { status?: FollowingStatus; limit?: number; offset?: number } = {}): Promise<FederationFollowing[]> {
  return await getDb()
    .select()
    .from(federationFollowing)
    .where(and(eq(federationFollowing.localActor, localActor), opts.status ? eq(federationFollowing.status, opts.status) : undefined))
    .orderBy(desc(federationFollowing.id))
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0);
}

export async function countFollowing(localActor: string, status?: FollowingStatus): Promise<number> {
  const row = await getDb()
    .select({ n: count() })
    .from(federationFollowing)
    .where(and(eq(federationFollowing.localActor, localActor), status ? eq(federationFollowing.status, status) : undefined))
    .then(first);
  return Number(row?.n ?? 0);
}

// --- the Reader -----------------------------------------------------------------------------

export type NewReaderItem = Omit<FederationReaderItem, "id" | "createdAt" | "updatedAt" | "likeId">;

/** Keeps a post (a repeated Create of the same object changes nothing), then prunes past `keep`. */
export async function insertReaderItem(item: NewReaderItem, keep: number, now = Date.now()): Promise<boolean> {
  const db = getDb();
  const inserted = await db.insert(federationReader).values({ ...item, createdAt: now }).onConflictDoNothing().returning({ id: federationReader.id });
  if (!inserted.length) return false;
  // The oldest beyond `keep` go: the newest `keep` by published date stand.
  const edge = await db
    .select({ published: federationReader.published, id: federationReader.id })
    .from(federationReader)
    .where(eq(federationReader.localActor, item.localActor))
    .orderBy(desc(federationReader.published), desc(federationReader.id))
    .limit(1)
    .offset(keep - 1)
    .then(first);
  if (edge) {
    await db
      .delete(federationReader)
      .where(and(eq(federationReader.localActor, item.localActor), or(lt(federationReader.published, edge.published), and(eq(federationReader.published, edge.published), lt(federationReader.id, edge.id)))));
  }
  return true;
}

/** An Update from the author: the text changes, for every local actor that keeps it. */
export async function updateReaderItems(objectId: string, actorId: string, set: { title: string; content: string; url: string }, now = Date.now()): Promise<number> {
  return affected(
    await getDb()
      .update(federationReader)
      .set({ ...set, updatedAt: now })
      .where(and(eq(federationReader.objectId, objectId), eq(federationReader.actorId, actorId))),
  );
}

/** A Delete from the author: the post goes from every Reader. */
export async function deleteReaderItems(objectId: string, actorId: string): Promise<number> {
  return affected(await getDb().delete(federationReader).where(and(eq(federationReader.objectId, objectId), eq(federationReader.actorId, actorId))));
}

/** Posts of accounts no longer followed go with the Unfollow. */
export async function deleteReaderItemsByActor(localActor: string, actorId: string): Promise<number> {
  return affected(await getDb().delete(federationReader).where(and(eq(federationReader.localActor, localActor), eq(federationReader.actorId, actorId))));
}

export async function listReaderItems(localActor: string, opts: { limit?: number; offset?: number } = {}): Promise<FederationReaderItem[]> {
  return await getDb()
    .select()
    .from(federationReader)
    .where(eq(federationReader.localActor, localActor))
    .orderBy(desc(federationReader.published), desc(federationReader.id))
    .limit(opts.limit ?? 20)
    .offset(opts.offset ?? 0);
}

export async function countReaderItems(localActor: string): Promise<number> {
  const row = await getDb().select({ n: count() }).from(federationReader).where(eq(federationReader.localActor, localActor)).then(first);
  return Number(row?.n ?? 0);
}

export async function getReaderItem(id: number): Promise<FederationReaderItem | undefined> {
  return await getDb().select().from(federationReader).where(eq(federationReader.id, id)).limit(1).then(first);
}

export async function getReaderItemsByObject(objectIds: string[], localActor = "blog"): Promise<FederationReaderItem[]> {
  if (!objectIds.length) return [];
  return await getDb()
    .select()
    .from(federationReader)
    .where(and(eq(federationReader.localActor, localActor), inArray(federationReader.objectId, objectIds)))
    .orderBy(asc(federationReader.id));
}

/** Records (or clears) the Like sent for an item; only from the state expected, so a double click sends one. */
export async function setReaderLike(id: number, from: string | null, to: string | null): Promise<boolean> {
  const cond = from === null ? isNull(federationReader.likeId) : eq(federationReader.likeId, from);
  return affected(await getDb().update(federationReader).set({ likeId: to }).where(and(eq(federationReader.id, id), cond))) > 0;
}
