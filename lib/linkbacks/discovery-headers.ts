// Discovery headers on reader pages: X-Pingback (must be absolute, as WordPress senders use it
// verbatim), Link rel="webmention", and Link rel="https://api.w.org/" for the REST API (WordPress
// sends it on every page; REST clients such as wpapi's discover() start from it). Set by the reader routing per request because SITE_URL is
// only known when the server starts, not when next.config.ts headers are built.
import { siteUrl } from "@/lib/site-url";

export async function linkbackHeaders(): Promise<Record<string, string>> {
  const site = await siteUrl();
  return { "x-pingback": `${site}/xmlrpc.php`, link: `<${site}/webmention/>; rel="webmention", <${site}/wp-json/>; rel="https://api.w.org/"` };
}

/** Adds the discovery headers to a reader page's response (GET/HEAD only); returns it. */
export async function withLinkbackHeaders<T extends Response>(req: { method: string }, res: T): Promise<T> {
  if (req.method === "GET" || req.method === "HEAD") for (const [k, v] of Object.entries(await linkbackHeaders())) res.headers.set(k, v);
  return res;
}
