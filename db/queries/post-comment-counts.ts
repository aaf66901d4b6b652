// The Posts and Pages lists' Comments column: approved comments come from posts.comment_count
// (kept right by every status change); held ones are counted here, in one grouped query per page.
import { and, count, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { comments } from "../tables";

/** Held ("0") comments per post id, for the ids given; posts with none are absent. */
export async function countPendingCommentsByPost(postIds: number[]): Promise<Map<number, number>> {
  if (!postIds.length) return new Map();
  const rows = await getDb()
    .select({ postId: comments.postId, n: count() })
    .from(comments)
    .where(and(inArray(comments.postId, postIds), eq(comments.status, "0")))
    .groupBy(comments.postId);
  return new Map(rows.map((r) => [r.postId, r.n]));
}
