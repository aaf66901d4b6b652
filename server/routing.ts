// The reader routing (server/reader-routing.ts) carried out on Node's request, ahead of Next:
// what it answers (a cached page, a redirect) never reaches Next; what it hands on gets its
// script nonce (the request's CSP header, which Next reads), its rewrite, and its linkback headers.
import type { IncomingMessage, ServerResponse } from "node:http";
import { absoluteUrl } from "@/lib/site-url";
import { logEvent } from "@/lib/log";
import { linkbackHeaders } from "@/lib/linkbacks/discovery-headers";
import { serveFederation } from "@/lib/federation/http";
import { READER_VARY, writeCachedPage } from "./page-cache";
import { decideReaderRequest } from "./reader-routing";
import type { RouteResult } from "./wing";

/**
 * Adds Accept to the response's Vary as its head is written: Next sets its own Vary (replacing
 * whatever was there) while it renders, and the compression adds Accept-Encoding after.
 */
function varyOnAcceptWhenWritten(res: ServerResponse) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    const current = this.getHeader("vary");
    const fields = (Array.isArray(current) ? current.join(",") : String(current ?? "")).split(",").map((f) => f.trim()).filter(Boolean);
    if (!fields.some((f) => f === "*" || f.toLowerCase() === READER_VARY)) this.setHeader("vary", [...fields, READER_VARY].join(", "));
    return writeHead.apply(this, args);
  } as typeof res.writeHead;
}

export async function route(req: IncomingMessage, res: ServerResponse): Promise<RouteResult> {
  const url = new URL(req.url || "/", "http://inkwell.invalid");
  const headers = { get: (name: string) => { const v = req.headers[name.toLowerCase()]; return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v; } };
  // ActivityPub first: WebFinger, the actor, its inboxes, and a post asked for as JSON, never a cached page.
  try {
    if (await serveFederation(req, res)) return { answered: true };
  } catch (err) {
    logEvent("request_error", { method: req.method, path: url.pathname, route: "federation", message: err instanceof Error ? err.message : String(err) }, "error");
    if (!res.headersSent) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "The request could not be handled." }));
    }
    return { answered: true };
  }
  let decision;
  try {
    decision = await decideReaderRequest({ method: req.method || "GET", headers, url });
  } catch (err) {
    // The page renders without the routing's help (and reports its own errors).
    logEvent("request_error", { method: req.method, path: url.pathname, route: "routing", message: err instanceof Error ? err.message : String(err) }, "error");
    return { answered: false };
  }
  switch (decision.kind) {
    case "cached":
      // Senders discover our endpoints from a cached page as from a rendered one (WordPress HEADs, then GETs).
      writeCachedPage(req, res, decision.page, await linkbackHeaders());
      return { answered: true };
    case "redirect":
      res.writeHead(301, { location: await absoluteUrl(decision.to) });
      res.end();
      return { answered: true };
    case "rewrite":
      req.url = decision.pathname + decision.search;
      if (decision.fill) res.setHeader("x-inkwell-cache", "miss");
      return { answered: false, fill: decision.fill };
    case "render":
      req.headers["content-security-policy"] = decision.csp;
      res.setHeader("content-security-policy", decision.csp);
      if (decision.readerPage && (req.method === "GET" || req.method === "HEAD")) {
        for (const [k, v] of Object.entries(await linkbackHeaders())) res.setHeader(k, v);
        varyOnAcceptWhenWritten(res);
      }
      if (decision.fill) res.setHeader("x-inkwell-cache", "miss");
      return { answered: false, fill: decision.fill };
    case "pass":
      return { answered: false };
  }
}
