// Reads the Settings screens need beyond the options themselves.
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { posts } from "../tables";

/** Published pages, for "Your homepage displays" and "Posts page". */
export async function listPublishedPageChoices(): Promise<{ id: number; title: string }[]> {
  return getDb()
    .select({ id: posts.id, title: posts.title })
    .from(posts)
    .where(and(eq(posts.type, "page"), eq(posts.status, "publish")))
    .orderBy(asc(posts.title));
}

export async function isPublishedPage(id: number): Promise<boolean> {
  const rows = await getDb()
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.id, id), eq(posts.type, "page"), eq(posts.status, "publish")));
  return rows.length > 0;
}
