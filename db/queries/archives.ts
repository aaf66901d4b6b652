import { ENGINE } from "../engine";
import { execute, queryRow, queryRows, rawSql, sql as rawTemplate } from "../index";
import { withTransaction } from "../transaction";
// Reads behind every public listing: home, archives, single-post navigation, widgets, lazy
// publication of scheduled posts. Plain prepared SQL (statements are compiled once per
// connection) so that each listing's plan can be checked with EXPLAIN QUERY PLAN in a test.
import { prepared } from "@/db/statements";
import type Database from "better-sqlite3";
import { getDb } from "../client";
import { pgNamedQuery, type PgDb } from "../postgres";
import type { PostCard } from "./posts";

const CARD = `p.id, p.type, p.status, p.title, p.slug, p.content, p.excerpt, p.password, p.sticky,
  p.date, p.date_gmt AS dateGmt, p.modified_gmt AS modifiedGmt, p.comment_count AS commentCount,
  p.comment_status AS commentStatus, p.ping_status AS pingStatus, p.parent_id AS parentId,
  p.author_id AS authorId, p.featured_media_id AS featuredMediaId, u.display_name AS authorName, u.nicename AS authorNicename`;

/** The cards of the posts whose ids `ids` (a query of ids, in order) picks. */
const pageOf = (ids: string) => `SELECT ${CARD} FROM (${ids}) page CROSS JOIN posts p ON p.id = page.id CROSS JOIN users u ON u.id = p.author_id
    ORDER BY p.date_gmt DESC, p.id DESC`;

/** Every listing SQL by name, exported for the EXPLAIN QUERY PLAN test. */
export const LISTING_SQL = {
  // Deep pages (a crawler on /page/900/) skip their OFFSET rows in the covering index, and only the
  // page's own rows are read from the table (`npm run bench` times a category's page 50).
  home: pageOf(`SELECT id FROM posts WHERE type = 'post' AND status = 'publish' ORDER BY date_gmt DESC, id DESC LIMIT ? OFFSET ?`),
  homeCount: `SELECT count(*) AS n FROM posts WHERE type = 'post' AND status = 'publish'`,
  sticky: `SELECT ${CARD} FROM posts p CROSS JOIN users u ON u.id = p.author_id
    WHERE p.sticky = 1 AND p.type = 'post' AND p.status = 'publish' ORDER BY p.date_gmt DESC LIMIT 50`,
  author: pageOf(`SELECT id FROM posts WHERE author_id = ? AND type = 'post' AND status = 'publish' ORDER BY date_gmt DESC, id DESC LIMIT ? OFFSET ?`),
  authorCount: `SELECT count(*) AS n FROM posts WHERE author_id = ? AND type = 'post' AND status = 'publish'`,
  dates: pageOf(`SELECT id FROM posts WHERE type = 'post' AND status = 'publish' AND date_gmt >= ? AND date_gmt < ?
    ORDER BY date_gmt DESC, id DESC LIMIT ? OFFSET ?`),
  datesCount: `SELECT count(*) AS n FROM posts WHERE type = 'post' AND status = 'publish' AND date_gmt >= ? AND date_gmt < ?`,
  // Posts in any of the given terms (a category and its children), driven by post_terms' index.
  terms: `SELECT ${CARD} FROM posts p CROSS JOIN users u ON u.id = p.author_id
    WHERE p.id IN (SELECT post_id FROM post_terms WHERE term_id IN (SELECT value FROM json_each(?)))
      AND p.type = 'post' AND p.status = 'publish' ORDER BY p.date_gmt DESC, p.id DESC LIMIT ? OFFSET ?`,
  termsCount: `SELECT count(*) AS n FROM posts p
    WHERE p.id IN (SELECT post_id FROM post_terms WHERE term_id IN (SELECT value FROM json_each(?)))
      AND p.type = 'post' AND p.status = 'publish'`,
  // INDEXED BY: with sqlite_stat4 the planner took a skip-scan of the author index and a sort for
  // posts near either end of the blog, instead of one seek.
  previous: `SELECT ${CARD} FROM posts p INDEXED BY posts_type_status_date CROSS JOIN users u ON u.id = p.author_id
    WHERE p.type = 'post' AND p.status = 'publish' AND (p.date_gmt, p.id) < (?, ?)
    ORDER BY p.date_gmt DESC, p.id DESC LIMIT 1`,
  next: `SELECT ${CARD} FROM posts p INDEXED BY posts_type_status_date CROSS JOIN users u ON u.id = p.author_id
    WHERE p.type = 'post' AND p.status = 'publish' AND (p.date_gmt, p.id) > (?, ?)
    ORDER BY p.date_gmt ASC, p.id ASC LIMIT 1`,
  // The newest approved comments a batch at a time, then their posts: a plain join let SQLite
  // build a Bloom filter over every post first, on every page; see newestVisible().
  recentComments: `SELECT c.id, c.post_id AS postId, c.author_name AS authorName, p.title AS postTitle, p.slug AS postSlug,
      p.date AS postDate, p.type AS postType, u.nicename AS authorNicename
    FROM (SELECT id, post_id, author_name, date_gmt FROM comments WHERE status = '1' ORDER BY date_gmt DESC, id DESC LIMIT ? OFFSET ?) c
      CROSS JOIN posts p ON p.id = c.post_id CROSS JOIN users u ON u.id = p.author_id
    WHERE p.status = 'publish' AND p.password = '' ORDER BY c.date_gmt DESC, c.id DESC`,
  categories: `SELECT id, name, slug, parent_id AS parentId, count FROM terms WHERE taxonomy = 'category' ORDER BY name`,
  tagCloud: `SELECT id, name, slug, count FROM terms WHERE taxonomy = 'post_tag' AND count > 0 ORDER BY count DESC LIMIT ?`,
  termDescendants: `WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT t.id FROM terms t JOIN tree ON t.parent_id = tree.id
      WHERE t.taxonomy = 'category') SELECT id FROM tree`,
  dueFuture: `SELECT id FROM posts WHERE status = 'future' AND date_gmt <= ? LIMIT 100`,
} as const;

