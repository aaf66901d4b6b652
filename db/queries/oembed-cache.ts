// Discovered oEmbed answers, cached per post in post_meta as WordPress keeps them
// (_oembed_<hash> rows): read while a page renders, written by the discovery job. And the REST
// proxy's answers (oembed_cache, WordPress's oembed_<hash> transients), tied to no post.
import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { ENGINE } from "../engine";
import { execute } from "../index";
import { withTransaction } from "../transaction";
import { oembedCache, postMeta } from "../tables";

export interface OembedCacheRow {
  postId: number;
  key: string;
  value: string;
}

export async function listOembedCache(postIds: number[], keys: string[]): Promise<OembedCacheRow[]> {
  if (!postIds.length || !keys.length) return [];
  return await getDb()
    .select({ postId: postMeta.postId, key: postMeta.key, value: postMeta.value })
    .from(postMeta)
    .where(and(inArray(postMeta.postId, postIds), inArray(postMeta.key, keys)));
}

/** Replaces the post's row for `key` (one per post and URL). */
export async function saveOembedCache(postId: number, key: string, value: string): Promise<void> {
  await withTransaction(async (tx) => {
    // Two jobs for one post take turns on its row on PostgreSQL (SQLite's writers take turns anyway).
    if (ENGINE === "postgres") await execute(sql`SELECT id FROM posts WHERE id = ${postId} FOR UPDATE`, tx);
    await tx.delete(postMeta).where(and(eq(postMeta.postId, postId), eq(postMeta.key, key)));
    await tx.insert(postMeta).values({ postId, key, value });
  });
}

/** The proxy's cached answer for this key, unless it has expired. */
export async function getProxyCache(key: string, now = Date.now()): Promise<string | undefined> {
  const [row] = await getDb().select({ value: oembedCache.value }).from(oembedCache).where(and(eq(oembedCache.key, key), gt(oembedCache.expiresAt, now))).limit(1);
  return row?.value;
}

/** Keeps the proxy's answer until `expiresAt` (epoch ms), and drops rows that have expired. */
export async function saveProxyCache(key: string, value: string, expiresAt: number, now = Date.now()): Promise<void> {
  await getDb().delete(oembedCache).where(lt(oembedCache.expiresAt, now));
  await getDb().insert(oembedCache).values({ key, value, expiresAt }).onConflictDoUpdate({ target: oembedCache.key, set: { value, expiresAt } });
}
