// The media library: attachments, their sizes and the post they belong to.
import { and, count, desc, eq, like, notLike, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { first, only } from "../rows";
import { withTransaction } from "../transaction";
import { media, posts, users, type Media } from "../tables";

export type NewMediaRow = typeof media.$inferInsert;

export async function insertMedia(row: NewMediaRow): Promise<Media> {
  return only(await getDb().insert(media).values(row).returning());
}

/** The stored copy of a file fetched from `originalUrl` (an import's attachment, an embed's thumbnail), if any. */
export async function findStoredMediaByOriginalUrl(originalUrl: string): Promise<Media | undefined> {
  return getDb()
    .select()
    .from(media)
    .where(and(eq(media.originalUrl, originalUrl), sql`${media.path} <> ''`))
    .orderBy(media.id)
    .limit(1)
    .then(first);
}

export async function getMediaById(id: number): Promise<Media | undefined> {
  return getDb().select().from(media).where(eq(media.id, id)).then(first);
}

export interface MediaListItem {
  id: number;
  path: string;
  fileName: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  title: string;
  alt: string;
  sizes: string;
  createdGmt: string;
  authorId: number | null;
  authorName: string | null;
  postId: number | null;
  postTitle: string | null;
}

const listColumns = {
  id: media.id,
  path: media.path,
  fileName: media.fileName,
  mimeType: media.mimeType,
  size: media.size,
  width: media.width,
  height: media.height,
  title: media.title,
  alt: media.alt,
  sizes: media.sizes,
  createdGmt: media.createdGmt,
  authorId: media.authorId,
  authorName: users.displayName,
  postId: media.postId,
  postTitle: posts.title,
};

function searchWhere(search?: string) {
  if (!search) return undefined;
  const q = `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  // lower() on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
  return or(
    sql`lower(${media.title}) LIKE lower(${q}) ESCAPE '\\'`,
    sql`lower(${media.fileName}) LIKE lower(${q}) ESCAPE '\\'`,
    sql`lower(${media.alt}) LIKE lower(${q}) ESCAPE '\\'`,
  );
}

/** Newest first, as WordPress's library. */
export async function listMedia(opts: { page: number; perPage: number; search?: string }): Promise<MediaListItem[]> {
  return getDb()
    .select(listColumns)
    .from(media)
    .leftJoin(users, eq(users.id, media.authorId))
    .leftJoin(posts, eq(posts.id, media.postId))
    .where(searchWhere(opts.search))
    .orderBy(desc(media.createdGmt), desc(media.id))
    .limit(opts.perPage)
    .offset((opts.page - 1) * opts.perPage);
}

export type MediaKind = "all" | "image" | "audio" | "video" | "file";

// "file" is what the editor's File block offers: documents and archives, not images or players.
function kindWhere(kind: MediaKind) {
  if (kind === "all") return undefined;
  if (kind === "file") return and(notLike(media.mimeType, "image/%"), notLike(media.mimeType, "audio/%"), notLike(media.mimeType, "video/%"));
  return like(media.mimeType, `${kind}/%`);
}

/** Full rows for the editor's media dialog, newest first, of one kind when asked. */
export async function listMediaRows(opts: { page: number; perPage: number; search?: string; imagesOnly?: boolean; kind?: MediaKind }): Promise<Media[]> {
  return getDb()
    .select()
    .from(media)
    .where(and(searchWhere(opts.search), kindWhere(opts.imagesOnly ? "image" : (opts.kind ?? "all"))))
    .orderBy(desc(media.createdGmt), desc(media.id))
    .limit(opts.perPage)
    .offset((opts.page - 1) * opts.perPage);
}

export async function countMedia(search?: string, imagesOnly = false, kind: MediaKind = "all"): Promise<number> {
  const row = await getDb()
    .select({ n: count() })
    .from(media)
    .where(and(searchWhere(search), kindWhere(imagesOnly ? "image" : kind)))
    .then(first);
  return row?.n ?? 0;
}

/** The alt text set from the editor is the attachment's too, as WordPress's media modal saves it. */
export async function updateMediaAlt(id: number, alt: string) {
  await getDb().update(media).set({ alt }).where(eq(media.id, id));
}

export async function updateMediaDetails(id: number, fields: { title: string; alt: string; caption: string; postId: number | null }) {
  await getDb().update(media).set(fields).where(eq(media.id, id));
}

/** Deletes the row and unsets it as any post's featured image, in one transaction. */
export async function deleteMediaRow(id: number): Promise<Media | undefined> {
  return withTransaction(async (tx) => {
    const row = await tx.select().from(media).where(eq(media.id, id)).then(first);
    if (!row) return undefined;
    await tx.update(posts).set({ featuredMediaId: null }).where(eq(posts.featuredMediaId, id));
    await tx.delete(media).where(eq(media.id, id));
    return row;
  });
}

/** What attaching to a post needs to know: does it exist, and who may edit it. */
export async function getPostForAttachment(id: number) {
  return getDb()
    .select({ id: posts.id, authorId: posts.authorId, status: posts.status, trashedFrom: posts.trashedFrom, type: posts.type, title: posts.title })
    .from(posts)
    .where(and(eq(posts.id, id), sql`${posts.status} <> 'trash'`))
    .then(first);
}
