import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { first } from "../rows";
import { comments, posts, users } from "../tables";

export async function getAtAGlance() {
  const db = getDb();
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  return {
    posts: n(await db.select({ n: count() }).from(posts).where(and(eq(posts.type, "post"), eq(posts.status, "publish"))).then(first)),
    pages: n(await db.select({ n: count() }).from(posts).where(and(eq(posts.type, "page"), eq(posts.status, "publish"))).then(first)),
    comments: n(await db.select({ n: count() }).from(comments).where(eq(comments.status, "1")).then(first)),
    pending: n(await db.select({ n: count() }).from(comments).where(eq(comments.status, "0")).then(first)),
  };
}

// Activity: what was published lately, what is scheduled, and the latest comments.
export interface ActivityPost {
  id: number;
  type: "post" | "page";
  title: string;
  slug: string;
  date: string;
  authorNicename: string;
}

async function activityPosts(status: "publish" | "future", limit: number): Promise<ActivityPost[]> {
  return getDb()
    .select({ id: posts.id, type: posts.type, title: posts.title, slug: posts.slug, date: posts.date, authorNicename: users.nicename })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.type, "post"), eq(posts.status, status)))
    .orderBy(status === "publish" ? desc(posts.dateGmt) : asc(posts.dateGmt), desc(posts.id))
    .limit(limit);
}

export const listRecentlyPublished = async (limit = 5) => activityPosts("publish", limit);
export const listScheduled = async (limit = 5) => activityPosts("future", limit);

export interface ActivityComment {
  id: number;
  status: string;
  authorName: string;
  content: string;
  dateGmt: string;
  postId: number;
  postTitle: string;
}

/** Latest comments; held ones only when asked (for those who may moderate). Never spam or trash. */
export async function listLatestComments(limit: number, includePending: boolean): Promise<ActivityComment[]> {
  return getDb()
    .select({ id: comments.id, status: comments.status, authorName: comments.authorName, content: comments.content, dateGmt: comments.dateGmt, postId: comments.postId, postTitle: posts.title })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(includePending ? inArray(comments.status, ["0", "1"]) : eq(comments.status, "1"))
    .orderBy(desc(comments.dateGmt), desc(comments.id))
    .limit(limit);
}

/** The signed-in user's latest drafts, under Quick Draft. */
export async function listRecentDrafts(authorId: number, limit = 3) {
  return getDb()
    .select({ id: posts.id, title: posts.title, content: posts.content, date: posts.date })
    .from(posts)
    .where(and(eq(posts.authorId, authorId), eq(posts.type, "post"), eq(posts.status, "draft")))
    .orderBy(desc(posts.modifiedGmt), desc(posts.id))
    .limit(limit);
}
