// The reader routing (lib/site/reader-routing.ts) done by scripts/server.mjs itself, ahead of
// Next: Next's proxy costs about 1.3 ms a request even when it only says "go on". The server calls
// this hook (registered on globalThis once Next has loaded proxy.ts, which imports this module);
// what it answers (a redirect, a cached page) never reaches Next, and what it hands on carries
// ROUTED_HEADER, which proxy.ts's matcher skips. The server deletes that header from every
// request before routing, so no client can skip the routing by sending it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { absoluteUrl } from "@/lib/site-url";
import { logEvent } from "@/lib/log";
import { linkbackHeaders } from "@/lib/linkbacks/discovery-headers";
import { writeCachedPage } from "./page-cache";
import { decideReaderRequest } from "./reader-routing";

export const ROUTED_HEADER = "x-inkwell-routed";

/** Answers the request (true) or prepares it for Next (false). */
export async function routeInNodeServer(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url || "/", "http://inkwell.invalid");
  const headers = { get: (name: string) => { const v = req.headers[name.toLowerCase()]; return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v; } };
  let decision;
  try {
    decision = await decideReaderRequest({ method: req.method || "GET", headers, url });
  } catch (err) {
    // Next's proxy routes it instead (and the page reports its own errors).
    logEvent("request_error", { method: req.method, path: url.pathname, route: "node-routing", message: err instanceof Error ? err.message : String(err) }, "error");
    return false;
  }
  switch (decision.kind) {
    case "cached":
      writeCachedPage(req, res, decision.page, decision.state, await linkbackHeaders());
      return true;
    case "redirect":
      res.writeHead(301, { location: await absoluteUrl(decision.to) });
      res.end();
      return true;
    case "rewrite":
      req.url = decision.pathname + decision.search;
      break;
    case "render":
      req.headers["content-security-policy"] = decision.csp;
      res.setHeader("content-security-policy", decision.csp);
      if (decision.readerPage && (req.method === "GET" || req.method === "HEAD")) for (const [k, v] of Object.entries(await linkbackHeaders())) res.setHeader(k, v);
      break;
    case "pass":
      break;
  }
  req.headers[ROUTED_HEADER] = "1";
  return false;
}

(globalThis as unknown as { __inkwellRoute?: typeof routeInNodeServer }).__inkwellRoute = routeInNodeServer;
