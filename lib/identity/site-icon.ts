// The site icon's image and the media lookups Customize's settings share; without "server-only"
// (no cookies or session here), so that metadata code and its tests can use it.
import { listMediaByIds, type FeaturedMediaRow } from "@/db/queries/featured-media";
import { toFeaturedImage } from "@/lib/media/featured";
import { cached } from "@/lib/site/cache";
import { siteOptions } from "@/lib/site/reads";
import type { FeaturedImage } from "@/lib/content/views";

export const isImage = (m: FeaturedMediaRow | undefined) => !!m && !!m.path && m.mimeType.startsWith("image/");

export async function mediaRows(ids: number[]): Promise<Map<number, FeaturedMediaRow>> {
  const wanted = [...new Set(ids.filter((id) => id > 0))].sort((a, b) => a - b);
  if (!wanted.length) return new Map();
  const rows = await cached(`identity-media:${wanted.join(",")}`, () => listMediaByIds(wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The site icon, for other parts (e.g. a shared link's picture when a post has none); saved settings only. */
export async function siteIconImage(): Promise<FeaturedImage | undefined> {
  const o = await siteOptions();
  const row = (await mediaRows([o.site_icon])).get(o.site_icon);
  return isImage(row) ? toFeaturedImage(row) : undefined;
}
