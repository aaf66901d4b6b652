// The read cache for public pages: an in-process LRU of reads (listings, terms, widgets' HTML)
// and of whole pages (server/page-cache.ts). There is one way it learns that content changed:
// the content version, a counter the database itself moves on every write that readers can see
// (SQLite triggers, drizzle/0002; PostgreSQL, drizzle-pg). Each request that renders reads the
// version once (syncWithDatabase, from the routing in server/routing.ts and from the feed and
// sitemap routes) and, if it moved, the whole cache is forgotten. So a write made through any
// process or machine shows on the next request everywhere, and no write path has anything to
// call; a pending comment, a draft's autosave or a rate-limit row does not move the version, so
// floods of those leave the cache alone. Cost: one indexed read per rendering request (the
// cached-page bench in docs/benchmarks.md measures it).
//
// Why not unstable_cache / 'use cache': a scheduled post is published lazily by the first read
// after its time (no cron), and that read must be reflected at once; and Next's incremental cache
// is per process, with a JSON round trip per read.
import { getDataVersion } from "@/db/queries/archives";

const MAX_ENTRIES = 3000;
// Whole pages are large (100-250 KB): their total is capped on its own.
const MAX_BYTES = 64 * 1024 * 1024;
// A safety net for a write the version does not see (a table without a trigger): no entry outlives a minute.
const MAX_AGE_MS = 60_000;

interface Entry {
  value: unknown;
  at: number;
  bytes: number;
}

interface Store {
  version?: string;
  bytes: number;
  entries: Map<string, Entry>;
  hits: number;
  misses: number;
}

const g = globalThis as unknown as { __inkwellReadCache?: Store };
function store(): Store {
  return (g.__inkwellReadCache ??= { entries: new Map(), hits: 0, misses: 0, bytes: 0 });
}

function drop(s: Store, key: string) {
  const e = s.entries.get(key);
  if (!e) return;
  s.entries.delete(key);
  s.bytes -= e.bytes;
}

/**
 * The value under `key`, computed by `load` on a miss. Only settled values are kept: a load that
 * fails is not remembered.
 * `bytes`: the value's size when it is large (whole pages), counted against MAX_BYTES.
 */
export async function cached<T>(key: string, load: () => T | Promise<T>, bytes = 0): Promise<T> {
  if (process.env.INKWELL_READ_CACHE === "off") return load();
  const s = store();
  const hit = s.entries.get(key);
  if (hit && Date.now() - hit.at > MAX_AGE_MS) drop(s, key);
  else if (hit) {
    s.hits++;
    // Re-insert: Map order is the LRU order.
    s.entries.delete(key);
    s.entries.set(key, hit);
    return hit.value as T;
  }
  s.misses++;
  const value = await load();
  s.entries.set(key, { value, at: Date.now(), bytes });
  s.bytes += bytes;
  while (s.entries.size > MAX_ENTRIES || s.bytes > MAX_BYTES) drop(s, s.entries.keys().next().value as string);
  return value;
}

/** Forgets everything when public content changed since the last look; returns the version. */
export async function syncWithDatabase(): Promise<string> {
  const s = store();
  const v = await getDataVersion();
  if (s.version !== undefined && s.version !== v) clearAll(s);
  s.version = v;
  return v;
}

function clearAll(s: Store) {
  s.entries.clear();
  s.bytes = 0;
}

/** The version syncWithDatabase last saw (a page fill started under another one is not kept). */
export function currentVersion(): string | undefined {
  return store().version;
}

/** The value under `key` if cached and fresh, without loading. */
export function peek<T>(key: string): T | undefined {
  const s = store();
  const hit = s.entries.get(key);
  if (!hit) return undefined;
  if (Date.now() - hit.at > MAX_AGE_MS) {
    drop(s, key);
    return undefined;
  }
  s.hits++;
  return hit.value as T;
}

/** Forgets everything now (tests, and a process that changed what the version does not cover). */
export function clearReadCache() {
  clearAll(store());
}

export function cacheStats() {
  const s = store();
  return { entries: s.entries.size, hits: s.hits, misses: s.misses };
}
