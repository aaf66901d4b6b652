// A whole-page micro-cache for anonymous readers, like WP Super Cache or nginx's fastcgi_cache:
// a request with no cookies at all (so no session, preview, post password or commenter cookie)
// gets the HTML another such request produced, straight from memory. It lives in the read cache
// under the tag "html", which every invalidation clears (lib/site/cache.ts), so a new post,
// comment or setting shows on the next request, and no page is older than a minute.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { cached, peek, syncWithDatabase } from "./cache";
import { publishDuePosts } from "./reads";
import { contentSecurityPolicy, newNonce, refreshFrameHosts, splitAtNonce, withFreshNonce } from "@/lib/security/csp";
import { acceptsGzip, gzipWithNonce, prepareGzipParts, type GzipParts } from "./gzip-splice";
import { linkbackHeaders } from "@/lib/linkbacks/discovery-headers";

export interface CachedPage {
  status: number;
  contentType: string;
  /** Encoded once, so a hit writes bytes without re-encoding a 100 KB string. */
  body: Buffer;
  /** The body cut at the fill's placeholder nonce, to be joined with a fresh one per response. */
  parts: Buffer[];
  /** The parts deflated, made at the first request that takes gzip (lib/site/gzip-splice.ts). */
  gzip?: GzipParts;
}

export const PAGE_VARY = "rsc, next-router-state-tree, next-router-prefetch, cookie, accept-encoding";

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

const g = globalThis as unknown as { __inkwellRenderToken?: string; __inkwellFilling?: Set<string> };
/** Marks the proxy's own fill request, so that it goes through to the page. */
export const RENDER_HEADER = "x-inkwell-render";
export function renderToken(): string {
  return (g.__inkwellRenderToken ??= randomBytes(16).toString("hex"));
}
/** The nonce a cache fill renders with: secret, and replaced in every response. */
export function fillNonce(): string {
  return `fill${renderToken()}`;
}

const PAGE_QUERY_KEYS = new Set(["s", "paged", "p", "page_id"]);

/** Can this request be answered from, and fill, the page cache? */
export function isCacheable(req: { method: string; headers: Pick<Headers, "get">; url: URL }): boolean {
  if (req.method !== "GET") return false;
  if (req.headers.get("cookie")) return false;
  // React Server Component requests (client navigations) get flight data, not HTML.
  if (req.headers.get("rsc") || req.headers.get("next-router-state-tree") || req.headers.get("next-router-prefetch")) return false;
  // Only the query strings a reader's page uses: a made-up ?x=1, ?x=2… must not fill memory.
  for (const k of req.url.searchParams.keys()) if (!PAGE_QUERY_KEYS.has(k)) return false;
  return !req.headers.get(RENDER_HEADER);
}

export function getCachedPage(key: string): CachedPage | undefined {
  return peek<CachedPage>(`html:${key}`);
}

export function origin(): string {
  const host = process.env.HOST && process.env.HOST !== "0.0.0.0" && process.env.HOST !== "::" ? process.env.HOST : "127.0.0.1";
  return `http://${host.includes(":") ? `[${host}]` : host}:${process.env.PORT || 3000}`;
}

/** Renders the page once through the server itself and keeps it (one fill per key at a time). */
export async function fillPage(key: string): Promise<CachedPage | undefined> {
  const filling = (g.__inkwellFilling ??= new Set());
  if (filling.has(key)) return undefined;
  filling.add(key);
  const startedAt = await syncWithDatabase();
  try {
    const res = await fetch(origin() + key, { headers: { [RENDER_HEADER]: renderToken(), "accept-encoding": "identity" }, redirect: "manual" });
    const contentType = res.headers.get("content-type") ?? "";
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200 || !/^(text\/html|application\/(rss\+|atom\+)?xml)/.test(contentType) || res.headers.get("set-cookie")) return undefined;
    const page = { status: res.status, contentType, body, parts: splitAtNonce(body, fillNonce()) };
    // Written to while rendering: this HTML may show the old data; do not keep it.
    if (await syncWithDatabase() !== startedAt) return page;
    await cached(`html:${key}`, ["html"], () => page, body.length);
    return page;
  } catch {
    return undefined;
  } finally {
    filling.delete(key);
  }
}

/**
 * The same cache served straight from scripts/server.mjs, ahead of Next's request handling
 * (which alone costs about 1.4 ms of CPU per request): the server calls this hook, registered
 * on globalThis once the proxy has loaded this module, and hands on whatever it declines.
 */
function serveFromNodeServer(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> {
  if (req.method !== "GET" || !req.url || req.headers.cookie || req.headers.rsc || req.headers[RENDER_HEADER]) return false;
  if (req.headers["next-router-state-tree"] || req.headers["next-router-prefetch"] || req.url.includes("_rsc=")) return false;
  // Only a request the cache could answer waits for the database (the content version); the rest
  // go on to Next at once, as before.
  return serveHit(req, res, req.url);
}

async function serveHit(req: IncomingMessage, res: ServerResponse, url: string): Promise<boolean> {
  await publishDuePosts();
  // A hit's frame-src must name the embed providers discovered since (as the reader routing's does).
  await refreshFrameHosts();
  const page = getCachedPage(url);
  if (!page) return false;
  // Senders discover our endpoints from a hit as from a rendered page (WordPress HEADs, then GETs).
  writeCachedPage(req, res, page, "hit", await linkbackHeaders());
  return true;
}

/** A cached page written straight to Node's response: a fresh nonce, gzipped if the client takes it. */
export function writeCachedPage(req: IncomingMessage, res: ServerResponse, page: CachedPage, state: "hit" | "miss", extraHeaders: Record<string, string> = {}) {
  const { body, csp, encoding } = pageWithNonce(page, req.headers["accept-encoding"]);
  res.writeHead(page.status, {
    "content-type": page.contentType,
    "content-length": body.length,
    "content-security-policy": csp,
    "x-inkwell-cache": state,
    vary: PAGE_VARY,
    ...extraHeaders,
    ...(encoding ? { "content-encoding": encoding } : {}),
  });
  res.end(body);
}
(globalThis as unknown as { __inkwellServePage?: typeof serveFromNodeServer }).__inkwellServePage = serveFromNodeServer;
