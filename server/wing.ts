// The one interface between the HTTP server that runs around Next (server/main.mjs) and the app
// that Next runs. It is one object on globalThis, under one symbol:
//   - the server makes it before Next starts and puts its own half in (`server`: the metrics
//     registry, the splice storage), which app code reads through lib/metrics.ts and
//     lib/site/html-splice.ts;
//   - Next runs instrumentation.ts at start, which registers the app's half (`app`) once, from
//     server/app.ts, before the server takes its first request; the server refuses to start
//     without it, so the first request after a start takes the same path as the millionth.
// Nothing else passes between the two (the app's own singletons on globalThis, such as the
// database client or the read cache, are shared by Next's bundles, not by the server).
import type { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";

/** A refusal in the route's own format (XML for TrackBack and XML-RPC, JSON for REST). */
export interface TooLarge {
  contentType: string;
  body: string;
}

/** A cacheable page view that the cache did not have: the server renders it once and keeps it. */
export interface PageFill {
  /** The cache key: the path and query. */
  key: string;
  /** The script nonce this render uses: the kept copy is cut at it and gets a fresh one per reader (none for a feed). */
  nonce?: string;
  /** The content version the render started under: a render that saw a write is not kept. */
  version: string;
  /** The status the kept page must have: 404 for the one not-found page, 200 otherwise. */
  status?: number;
}

/** A page as the server wrote it (after splicing, before compression). */
export interface RenderedPage {
  status: number;
  contentType: string;
  body: Buffer;
  setsCookie: boolean;
}

export type RouteResult =
  /** Answered here (a cached page, a redirect). */
  | { answered: true }
  /** Prepared for Next (CSP nonce, rewrite, linkback headers); `fill` when the page cache wants its bytes. */
  | { answered: false; fill?: PageFill };

/** What the app does for the server. */
export interface AppSide {
  /** The request body's limit for this route, and the refusal to send past it. */
  bodyLimit(req: IncomingMessage): { limit: number; answer?: TooLarge };
  /** An anonymous comment form POST, answered without Next's routing (true when taken). */
  postComment(req: IncomingMessage, res: ServerResponse): boolean;
  /** Reader routing and the page cache: old WordPress addresses, cached pages, feeds, nonces. */
  route(req: IncomingMessage, res: ServerResponse): Promise<RouteResult>;
  /** Keeps what a fill rendered, unless the content changed meanwhile (false: not kept). */
  keepPage(fill: PageFill, page: RenderedPage): Promise<boolean>;
  /** The database cannot be reached (PostgreSQL outage) / a long import holds SQLite's write lock. */
  database(): { outage: boolean; longWrite: boolean };
  /** Stops claiming jobs; resolves when the job in hand has finished. */
  stopJobs(): Promise<void>;
  closeDatabase(): Promise<void>;
}

/** What the server does for the app. */
export interface ServerSide {
  metrics: ServerMetrics;
  /** The store of the page being written, where components leave big HTML (server/html-splice.mjs). */
  splice: AsyncLocalStorage<SpliceStore>;
  /** The served build's routes (server/built-routes.mjs); absent under `next dev`. */
  routes?: BuiltRoutes;
}

/** Regular expressions (sources) from Next's routes manifest. */
export interface BuiltRoutes {
  /** Every route but the site's catch-all page. */
  others: string[];
  /** next.config.ts's redirects and rewrites, and Next's own (the trailing slash). */
  redirects: string[];
}

export interface SpliceStore {
  id: string;
  fragments: string[];
}

export interface ServerMetrics {
  rateLimited: { inc(labels: { limit: string }): void };
  hooks: {
    jobs?: () => Promise<Record<string, number>>;
    pool?: () => Promise<{ engine: string; total: number; idle: number; waiting: number }>;
  };
}

export interface Wing {
  server?: ServerSide;
  app?: AppSide;
}

export const WING_KEY = Symbol.for("inkwell.wing");

/** The process's wing: empty halves outside the production server (tests, scripts, the build). */
export function wing(): Wing {
  const g = globalThis as unknown as Record<symbol, Wing | undefined>;
  return (g[WING_KEY] ??= {});
}
