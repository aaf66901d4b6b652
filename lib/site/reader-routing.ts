// What happens to a request before any page renders, decided once for both ways in: Next's proxy
// (proxy.ts, under `next dev`) and the production server's own hook (lib/site/node-routing.ts),
// which saves Next's proxy machinery (about 1.3 ms a request). WordPress's old and plain
// addresses get a real 301 (/?p=ID, /?cat=ID, /?m=YYYYMM, /?feed=rss2, earlier permalink
// structures); anonymous readers get the page cache; feeds under any archive or post go to the
// one feed route; every page renders with a fresh script nonce.
import { resolveQuery, resolveSegments } from "@/lib/site/resolve-path";
import { publishDuePosts } from "@/lib/site/reads";
import { fillNonce, fillPage, getCachedPage, isCacheable, renderToken, RENDER_HEADER, type CachedPage } from "@/lib/site/page-cache";
import { contentSecurityPolicy, newNonce, refreshFrameHosts } from "@/lib/security/csp";

export interface ReaderRequest {
  method: string;
  headers: Pick<Headers, "get">;
  url: URL;
}

export type ReaderDecision =
  /** Not a page (files, feeds' own route, XML-RPC, the API): nothing to add. */
  | { kind: "pass" }
  /** Render it, with this Content-Security-Policy (its nonce is what Next puts on its scripts); reader pages also advertise their linkback endpoints. */
  | { kind: "render"; csp: string; readerPage: boolean }
  | { kind: "cached"; page: CachedPage; state: "hit" | "miss" }
  | { kind: "redirect"; to: string }
  /** A feed: served by the feed route at this path and query. */
  | { kind: "rewrite"; pathname: string; search: string };

const QUERY_KEYS = ["p", "page_id", "cat", "tag", "author", "m", "feed", "paged"];

// Machine endpoints and files: no page logic, no CSP of ours (the uploads route sets its own).
const NOT_A_PAGE = /^\/(?:_next\/|api\/|healthz|feeds\/|xmlrpc\.php|wp-trackback\.php|wp-comments-post\.php|webmention\/|micropub\/|indieauth\/|embed-card\/|wp-json|wp-content\/|trackback\/|favicon)|\/trackback\/?$|\.(?:xml|txt|ico|png|jpg|jpeg|gif|svg|webp|css|js|map)$/;
// The admin and sign-in screens (lost and reset password too) get the CSP but none of the reader logic.
const NOT_A_READER_PAGE = /^\/(?:admin|login|register|lost-password|reset-password)(?:\/|$)/;

/** The CSP a page renders with: the fill's secret placeholder nonce for the cache's own render. */
function renderCsp(req: ReaderRequest): string {
  return contentSecurityPolicy(req.headers.get(RENDER_HEADER) === renderToken() ? fillNonce() : newNonce());
}

export async function decideReaderRequest(req: ReaderRequest): Promise<ReaderDecision> {
  const { pathname, searchParams, search } = req.url;
  if (NOT_A_PAGE.test(pathname)) return { kind: "pass" };
  // A post's embed view (WordPress's embed endpoint): its own route, its own policy (lib/oembed/embed-card.ts).
  const embed = /^(\/.+\/)embed\/$/.exec(pathname)?.[1] ?? (pathname === "/" && searchParams.get("embed") === "true" ? "/" : undefined);
  if (embed) return { kind: "rewrite", pathname: `/embed-card${embed}`, search };
  const cacheable = isCacheable(req);
  // The frame-src of what renders now (a cacheable request reads it after the version check below).
  if (!cacheable) await refreshFrameHosts();
  if (NOT_A_READER_PAGE.test(pathname) || (req.method !== "GET" && req.method !== "HEAD")) return { kind: "render", csp: renderCsp(req), readerPage: false };
  if (cacheable) {
    // Caches are emptied if the database changed, and scheduled posts whose time has come are
    // published, before any hit.
    await publishDuePosts();
    await refreshFrameHosts();
    const hit = getCachedPage(pathname + search);
    if (hit) return { kind: "cached", page: hit, state: "hit" };
  }

  const feed = /^(.*?\/)?feed\/(?:(rss2|atom|rss|rdf)\/)?$/.exec(pathname);
  if (feed) {
    if (cacheable) {
      const page = await fillPage(pathname + search);
      if (page) return { kind: "cached", page, state: "miss" };
    }
    const params = new URLSearchParams(searchParams);
    if (feed[2] === "atom") params.set("format", "atom");
    const q = params.toString();
    return { kind: "rewrite", pathname: `/feeds${feed[1] ?? "/"}`, search: q ? `?${q}` : "" };
  }

  // A preview is rendered for its editor only, never redirected to the published permalink.
  if (pathname === "/" && searchParams.get("preview") === "true") return { kind: "render", csp: renderCsp(req), readerPage: false };

  // Only a public page of this site is rendered into the cache: other areas' routes and 404s are
  // left to Next (a fill renders the URL once more through the server).
  let publicPage = false;
  try {
    const route =
      pathname === "/"
        ? await resolveQuery(Object.fromEntries(searchParams))
        : await resolveSegments(pathname.split("/").filter(Boolean), { paged: searchParams.get("paged") });
    if (route?.kind === "redirect" && (pathname !== "/" || (QUERY_KEYS.some((k) => searchParams.has(k)) && !searchParams.has("s")))) {
      return { kind: "redirect", to: route.to };
    }
    publicPage = route?.kind === "listing" || (route?.kind === "single" && route.post.status === "publish");
  } catch {
    // The page renders the same resolution and reports its own errors.
  }
  if (cacheable && publicPage) {
    const page = await fillPage(pathname + search);
    if (page) return { kind: "cached", page, state: "miss" };
  }
  return { kind: "render", csp: renderCsp(req), readerPage: true };
}
