// A fediverse commenter's picture, copied once into our uploads through the SSRF-safe fetch (as
// embeds' thumbnails are: lib/oembed/thumbnails.ts), so that a reader's browser asks no other
// server. Keyed by the icon's address: an actor whose icon changes gets the new one copied at its
// next reply or Update; the same icon is never fetched twice.
import { findStoredMediaByOriginalUrl } from "@/db/queries/media";
import { getOptions } from "@/db/queries/options";
import { uploadUrl } from "@/lib/media/paths";
import { parseSizes } from "@/lib/media/view";
import { storeThumbnail } from "@/lib/oembed/thumbnails";

/** Avatars larger than this are not copied (Mastodon keeps them under 2 MB, most are ~50 KB). */
export const AVATAR_MAX_BYTES = 1024 * 1024;

/** The local URL of the actor's icon (its 150 px thumbnail when the image is larger). */
export async function storeAvatar(iconUrl: string, name: string): Promise<string> {
  const stored = await storeThumbnail(iconUrl, { title: name, allowHosts: (await getOptions()).outbound_allow_hosts, label: "Fediverse avatar", maxBytes: AVATAR_MAX_BYTES });
  const row = await findStoredMediaByOriginalUrl(iconUrl);
  const thumb = row ? parseSizes(row.sizes).thumbnail : undefined;
  return uploadUrl(thumb?.path ?? stored.path);
}
