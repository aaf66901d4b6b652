// Reads the publishing APIs (XML-RPC, Micropub) need beyond the editor's own: a writer's recent
// posts, as WordPress's wp_get_recent_posts() under the caller's capabilities.
import { and, asc, desc, eq, inArray, ne, or, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { posts, terms, users, type Post, type PostStatus, type PostType, type Term } from "../schema";

export interface ClientPostQuery {
  type: PostType;
  /** Only these statuses; empty means every status but trash. */
  statuses: PostStatus[];
  /** The caller's id when they may not edit others' posts: only theirs then. */
  onlyAuthorId: number | null;
  /** Others' private posts are left out unless the caller may read them. */
  readerId: number;
  canReadOthersPrivate: boolean;
  orderBy: "date" | "title" | "modified" | "id";
  order: "asc" | "desc";
  limit: number;
  offset: number;
}

export async function listPostsForClient(q: ClientPostQuery): Promise<(Post & { authorNicename: string })[]> {
  const where: (SQL | undefined)[] = [eq(posts.type, q.type)];
  where.push(q.statuses.length ? inArray(posts.status, q.statuses) : ne(posts.status, "trash"));
  if (q.onlyAuthorId !== null) where.push(eq(posts.authorId, q.onlyAuthorId));
  if (!q.canReadOthersPrivate) where.push(or(ne(posts.status, "private"), eq(posts.authorId, q.readerId)));
  const col = { date: posts.dateGmt, title: posts.title, modified: posts.modifiedGmt, id: posts.id }[q.orderBy];
  const dir = q.order === "asc" ? asc : desc;
  const rows = await getDb()
    .select({ post: posts, authorNicename: users.nicename })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(...where))
    .orderBy(dir(col), dir(posts.id))
    .limit(q.limit)
    .offset(q.offset);
  return rows.map((r) => ({ ...r.post, authorNicename: r.authorNicename }));
}

/** Existing terms of a taxonomy among these ids, or matched by name (case-insensitively). */
export async function findTermsByIds(taxonomy: Term["taxonomy"], ids: number[]): Promise<Term[]> {
  if (!ids.length) return [];
  return await getDb().select().from(terms).where(and(eq(terms.taxonomy, taxonomy), inArray(terms.id, ids)));
}
