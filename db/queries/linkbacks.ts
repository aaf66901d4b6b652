// Received linkbacks (trackbacks, pingbacks, webmentions), stored as comments so that they go
// through the same moderation, counts and screens as comments.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { commentMeta, comments, posts, type Comment, type NewComment } from "../tables";

/** WordPress's duplicate rule: any comment on the post with this author URL. */
export async function hasPingFromUrl(postId: number, url: string): Promise<boolean> {
  return !!getDb()
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.postId, postId), eq(comments.authorUrl, url)))
    .get();
}

/** The comment's meta rows as a map. */
export async function getCommentMeta(commentId: number): Promise<Record<string, string>> {
  const rows = getDb().select().from(commentMeta).where(eq(commentMeta.commentId, commentId)).all();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** The webmention stored for this post and source, if any. */
export async function findWebmention(postId: number, source: string): Promise<Comment | undefined> {
  return getDb()
    .select({ c: comments })
    .from(comments)
    .innerJoin(commentMeta, and(eq(commentMeta.commentId, comments.id), eq(commentMeta.key, "webmention_source")))
    .where(and(eq(comments.postId, postId), eq(comments.type, "webmention"), eq(commentMeta.value, source)))
    .get()?.c;
}

/** Inserts a linkback comment and its meta, keeping the approved count, in one transaction. */
export async function insertLinkback(comment: NewComment, meta: Record<string, string> = {}): Promise<Comment> {
  return getDb().transaction((tx) => {
    const row = tx.insert(comments).values(comment).returning().get();
    if (row.status === "1") tx.update(posts).set({ commentCount: sql`${posts.commentCount} + 1` }).where(eq(posts.id, row.postId)).run();
    const entries = Object.entries(meta).filter(([, v]) => v !== "");
    if (entries.length) tx.insert(commentMeta).values(entries.map(([key, value]) => ({ commentId: row.id, key, value }))).run();
    return row;
  });
}

/** A repeated webmention: new author and content, same moderation status. */
export async function updateWebmention(id: number, fields: Pick<NewComment, "authorName" | "authorUrl" | "content">, meta: Record<string, string>) {
  getDb().transaction((tx) => {
    tx.update(comments).set(fields).where(eq(comments.id, id)).run();
    for (const [key, value] of Object.entries(meta)) {
      tx.delete(commentMeta).where(and(eq(commentMeta.commentId, id), eq(commentMeta.key, key))).run();
      if (value) tx.insert(commentMeta).values({ commentId: id, key, value }).run();
    }
  });
}

/** Deletes a comment (a withdrawn webmention), keeping the approved count. */
export async function deleteLinkback(id: number) {
  getDb().transaction((tx) => {
    const row = tx.delete(comments).where(eq(comments.id, id)).returning().get();
    if (row?.status === "1") tx.update(posts).set({ commentCount: sql`max(${posts.commentCount} - 1, 0)` }).where(eq(posts.id, row.postId)).run();
  });
}

/** Sets a linkback's moderation status, keeping the approved count (the moderator's action). */
export async function setLinkbackStatus(id: number, status: Comment["status"]) {
  getDb().transaction((tx) => {
    const before = tx.select({ status: comments.status, postId: comments.postId }).from(comments).where(eq(comments.id, id)).get();
    if (!before || before.status === status) return;
    tx.update(comments).set({ status }).where(eq(comments.id, id)).run();
    const delta = (status === "1" ? 1 : 0) - (before.status === "1" ? 1 : 0);
    if (delta) tx.update(posts).set({ commentCount: sql`max(${posts.commentCount} + ${delta}, 0)` }).where(eq(posts.id, before.postId)).run();
  });
}

/** Linkbacks on a post (for tests and the getPingbacks method). */
export async function listLinkbacks(postId: number, types: Comment["type"][] = ["trackback", "pingback", "webmention"]): Promise<Comment[]> {
  return getDb()
    .select()
    .from(comments)
    .where(and(eq(comments.postId, postId), inArray(comments.type, types)))
    .orderBy(comments.id)
    .all();
}
