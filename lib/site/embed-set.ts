// Loads, before rendering, the embeds that posts' URLs need and that lib/content/embeds.ts cannot
// build from the URL alone: links to this site's own posts (their card), and providers found by
// oEmbed discovery (from the cache; a URL not looked up yet, or a day old, asks the job queue and
// stays a link meanwhile, so no reader's request reaches another site).
import { discoveredPreviewHtml, embedCandidates, type KnownEmbeds } from "@/lib/content/embeds";
import { localEmbedHtml } from "@/lib/oembed/provider";
import { cachedEmbedsFor } from "@/lib/oembed/cache";
import { siteUrl } from "@/lib/site-url";

export async function embedsFor(posts: { id: number; content: string }[]): Promise<KnownEmbeds> {
  const known = new Map<string, string>();
  const urls = new Set(posts.flatMap((p) => (p.content.includes("http") ? embedCandidates(p.content) : [])));
  if (!urls.size) return known;
  const host = new URL(await siteUrl()).host.toLowerCase();
  for (const url of urls) {
    if (new URL(url).host.toLowerCase() !== host) continue; // embedCandidates keeps parseable URLs only
    const html = await localEmbedHtml(url);
    if (html) known.set(url, html);
  }
  const { found, stale } = await cachedEmbedsFor(posts);
  for (const [url, e] of found) if ("html" in e && e.html) known.set(url, discoveredPreviewHtml(e));
  if (stale.length) {
    const { enqueueEmbedDiscovery } = await import("@/lib/jobs");
    for (const id of stale) await enqueueEmbedDiscovery(id);
  }
  return known;
}
