import { and, count, eq } from "drizzle-orm";
import { getDb } from "../client";
import { comments, posts } from "../schema";

export function getAtAGlance() {
  const db = getDb();
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  return {
    posts: n(db.select({ n: count() }).from(posts).where(and(eq(posts.type, "post"), eq(posts.status, "publish"))).get()),
    pages: n(db.select({ n: count() }).from(posts).where(and(eq(posts.type, "page"), eq(posts.status, "publish"))).get()),
    comments: n(db.select({ n: count() }).from(comments).where(eq(comments.status, "1")).get()),
    pending: n(db.select({ n: count() }).from(comments).where(eq(comments.status, "0")).get()),
  };
}
