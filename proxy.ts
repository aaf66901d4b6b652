// Answers WordPress's old and plain addresses with a real 301 before any page renders (a page
// can only answer 307/308): /?p=ID, /?cat=ID, /?m=YYYYMM, /?feed=rss2, and permalinks of any
// earlier structure. Feeds under any archive or post (<url>/feed/, /feed/atom/) are served by
// the one feed route handler.
import { NextResponse, type NextRequest } from "next/server";
import { resolveQuery, resolveSegments } from "@/lib/site/resolve-path";
import { absoluteUrl } from "@/lib/site-url";
import { publishDuePosts } from "@/lib/site/reads";
import { fillPage, getCachedPage, isCacheable, type CachedPage } from "@/lib/site/page-cache";
import { withLinkbackHeaders } from "@/lib/linkbacks/discovery-headers";

const QUERY_KEYS = ["p", "page_id", "cat", "tag", "author", "m", "feed", "paged"];

const fromCache = (page: CachedPage, state: "hit" | "miss") =>
  withLinkbackHeaders({ method: "GET" }, new NextResponse(new Uint8Array(page.body), {
    status: page.status,
    headers: { "content-type": page.contentType, "x-inkwell-cache": state, vary: "rsc, next-router-state-tree, next-router-prefetch, cookie" },
  }));

export async function proxy(req: NextRequest) {
  const { pathname, searchParams } = req.nextUrl;
  if (req.method !== "GET" && req.method !== "HEAD") return NextResponse.next();
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
  return withLinkbackHeaders(req, NextResponse.next());
}

export const config = {
  matcher: ["/((?!_next/|admin|api/|login|healthz|feeds/|xmlrpc\\.php|wp-trackback\\.php|wp-comments-post\\.php|webmention/|wp-json/|wp-content/|trackback/|.*/trackback/?$|favicon|.*\\.(?:xml|txt|ico|png|jpg|jpeg|gif|svg|webp|css|js|map)$).*)"],
};
