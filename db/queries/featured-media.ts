// The images posts name as their featured image (posts.featured_media_id), for the public site.
import { inArray } from "drizzle-orm";
import { getDb } from "../client";
import { media } from "../tables";

export interface FeaturedMediaRow {
  id: number;
  path: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  alt: string;
  sizes: string;
}

export async function listMediaByIds(ids: number[]): Promise<FeaturedMediaRow[]> {
  if (!ids.length) return [];
  return getDb()
    .select({ id: media.id, path: media.path, mimeType: media.mimeType, width: media.width, height: media.height, alt: media.alt, sizes: media.sizes })
    .from(media)
    .where(inArray(media.id, ids));
}
