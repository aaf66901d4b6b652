// The discovered embeds of posts, and the title and thumbnail of players known from the URL: kept
// in post_meta (_oembed_<md5 of the URL>, as WordPress names them), read while a page renders,
// and fetched or refreshed only by the job queue (lib/jobs), so that no reader's request waits
// on, or causes, a request to another site. Thumbnails are copied into our media
// (lib/oembed/thumbnails.ts) and shown from there.
import { createHash } from "node:crypto";
import { listOembedCache, saveOembedCache } from "@/db/queries/oembed-cache";
import { getPostCardById } from "@/db/queries/posts";
import { getOption, updateOptions } from "@/db/queries/options";
import { embedCandidates, parseEmbedUrl } from "@/lib/content/embeds";
import { siteUrl } from "@/lib/site-url";
import { logEvent } from "@/lib/log";
import { discoverEmbed, DiscoveryError, type DiscoveredEmbed } from "./discover";
import { fetchOembedMeta, knownEmbedSource, storeThumbnail, ThumbnailError, type StoredThumbnail } from "./thumbnails";

/** WordPress's oembed_ttl: a day. */
export const OEMBED_TTL_MS = 24 * 3600_000;
/** At most this many URLs are looked up for one post per run (a post of 1,000 links is not a crawler's job list). */
export const OEMBED_MAX_PER_POST = 20;
/** The frame-src hosts discovery may add to the page's policy, newest kept. */
export const OEMBED_MAX_FRAME_HOSTS = 200;

/**
 * One URL's entry: a discovered embed, a player known from the URL (`known`: its title, and no
 * html of the provider's), or why the URL is not embeddable. `thumbnail` is our own copy of the
 * provider's picture, once the job has stored it.
 */
export type CachedEmbed = (DiscoveredEmbed | { url: string; error: string }) & { fetchedAt: number; known?: true; thumbnail?: StoredThumbnail; thumbnailError?: string };

export const oembedKey = (url: string) => `_oembed_${createHash("md5").update(url).digest("hex")}`;

/** The URLs of a post that the job looks up: players known from the URL and others to discover, not this site's own. */
export function discoverableUrls(content: string, ownHost: string): string[] {
  return embedCandidates(content, { withPlayers: true }).filter((u) => new URL(u).host.toLowerCase() !== ownHost).slice(0, OEMBED_MAX_PER_POST);
}

function parse(value: string): CachedEmbed | undefined {
  try {
    const v = JSON.parse(value) as CachedEmbed;
    return typeof v.url === "string" && typeof v.fetchedAt === "number" ? v : undefined;
  } catch {
    return undefined;
  }
}

/** What the cache holds for these posts' URLs, and which posts have a URL missing or older than the TTL. */
export async function cachedEmbedsFor(posts: { id: number; content: string }[], now = Date.now()): Promise<{ found: Map<string, CachedEmbed>; stale: number[] }> {
  const own = new URL(await siteUrl()).host.toLowerCase();
  const wanted = posts.map((p) => ({ id: p.id, urls: p.content.includes("http") ? discoverableUrls(p.content, own) : [] })).filter((p) => p.urls.length);
  const found = new Map<string, CachedEmbed>();
  if (!wanted.length) return { found, stale: [] };
  const rows = await listOembedCache(wanted.map((p) => p.id), [...new Set(wanted.flatMap((p) => p.urls.map(oembedKey)))]);
  const byPost = new Map(rows.map((r) => [`${r.postId} ${r.key}`, parse(r.value)]));
  const stale = new Set<number>();
  for (const p of wanted) {
    for (const url of p.urls) {
      const c = byPost.get(`${p.id} ${oembedKey(url)}`);
      if (c && c.url === url) found.set(url, c);
      if (!c || now - c.fetchedAt > OEMBED_TTL_MS) stale.add(p.id);
    }
  }
  return { found, stale: [...stale] };
}

