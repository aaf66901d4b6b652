// A whole-page cache for anonymous readers, like WP Super Cache or nginx's fastcgi_cache: a page
// view with no cookies at all (so no session, preview, post password or commenter cookie) gets the
// HTML another such view rendered, straight from memory, without reaching Next. A miss is rendered
// by Next for the reader who asked, and its bytes are kept as they are written (server/main.mjs):
// one render, no second request. Pages live in the read cache (lib/site/cache.ts), which forgets
// everything when the content version moves, so a new post, comment or setting shows on the next
// request in every process, and no page is older than a minute.
import type { IncomingMessage, ServerResponse } from "node:http";
import { cached, peek, syncWithDatabase } from "@/lib/site/cache";
import { wantsActivityJson } from "@/lib/federation/accept";
import { contentSecurityPolicy, newNonce, splitAtNonce, withFreshNonce } from "@/lib/security/csp";
import { acceptsGzip, gzipWithNonce, prepareGzipParts, type GzipParts } from "./gzip-splice";
import type { PageFill, RenderedPage } from "./wing";

export interface CachedPage {
  status: number;
  contentType: string;
  /** The body cut at the render's nonce, to be joined with a fresh one per response. */
  parts: Buffer[];
  /** The parts deflated, made at the first request that takes gzip (server/gzip-splice.ts). */
  gzip?: GzipParts;
}

// Accept: a post's own address answers ActivityPub JSON to `Accept: application/activity+json`
// (lib/federation/http.ts), so a shared cache in front (nginx's proxy_cache, a CDN) must keep the
// HTML apart from the JSON. Every reader page says so, not only a post's: the addresses that
// answer JSON grow (pages, authors), and one constant header costs nothing.
export const READER_VARY = "accept";
export const PAGE_VARY = `rsc, next-router-state-tree, next-router-prefetch, cookie, accept-encoding, ${READER_VARY}`;

/** The request as the cache looks at it (the server's IncomingMessage, or a test's). */
export interface PageRequest {
  method: string;
  headers: Pick<Headers, "get">;
  url: URL;
}

// The query strings a reader's page uses: a made-up ?x=1, ?x=2… must not fill memory.
const PAGE_QUERY_KEYS = new Set(["s", "paged", "p", "page_id"]);

/** The one rule for whether a request is a page view the cache may answer and keep. */
export function isCacheablePageView(req: PageRequest): boolean {
  if (req.method !== "GET") return false;
  if (req.headers.get("cookie")) return false;
  // ActivityPub clients ask a post's own address for its JSON (lib/federation/http.ts answers
  // them first): what the cache holds is HTML, and what they get is never kept as a page.
  if (wantsActivityJson(req.headers.get("accept"))) return false;
  // React Server Component requests (client navigations) get flight data, not HTML.
  if (req.headers.get("rsc") || req.headers.get("next-router-state-tree") || req.headers.get("next-router-prefetch")) return false;
  for (const k of req.url.searchParams.keys()) if (!PAGE_QUERY_KEYS.has(k)) return false;
  return true;
}

export function getCachedPage(key: string): CachedPage | undefined {
  return peek<CachedPage>(`html:${key}`);
}

// Only pages and feeds: a JSON or binary answer on a page's address is not kept.
const KEPT_TYPES = /^(text\/html|application\/(rss\+|atom\+)?xml)/;

/**
 * Keeps what a fill rendered: a 200 page or feed (or the one not-found page, 404) that set no
 * cookie, rendered while the content version stayed where it was (a write during the render may be
 * half in this HTML). The server hands over at most 4 MB (server/keep-written.mjs).
 */
export async function keepPage(fill: PageFill, page: RenderedPage): Promise<boolean> {
  if (page.status !== (fill.status ?? 200) || page.setsCookie || !KEPT_TYPES.test(page.contentType)) return false;
  if ((await syncWithDatabase()) !== fill.version) return false;
  const kept: CachedPage = { status: page.status, contentType: page.contentType, parts: fill.nonce ? splitAtNonce(page.body, fill.nonce) : [page.body] };
  await cached(`html:${fill.key}`, () => kept, page.body.length);
  return true;
}

/**
 * The page with a fresh script nonce, and the CSP header that goes with it; gzipped for a client
 * that takes gzip (every browser): the 155 KB post with 100 comments goes out as about 25 KB.
 */
export function pageWithNonce(page: CachedPage, acceptEncoding?: string | null): { body: Buffer; csp: string; encoding?: "gzip" } {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  if (acceptsGzip(acceptEncoding)) {
    page.gzip ??= prepareGzipParts(page.parts);
    return { body: gzipWithNonce(page.gzip, nonce), csp, encoding: "gzip" };
  }
  return { body: withFreshNonce(page.parts, nonce), csp };
}

/** A cached page written straight to Node's response: a fresh nonce, gzipped if the client takes it. */
export function writeCachedPage(req: IncomingMessage, res: ServerResponse, page: CachedPage, extraHeaders: Record<string, string> = {}) {
  const { body, csp, encoding } = pageWithNonce(page, req.headers["accept-encoding"]);
  res.writeHead(page.status, {
    "content-type": page.contentType,
    "content-length": body.length,
    "content-security-policy": csp,
    "x-inkwell-cache": "hit",
    vary: PAGE_VARY,
    ...extraHeaders,
    ...(encoding ? { "content-encoding": encoding } : {}),
  });
  res.end(body);
}
