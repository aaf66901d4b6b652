// oEmbed discovery for sites the embeds module does not know from the URL alone (Mastodon
// instances, WordPress sites, anyone advertising application/json+oembed), as WordPress's
// WP_oEmbed::discover and ::fetch do, but every request through the SSRF-safe fetch, and the
// provider's html kept only as one iframe to the provider's own host, rebuilt by us and
// sandboxed: a script, another host's iframe or any other markup in the answer is dropped.
import { z } from "zod";
import { parseHtml } from "@/lib/content/html-parse";
import { escapeHtml } from "@/lib/content/escape";
import { safeFetch, SafeFetchError, type SafeFetchOptions } from "@/lib/net/safe-fetch";

/** What the cache keeps of a provider's answer (already safe to print). */
export interface DiscoveredEmbed {
  url: string;
  title: string;
  providerName: string;
  /** The sandboxed iframe; "" when the provider gave none we allow (the URL then stays a link). */
  html: string;
  height: number;
  /** The provider's picture of it (oEmbed thumbnail_url, http(s)), copied into our media by the job; never shown from there. */
  thumbnailUrl?: string;
}

export class DiscoveryError extends Error {}

const MAX_PAGE_BYTES = 512 * 1024;
const MAX_ANSWER_BYTES = 64 * 1024;
const MIN_HEIGHT = 150;
const MAX_HEIGHT = 1200;

const Answer = z.object({
  type: z.enum(["rich", "video", "photo", "link"]),
  title: z.string().max(1000).optional().catch(undefined),
  provider_name: z.string().max(200).optional().catch(undefined),
  html: z.string().max(MAX_ANSWER_BYTES).optional().catch(undefined),
  height: z.coerce.number().positive().optional().catch(undefined),
  thumbnail_url: z.string().max(2048).optional().catch(undefined),
});

/** An oEmbed answer's thumbnail_url when it is an absolute http(s) address without credentials. */
export function thumbnailAddress(raw: unknown): string | undefined {
  if (typeof raw !== "string" || raw.length > 2048) return undefined;
  try {
    const u = new URL(raw.trim());
    return (u.protocol === "https:" || u.protocol === "http:") && !u.username && !u.password ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** The application/json+oembed link a page advertises, made absolute; only http(s). */
export function findOembedEndpoint(html: string, pageUrl: string): string | undefined {
  let found: string | undefined;
  parseHtml(html, (parser) => ({
    onopentag(name, a) {
      if (found || name !== "link" || !a.href) return;
      const rel = (a.rel ?? "").toLowerCase().split(/\s+/);
      if (!rel.includes("alternate") || (a.type ?? "").toLowerCase().trim() !== "application/json+oembed") return;
      try {
        const u = new URL(a.href, pageUrl);
        if (u.protocol === "https:" || u.protocol === "http:") found = u.toString();
      } catch {
        /* not a URL: keep looking */
      }
      if (found) parser.pause();
    },
    onclosetag(name) {
      // Discovery links live in the head; a body is the page's own content, which strangers write.
      if (name === "head") parser.pause();
    },
  }));
  return found;
}

const bareHost = (h: string) => h.toLowerCase().replace(/^www\./, "");

/** Is `src` on the provider's own host (the page's host or one under it), over the page's scheme or https? */
function ownFrame(src: string, pageUrl: string): URL | undefined {
  try {
    const u = new URL(src);
    const page = new URL(pageUrl);
    if (u.protocol !== "https:" && u.protocol !== page.protocol) return undefined;
    if (u.username || u.password) return undefined;
    const host = bareHost(u.host);
    const own = bareHost(page.host);
    return host === own || host.endsWith(`.${own}`) ? u : undefined;
  } catch {
    return undefined;
  }
}

/** One iframe to the provider's own host, rebuilt and sandboxed; undefined if the html has none. */
export function sanitizeOembedHtml(html: string, pageUrl: string, title: string, height?: number): string | undefined {
  let frame: URL | undefined;
  let attrHeight: number | undefined;
  parseHtml(html, (parser) => ({
    onopentag(name, a) {
      if (frame || name !== "iframe" || !a.src) return;
      frame = ownFrame(a.src, pageUrl);
      if (frame) {
        attrHeight = Number(a.height) || undefined;
        parser.pause();
      }
    },
  }));
  if (!frame) return undefined;
  const h = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, attrHeight ?? height ?? 400)));
  return `<iframe src="${escapeHtml(frame.toString())}" title="${escapeHtml(title)}" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" referrerpolicy="strict-origin-when-cross-origin" style="display:block;width:100%;height:${h}px;border:0"></iframe>`;
}

