// Reads the Settings screens need beyond the options themselves.
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { posts } from "../schema";

/** Published pages, for "Your homepage displays" and "Posts page". */
export function listPublishedPageChoices(): { id: number; title: string }[] {
  return getDb()
    .select({ id: posts.id, title: posts.title })
    .from(posts)
    .where(and(eq(posts.type, "page"), eq(posts.status, "publish")))
    .orderBy(asc(posts.title))
    .all();
}

export function isPublishedPage(id: number): boolean {
  return !!getDb()
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.id, id), eq(posts.type, "page"), eq(posts.status, "publish")))
    .get();
}
