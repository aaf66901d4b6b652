// Loads, before rendering, the embeds that posts' URLs need and that lib/content/embeds.ts cannot
// build from the URL alone: links to this site's own posts (their card).
import { embedCandidates, type KnownEmbeds } from "@/lib/content/embeds";
import { localEmbedHtml } from "@/lib/oembed/provider";
import { siteUrl } from "@/lib/site-url";

export async function embedsFor(posts: { content: string }[]): Promise<KnownEmbeds> {
  const known = new Map<string, string>();
  const urls = new Set(posts.flatMap((p) => (p.content.includes("http") ? embedCandidates(p.content) : [])));
  if (!urls.size) return known;
  const host = new URL(await siteUrl()).host.toLowerCase();
  for (const url of urls) {
    if (new URL(url).host.toLowerCase() !== host) continue; // embedCandidates keeps parseable URLs only
    const html = await localEmbedHtml(url);
    if (html) known.set(url, html);
  }
  return known;
}
