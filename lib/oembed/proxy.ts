// /wp-json/oembed/1.0/proxy, as WordPress's WP_oEmbed_Controller::get_proxy_item: a signed-in user
// who may edit posts asks what a URL embeds as, and gets the provider's oEmbed answer, fetched by
// the server through the SSRF-safe fetch and cached in the database for a day (WordPress's
// oembed_<md5 of the arguments> transient). This site's own posts answer without a fetch. As the
// oembed_result filter does, the answer's html is never the provider's own: a known player's is
// our sandboxed player built from the URL, a discovered one's the single sandboxed iframe to the
// provider's own host (lib/oembed/discover.ts), and anything else (scripts, other hosts) is dropped.
import { createHash } from "node:crypto";
import { getProxyCache, saveProxyCache } from "@/db/queries/oembed-cache";
import { getOption } from "@/db/queries/options";
import { roleCan } from "@/lib/auth/capabilities";
import { parseEmbedUrl, playerHtml, type Embed } from "@/lib/content/embeds";
import type { OembedProxyQuery } from "@/lib/validation/oembed";
import type { RestUser } from "@/lib/wp-rest/auth";
import { forbiddenFor, RestError } from "@/lib/wp-rest/errors";
import { askEndpoint, DiscoveryError, fetchOembedAnswer, sanitizeOembedHtml } from "./discover";
import { oembedFor } from "./provider";
import { knownEmbedSource } from "./thumbnails";

/** WordPress's rest_oembed_ttl: a day. */
export const PROXY_TTL_MS = 24 * 3600_000;

/** The oEmbed fields a proxied answer passes on (strings cut at 2,000 characters, numbers kept). */
const FIELDS = ["version", "type", "title", "author_name", "author_url", "provider_name", "provider_url", "cache_age", "thumbnail_url", "thumbnail_width", "thumbnail_height", "width", "height", "url"] as const;

function pickFields(raw: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const f of FIELDS) {
    const v = raw[f];
    if (typeof v === "string") out[f] = v.slice(0, 2000);
    else if (typeof v === "number" && Number.isFinite(v)) out[f] = v;
  }
  return out;
}

const notFound = () => new RestError("oembed_invalid_url", "Not Found", 404);

/** A known provider's answer, its html our sandboxed player; built from the URL alone when the provider cannot be asked. */
async function knownAnswer(e: Embed, url: string, q: OembedProxyQuery, allowHosts: string): Promise<{ data: Record<string, unknown>; cache: boolean }> {
  const html = playerHtml(e);
  const { endpoint } = knownEmbedSource(e, url);
  if (endpoint) {
    try {
      const { raw } = await askEndpoint(endpoint, { allowHosts, maxwidth: q.maxwidth, maxheight: q.maxheight });
      return { data: { ...pickFields(raw), html }, cache: true };
    } catch (err) {
      if (!(err instanceof DiscoveryError)) throw err;
    }
  }
  // As WordPress's "Embed Handler" answer: the editor can still show the player; not cached, so asked again next time.
  return { data: { version: "1.0", type: e.type, provider_name: e.name, html, ...(e.height ? { height: e.height } : {}) }, cache: false };
}

/** The answer for a signed-in user; throws RestError (rest_forbidden, oembed_invalid_url). */
export async function proxyOembed(q: OembedProxyQuery, user: RestUser | null, now = Date.now()): Promise<Record<string, unknown>> {
  if (!user || !roleCan(user.role, "edit_posts")) throw forbiddenFor(user, "rest_forbidden", "Sorry, you are not allowed to make proxied oEmbed requests.");
  let url: URL;
  try {
    url = new URL(q.url);
  } catch {
    throw notFound();
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw notFound();

  const key = createHash("md5").update(JSON.stringify([q.url, q.format, q.maxwidth, q.maxheight ?? null, q.discover])).digest("hex");
  const cached = await getProxyCache(key, now);
  if (cached) return JSON.parse(cached) as Record<string, unknown>;

  // This site's own posts: their card, as get_oembed_response_data_for_url short-circuits.
  const own = await oembedFor(q.url, q.maxwidth);
  if (own) return { ...own };

  const allowHosts = await getOption("outbound_allow_hosts");
  let answer: { data: Record<string, unknown>; cache: boolean };
  const known = parseEmbedUrl(q.url);
  if (known) answer = await knownAnswer(known, q.url, q, allowHosts);
  else {
    if (!q.discover) throw notFound();
    try {
      const { raw, answer: a } = await fetchOembedAnswer(q.url, { allowHosts, maxwidth: q.maxwidth, maxheight: q.maxheight });
      const data: Record<string, unknown> = pickFields(raw);
      const title = (a.title ?? "").trim();
      const frame = a.html && (a.type === "rich" || a.type === "video") ? sanitizeOembedHtml(a.html, q.url, title || `Embedded content from ${url.host}`, a.height) : undefined;
      // A provider's html that is not one iframe to its own host is dropped, as wp_filter_oembed_result drops it.
      if (frame) data.html = frame;
      answer = { data, cache: true };
    } catch (err) {
      if (err instanceof DiscoveryError) throw notFound();
      throw err;
    }
  }
  if (answer.cache) await saveProxyCache(key, JSON.stringify(answer.data), now + PROXY_TTL_MS, now);
  return answer.data;
}
