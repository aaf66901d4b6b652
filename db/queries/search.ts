// Full-text search over published posts and pages (posts_fts, kept in sync by triggers).
// The MATCH expression must come from lib/site/search-query's toFtsQuery: never raw input.
// On PostgreSQL: the weighted tsvector of drizzle-pg/0001, verbatim so that its GIN index serves
// the match, ranked by ts_rank with the same 10:1 title weight, each result with a ts_headline
// snippet.
import { prepared } from "@/db/statements";
import { getDb } from "../client";
import { ENGINE } from "../engine";
import { queryRows, sql } from "../index";
import type { PostCard } from "./posts";

export const SEARCH_SQL = {
  // bm25 weights: a word in the title counts ten times one in the body.
  page: `SELECT p.id, p.type, p.status, p.title, p.slug, p.content, p.excerpt, p.password, p.sticky, p.date,
      p.date_gmt AS dateGmt, p.modified_gmt AS modifiedGmt, p.comment_count AS commentCount,
      p.comment_status AS commentStatus, p.ping_status AS pingStatus, p.parent_id AS parentId,
      p.author_id AS authorId, p.featured_media_id AS featuredMediaId, u.display_name AS authorName, u.nicename AS authorNicename
    FROM posts_fts f JOIN posts p ON p.id = f.rowid JOIN users u ON u.id = p.author_id
    WHERE posts_fts MATCH ? AND p.status = 'publish' AND p.type IN ('post', 'page') AND p.password = ''
    ORDER BY bm25(posts_fts, 10.0, 1.0), p.date_gmt DESC LIMIT ? OFFSET ?`,
  count: `SELECT count(*) AS n FROM posts_fts f JOIN posts p ON p.id = f.rowid
    WHERE posts_fts MATCH ? AND p.status = 'publish' AND p.type IN ('post', 'page') AND p.password = ''`,
} as const;

/** A search result; on PostgreSQL it carries ts_headline's snippet of the body (tags stripped, matches between ⟦mark⟧ and ⟦/mark⟧: lib/site/search-query.ts markedSnippet). */
export type SearchHit = PostCard & { snippet?: string };

export async function searchPosts(ftsQuery: string, page: number, perPage: number): Promise<{ items: SearchHit[]; total: number }> {
  if (!ftsQuery) return { items: [], total: 0 };
  if (ENGINE === "postgres") return searchPostsPg(ftsQuery, page, perPage);
  const sqlite = getDb().$client;
  const rows = prepared(sqlite, SEARCH_SQL.page).all(ftsQuery, perPage, (page - 1) * perPage) as (Omit<PostCard, "sticky"> & { sticky: number })[];
  const total = (prepared(sqlite, SEARCH_SQL.count).get(ftsQuery) as { n: number }).n;
  return { items: rows.map((r) => ({ ...r, sticky: !!r.sticky }) as PostCard), total };
}

// The stored tsvector of drizzle-pg/0013 (title A, content B) that the posts_fts index covers.
const PG_VECTOR = sql.raw(`p.search_vector`);

/** The words of toFtsQuery's output (quoted words, the last one a prefix) as a PostgreSQL tsquery. */
function pgTsQuery(ftsQuery: string) {
  // Only word characters survive toFtsQuery; take them again here so that nothing else can reach
  // the tsquery whatever string a caller passes.
  const words = (ftsQuery.normalize("NFC").match(/[\p{L}\p{M}\p{N}_]+/gu) ?? []).slice(0, 12).map((w) => w.slice(0, 64));
  if (!words.length) return undefined;
  const last = words[words.length - 1]!;
  const prefix = /\*\s*$/.test(ftsQuery);
  // Every word must match (plainto_tsquery ANDs them); the last one as a prefix, as FTS5's "word"*.
  // A quoted lexeme in to_tsquery is parsed as text, never as operators.
  const head = words.slice(0, prefix ? -1 : undefined).join(" ");
  const parts = [];
  if (head) parts.push(sql`plainto_tsquery('inkwell', ${head})`);
  if (prefix) parts.push(sql`to_tsquery('inkwell', ${`'${last}':*`})`);
  return sql.join(parts, sql` && `);
}

async function searchPostsPg(ftsQuery: string, page: number, perPage: number): Promise<{ items: SearchHit[]; total: number }> {
  const q = pgTsQuery(ftsQuery);
  if (!q) return { items: [], total: 0 };
  const where = sql`${PG_VECTOR} @@ query AND p.status = 'publish' AND p.type IN ('post', 'page') AND p.password = ''`;
  const rows = await queryRows<SearchHit & { sticky: boolean }>(sql`
    SELECT p.id, p.type, p.status, p.title, p.slug, p.content, p.excerpt, p.password, p.sticky, p.date,
      p.date_gmt AS "dateGmt", p.modified_gmt AS "modifiedGmt", p.comment_count AS "commentCount",
      p.comment_status AS "commentStatus", p.ping_status AS "pingStatus", p.parent_id AS "parentId",
      p.author_id AS "authorId", p.featured_media_id AS "featuredMediaId", u.display_name AS "authorName", u.nicename AS "authorNicename",
      ts_headline('inkwell', regexp_replace(p.content, '<[^>]*>', ' ', 'g'), query, 'StartSel=⟦mark⟧, StopSel=⟦/mark⟧, MaxFragments=1, MaxWords=35, MinWords=15') AS snippet
    FROM posts p JOIN users u ON u.id = p.author_id, (SELECT ${q} AS query) tsq
    WHERE ${where}
    ORDER BY ts_rank('{0, 0, 0.1, 1.0}', ${PG_VECTOR}, query) DESC, p.date_gmt DESC, p.id DESC
    LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`);
  const total = await queryRows<{ n: string }>(sql`SELECT count(*) AS n FROM posts p, (SELECT ${q} AS query) tsq WHERE ${where}`);
  return { items: rows.map((r) => ({ ...r, sticky: !!r.sticky })), total: Number(total[0]?.n ?? 0) };
}