/** The job: looks up every discoverable URL of the post whose cache is missing or stale. */
export async function refreshPostEmbeds(postId: number, opts: { allowHosts?: string; now?: number } = {}): Promise<void> {
  const post = await getPostCardById(postId);
  if (!post || post.status === "trash") return;
  const now = opts.now ?? Date.now();
  const { found } = await cachedEmbedsFor([post], now);
  const own = new URL(await siteUrl()).host.toLowerCase();
  const allowHosts = opts.allowHosts ?? (await getOption("outbound_allow_hosts"));
  for (const url of discoverableUrls(post.content, own)) {
    const have = found.get(url);
    if (have && now - have.fetchedAt <= OEMBED_TTL_MS) continue;
    const entry = await lookUp(url, allowHosts, now);
    if ("html" in entry && entry.html) await allowFrameHost(new URL(/src="([^"]+)"/.exec(entry.html)![1]!.replace(/&amp;/g, "&")).origin);
    const thumbnailUrl = "thumbnailUrl" in entry ? entry.thumbnailUrl : undefined;
    if (thumbnailUrl) {
      try {
        entry.thumbnail = await storeThumbnail(thumbnailUrl, { title: "title" in entry ? entry.title : "", allowHosts });
      } catch (e) {
        if (!(e instanceof ThumbnailError)) throw e;
        // The preview shows without a picture; the next refresh (after the TTL) tries again.
        entry.thumbnailError = e.message.slice(0, 300);
        logEvent("oembed.thumbnail_failed", { postId, url: thumbnailUrl, error: entry.thumbnailError }, "warn");
      }
    }
    // A refresh whose provider did not answer this time keeps the picture it had.
    if (!entry.thumbnail && have?.thumbnail && !("error" in entry)) entry.thumbnail = have.thumbnail;
    await saveOembedCache(postId, oembedKey(url), JSON.stringify(entry));
  }
}

/** One URL's entry: a known player's title and thumbnail from its provider's oEmbed, or discovery. */
async function lookUp(url: string, allowHosts: string, now: number): Promise<CachedEmbed> {
  const player = parseEmbedUrl(url);
  if (player) {
    // The player is built from the URL whatever the provider answers: only the title and the
    // thumbnail are asked for, and a failure leaves the preview as it was (its YouTube thumbnail is known).
    const { endpoint, thumbnailUrl } = knownEmbedSource(player, url);
    let meta: { title: string; thumbnailUrl?: string } = { title: "" };
    let error: string | undefined;
    if (endpoint) {
      try {
        meta = await fetchOembedMeta(endpoint, allowHosts);
      } catch (e) {
        if (!(e instanceof ThumbnailError)) throw e;
        error = e.message.slice(0, 300);
      }
    }
    const thumb = thumbnailUrl ?? meta.thumbnailUrl;
    return { url, title: meta.title, providerName: player.name, html: "", height: player.height ?? 0, known: true, fetchedAt: now, ...(thumb ? { thumbnailUrl: thumb } : {}), ...(error ? { thumbnailError: error } : {}) };
  }
  try {
    return { ...(await discoverEmbed(url, { allowHosts })), fetchedAt: now };
  } catch (e) {
    if (!(e instanceof DiscoveryError)) throw e;
    // A URL that is not embeddable stays a link; asked again after the TTL, as WordPress's {{unknown}}.
    return { url, error: e.message.slice(0, 300), fetchedAt: now };
  }
}

/** Adds a discovered provider's origin to the frame-src of readers' pages (lib/security/csp.ts). */
async function allowFrameHost(origin: string): Promise<void> {
  const hosts = (await getOption("oembed_frame_hosts")).split(/\s+/).filter(Boolean);
  if (hosts.includes(origin)) return;
  await updateOptions({ oembed_frame_hosts: [...hosts, origin].slice(-OEMBED_MAX_FRAME_HOSTS).join(" ") });
}
