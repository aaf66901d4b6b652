// The Comments screen's reads and writes: views with counts, filters, and status changes that keep
// each post's comment_count right (one transaction per change, recounted, never guessed).
import { and, count, desc, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { first, only } from "../rows";
import { withTransaction } from "../transaction";
import { commentMeta, comments, posts, users, type Comment } from "../tables";
import { HELD_AS_SPAM_META, recountPostComments } from "./comments";

export const COMMENT_VIEWS = ["all", "mine", "moderated", "approved", "spam", "trash"] as const;
export type CommentView = (typeof COMMENT_VIEWS)[number];

export interface CommentFilter {
  view: CommentView;
  type?: "comment" | "pings";
  search?: string;
  postId?: number;
  /** Only comments on this author's posts (users who cannot moderate every comment). */
  postAuthorId?: number;
  /** For "Mine". */
  userId: number;
  page: number;
  perPage: number;
}

function viewWhere(view: CommentView, userId: number): SQL | undefined {
  switch (view) {
    case "all":
      return inArray(comments.status, ["0", "1"]);
    case "mine":
      return and(eq(comments.userId, userId), inArray(comments.status, ["0", "1"]));
    case "moderated":
      return eq(comments.status, "0");
    case "approved":
      return eq(comments.status, "1");
    case "spam":
      return eq(comments.status, "spam");
    case "trash":
      return eq(comments.status, "trash");
  }
}

function scopeWhere(f: Pick<CommentFilter, "type" | "search" | "postId" | "postAuthorId">): SQL | undefined {
  const term = f.search?.trim();
  const pattern = term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : "";
  return and(
    f.type === "comment" ? eq(comments.type, "comment") : f.type === "pings" ? ne(comments.type, "comment") : undefined,
    f.postId ? eq(comments.postId, f.postId) : undefined,
    f.postAuthorId ? eq(posts.authorId, f.postAuthorId) : undefined,
    term
      ? or(
          sql`lower(${comments.authorName}) LIKE lower(${pattern}) ESCAPE '\\'`,
          sql`lower(${comments.authorEmail}) LIKE lower(${pattern}) ESCAPE '\\'`,
          sql`lower(${comments.authorUrl}) LIKE lower(${pattern}) ESCAPE '\\'`,
          sql`lower(${comments.authorIp}) LIKE lower(${pattern}) ESCAPE '\\'`,
          sql`lower(${comments.content}) LIKE lower(${pattern}) ESCAPE '\\'`,
        )
      : undefined,
  );
}

/** Each view's count under the same type/post/author scope (search narrows the list only, as in WordPress). */
export async function countCommentViews(f: Pick<CommentFilter, "type" | "postId" | "postAuthorId" | "userId">): Promise<Record<CommentView, number>> {
  const db = getDb();
  const rows = await db
    .select({ status: comments.status, mine: sql<number>`sum(case when ${comments.userId} = ${f.userId} then 1 else 0 end)`.mapWith(Number), n: count() })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(scopeWhere({ type: f.type, postId: f.postId, postAuthorId: f.postAuthorId }))
    .groupBy(comments.status);
  const by = (s: string) => rows.find((r) => r.status === s);
  return {
    all: (by("0")?.n ?? 0) + (by("1")?.n ?? 0),
    mine: Number(by("0")?.mine ?? 0) + Number(by("1")?.mine ?? 0),
    moderated: by("0")?.n ?? 0,
    approved: by("1")?.n ?? 0,
    spam: by("spam")?.n ?? 0,
    trash: by("trash")?.n ?? 0,
  };
}

export async function listAdminComments(f: CommentFilter) {
  const db = getDb();
  const parent = sql`(SELECT p.author_name FROM ${comments} p WHERE p.id = ${comments.parentId})`;
  const where = and(viewWhere(f.view, f.userId), scopeWhere(f));
  const rows = await db
    .select({
      id: comments.id,
      postId: comments.postId,
      parentId: comments.parentId,
      parentAuthor: sql<string | null>`${parent}`,
      type: comments.type,
      status: comments.status,
      authorName: comments.authorName,
      authorEmail: comments.authorEmail,
      authorUrl: comments.authorUrl,
      authorIp: comments.authorIp,
      userAgent: comments.userAgent,
      remoteId: comments.remoteId,
      userId: comments.userId,
      content: comments.content,
      date: comments.date,
      dateGmt: comments.dateGmt,
      postTitle: posts.title,
      postSlug: posts.slug,
      postDate: posts.date,
      postType: posts.type,
      postStatus: posts.status,
      postAuthorId: posts.authorId,
      postAuthorNicename: users.nicename,
      postCommentCount: posts.commentCount,
    })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(where)
    .orderBy(desc(comments.dateGmt), desc(comments.id))
    .limit(f.perPage)
    .offset((f.page - 1) * f.perPage);
  const total = (await db.select({ n: count() }).from(comments).innerJoin(posts, eq(posts.id, comments.postId)).where(where).then(first))?.n ?? 0;
  return { rows, total };
}
export type AdminCommentRow = Awaited<ReturnType<typeof listAdminComments>>["rows"][number];

/** A comment with what permission checks need of its post. */
export async function getCommentWithPost(id: number) {
  return getDb()
    .select({
      comment: comments,
      post: { id: posts.id, title: posts.title, authorId: posts.authorId, status: posts.status, trashedFrom: posts.trashedFrom, type: posts.type },
    })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(eq(comments.id, id))
    .then(first);
}

export async function getCommentsWithPosts(ids: number[]) {
  if (!ids.length) return [];
  return getDb()
    .select({ id: comments.id, status: comments.status, postId: posts.id, postAuthorId: posts.authorId, postStatus: posts.status, postTrashedFrom: posts.trashedFrom, postType: posts.type })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(inArray(comments.id, ids));
}

export async function countPendingComments(postAuthorId?: number): Promise<number> {
  const db = getDb();
  if (!postAuthorId) return (await db.select({ n: count() }).from(comments).where(eq(comments.status, "0")).then(first))?.n ?? 0;
  return (
    (await db.select({ n: count() }).from(comments).innerJoin(posts, eq(posts.id, comments.postId))
      .where(and(eq(comments.status, "0"), eq(posts.authorId, postAuthorId))).then(first))?.n ?? 0
  );
}

export const COMMENT_ACTIONS = ["approve", "unapprove", "spam", "unspam", "trash", "restore", "delete"] as const;
export type CommentAction = (typeof COMMENT_ACTIONS)[number];

// WordPress remembers the status before spam or trash (_wp_trash_meta_status) to restore it.
const PREVIOUS_STATUS = "_wp_trash_meta_status";

/** Applies one moderation action to many comments, in one transaction; returns the posts touched. */
export async function applyCommentAction(ids: number[], action: CommentAction): Promise<number[]> {
  if (!ids.length) return [];
  return withTransaction(async (tx) => {
    const rows = await tx.select({ id: comments.id, postId: comments.postId, status: comments.status }).from(comments).where(inArray(comments.id, ids));
    for (const row of rows) {
      // A person has now judged it: the form's "held as spam" mark (shown to its author as held) goes.
      await tx.delete(commentMeta).where(and(eq(commentMeta.commentId, row.id), eq(commentMeta.key, HELD_AS_SPAM_META)));
      if (action === "delete") {
        await tx.delete(comments).where(eq(comments.id, row.id));
        continue;
      }
      let next: Comment["status"];
      if (action === "approve") next = "1";
      else if (action === "unapprove") next = "0";
      else if (action === "spam" || action === "trash") {
        next = action;
        if (row.status !== next) {
          await tx.delete(commentMeta).where(and(eq(commentMeta.commentId, row.id), eq(commentMeta.key, PREVIOUS_STATUS)));
          await tx.insert(commentMeta).values({ commentId: row.id, key: PREVIOUS_STATUS, value: row.status });
        }
      } else {
        // restore / unspam: back to where it was, else held.
        if (row.status !== (action === "restore" ? "trash" : "spam")) continue;
        const prev = (
          await tx.select({ value: commentMeta.value }).from(commentMeta).where(and(eq(commentMeta.commentId, row.id), eq(commentMeta.key, PREVIOUS_STATUS))).then(first)
        )?.value;
        next = prev === "1" || prev === "0" ? prev : "0";
        await tx.delete(commentMeta).where(and(eq(commentMeta.commentId, row.id), eq(commentMeta.key, PREVIOUS_STATUS)));
      }
      await tx.update(comments).set({ status: next }).where(eq(comments.id, row.id));
    }
    const postIds = [...new Set(rows.map((r) => r.postId))];
    await recountPostComments(tx, postIds);
    return postIds;
  });
}

export async function updateCommentFields(id: number, fields: { authorName: string; authorEmail: string; authorUrl: string; content: string; status?: Comment["status"] }) {
  await withTransaction(async (tx) => {
    if (fields.status) await tx.delete(commentMeta).where(and(eq(commentMeta.commentId, id), eq(commentMeta.key, HELD_AS_SPAM_META)));
    const row = await tx.update(comments).set(fields).where(eq(comments.id, id)).returning({ postId: comments.postId }).then(first);
    if (row) await recountPostComments(tx, [row.postId]);
  });
}

/** A moderator's reply from the Comments screen: approved at once, and the parent approved with it (WordPress's "Approve and Reply"). */
export async function insertAdminReply(reply: typeof comments.$inferInsert): Promise<Comment> {
  return withTransaction(async (tx) => {
    if (reply.parentId) await tx.update(comments).set({ status: "1" }).where(and(eq(comments.id, reply.parentId), eq(comments.status, "0")));
    const row = only(await tx.insert(comments).values(reply).returning());
    await recountPostComments(tx, [row.postId]);
    return row;
  });
}
