// Answers WordPress's old and plain addresses with a real 301 before any page renders (a page
// can only answer 307/308): /?p=ID, /?cat=ID, /?m=YYYYMM, /?feed=rss2, and permalinks of any
// earlier structure. Feeds under any archive or post (<url>/feed/, /feed/atom/) are served by
// the one feed route handler.
import { NextResponse, type NextRequest } from "next/server";
import { resolveQuery, resolveSegments } from "@/lib/site/resolve-path";
import { absoluteUrl } from "@/lib/site-url";
import { publishDuePosts } from "@/lib/site/reads";
import { fillNonce, fillPage, getCachedPage, isCacheable, pageWithNonce, PAGE_VARY, renderToken, RENDER_HEADER, type CachedPage } from "@/lib/site/page-cache";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { withLinkbackHeaders } from "@/lib/linkbacks/discovery-headers";

const QUERY_KEYS = ["p", "page_id", "cat", "tag", "author", "m", "feed", "paged"];

// Identity here: Next drops a proxy response's Content-Encoding (and so would hand the browser gzip
// bytes as text); the compression of cached pages happens in scripts/server.mjs's hit path.
const fromCache = (page: CachedPage, state: "hit" | "miss") => {
  const { body, csp, encoding } = pageWithNonce(page);
  return withLinkbackHeaders({ method: "GET" }, new NextResponse(new Uint8Array(body), {
    status: page.status,
    headers: {
      "content-type": page.contentType, "content-security-policy": csp, "x-inkwell-cache": state, vary: PAGE_VARY,
      ...(encoding ? { "content-encoding": encoding } : {}),
    },
  }));
};

/** Lets Next render with a script nonce: it reads the nonce from the request's CSP header. */
function nextWithNonce(req: NextRequest): NextResponse {
  const nonce = req.headers.get(RENDER_HEADER) === renderToken() ? fillNonce() : newNonce();
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

// Machine endpoints and files: no page logic, no CSP of ours (the uploads route sets its own).
const NOT_A_PAGE = /^\/(?:_next\/|api\/|healthz|feeds\/|xmlrpc\.php|wp-trackback\.php|wp-comments-post\.php|webmention\/|wp-json|wp-content\/|trackback\/|favicon)|\/trackback\/?$|\.(?:xml|txt|ico|png|jpg|jpeg|gif|svg|webp|css|js|map)$/;
// The admin and sign-in screens get the CSP but none of the reader logic.
const NOT_A_READER_PAGE = /^\/(?:admin|login|register)(?:\/|$)/;

export async function proxy(req: NextRequest) {
  const { pathname, searchParams } = req.nextUrl;
  if (NOT_A_PAGE.test(pathname)) return NextResponse.next();
  if (NOT_A_READER_PAGE.test(pathname) || (req.method !== "GET" && req.method !== "HEAD")) return nextWithNonce(req);
  const cacheable = isCacheable({ method: req.method, headers: req.headers, url: req.nextUrl });
  if (cacheable) {
    // Caches are emptied if the database changed, and scheduled posts whose time has come are
    // published, before any hit.
    publishDuePosts();
    const key = pathname + req.nextUrl.search;
    const hit = getCachedPage(key);
    if (hit) return fromCache(hit, "hit");
  }

  const feed = /^(.*?\/)?feed\/(?:(rss2|atom|rss|rdf)\/)?$/.exec(pathname);
  if (feed) {
    if (cacheable) {
      const page = await fillPage(pathname + req.nextUrl.search);
      if (page) return fromCache(page, "miss");
    }
    const url = req.nextUrl.clone();
    url.pathname = `/feeds${feed[1] ?? "/"}`;
    if (feed[2] === "atom") url.searchParams.set("format", "atom");
    return NextResponse.rewrite(url);
  }

  // Only a public page of this site is rendered into the cache: other areas' routes and 404s are
  // left to Next (a fill renders the URL once more through the server).
  let publicPage = false;
  try {
    const route =
      pathname === "/"
        ? resolveQuery(Object.fromEntries(searchParams))
        : resolveSegments(pathname.split("/").filter(Boolean), { paged: searchParams.get("paged") });
    if (route?.kind === "redirect" && (pathname !== "/" || (QUERY_KEYS.some((k) => searchParams.has(k)) && !searchParams.has("s")))) {
      return NextResponse.redirect(absoluteUrl(route.to), 301);
    }
    publicPage = route?.kind === "listing" || (route?.kind === "single" && route.post.status === "publish");
  } catch {
    // The page renders the same resolution and reports its own errors.
  }
  if (cacheable && publicPage) {
    const page = await fillPage(pathname + req.nextUrl.search);
    if (page) return fromCache(page, "miss");
  }
  // Reader pages advertise the Pingback and Webmention endpoints in their headers.
  return withLinkbackHeaders(req, nextWithNonce(req));
}

export const config = {
  // The comment form's POST never needs the proxy (it is NOT_A_PAGE above), and running it costs
  // a comment about a tenth of its server time (a NextRequest built and its body teed), so it is
  // not matched at all.
  matcher: ["/((?!_next/static|_next/image|favicon|wp-comments-post\\.php).*)"],
};
