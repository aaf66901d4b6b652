// The pictures of embeds' click-to-load previews, served from our own media: the job queue copies
// a provider's thumbnail (oEmbed thumbnail_url; YouTube's known hqdefault.jpg) through the
// SSRF-safe fetch into the uploads, as an import's attachments are stored (type from the bytes,
// WordPress's sizes, a media row), so a reader's browser never asks the provider for it. One copy
// per thumbnail address: asking again reuses it. The row is attached to no post, so a post's
// [gallery] of its attached images never shows it.
import { findStoredMediaByOriginalUrl, insertMedia } from "@/db/queries/media";
import { getOptions } from "@/db/queries/options";
import type { Embed } from "@/lib/content/embeds";
import { storeUpload, UploadError } from "@/lib/media/process";
import { parseSizes } from "@/lib/media/view";
import { safeFetch, SafeFetchError } from "@/lib/net/safe-fetch";
import { askEndpoint, DiscoveryError, thumbnailAddress } from "./discover";

/** A thumbnail larger than this is refused (hqdefault is ~30 KB, Vimeo's ~100 KB). */
export const THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024;
const THUMBNAIL_TIMEOUT_MS = 20_000;

/** What the cache keeps of a stored thumbnail: the media row and the file the preview shows. */
export interface StoredThumbnail {
  id: number;
  /** Relative to the uploads folder ("2026/12/hqdefault.jpg"). */
  path: string;
  width: number;
  height: number;
}

export class ThumbnailError extends Error {}

/** The oEmbed endpoints of the providers known from the URL (WordPress's class-wp-oembed.php list). */
const KNOWN_ENDPOINTS: Record<string, string> = {
  youtube: "https://www.youtube.com/oembed?format=json",
  vimeo: "https://vimeo.com/api/oembed.json",
  dailymotion: "https://www.dailymotion.com/services/oembed",
  spotify: "https://open.spotify.com/oembed",
  soundcloud: "https://soundcloud.com/oembed?format=json",
  ted: "https://www.ted.com/services/v1/oembed.json",
};

/** Where to ask about a known provider's URL: its oEmbed endpoint, and the thumbnail known without asking (YouTube's). */
export function knownEmbedSource(e: Embed, url: string): { endpoint?: string; thumbnailUrl?: string } {
  const base = KNOWN_ENDPOINTS[e.provider];
  let endpoint: string | undefined;
  if (base) {
    const u = new URL(base);
    u.searchParams.set("url", url);
    endpoint = u.toString();
  }
  const yt = e.provider === "youtube" ? /\/embed\/([A-Za-z0-9_-]{11})/.exec(e.src)?.[1] : undefined;
  return { endpoint, thumbnailUrl: yt ? `https://i.ytimg.com/vi/${yt}/hqdefault.jpg` : undefined };
}

/** A provider's oEmbed answer: its title and thumbnail_url (nothing of its html is kept). Throws ThumbnailError. */
export async function fetchOembedMeta(endpoint: string, allowHosts: string): Promise<{ title: string; thumbnailUrl?: string }> {
  try {
    const { answer } = await askEndpoint(endpoint, { allowHosts });
    return { title: (answer.title ?? "").trim(), thumbnailUrl: thumbnailAddress(answer.thumbnail_url) };
  } catch (e) {
    if (e instanceof DiscoveryError) throw new ThumbnailError(e.message);
    throw e;
  }
}

/** The file a preview shows: the original, or its "large" size when the original is larger. */
function shownFile(row: { id: number; path: string; width: number | null; height: number | null; sizes: string }): StoredThumbnail | undefined {
  if (!row.width || !row.height) return undefined;
  const large = parseSizes(row.sizes).large;
  if (row.width > 1024 && large) return { id: row.id, path: large.path, width: large.width, height: large.height };
  return { id: row.id, path: row.path, width: row.width, height: row.height };
}

/**
 * Copies the thumbnail at `thumbnailUrl` (or a fediverse avatar: lib/federation/avatars.ts) into the media library, unless a
 * copy of that address is already there. Only an image (JPEG, PNG, GIF, WebP, by its bytes) of at
 * most THUMBNAIL_MAX_BYTES, over a public address (every redirect checked) is kept. Throws ThumbnailError.
 */
export async function storeThumbnail(thumbnailUrl: string, opts: { title: string; allowHosts: string; label?: string; maxBytes?: number }): Promise<StoredThumbnail> {
  const have = await findStoredMediaByOriginalUrl(thumbnailUrl);
  if (have) {
    const shown = shownFile(have);
    if (shown) return shown;
  }
  const site = await getOptions();
  const maxBytes = Math.min(opts.maxBytes ?? THUMBNAIL_MAX_BYTES, Number(site.upload_max_bytes) || THUMBNAIL_MAX_BYTES);
  let res;
  try {
    res = await safeFetch(thumbnailUrl, { allowHosts: opts.allowHosts, maxBytes: maxBytes + 1, timeoutMs: THUMBNAIL_TIMEOUT_MS, headers: { accept: "image/avif,image/webp,image/png,image/jpeg,image/gif" } });
  } catch (e) {
    if (e instanceof SafeFetchError) throw new ThumbnailError(e.code === "blocked" ? `Refused: ${thumbnailUrl} (or a redirect) leads to a private or local network.` : `${thumbnailUrl}: ${e.code}`);
    throw e;
  }
  if (res.status !== 200) throw new ThumbnailError(`${thumbnailUrl} answered ${res.status}`);
  if (res.truncated || res.body.byteLength > maxBytes) throw new ThumbnailError(`${thumbnailUrl} is larger than ${maxBytes} bytes`);
  const type = (res.headers.get("content-type") ?? "").toLowerCase().trim();
  if (!type.startsWith("image/")) throw new ThumbnailError(`${thumbnailUrl} is not an image (${type || "no content type"})`);
  const name = decodeURIComponent(new URL(res.url).pathname.split("/").pop() || "") || "thumbnail";
  let stored;
  try {
    // Images only, whatever Settings → Media allows besides.
    stored = await storeUpload(new Uint8Array(res.body), name, { maxBytes, extraTypes: "" });
  } catch (e) {
    if (e instanceof UploadError) throw new ThumbnailError(`${thumbnailUrl}: ${e.message}`);
    throw e;
  }
  const title = opts.title.slice(0, 200);
  const row = await insertMedia({
    path: stored.path,
    originalUrl: thumbnailUrl,
    fileName: stored.fileName,
    mimeType: stored.mimeType,
    size: stored.size,
    width: stored.width,
    height: stored.height,
    title: `${opts.label ?? "Embed thumbnail"}: ${title || new URL(thumbnailUrl).host}`,
    alt: title,
    sizes: JSON.stringify(stored.sizes),
  });
  const shown = shownFile(row);
  if (!shown) throw new ThumbnailError(`${thumbnailUrl}: the image has no dimensions`);
  return shown;
}
