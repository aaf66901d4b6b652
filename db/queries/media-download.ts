// Imported attachments and their download: which are still only on the old site, storing a
// downloaded file on its row, and rewriting the posts that point at the old addresses.
import { and, count, eq, ne, sql } from "drizzle-orm";
import { getDb } from "../client";
import { first } from "../rows";
import { media, posts } from "../tables";

export interface PendingMedia {
  id: number;
  originalUrl: string;
  fileName: string;
  createdGmt: string;
}

/** Imported attachments not downloaded yet (path empty), oldest first. */
export async function listPendingImportedMedia(): Promise<PendingMedia[]> {
  return getDb()
    .select({ id: media.id, originalUrl: media.originalUrl, fileName: media.fileName, createdGmt: media.createdGmt })
    .from(media)
    .where(and(eq(media.path, ""), ne(media.originalUrl, "")))
    .orderBy(media.id);
}

export async function countPendingImportedMedia(): Promise<number> {
  return (await getDb().select({ n: count() }).from(media).where(and(eq(media.path, ""), ne(media.originalUrl, ""))).then(first))?.n ?? 0;
}

export async function setImportedMediaFile(
  id: number,
  file: { path: string; fileName: string; mimeType: string; size: number; width: number | null; height: number | null; sizes: string },
): Promise<void> {
  // Only a row still waiting: a concurrent run that stored it first wins, nothing is stored twice.
  await getDb().update(media).set(file).where(and(eq(media.id, id), eq(media.path, "")));
}

export interface DownloadedMedia {
  originalUrl: string;
  path: string;
  width: number | null;
  height: number | null;
  sizes: string;
}

/** Every imported attachment that has a local file, for rewriting old addresses. */
export async function listDownloadedImportedMedia(): Promise<DownloadedMedia[]> {
  return getDb()
    .select({ originalUrl: media.originalUrl, path: media.path, width: media.width, height: media.height, sizes: media.sizes })
    .from(media)
    .where(and(ne(media.path, ""), ne(media.originalUrl, "")));
}

/** Posts and pages whose content or excerpt mentions `needle` (an old host). */
export async function listPostsMentioning(needle: string): Promise<{ id: number; content: string; excerpt: string }[]> {
  const q = `%${needle.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return getDb()
    .select({ id: posts.id, content: posts.content, excerpt: posts.excerpt })
    .from(posts)
    // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
    .where(sql`lower(${posts.content}) LIKE lower(${q}) ESCAPE '\\' OR lower(${posts.excerpt}) LIKE lower(${q}) ESCAPE '\\'`);
}

export async function updatePostBodies(id: number, content: string, excerpt: string): Promise<void> {
  await getDb().update(posts).set({ content, excerpt }).where(eq(posts.id, id));
}
