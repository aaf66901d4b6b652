import { and, asc, eq, gte, isNull, ne, or, sql } from "drizzle-orm";
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

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** WordPress's comment_count: approved comments of every type. Recounted, never incremented blind. */
export function recountPostComments(tx: Tx, postIds: number[]) {
  for (const postId of new Set(postIds)) {
    tx.update(posts)
      .set({ commentCount: sql`(SELECT count(*) FROM ${comments} c WHERE c.post_id = ${postId} AND c.status = '1')` })
      .where(eq(posts.id, postId))
      .run();
  }
}

/** A post's thread as a reader sees it: approved comments, plus held ones this visitor wrote. */
export function listThreadComments(postId: number, authorToken?: string | null) {
  const visible = authorToken
    ? or(eq(comments.status, "1"), and(eq(comments.status, "0"), eq(comments.authorToken, authorToken)))
    : eq(comments.status, "1");
  return getDb()
    .select({ ...publicCommentColumns, status: comments.status, authorEmail: comments.authorEmail })
    .from(comments)
    .where(and(eq(comments.postId, postId), visible))
    .orderBy(asc(comments.dateGmt), asc(comments.id))
    .all();
}
export type ThreadComment = ReturnType<typeof listThreadComments>[number];

/** What the submission rules need to know of a comment being replied to. */
export function getCommentParent(id: number) {
  return getDb()
    .select({ id: comments.id, postId: comments.postId, status: comments.status, authorName: comments.authorName, content: comments.content })
    .from(comments)
    .where(eq(comments.id, id))
    .get();
}

export type CheckedInsert =
  | { outcome: "duplicate" }
  | { outcome: "flood" }
  | { outcome: "stored"; comment: Comment };

/**
 * WordPress's last three submission rules, in one IMMEDIATE transaction so that two requests
 * racing each other (in one process or several on the same file) cannot both pass a check:
 * duplicate (same post, parent, author, email if given, content; trash excluded), then flood
 * (the same IP or email commented at or after `floodSinceGmt`), then the moderation decision,
 * which needs to know whether this author and email already have an approved comment.
 */
export function insertCommentChecked(
  comment: NewComment,
  rules: { floodSinceGmt: string | null; decide: (previouslyApproved: boolean) => Comment["status"] },
): CheckedInsert {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const dup = tx
        .select({ id: comments.id })
        .from(comments)
        .where(
          and(
            eq(comments.postId, comment.postId),
            comment.parentId ? eq(comments.parentId, comment.parentId) : isNull(comments.parentId),
            eq(comments.authorName, comment.authorName ?? ""),
            comment.authorEmail ? eq(comments.authorEmail, comment.authorEmail) : undefined,
            eq(comments.content, comment.content ?? ""),
            ne(comments.status, "trash"),
          ),
        )
        .limit(1)
        .get();
      if (dup) return { outcome: "duplicate" as const };
      if (rules.floodSinceGmt) {
        const byIp = tx
          .select({ id: comments.id })
          .from(comments)
          .where(and(eq(comments.authorIp, comment.authorIp ?? ""), gte(comments.dateGmt, rules.floodSinceGmt)))
          .limit(1)
          .get();
        const byEmail = comment.authorEmail
          ? tx
              .select({ id: comments.id })
              .from(comments)
              .where(and(eq(comments.authorEmail, comment.authorEmail), gte(comments.dateGmt, rules.floodSinceGmt)))
              .limit(1)
              .get()
          : undefined;
        if (byIp || byEmail) return { outcome: "flood" as const };
      }
      const approvedBefore = tx
        .select({ id: comments.id })
        .from(comments)
        .where(and(eq(comments.authorName, comment.authorName ?? ""), eq(comments.authorEmail, comment.authorEmail ?? ""), eq(comments.status, "1")))
        .limit(1)
        .get();
      const row = tx.insert(comments).values({ ...comment, status: rules.decide(!!approvedBefore) }).returning().get();
      if (row.status === "1") recountPostComments(tx, [row.postId]);
      return { outcome: "stored" as const, comment: row };
    },
    { behavior: "immediate" },
  );
}
