// Outbound linkbacks: the latest result per post, URL and protocol, for the editor's view.
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { ENGINE } from "../engine";
import { queryRow } from "../index";
import { first } from "../rows";
import { withTransaction } from "../transaction";
import { pings, posts } from "../tables";

export type PingProtocol = (typeof pings.$inferSelect)["protocol"];
export type PingStatus = (typeof pings.$inferSelect)["status"];
export type PingRow = typeof pings.$inferSelect;

/** Now in UTC as WordPress's "YYYY-MM-DD HH:MM:SS" text (what the column's default writes). */
const nowGmt = () => new Date().toISOString().slice(0, 19).replace("T", " ");

export async function upsertPing(postId: number, url: string, protocol: PingProtocol, status: PingStatus, message = "") {
  await getDb()
    .insert(pings)
    .values({ postId, url, protocol, status, message: message.slice(0, 500) })
    .onConflictDoUpdate({
      target: [pings.postId, pings.url, pings.protocol],
      set: { status, message: message.slice(0, 500), updatedGmt: nowGmt() },
    });
  // A URL whose endpoint is now known drops its earlier "no endpoint / unreachable" row.
  if (protocol !== "none") await getDb().delete(pings).where(and(eq(pings.postId, postId), eq(pings.url, url), eq(pings.protocol, "none")));
}

export async function listPingsForPost(postId: number): Promise<PingRow[]> {
  return getDb().select().from(pings).where(eq(pings.postId, postId)).orderBy(asc(pings.url), asc(pings.protocol));
}

/** What the sender needs of a post. */
export async function getPostForPings(postId: number) {
  return getDb()
    .select({
      id: posts.id,
      type: posts.type,
      status: posts.status,
      trashedFrom: posts.trashedFrom,
      title: posts.title,
      slug: posts.slug,
      date: posts.date,
      content: posts.content,
      excerpt: posts.excerpt,
      password: posts.password,
      toPing: posts.toPing,
      pinged: posts.pinged,
      authorId: posts.authorId,
      pingStatus: posts.pingStatus,
    })
    .from(posts)
    .where(eq(posts.id, postId))
    .then(first);
}

const splitUrls = (s: string) => s.split(/\s+/).filter(Boolean);

/** Records `url` as pinged (WordPress's add_ping) and drops it from to_ping, in one transaction. */
export async function markPinged(postId: number, url: string) {
  await withTransaction(async (tx) => {
    // FOR UPDATE on PostgreSQL: two pings of one post finishing together must not each write back
    // a list without the other's URL (SQLite's transactions already take turns).
    const row =
      ENGINE === "postgres"
        ? await queryRow<{ toPing: string; pinged: string }>(sql`SELECT to_ping AS "toPing", pinged FROM ${posts} WHERE id = ${postId} FOR UPDATE`, tx)
        : await tx.select({ toPing: posts.toPing, pinged: posts.pinged }).from(posts).where(eq(posts.id, postId)).then(first);
    if (!row) return;
    const pinged = splitUrls(row.pinged);
    if (!pinged.includes(url)) pinged.push(url);
    const toPing = splitUrls(row.toPing).filter((u) => u !== url);
    await tx.update(posts).set({ pinged: pinged.join("\n"), toPing: toPing.join("\n") }).where(eq(posts.id, postId));
  });
}
