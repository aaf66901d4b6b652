// The link field's search: the site's own posts and pages by title, as WordPress's wp_link_query
// offers them. Only what the searcher may read on the site: published ones, and private ones they
// may read (their own, or everyone's with read_private_posts/pages).
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { posts, users } from "../tables";

export interface LinkTargetRow {
  id: number;
  type: "post" | "page";
  title: string;
  slug: string;
  date: string;
  status: "publish" | "private";
  parentId: number | null;
  authorNicename: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first; an empty query lists the most recent. */
export async function listLinkTargets(q: string, reader: { userId: number; privatePosts: boolean; privatePages: boolean }, limit = 10): Promise<LinkTargetRow[]> {
  const term = q.trim();
  const privateOk = or(
    eq(posts.authorId, reader.userId),
    reader.privatePosts ? eq(posts.type, "post") : undefined,
    reader.privatePages ? eq(posts.type, "page") : undefined,
  );
  return getDb()
    .select({ id: posts.id, type: posts.type, title: posts.title, slug: posts.slug, date: posts.date, status: posts.status, parentId: posts.parentId, authorNicename: users.nicename })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        inArray(posts.type, ["post", "page"]),
        or(eq(posts.status, "publish"), and(eq(posts.status, "private"), privateOk)),
        // Case-insensitive on both engines (SQLite's LIKE ignores ASCII case, PostgreSQL's does not).
        term ? sql`lower(${posts.title}) LIKE lower(${`%${escapeLike(term)}%`}) ESCAPE '\\'` : undefined,
      ),
    )
    .orderBy(desc(posts.dateGmt), desc(posts.id))
    .limit(limit) as Promise<LinkTargetRow[]>;
}
