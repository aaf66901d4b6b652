// Reading a live WordPress site's REST API. Every request goes through the SSRF-safe fetch
// (public addresses only, each redirect hop checked), with a timeout, a size cap per answer, a
// cap on pages per collection and at most a few requests at once. Any answer that is not what
// WordPress sends stops the whole read with one message: nothing is written before everything
// has been read and validated.
import type { z } from "zod";
import { safeFetch, SafeFetchError, type SafeFetchResponse } from "@/lib/net/safe-fetch";
import { WxrImportError } from "@/db/queries/wxr-import";
import { SiteIndexSchema, type SiteIndex } from "./schemas";

export const SITE_REQUEST_TIMEOUT_MS = 30_000;
export const SITE_MAX_BYTES = 16 * 1024 * 1024;
export const SITE_PER_PAGE = 100;
/** Pages of one collection read at most (100 items each). */
export const SITE_MAX_PAGES = 200;
export const SITE_CONCURRENCY = 4;

/** The site cannot be imported; the message says why, and nothing was written. */
export class SiteImportError extends WxrImportError {
  constructor(
    message: string,
    /** The HTTP status that stopped the read, when one did. */
    readonly status?: number,
  ) {
    super(message);
    this.name = "SiteImportError";
  }
}

export interface SiteClientOptions {
  /** Username and application password: drafts, raw content and emails become readable. */
  user?: string;
  appPassword?: string;
  /** Hosts allowed although private (the `outbound_allow_hosts` option, tests' loopback). */
  allowHosts?: string;
  /** Called after each answer, with how many requests are done of how many are known. */
  onRequest?(done: number, known: number): void;
}

