// Discovered oEmbed answers, cached per post in post_meta as WordPress keeps them
// (_oembed_<hash> rows): read while a page renders, written by the discovery job.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { ENGINE } from "../engine";
import { execute } from "../index";
import { withTransaction } from "../transaction";
import { postMeta } from "../tables";

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