type OembedAnswer = z.infer<typeof Answer>;

/**
 * Fetches the page, then the oEmbed endpoint it advertises (with maxwidth, maxheight), through the
 * SSRF-safe fetch: the provider's answer as it came (`raw`) and its checked fields. Throws DiscoveryError.
 */
export async function fetchOembedAnswer(url: string, opts: Pick<SafeFetchOptions, "allowHosts"> & { maxwidth?: number; maxheight?: number } = {}): Promise<{ raw: Record<string, unknown>; answer: OembedAnswer }> {
  const fetchOpts = { allowHosts: opts.allowHosts };
  const get = async (u: string, maxBytes: number, accept: string) => {
    try {
      const res = await safeFetch(u, { ...fetchOpts, maxBytes, headers: { accept } });
      if (res.status !== 200) throw new DiscoveryError(`${u} answered ${res.status}`);
      return res;
    } catch (e) {
      if (e instanceof SafeFetchError) throw new DiscoveryError(`${u}: ${e.code}`);
      throw e;
    }
  };
  const page = await get(url, MAX_PAGE_BYTES, "text/html");
  if (!/html/i.test(page.headers.get("content-type") ?? "")) throw new DiscoveryError(`${url} is not an HTML page`);
  const endpoint = findOembedEndpoint(page.text(), page.url);
  if (!endpoint) throw new DiscoveryError(`${url} advertises no oEmbed endpoint`);
  return await askEndpoint(endpoint, { ...opts, maxwidth: opts.maxwidth ?? 600 });
}

/** Asks an oEmbed endpoint (its URL already names the page) through the SSRF-safe fetch. Throws DiscoveryError. */
export async function askEndpoint(endpoint: string, opts: Pick<SafeFetchOptions, "allowHosts"> & { maxwidth?: number; maxheight?: number } = {}): Promise<{ raw: Record<string, unknown>; answer: OembedAnswer }> {
  const ask = new URL(endpoint);
  if (opts.maxwidth) ask.searchParams.set("maxwidth", String(opts.maxwidth));
  if (opts.maxheight) ask.searchParams.set("maxheight", String(opts.maxheight));
  let res;
  try {
    res = await safeFetch(ask.toString(), { allowHosts: opts.allowHosts, maxBytes: MAX_ANSWER_BYTES, headers: { accept: "application/json" } });
  } catch (e) {
    if (e instanceof SafeFetchError) throw new DiscoveryError(`${endpoint}: ${e.code}`);
    throw e;
  }
  if (res.status !== 200) throw new DiscoveryError(`${ask} answered ${res.status}`);
  if (res.truncated) throw new DiscoveryError(`${endpoint}: the answer is too large`);
  let json: unknown;
  try {
    json = JSON.parse(res.text());
  } catch {
    throw new DiscoveryError(`${endpoint}: the answer is not JSON`);
  }
  const parsed = Answer.safeParse(json);
  if (!parsed.success) throw new DiscoveryError(`${endpoint}: not an oEmbed answer`);
  return { raw: json as Record<string, unknown>, answer: parsed.data };
}

/** Fetches the page, its advertised oEmbed endpoint, and keeps what is safe; throws DiscoveryError. */
export async function discoverEmbed(url: string, fetchOpts: Pick<SafeFetchOptions, "allowHosts"> = {}): Promise<DiscoveredEmbed> {
  const { answer: a } = await fetchOembedAnswer(url, fetchOpts);
  const providerName = (a.provider_name ?? "").trim() || bareHost(new URL(url).host);
  const title = (a.title ?? "").trim();
  const frame = a.html && (a.type === "rich" || a.type === "video") ? sanitizeOembedHtml(a.html, url, title || `Embedded content from ${providerName}`, a.height) : undefined;
  const thumbnailUrl = thumbnailAddress(a.thumbnail_url);
  return { url, title, providerName, html: frame ?? "", height: Number(/height:(\d+)px/.exec(frame ?? "")?.[1] ?? 0), ...(thumbnailUrl ? { thumbnailUrl } : {}) };
}
