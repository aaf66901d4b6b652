import { prepared } from "@/db/statements";
import { and, desc, eq, sql, count, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { ENGINE } from "../engine";
import { first, only } from "../rows";
import { withTransaction } from "../transaction";
import { posts, users, postTerms, terms, type NewPost, type Post, type PostType } from "../tables";

/** The fields a reader's page shows of a post, with its author's public name. */
export const postCardColumns = {
  id: posts.id,
  type: posts.type,
  status: posts.status,
  title: posts.title,
  slug: posts.slug,
  content: posts.content,
  excerpt: posts.excerpt,
  password: posts.password,
  sticky: posts.sticky,
  date: posts.date,
  dateGmt: posts.dateGmt,
  modifiedGmt: posts.modifiedGmt,
  commentCount: posts.commentCount,
  commentStatus: posts.commentStatus,
  pingStatus: posts.pingStatus,
  parentId: posts.parentId,
  authorId: posts.authorId,
  featuredMediaId: posts.featuredMediaId,
  authorName: users.displayName,
  authorNicename: users.nicename,
};
export type PostCard = {
  [K in keyof typeof postCardColumns]: (typeof postCardColumns)[K]["_"]["data"] extends infer T
    ? (typeof postCardColumns)[K]["_"]["notNull"] extends true ? T : T | null
    : never;
};

const isPublishedPost = and(eq(posts.type, "post"), eq(posts.status, "publish"));

export async function listPublishedPosts(opts: { page: number; perPage: number }): Promise<PostCard[]> {
  const { page, perPage } = opts;
  return getDb()
    .select(postCardColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(isPublishedPost)
    .orderBy(desc(posts.dateGmt), desc(posts.id))
    .limit(perPage)
    .offset((page - 1) * perPage) as Promise<PostCard[]>;
}

export async function countPublishedPosts(): Promise<number> {
  return (await getDb().select({ n: count() }).from(posts).where(isPublishedPost).then(first))?.n ?? 0;
}

/** A post by its slug and (optionally) the local date prefix the permalink carries. */
export async function getPostBySlug(type: PostType, slug: string): Promise<PostCard | undefined> {
  return getDb()
    .select(postCardColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.type, type), eq(posts.slug, slug)))
    .limit(1)
    .then(first) as Promise<PostCard | undefined>;
}

export async function getPostCardById(id: number): Promise<PostCard | undefined> {
  return getDb()
    .select(postCardColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(eq(posts.id, id))
    .then(first) as Promise<PostCard | undefined>;
}

export async function getPostById(id: number): Promise<Post | undefined> {
  return getDb().select().from(posts).where(eq(posts.id, id)).then(first);
}

export async function isSlugTaken(type: PostType, slug: string, exceptId?: number): Promise<boolean> {
  const row = await getDb()
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.type, type), eq(posts.slug, slug), exceptId ? sql`${posts.id} <> ${exceptId}` : undefined))
    .limit(1)
    .then(first);
  return !!row;
}

/** Inserts a post and its term links in one transaction, keeping term counts right. */
export async function insertPost(post: NewPost, termIds: number[] = []): Promise<Post> {
  return withTransaction(async (tx) => {
    const row = only(await tx.insert(posts).values(post).returning());
    if (termIds.length) {
      await tx.insert(postTerms).values(termIds.map((termId) => ({ postId: row.id, termId })));
      await recountTerms(tx, termIds);
    }
    return row;
  });
}

type Tx = ReturnType<typeof getDb>;

const termCount = sql`(SELECT count(*) FROM ${postTerms} pt JOIN ${posts} p ON p.id = pt.post_id
                  WHERE pt.term_id = ${terms.id} AND p.status = 'publish')`;

/** WordPress counts only published posts in a term. */
export async function recountTerms(tx: Tx, termIds: number[]) {
  if (!termIds.length) return;
  await tx.update(terms)
    .set({ count: termCount })
    .where(inArray(terms.id, termIds));
}

/** The ids travel as one JSON array, so the statement is the same for any number of posts (prepared once). */
export const TERMS_FOR_POSTS_SQL = `SELECT pt.post_id AS postId, t.id, t.taxonomy, t.name, t.slug FROM post_terms pt
  JOIN terms t ON t.id = pt.term_id WHERE pt.post_id IN (SELECT value FROM json_each(?)) ORDER BY t.name`;

export async function listTermsForPosts(postIds: number[]): Promise<{ postId: number; id: number; taxonomy: "category" | "post_tag"; name: string; slug: string }[]> {
  if (!postIds.length) return [];
  if (ENGINE === "postgres") {
    return getDb()
      .select({ postId: postTerms.postId, id: terms.id, taxonomy: terms.taxonomy, name: terms.name, slug: terms.slug })
      .from(postTerms)
      .innerJoin(terms, eq(terms.id, postTerms.termId))
      .where(inArray(postTerms.postId, postIds))
      .orderBy(terms.name);
  }
  return prepared(getDb().$client, TERMS_FOR_POSTS_SQL).all(JSON.stringify(postIds)) as never;
}
