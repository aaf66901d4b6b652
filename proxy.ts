// Reader pages advertise the Pingback and Webmention endpoints in their response headers.
import { NextResponse, type NextRequest } from "next/server";
import { withLinkbackHeaders } from "@/lib/linkbacks/discovery-headers";

export function proxy(req: NextRequest) {
  return withLinkbackHeaders(req, NextResponse.next());
}

export const config = {
  matcher: ["/((?!_next/|admin|api/|login|healthz|feeds/|xmlrpc\\.php|wp-trackback\\.php|webmention/|trackback/|favicon|.*\\.(?:xml|txt|ico|png|jpg|jpeg|gif|svg|webp|css|js|map)$).*)"],
};