/** An http(s) address as typed ("old.example" → https://old.example), without query or fragment. */
export function normalizeSiteAddress(raw: string): string {
  const typed = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new SiteImportError(`"${raw}" is not a web address.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SiteImportError("The address must start with http:// or https://.");
  url.search = "";
  url.hash = "";
  return url.toString().replace(/\/+$/, "");
}

function describeFetchError(e: SafeFetchError, address: string): string {
  switch (e.code) {
    case "blocked":
      return `Refused: ${address} (or a redirect from it) leads to a private or local network address.`;
    case "timeout":
      return `${address} did not answer within ${SITE_REQUEST_TIMEOUT_MS / 1000} seconds.`;
    case "too_many_redirects":
      return `${address} redirects too many times.`;
    case "invalid_url":
      return `That is not a web address Inkwell can fetch (${e.message}).`;
    default:
      return `${address} could not be reached (${e.message}).`;
  }
}

const isJson = (res: SafeFetchResponse) => /\bjson\b/i.test(res.headers.get("content-type") ?? "");

export class SiteClient {
  readonly authenticated: boolean;
  private done = 0;
  private known = 0;
  // Collections are read side by side, but the whole read keeps at most SITE_CONCURRENCY requests
  // in flight: safeFetch refuses callers beyond its own queue rather than piling them up.
  private active = 0;
  private waiting: (() => void)[] = [];
  private constructor(
    readonly address: string,
    /** "https://old.example/wp-json/" or, without pretty permalinks, "https://old.example/?rest_route=/". */
    readonly apiRoot: string,
    readonly index: SiteIndex,
    private readonly opts: SiteClientOptions,
  ) {
    this.authenticated = !!(opts.user && opts.appPassword);
  }

  /** Finds the REST API of the site at `rawAddress`, or throws SiteImportError saying it is not WordPress. */
  static async connect(rawAddress: string, opts: SiteClientOptions = {}): Promise<SiteClient> {
    const address = normalizeSiteAddress(rawAddress);
    const fields = "_fields=name,description,url,home,namespaces";
    // Pretty permalinks first; a site on plain permalinks answers only ?rest_route=.
    for (const root of [`${address}/wp-json/`, `${address}/?rest_route=/`]) {
      const url = root.includes("?") ? `${root}&${fields}` : `${root}?${fields}`;
      let res: SafeFetchResponse;
      try {
        // The address the user typed may redirect (http → https, to www.): follow, each hop checked.
        res = await safeFetch(url, { allowHosts: opts.allowHosts, timeoutMs: SITE_REQUEST_TIMEOUT_MS, maxBytes: SITE_MAX_BYTES, headers: { accept: "application/json" } });
      } catch (e) {
        if (e instanceof SafeFetchError) throw new SiteImportError(describeFetchError(e, address));
        throw e;
      }
      if (res.status === 401 || res.status === 403) {
        throw new SiteImportError(`${address} refused to show its REST API (HTTP ${res.status}); a security plugin may block it.`);
      }
      if (res.status >= 500) throw new SiteImportError(`${address} answered HTTP ${res.status} (a server error); try again later.`);
      if (res.status !== 200 || !isJson(res)) continue;
      let body: unknown;
      try {
        body = JSON.parse(res.text());
      } catch {
        continue;
      }
      const index = SiteIndexSchema.safeParse(body);
      if (!index.success || !index.data.namespaces.includes("wp/v2")) continue;
      // Later requests go where this one ended up, so a redirect is not followed with credentials.
      const final = new URL(res.url);
      final.search = root.includes("?") ? "?rest_route=/" : "";
      const client = new SiteClient(address, final.toString(), index.data, opts);
      if (client.authenticated) await client.checkCredentials();
      return client;
    }
    throw new SiteImportError(`${address} does not look like a WordPress site: it has no REST API (/wp-json/ with the wp/v2 namespace).`);
  }

  /** The URL of a REST route ("/wp/v2/posts") with its query parameters. */
  routeUrl(route: string, params: Record<string, string | number> = {}): string {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    if (this.apiRoot.includes("?rest_route=")) {
      const u = new URL(this.apiRoot);
      u.search = "";
      return `${u.toString()}?rest_route=${route}${query.size ? `&${query}` : ""}`;
    }
    return `${this.apiRoot}${route.replace(/^\//, "")}${query.size ? `?${query}` : ""}`;
  }

  private async checkCredentials() {
    await this.get("/wp/v2/users/me", { context: "edit", _fields: "id" });
  }

  /** One GET of a route: parsed JSON, or a SiteImportError naming the route and what went wrong. */
  async get(route: string, params: Record<string, string | number> = {}): Promise<{ body: unknown; totalPages: number }> {
    if (this.active >= SITE_CONCURRENCY) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await this.getNow(route, params);
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  private async getNow(route: string, params: Record<string, string | number>): Promise<{ body: unknown; totalPages: number }> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.authenticated) headers.authorization = `Basic ${Buffer.from(`${this.opts.user}:${this.opts.appPassword}`).toString("base64")}`;
    let url = this.routeUrl(route, params);
    let res: SafeFetchResponse;
    for (let hop = 0; ; hop++) {
      try {
        res = await safeFetch(url, { allowHosts: this.opts.allowHosts, timeoutMs: SITE_REQUEST_TIMEOUT_MS, maxBytes: SITE_MAX_BYTES, manualRedirect: true, headers });
      } catch (e) {
        if (e instanceof SafeFetchError) throw new SiteImportError(describeFetchError(e, this.address));
        throw e;
      }
      const location = res.status >= 300 && res.status < 400 ? res.headers.get("location") : null;
      if (!location) break;
      // Credentials never follow a redirect off the site (a trailing-slash redirect stays on it).
      const next = new URL(location, url);
      if (hop >= 2 || next.origin !== new URL(url).origin) {
        throw new SiteImportError(`${this.address} redirected ${route} to another address (${next.origin}); enter the address the site answers at.`);
      }
      url = next.toString();
    }
    this.done++;
    this.opts.onRequest?.(this.done, Math.max(this.known, this.done));
    if (res.status === 401 || res.status === 403) {
      throw new SiteImportError(
        this.authenticated
          ? `${this.address} refused the username or application password (HTTP ${res.status} at ${route}). Check both, and that the user may edit posts.`
          : `${this.address} refused to show ${route} (HTTP ${res.status}); a security plugin may block it, or it needs a username and application password.`,
        res.status,
      );
    }
    if (res.status >= 500) throw new SiteImportError(`${this.address} answered HTTP ${res.status} (a server error) at ${route}; try again later.`);
    if (res.status !== 200) throw new SiteImportError(`${this.address} answered HTTP ${res.status} at ${route}, where WordPress answers with a list.`);
    if (res.truncated) throw new SiteImportError(`${this.address} sent more than ${SITE_MAX_BYTES / 1024 / 1024} MB for one page of ${route}.`);
    if (!isJson(res)) throw new SiteImportError(`${this.address} answered ${route} with ${res.headers.get("content-type") || "no content type"}, not JSON: it does not look like WordPress's REST API.`);
    let body: unknown;
    try {
      body = JSON.parse(res.text());
    } catch (e) {
      throw new SiteImportError(`${this.address} sent malformed JSON for ${route} (${(e as Error).message}).`);
    }
    const totalPages = Number(res.headers.get("x-wp-totalpages") ?? 1);
    return { body, totalPages: Number.isFinite(totalPages) && totalPages > 0 ? Math.floor(totalPages) : 1 };
  }

  /** Every item of a collection route, page by page (100 a page), each validated by `schema`. */
  async all<S extends z.ZodTypeAny>(route: string, schema: S, params: Record<string, string | number> = {}): Promise<z.infer<S>[]> {
    this.known++;
    const first = await this.get(route, { ...params, per_page: SITE_PER_PAGE, page: 1 });
    const pages = first.totalPages;
    if (pages > SITE_MAX_PAGES) {
      throw new SiteImportError(`${this.address} has more than ${SITE_MAX_PAGES * SITE_PER_PAGE} items at ${route}; export it with Tools → Export and import the file instead.`);
    }
    this.known += pages - 1;
    const bodies: unknown[] = new Array(pages);
    bodies[0] = first.body;
    const rest = Array.from({ length: pages - 1 }, (_, i) => i + 2);
    await pool(rest, SITE_CONCURRENCY, async (page) => {
      bodies[page - 1] = (await this.get(route, { ...params, per_page: SITE_PER_PAGE, page })).body;
    });
    const out: z.infer<S>[] = [];
    for (const body of bodies) {
      if (!Array.isArray(body)) throw new SiteImportError(`${this.address} answered ${route} with something other than a list.`);
      for (const [i, item] of body.entries()) {
        const parsed = schema.safeParse(item);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new SiteImportError(`${this.address} sent an item of ${route} that is not what WordPress sends (item ${i + 1}: ${issue?.path.join(".") || "item"}: ${issue?.message}).`);
        }
        out.push(parsed.data);
      }
    }
    return out;
  }
}

/** Runs `fn` over `items`, at most `limit` at a time; the first failure rejects. */
export async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
