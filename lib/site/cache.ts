// The read cache for public pages: an in-process LRU whose entries carry tags ('post:42',
// 'comments:42', 'home', 'term:7', 'options', ...), invalidated by lib/site/cache-tags.ts.
//
// Why not unstable_cache / 'use cache': a scheduled post is published lazily by the first read
// after its time (no cron), and that read must invalidate listings at once; Next refuses
// revalidateTag during render. An in-process map also skips the JSON round trip of Next's
// incremental cache. Each server process keeps one map (on globalThis, shared by every route
// bundle); several processes or machines on one database each keep their own, and learn of
// another's writes through the content version (docs/scaling-out.md).
// Besides the tags, any write that changes what a reader can see empties it (syncWithDatabase,
// through the content version that SQLite triggers keep: drizzle/0002), so it can never show data
// older than the last such write, even when a write path forgets its cache-tags call; a pending
// comment, a draft's autosave or a rate-limit row leaves it alone, so floods of those do not
// empty the page cache under the readers.
import { getDataVersion } from "@/db/queries/archives";

const MAX_ENTRIES = 3000;
// Whole pages are large (100-250 KB): their total is capped on its own.
const MAX_BYTES = 64 * 1024 * 1024;
// A safety net for a write path that forgets to call cache-tags: no entry outlives a minute.
const MAX_AGE_MS = 60_000;

interface Entry {
  value: unknown;
  tags: string[];
  at: number;
  bytes: number;
}

interface Store {
  version?: string;
  bytes: number;
  entries: Map<string, Entry>;
  byTag: Map<string, Set<string>>;
  hits: number;
  misses: number;
}

const g = globalThis as unknown as { __inkwellReadCache?: Store };
function store(): Store {
  return (g.__inkwellReadCache ??= { entries: new Map(), byTag: new Map(), hits: 0, misses: 0, bytes: 0 });
}

function drop(s: Store, key: string) {
  const e = s.entries.get(key);
  if (!e) return;
  s.entries.delete(key);
  s.bytes -= e.bytes;
  for (const t of e.tags) s.byTag.get(t)?.delete(key);
}

/**
 * The value under `key`, computed by `load` on a miss. Only settled values are kept: a load that
 * fails is not remembered.
 * `bytes`: the value's size when it is large (whole pages), counted against MAX_BYTES.
 */
export async function cached<T>(key: string, tags: string[], load: () => T | Promise<T>, bytes = 0): Promise<T> {
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
  s.entries.set(key, { value, tags: ["all", ...tags], at: Date.now(), bytes });
  s.bytes += bytes;
  for (const t of ["all", ...tags]) {
    let set = s.byTag.get(t);
    if (!set) s.byTag.set(t, (set = new Set()));
    set.add(key);
  }
  while (s.entries.size > MAX_ENTRIES || s.bytes > MAX_BYTES) drop(s, s.entries.keys().next().value as string);
  return value;
}

/**
 * Forgets everything when public content changed since the last look (any such write by any
 * area, even one that forgot to call lib/site/cache-tags). Called at the start of each reader request.
 */
export async function syncWithDatabase(): Promise<string> {
  const s = store();
  const v = await getDataVersion();
  if (s.version !== undefined && s.version !== v) clearAll(s);
  s.version = v;
  return v;
}

function clearAll(s: Store) {
  s.entries.clear();
  s.byTag.clear();
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

/** Forgets every entry carrying any of the tags, and every cached whole page. */
export function invalidateTags(...tags: string[]) {
  const s = store();
  for (const t of [...tags, "html"]) {
    const keys = s.byTag.get(t);
    if (!keys) continue;
    for (const k of [...keys]) drop(s, k);
    s.byTag.delete(t);
  }
}

export function cacheStats() {
  const s = store();
  return { entries: s.entries.size, hits: s.hits, misses: s.misses };
}
