// Reader pages advertise the Pingback and Webmention endpoints in their response headers.
import { NextResponse, type NextRequest } from "next/server";
import { linkbackHeaders } from "@/lib/linkbacks/discovery-headers";

export function proxy(req: NextRequest) {
  const res = NextResponse.next();
  if (req.method === "GET" || req.method === "HEAD") for (const [k, v] of Object.entries(linkbackHeaders())) res.headers.set(k, v);
  return res;
}

export const config = {
  matcher: ["/((?!_next/|admin|api/|login|healthz|feeds/|xmlrpc\\.php|wp-trackback\\.php|webmention|trackback/|favicon|.*\\.(?:xml|txt|ico|png|jpg|jpeg|gif|svg|webp|css|js|map)$).*)"],
};
