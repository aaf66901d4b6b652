import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { comments, posts, type NewComment, type Comment } from "../schema";

/** What a reader sees of a comment: never the email, IP or user agent. */
export const publicCommentColumns = {
  id: comments.id,
  postId: comments.postId,
  parentId: comments.parentId,
  type: comments.type,
  authorName: comments.authorName,
  authorUrl: comments.authorUrl,
  content: comments.content,
  date: comments.date,
  dateGmt: comments.dateGmt,
  userId: comments.userId,
};
export type PublicComment = Pick<Comment, keyof typeof publicCommentColumns>;

export function listApprovedComments(postId: number): PublicComment[] {
  return getDb()
    .select(publicCommentColumns)
    .from(comments)
    .where(and(eq(comments.postId, postId), eq(comments.status, "1")))
    .orderBy(asc(comments.dateGmt), asc(comments.id))
    .all();
}

/** Inserts a comment and keeps the post's approved-comment count, in one transaction. */
export function insertComment(comment: NewComment): Comment {
  const db = getDb();
  return db.transaction((tx) => {
    const row = tx.insert(comments).values(comment).returning().get();
    if (row.status === "1") {
      tx.update(posts).set({ commentCount: sql`${posts.commentCount} + 1` }).where(eq(posts.id, row.postId)).run();
    }
    return row;
  });
}
