// Loads, before rendering, what posts' embeds need beyond their URL: links to this site's own
// posts (their card), providers found by oEmbed discovery, and known players' titles and
// thumbnails (from the cache; a URL not looked up yet, or a day old, asks the job queue and
// stays as it was meanwhile, so no reader's request reaches another site). A thumbnail is always
// our own copy (lib/oembed/thumbnails.ts).
import { discoveredPreviewHtml, embedCandidates, parseEmbedUrl, previewHtml, type KnownEmbeds, type PreviewThumb } from "@/lib/content/embeds";
import { uploadUrl } from "@/lib/media/paths";
import { localEmbedHtml } from "@/lib/oembed/provider";
import { cachedEmbedsFor } from "@/lib/oembed/cache";
import { siteUrl } from "@/lib/site-url";

export async function embedsFor(posts: { id: number; content: string }[]): Promise<KnownEmbeds> {
  const known = new Map<string, string>();
  const urls = new Set(posts.flatMap((p) => (p.content.includes("http") ? embedCandidates(p.content, { withPlayers: true }) : [])));
  if (!urls.size) return known;
  const host = new URL(await siteUrl()).host.toLowerCase();
  for (const url of urls) {
    if (new URL(url).host.toLowerCase() !== host) continue; // embedCandidates keeps parseable URLs only
    const html = await localEmbedHtml(url);
    if (html) known.set(url, html);
  }
  const { found, stale } = await cachedEmbedsFor(posts);
  for (const [url, e] of found) {
    if (!("html" in e)) continue;
    const thumb: PreviewThumb | undefined = e.thumbnail ? { src: uploadUrl(e.thumbnail.path), width: e.thumbnail.width, height: e.thumbnail.height } : undefined;
    const player = e.known ? parseEmbedUrl(url) : null;
    if (player) known.set(url, previewHtml(player, url, e.title, thumb));
    else if (!e.known && e.html) known.set(url, discoveredPreviewHtml(e, thumb));
  }
  if (stale.length) {
    const { enqueueEmbedDiscovery } = await import("@/lib/jobs");
    for (const id of stale) await enqueueEmbedDiscovery(id);
  }
  return known;
}
