// Reads the REST API needs for signed-in writers (drafts, pending and scheduled posts, with their
// raw fields), beside db/queries/wp-rest.ts which serves only what anonymous visitors may see.
// Written with drizzle's builders: the same on SQLite and PostgreSQL.
import { and, count, desc, eq, inArray, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { media, posts, terms, users, type Media, type PostStatus, type PostType, type Taxonomy } from "../tables";
import type { RestPostRow } from "./wp-rest";

const columns = {
  id: posts.id, type: posts.type, status: posts.status, title: posts.title, slug: posts.slug, content: posts.content, excerpt: posts.excerpt,
  password: posts.password, parentId: posts.parentId, menuOrder: posts.menuOrder, sticky: posts.sticky, commentStatus: posts.commentStatus,
  pingStatus: posts.pingStatus, authorId: posts.authorId, authorNicename: users.nicename, featuredMediaId: posts.featuredMediaId, date: posts.date,
  dateGmt: posts.dateGmt, modified: posts.modified, modifiedGmt: posts.modifiedGmt, guid: posts.guid,
};

type Row = Omit<RestPostRow, "sticky"> & { sticky: boolean | number };
const toRest = (r: Row): RestPostRow => ({ ...r, sticky: r.sticky ? 1 : 0, type: r.type as "post" | "page" });

/** A post or page by ID in any status (the caller decides who may see it). */
export async function getRestPostAnyStatus(type: PostType, id: number): Promise<RestPostRow | undefined> {
  const [row] = await getDb().select(columns).from(posts).innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.id, id), eq(posts.type, type))).limit(1);
  return row && toRest(row as Row);
}

export interface RestStatusQuery {
  type: PostType;
  statuses: PostStatus[];
  /** Only this author's posts (a writer who may not edit others'). */
  authorId?: number;
  authors?: number[];
  search?: string;
  page: number;
  perPage: number;
}

/** Posts in the given statuses, newest first, for a writer's `status=draft,pending` listings. */
export async function listRestPostsByStatus(q: RestStatusQuery): Promise<{ rows: RestPostRow[]; total: number }> {
  const where: (SQL | undefined)[] = [eq(posts.type, q.type), inArray(posts.status, q.statuses)];
  if (q.authorId !== undefined) where.push(eq(posts.authorId, q.authorId));
  if (q.authors?.length) where.push(inArray(posts.authorId, q.authors));
  if (q.search) {
    // lower() on both sides: LIKE is case-sensitive on PostgreSQL.
    const like = `%${q.search.toLowerCase().replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    where.push(or(sql`lower(${posts.title}) LIKE ${like} ESCAPE '\\'`, sql`lower(${posts.content}) LIKE ${like} ESCAPE '\\'`));
  }
  const cond = and(...where);
  const [{ n }] = (await getDb().select({ n: count() }).from(posts).where(cond)) as [{ n: number }];
  const rows = await getDb().select(columns).from(posts).innerJoin(users, eq(users.id, posts.authorId)).where(cond)
    .orderBy(desc(posts.dateGmt), desc(posts.id)).limit(q.perPage).offset((q.page - 1) * q.perPage);
  return { rows: rows.map((r) => toRest(r as Row)), total: Number(n) };
}

/** Names of existing terms of a taxonomy, by ID (REST sends tag IDs; the editor's save takes names). */
export async function getTermNamesByIds(taxonomy: Taxonomy, ids: number[]): Promise<{ id: number; name: string }[]> {
  if (!ids.length) return [];
  return await getDb().select({ id: terms.id, name: terms.name }).from(terms).where(and(eq(terms.taxonomy, taxonomy), inArray(terms.id, ids)));
}

export interface RestMediaQuery {
  page: number;
  perPage: number;
  /** Also files attached to drafts and other unpublished posts (for those who may upload). */
  all: boolean;
  mediaType?: "image" | "video" | "audio" | "application" | "text";
  parent?: number[];
  search?: string;
}

// WordPress shows anyone the files attached to published posts, and unattached ones.
const publicMedia = or(isNull(media.postId), eq(posts.status, "publish"));

export async function listRestMedia(q: RestMediaQuery): Promise<{ rows: Media[]; total: number }> {
  const where: (SQL | undefined)[] = [q.all ? undefined : publicMedia];
  if (q.mediaType) where.push(like(media.mimeType, `${q.mediaType}/%`));
  if (q.parent?.length) where.push(q.parent.includes(0) ? or(isNull(media.postId), inArray(media.postId, q.parent)) : inArray(media.postId, q.parent));
  if (q.search) {
    const s = `%${q.search.toLowerCase().replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    where.push(or(sql`lower(${media.title}) LIKE ${s} ESCAPE '\\'`, sql`lower(${media.fileName}) LIKE ${s} ESCAPE '\\'`));
  }
  const cond = and(...where);
  const [{ n }] = (await getDb().select({ n: count() }).from(media).leftJoin(posts, eq(posts.id, media.postId)).where(cond)) as [{ n: number }];
  const rows = await getDb().select({ m: media }).from(media).leftJoin(posts, eq(posts.id, media.postId)).where(cond)
    .orderBy(desc(media.createdGmt), desc(media.id)).limit(q.perPage).offset((q.page - 1) * q.perPage);
  return { rows: rows.map((r) => r.m), total: Number(n) };
}

/** One file, with whether a visitor may see it (its post is published, or it is unattached). */
export async function getRestMedia(id: number): Promise<{ item: Media; isPublic: boolean } | undefined> {
  const [row] = await getDb().select({ m: media, status: posts.status }).from(media).leftJoin(posts, eq(posts.id, media.postId)).where(eq(media.id, id)).limit(1);
  return row && { item: row.m, isPublic: row.m.postId === null || row.status === "publish" };
}
