// Received linkbacks (trackbacks, pingbacks, webmentions), stored as comments so that they go
// through the same moderation, counts and screens as comments.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { first, only } from "../rows";
import { withTransaction } from "../transaction";
import { commentMeta, comments, posts, type Comment, type NewComment } from "../tables";

/** WordPress's duplicate rule: any comment on the post with this author URL. */
export async function hasPingFromUrl(postId: number, url: string): Promise<boolean> {
  const row = await getDb()
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.postId, postId), eq(comments.authorUrl, url)))
    .limit(1)
    .then(first);
  return !!row;
}

/** The comment's meta rows as a map. */
export async function getCommentMeta(commentId: number): Promise<Record<string, string>> {
  const rows = await getDb().select().from(commentMeta).where(eq(commentMeta.commentId, commentId));
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** The webmention stored for this post and source, if any. */
export async function findWebmention(postId: number, source: string): Promise<Comment | undefined> {
  const row = await getDb()
    .select({ c: comments })
    .from(comments)
    .innerJoin(commentMeta, and(eq(commentMeta.commentId, comments.id), eq(commentMeta.key, "webmention_source")))
    .where(and(eq(comments.postId, postId), eq(comments.type, "webmention"), eq(commentMeta.value, source)))
    .orderBy(comments.id)
    .limit(1)
    .then(first);
  return row?.c;
}

// The approved count moved by `delta`, never below zero (a portable CASE: SQLite's two-argument max() is not PostgreSQL's).
const commentCountPlus = (delta: number) =>
  sql`CASE WHEN ${posts.commentCount} + ${delta} < 0 THEN 0 ELSE ${posts.commentCount} + ${delta} END`;

/** Inserts a linkback comment and its meta, keeping the approved count, in one transaction. */
export async function insertLinkback(comment: NewComment, meta: Record<string, string> = {}): Promise<Comment> {
  return withTransaction(async (tx) => {
    const row = only(await tx.insert(comments).values(comment).returning());
    if (row.status === "1") await tx.update(posts).set({ commentCount: sql`${posts.commentCount} + 1` }).where(eq(posts.id, row.postId));
    const entries = Object.entries(meta).filter(([, v]) => v !== "");
    if (entries.length) await tx.insert(commentMeta).values(entries.map(([key, value]) => ({ commentId: row.id, key, value })));
    return row;
  });
}

/** A repeated webmention: new author and content, same moderation status. */
export async function updateWebmention(id: number, fields: Pick<NewComment, "authorName" | "authorUrl" | "content">, meta: Record<string, string>) {
  await withTransaction(async (tx) => {
    await tx.update(comments).set(fields).where(eq(comments.id, id));
    for (const [key, value] of Object.entries(meta)) {
      await tx.delete(commentMeta).where(and(eq(commentMeta.commentId, id), eq(commentMeta.key, key)));
      if (value) await tx.insert(commentMeta).values({ commentId: id, key, value });
    }
  });
}

/** Deletes a comment (a withdrawn webmention), keeping the approved count. */
export async function deleteLinkback(id: number) {
  await withTransaction(async (tx) => {
    const row = await tx.delete(comments).where(eq(comments.id, id)).returning().then(first);
    if (row?.status === "1") await tx.update(posts).set({ commentCount: commentCountPlus(-1) }).where(eq(posts.id, row.postId));
  });
}

/** Sets a linkback's moderation status, keeping the approved count (the moderator's action). */
export async function setLinkbackStatus(id: number, status: Comment["status"]) {
  await withTransaction(async (tx) => {
    const before = await tx.select({ status: comments.status, postId: comments.postId }).from(comments).where(eq(comments.id, id)).then(first);
    if (!before || before.status === status) return;
    await tx.update(comments).set({ status }).where(eq(comments.id, id));
    const delta = (status === "1" ? 1 : 0) - (before.status === "1" ? 1 : 0);
    if (delta) await tx.update(posts).set({ commentCount: commentCountPlus(delta) }).where(eq(posts.id, before.postId));
  });
}

/** Linkbacks on a post (for tests and the getPingbacks method). */
export async function listLinkbacks(postId: number, types: Comment["type"][] = ["trackback", "pingback", "webmention"]): Promise<Comment[]> {
  return getDb()
    .select()
    .from(comments)
    .where(and(eq(comments.postId, postId), inArray(comments.type, types)))
    .orderBy(comments.id);
}
