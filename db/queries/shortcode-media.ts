// The media a post's shortcodes show: named by id ([gallery ids="…"]) or attached to the post
// (media.post_id), for [gallery], [audio], [video] and [playlist] without ids.
import { inArray, or } from "drizzle-orm";
import { getDb } from "../client";
import { media, type Media } from "../tables";

export type ShortcodeMediaRow = Pick<Media, "id" | "path" | "originalUrl" | "fileName" | "mimeType" | "width" | "height" | "title" | "alt" | "caption" | "sizes" | "createdGmt" | "postId">;

export async function listShortcodeMedia(ids: number[], attachedTo: number[]): Promise<ShortcodeMediaRow[]> {
  if (!ids.length && !attachedTo.length) return [];
  return getDb()
    .select({
      id: media.id,
      path: media.path,
      originalUrl: media.originalUrl,
      fileName: media.fileName,
      mimeType: media.mimeType,
      width: media.width,
      height: media.height,
      title: media.title,
      alt: media.alt,
      caption: media.caption,
      sizes: media.sizes,
      createdGmt: media.createdGmt,
      postId: media.postId,
    })
    .from(media)
    .where(or(ids.length ? inArray(media.id, ids) : undefined, attachedTo.length ? inArray(media.postId, attachedTo) : undefined))
    .orderBy(media.id);
}
