// What happens to a request before any page renders (server/routing.ts carries it out on Node's
// request): WordPress's old and plain addresses get a real 301 (/?p=ID, /?cat=ID, /?m=YYYYMM,
// /?feed=rss2, earlier permalink structures); anonymous readers get the page cache; feeds under
// any archive or post go to the one feed route; every page renders with a fresh script nonce,
// after the read cache has caught up with the content version.
import { resolveQuery, resolveSegments } from "@/lib/site/resolve-path";
import { publishDuePosts } from "@/lib/site/reads";
import { currentVersion } from "@/lib/site/cache";
import { getCachedPage, isCacheablePageView, type CachedPage, type PageRequest } from "./page-cache";
import { wing, type BuiltRoutes, type PageFill } from "./wing";
import { contentSecurityPolicy, newNonce, refreshFrameHosts } from "@/lib/security/csp";

export type ReaderDecision =
  /** Not a page (files, feeds' own route, XML-RPC, the API): nothing to add. */
  | { kind: "pass" }
  /**
   * Render it, with this Content-Security-Policy (its nonce is what Next puts on its scripts);
   * reader pages also advertise their linkback endpoints; `fill`: keep what renders in the page cache.
   */
  | { kind: "render"; csp: string; readerPage: boolean; fill?: PageFill }
  | { kind: "cached"; page: CachedPage }
  | { kind: "redirect"; to: string }
  /** A feed: served by the feed route at this path and query. */
  | { kind: "rewrite"; pathname: string; search: string; fill?: PageFill };

const QUERY_KEYS = ["p", "page_id", "cat", "tag", "author", "m", "feed", "paged"];

// Machine endpoints and files: no page logic, no CSP of ours (the uploads route sets its own).
const NOT_A_PAGE = /^\/(?:_next\/|api\/|healthz|feeds\/|xmlrpc\.php|wp-trackback\.php|wp-comments-post\.php|webmention\/|fediverse\/|micropub\/|indieauth\/|embed-card\/|wp-json|wp-content\/|trackback\/|favicon)|\/trackback\/?$|\.(?:xml|txt|ico|png|jpg|jpeg|gif|svg|webp|css|js|map)$/;
// The admin and sign-in screens (lost and reset password too) get the CSP but none of the reader logic.
const NOT_A_READER_PAGE = /^\/(?:admin|login|register|lost-password|reset-password)(?:\/|$)/;

// Every missing address shows the same not-found page, kept once under this key (page keys are
// paths, which begin with "/").
const NOT_FOUND_KEY = "not-found";

let compiled: { from: BuiltRoutes; others: RegExp[]; redirects: RegExp[] } | undefined;

/**
 * An address that only the site's catch-all page takes (no other route of the build, no redirect
 * or rewrite): when the resolver finds nothing there, the page is the not-found page.
 */
function isMissingAddress(pathname: string): boolean {
  const routes = wing().server?.routes;
  if (!routes) return false;
  if (compiled?.from !== routes) compiled = { from: routes, others: routes.others.map((r) => new RegExp(r)), redirects: routes.redirects.map((r) => new RegExp(r)) };
  return !compiled.redirects.some((r) => r.test(pathname)) && !compiled.others.some((r) => r.test(pathname));
}

function render(readerPage: boolean, fillKey?: string, status?: number): ReaderDecision {
  const nonce = newNonce();
  const version = currentVersion();
  const fill = fillKey !== undefined && version !== undefined ? { key: fillKey, nonce, version, ...(status ? { status } : {}) } : undefined;
  return { kind: "render", csp: contentSecurityPolicy(nonce), readerPage, fill };
}

export async function decideReaderRequest(req: PageRequest): Promise<ReaderDecision> {
  const { pathname, searchParams, search } = req.url;
  if (NOT_A_PAGE.test(pathname)) return { kind: "pass" };
  // A post's embed view (WordPress's embed endpoint): its own route, its own policy (lib/oembed/embed-card.ts).
  const embed = /^(\/.+\/)embed\/$/.exec(pathname)?.[1] ?? (pathname === "/" && searchParams.get("embed") === "true" ? "/" : undefined);
  if (embed) return { kind: "rewrite", pathname: `/embed-card${embed}`, search };
  // Whatever renders or is served reads the content version first (the read cache forgets what
  // it holds if the version moved; scheduled posts whose time has come are published), and the
  // frame-src of its policy names the embed providers discovered up to that version.
  await publishDuePosts();
  await refreshFrameHosts();
  if (NOT_A_READER_PAGE.test(pathname) || (req.method !== "GET" && req.method !== "HEAD")) return render(false);
  const cacheable = isCacheablePageView(req);
  const key = pathname + search;
  if (cacheable) {
    const hit = getCachedPage(key);
    if (hit) return { kind: "cached", page: hit };
  }

  const feed = /^(.*?\/)?feed\/(?:(rss2|atom|rss|rdf)\/)?$/.exec(pathname);
  if (feed) {
    const params = new URLSearchParams(searchParams);
    if (feed[2] === "atom") params.set("format", "atom");
    const q = params.toString();
    const version = currentVersion();
    return { kind: "rewrite", pathname: `/feeds${feed[1] ?? "/"}`, search: q ? `?${q}` : "", fill: cacheable && version !== undefined ? { key, version } : undefined };
  }

  // A preview is rendered for its editor only, never redirected to the published permalink.
  if (pathname === "/" && searchParams.get("preview") === "true") return render(false);

  // Only a public page of this site is kept in the cache (and the one not-found page): other areas'
  // routes are not.
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
    if (!route && cacheable && !search && isMissingAddress(pathname)) {
      const hit = getCachedPage(NOT_FOUND_KEY);
      return hit ? { kind: "cached", page: hit } : render(true, NOT_FOUND_KEY, 404);
    }
  } catch {
    // The page renders the same resolution and reports its own errors.
  }
  return render(true, cacheable && publicPage ? key : undefined);
}