type Stmts = { [K in keyof typeof LISTING_SQL]: Database.Statement };
const listingStmts = new WeakMap<Database.Database, Stmts>();

function stmts(): Stmts {
  const sqlite = getDb().$client;
  let s = listingStmts.get(sqlite);
  if (!s) {
    s = Object.fromEntries(Object.entries(LISTING_SQL).map(([k, q]) => [k, sqlite.prepare(q)])) as Stmts;
    listingStmts.set(sqlite, s);
  }
  return s;
}

// PostgreSQL runs the same listing SQL, translated once per text: camelCase aliases quoted (it folds
// unquoted ones to lower case), SQLite's join-order hints (CROSS JOIN … ON, INDEXED BY) dropped,
// the JSON id list of json_each(?) bound as a plain list (pass an array), booleans compared as
// booleans. For feeds.ts too.
const pgText = new Map<string, string>();
export function toPgSql(q: string): string {
  let t = pgText.get(q);
  if (t === undefined) {
    t = q
      .replace(/ AS ([a-z]\w*)/g, ' AS "$1"')
      .replace(/CROSS JOIN/g, "JOIN")
      .replace(/ INDEXED BY \w+/g, "")
      .replace(/p\.sticky = 1/g, "p.sticky")
      // Ties in term counts in SQLite's order (its taxonomy/count index, read backwards, ends in the rowid).
      .replace(/ORDER BY count DESC/g, "ORDER BY count DESC, id DESC")
      .replace(/IN \(SELECT value FROM json_each\(\?\)\)/g, "IN ?")
      .replace(/WITH RECURSIVE tree\(id\) AS \(SELECT \?/, "WITH RECURSIVE tree(id) AS (SELECT CAST(? AS integer)");
    pgText.set(q, t);
  }
  return t;
}

/** Rows of a listing statement on PostgreSQL (the SQLite text, toPgSql). */
export async function pgRows<T = unknown>(q: string, ...params: unknown[]): Promise<T[]> {
  return queryRows<T>(rawSql(toPgSql(q), ...params));
}

/** The process's PostgreSQL pool (PostgreSQL only). */
export function pgPool() {
  return (getDb() as unknown as PgDb).$client;
}

/** pgRows as a named statement, planned once per connection: for the fixed key lookups every page asks. */
export async function pgNamedRows<T = unknown>(q: string, ...params: unknown[]): Promise<T[]> {
  return (await pgNamedQuery<T & object>(pgPool(), rawSql(toPgSql(q), ...params))).rows;
}

/** newestVisible() on PostgreSQL: the same batches, through the translated statement. */
export async function newestVisiblePg(q: string, limit: number): Promise<unknown[]> {
  const batch = Math.max(20, limit * 4);
  const out: unknown[] = [];
  for (let i = 0; i < 64; i++) {
    out.push(...(await pgRows(q, batch, i * batch)));
    if (out.length >= limit) break;
    const more = await queryRow(rawSql("SELECT 1 AS one FROM comments WHERE status = '1' ORDER BY date_gmt DESC, id DESC LIMIT 1 OFFSET ?", (i + 1) * batch));
    if (!more) break;
  }
  return out.slice(0, limit);
}

/**
 * Runs a "newest approved comments on public posts" statement (parameters: batch size, offset)
 * batch after batch until it has `limit` rows: a few index steps when most comments are on
 * public posts, and bounded (64 batches) when they are not.
 */
export function newestVisible(stmt: Database.Statement, limit: number): unknown[] {
  const batch = Math.max(20, limit * 4);
  const more = prepared(getDb().$client, "SELECT 1 FROM comments WHERE status = '1' ORDER BY date_gmt DESC, id DESC LIMIT 1 OFFSET ?");
  const out: unknown[] = [];
  for (let i = 0; i < 64; i++) {
    out.push(...stmt.all(batch, i * batch));
    if (out.length >= limit || !more.get((i + 1) * batch)) break;
  }
  return out.slice(0, limit);
}

type RawCard = Omit<PostCard, "sticky"> & { sticky: number | boolean };
const toCard = (r: RawCard): PostCard => ({ ...r, sticky: !!r.sticky }) as PostCard;
const cards = (rows: unknown[]) => (rows as RawCard[]).map(toCard);
// PostgreSQL sends count(*) as a string.
const n = (row: unknown) => Number((row as { n: number | string } | undefined)?.n ?? 0);

export interface Page<T> {
  items: T[];
  total: number;
}

export type ArchiveFilter =
  | { kind: "home" }
  | { kind: "author"; authorId: number }
  | { kind: "terms"; termIds: number[] }
  | { kind: "dates"; fromGmt: string; toGmt: string };

/** One page of published posts for a listing, newest first, with the listing's total. */
export async function listArchivePosts(filter: ArchiveFilter, page: number, perPage: number): Promise<Page<PostCard>> {
  const limit = perPage;
  const offset = (page - 1) * perPage;
  if (ENGINE === "postgres") {
    const L = LISTING_SQL;
    const one = async (q: string, ...p: unknown[]) => n((await pgRows(q, ...p))[0]);
    switch (filter.kind) {
      case "home":
        return { items: cards(await pgRows(L.home, limit, offset)), total: await one(L.homeCount) };
      case "author":
        return { items: cards(await pgRows(L.author, filter.authorId, limit, offset)), total: await one(L.authorCount, filter.authorId) };
      case "terms":
        if (!filter.termIds.length) return { items: [], total: 0 };
        return { items: cards(await pgRows(L.terms, filter.termIds, limit, offset)), total: await one(L.termsCount, filter.termIds) };
      case "dates":
        return {
          items: cards(await pgRows(L.dates, filter.fromGmt, filter.toGmt, limit, offset)),
          total: await one(L.datesCount, filter.fromGmt, filter.toGmt),
        };
    }
  }
  const s = stmts();
  switch (filter.kind) {
    case "home":
      return { items: cards(s.home.all(limit, offset)), total: n(s.homeCount.get()) };
    case "author":
      return { items: cards(s.author.all(filter.authorId, limit, offset)), total: n(s.authorCount.get(filter.authorId)) };
    case "terms": {
      const ids = JSON.stringify(filter.termIds);
      return { items: cards(s.terms.all(ids, limit, offset)), total: n(s.termsCount.get(ids)) };
    }
    case "dates":
      return {
        items: cards(s.dates.all(filter.fromGmt, filter.toGmt, limit, offset)),
        total: n(s.datesCount.get(filter.fromGmt, filter.toGmt)),
      };
  }
}

export async function listStickyPosts(): Promise<PostCard[]> {
  if (ENGINE === "postgres") return cards(await pgRows(LISTING_SQL.sticky));
  return cards(stmts().sticky.all());
}

/** The published posts before and after one, by date (WordPress's previous/next post links). */
export async function getAdjacentPosts(post: { id: number; dateGmt: string }): Promise<{ previous?: PostCard; next?: PostCard }> {
  let prev: RawCard | undefined, next: RawCard | undefined;
  if (ENGINE === "postgres") {
    // Side by side, each a named statement (one row through the date index, whatever the post).
    [[prev], [next]] = await Promise.all([LISTING_SQL.previous, LISTING_SQL.next].map((q) => pgNamedRows<RawCard>(q, post.dateGmt, post.id)));
  } else {
    const s = stmts();
    prev = s.previous.get(post.dateGmt, post.id) as RawCard | undefined;
    next = s.next.get(post.dateGmt, post.id) as RawCard | undefined;
  }
  return { previous: prev && toCard(prev), next: next && toCard(next) };
}

export interface RecentComment {
  id: number;
  postId: number;
  authorName: string;
  postTitle: string;
  postSlug: string;
  postDate: string;
  postType: "post" | "page";
  authorNicename: string;
}

export async function listRecentComments(limit = 5): Promise<RecentComment[]> {
  if (ENGINE === "postgres") return (await newestVisiblePg(LISTING_SQL.recentComments, limit)) as RecentComment[];
  return newestVisible(stmts().recentComments, limit) as RecentComment[];
}

export interface CategoryRow {
  id: number;
  name: string;
  slug: string;
  parentId: number | null;
  count: number;
}

export async function listCategoriesWithCounts(): Promise<CategoryRow[]> {
  if (ENGINE === "postgres") return pgRows<CategoryRow>(LISTING_SQL.categories);
  return stmts().categories.all() as CategoryRow[];
}

export async function listTagCloud(limit = 45): Promise<Omit<CategoryRow, "parentId">[]> {
  if (ENGINE === "postgres") return pgRows<Omit<CategoryRow, "parentId">>(LISTING_SQL.tagCloud, limit);
  return stmts().tagCloud.all(limit) as Omit<CategoryRow, "parentId">[];
}

/** A category and all its descendants: a category archive includes its children's posts. */
export async function listCategoryTreeIds(termId: number): Promise<number[]> {
  if (ENGINE === "postgres") return (await pgRows<{ id: number }>(LISTING_SQL.termDescendants, termId)).map((r) => r.id);
  return (stmts().termDescendants.all(termId) as { id: number }[]).map((r) => r.id);
}

/** Months with published posts, with counts (Archives widget). Local dates, as WordPress shows. */
export async function listArchiveMonths(): Promise<{ year: number; month: number; count: number }[]> {
  if (ENGINE === "postgres") {
    // PostgreSQL selects only what is grouped: the month, split in JS.
    const rows = await queryRows<{ ym: string; count: string }>(
      rawSql(`SELECT substr(date, 1, 7) AS ym, count(*) AS count FROM posts WHERE type = 'post' AND status = 'publish'
        GROUP BY substr(date, 1, 7) ORDER BY substr(date, 1, 7) DESC`),
    );
    return rows.map((r) => ({ year: Number(r.ym.slice(0, 4)), month: Number(r.ym.slice(5, 7)), count: Number(r.count) }));
  }
  const rows = prepared(
      getDb().$client,
      `SELECT CAST(substr(date, 1, 4) AS INTEGER) AS year, CAST(substr(date, 6, 2) AS INTEGER) AS month, count(*) AS count
       FROM posts WHERE type = 'post' AND status = 'publish' GROUP BY substr(date, 1, 7) ORDER BY substr(date, 1, 7) DESC`,
    )
    .all();
  return rows as { year: number; month: number; count: number }[];
}

/**
 * Publishes scheduled posts whose time has come (WordPress needs wp-cron for this; here the next
 * read does it). Returns the ids it published so the caller can invalidate their caches.
 */
export async function publishDueScheduledPosts(nowGmt: string): Promise<number[]> {
  const due =
    ENGINE === "postgres"
      ? (await pgRows<{ id: number }>(LISTING_SQL.dueFuture, nowGmt)).map((r) => r.id)
      : (stmts().dueFuture.all(nowGmt) as { id: number }[]).map((r) => r.id);
  if (!due.length) return [];
  // Rare (a scheduled post's time came): one portable transaction.
  return withTransaction(async (tx) => {
    const published: number[] = [];
    for (const id of due) {
      if (await execute(rawSql(`UPDATE posts SET status = 'publish' WHERE id = ? AND status = 'future' AND date_gmt <= ?`, id, nowGmt), tx)) published.push(id);
    }
    if (published.length) {
      await execute(
        rawSql(
          `UPDATE terms SET count = (SELECT count(*) FROM post_terms pt JOIN posts p ON p.id = pt.post_id
             WHERE pt.term_id = terms.id AND p.status = 'publish')
           WHERE id IN (SELECT term_id FROM post_terms WHERE post_id IN ?)`,
          published,
        ),
        tx,
      );
    }
    return published;
  });
}

/** Term ids a post belongs to (for cache invalidation). */
export async function listPostTermIds(postId: number): Promise<number[]> {
  if (ENGINE === "postgres") return (await pgRows<{ id: number }>(`SELECT term_id AS id FROM post_terms WHERE post_id = ?`, postId)).map((r) => r.id);
  return (prepared(getDb().$client, `SELECT term_id AS id FROM post_terms WHERE post_id = ?`).all(postId) as { id: number }[]).map((r) => r.id);
}

/** One row of a fixed statement: prepared once per connection on SQLite, translated on PostgreSQL. */
// Key lookups of fixed text (a post, page or term by id or slug): on PostgreSQL a named statement,
// planned once per connection (an uncached page asks several of them).
async function oneRow<T>(q: string, ...params: unknown[]): Promise<T | undefined> {
  if (ENGINE === "postgres") return (await pgNamedRows<T>(q, ...params))[0];
  return prepared(getDb().$client, q).get(...params) as T | undefined;
}

/** Pages by slug path: /parent/child/ resolves child whose parent is parent. */
export async function getPageByPath(slugs: string[]): Promise<PostCard | undefined> {
  if (!slugs.length) return undefined;
  const leaf = await oneRow<RawCard>(`SELECT ${CARD} FROM posts p CROSS JOIN users u ON u.id = p.author_id WHERE p.type = 'page' AND p.slug = ?`, slugs[slugs.length - 1]);
  if (!leaf) return undefined;
  // Walk up the parents and compare with the path.
  let parentId = leaf.parentId;
  for (let i = slugs.length - 2; i >= 0; i--) {
    if (!parentId) return undefined;
    const parent = await oneRow<{ slug: string; parentId: number | null }>(`SELECT slug, parent_id AS parentId FROM posts WHERE id = ?`, parentId);
    if (!parent || parent.slug !== slugs[i]) return undefined;
    parentId = parent.parentId;
  }
  if (parentId) return undefined;
  return toCard(leaf);
}

/** The slugs from the root page down to this one. */
export async function getPageSlugPath(id: number): Promise<string[]> {
  const out: string[] = [];
  let cur: number | null = id;
  for (let depth = 0; cur && depth < 20; depth++) {
    const row: { slug: string; parentId: number | null } | undefined = await oneRow(`SELECT slug, parent_id AS parentId FROM posts WHERE id = ?`, cur);
    if (!row) break;
    out.unshift(row.slug);
    cur = row.parentId;
  }
  return out;
}

export async function getPostCard(id: number): Promise<PostCard | undefined> {
  const row = await oneRow<RawCard>(`SELECT ${CARD} FROM posts p CROSS JOIN users u ON u.id = p.author_id WHERE p.id = ?`, id);
  return row && toCard(row);
}

export async function getPostCardBySlug(type: "post" | "page", slug: string): Promise<PostCard | undefined> {
  const row = await oneRow<RawCard>(`SELECT ${CARD} FROM posts p CROSS JOIN users u ON u.id = p.author_id WHERE p.type = ? AND p.slug = ?`, type, slug);
  return row && toCard(row);
}

export async function getTermById(id: number): Promise<{ id: number; taxonomy: "category" | "post_tag"; name: string; slug: string; description: string } | undefined> {
  return oneRow(`SELECT id, taxonomy, name, slug, description FROM terms WHERE id = ?`, id) as never;
}

const contentVersionStmts = new WeakMap<Database.Database, Database.Statement>();
/**
 * A number that changes whenever a write changes what a reader can see: the content_version row
 * that drizzle/0002's triggers count up in the writing transaction itself, whichever process or
 * connection wrote (the server, a CLI import, a script). The read cache compares it per request.
 */
export async function getDataVersion(): Promise<string> {
  if (ENGINE === "postgres") {
    // Every request asks: a named statement, planned once per connection.
    const found = await pgNamedQuery<{ n: string }>(pgPool(), "SELECT n FROM content_version WHERE id = 1");
    return String(found.rows[0]?.n ?? 0);
  }
  const sqlite = getDb().$client;
  let stmt = contentVersionStmts.get(sqlite);
  if (!stmt) contentVersionStmts.set(sqlite, (stmt = sqlite.prepare("SELECT n FROM content_version WHERE id = 1").pluck()));
  return String(stmt.get() ?? 0);
}

/** Moves the content version (`inkwell cache clear`): every page cache, in every process, forgets. */
export async function bumpContentVersion(): Promise<string> {
  if (ENGINE === "postgres") {
    const row = await queryRow<{ n: string }>(rawTemplate`UPDATE content_version SET n = n + 1 WHERE id = 1 RETURNING n`);
    return String(row?.n ?? 0);
  }
  const sqlite = getDb().$client;
  return String(sqlite.prepare("UPDATE content_version SET n = n + 1 WHERE id = 1 RETURNING n").pluck().get());
}
