// Next's proxy: the reader routing of lib/site/reader-routing.ts (old WordPress addresses as a
// real 301 before any page renders, the page cache, feeds, script nonces) for requests that the
// production server has not already routed itself (lib/site/node-routing.ts): under `next dev`,
// and the first requests after a start, until that hook is loaded.
import { NextResponse, type NextRequest } from "next/server";
import { absoluteUrl } from "@/lib/site-url";
import { pageWithNonce, PAGE_VARY, type CachedPage } from "@/lib/site/page-cache";
import { withLinkbackHeaders } from "@/lib/linkbacks/discovery-headers";
import { decideReaderRequest } from "@/lib/site/reader-routing";
import "@/lib/site/node-routing";

// Identity here: Next drops a proxy response's Content-Encoding (and so would hand the browser gzip
// bytes as text); the compression of cached pages happens in scripts/server.mjs's hit path.
const fromCache = async (page: CachedPage, state: "hit" | "miss") => {
  const { body, csp, encoding } = pageWithNonce(page);
  return await withLinkbackHeaders({ method: "GET" }, new NextResponse(new Uint8Array(body), {
    status: page.status,
    headers: {
      "content-type": page.contentType, "content-security-policy": csp, "x-inkwell-cache": state, vary: PAGE_VARY,
      ...(encoding ? { "content-encoding": encoding } : {}),
    },
  }));
};

/** Lets Next render with a script nonce: it reads the nonce from the request's CSP header. */
function nextWithCsp(req: NextRequest, csp: string): NextResponse {
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

export async function proxy(req: NextRequest) {
  const decision = await decideReaderRequest({ method: req.method, headers: req.headers, url: req.nextUrl });
  switch (decision.kind) {
    case "pass":
      return NextResponse.next();
    case "cached":
      return await fromCache(decision.page, decision.state);
    case "redirect":
      return NextResponse.redirect(await absoluteUrl(decision.to), 301);
    case "rewrite": {
      const url = req.nextUrl.clone();
      url.pathname = decision.pathname;
      url.search = decision.search;
      return NextResponse.rewrite(url);
    }
    case "render": {
      const res = nextWithCsp(req, decision.csp);
      // Reader pages advertise the Pingback and Webmention endpoints in their headers.
      return decision.readerPage ? await withLinkbackHeaders(req, res) : res;
    }
  }
}

export const config = {
  // The comment form's POST never needs the proxy (it is NOT_A_PAGE above), and running it costs
  // a comment about a tenth of its server time (a NextRequest built and its body teed), so it is
  // not matched at all. Requests the production server has routed itself carry ROUTED_HEADER
  // (lib/site/node-routing.ts; the server drops it from what clients send) and skip it too.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon|wp-comments-post\\.php).*)", missing: [{ type: "header", key: "x-inkwell-routed" }] }],
};
