// The editor's view of the media library: existing images to insert or feature. Uploads are the
// Media screen's; this only reads.
import { desc, eq, like } from "drizzle-orm";
import { getDb } from "../client";
import { first } from "../rows";
import { media } from "../tables";
import type { PickerMedia } from "@/lib/media/view";

/** The public address of a stored file: WordPress's /wp-content/uploads/ path, or the original. */
export function mediaUrl(m: { path: string; originalUrl: string }): string {
  return m.path ? `/wp-content/uploads/${m.path.split("/").map(encodeURIComponent).join("/")}` : m.originalUrl;
}

export async function listPickerImages(limit = 60): Promise<PickerMedia[]> {
  const rows = await getDb()
    .select({ id: media.id, path: media.path, originalUrl: media.originalUrl, title: media.title, alt: media.alt, width: media.width, height: media.height, fileName: media.fileName })
    .from(media)
    .where(like(media.mimeType, "image/%"))
    .orderBy(desc(media.createdGmt), desc(media.id))
    .limit(limit);
  return rows
    .map((m) => ({ id: m.id, url: mediaUrl(m), title: m.title || m.fileName, alt: m.alt, width: m.width, height: m.height }))
    .filter((m) => m.url);
}

export async function getPickerImage(id: number): Promise<PickerMedia | undefined> {
  const m = await getDb().select().from(media).where(eq(media.id, id)).then(first);
  if (!m || !m.mimeType.startsWith("image/")) return undefined;
  return { id: m.id, url: mediaUrl(m), title: m.title || m.fileName, alt: m.alt, width: m.width, height: m.height };
}
