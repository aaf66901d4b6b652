// Full-text search over published posts and pages (posts_fts, kept in sync by triggers).
// The MATCH expression must come from lib/site/search-query's toFtsQuery: never raw input.
import { prepared } from "@/db/statements";
import { getDb } from "../client";
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

export async function searchPosts(ftsQuery: string, page: number, perPage: number): Promise<{ items: PostCard[]; total: number }> {
  if (!ftsQuery) return { items: [], total: 0 };
  const sqlite = getDb().$client;
  const rows = prepared(sqlite, SEARCH_SQL.page).all(ftsQuery, perPage, (page - 1) * perPage) as (Omit<PostCard, "sticky"> & { sticky: number })[];
  const total = (prepared(sqlite, SEARCH_SQL.count).get(ftsQuery) as { n: number }).n;
  return { items: rows.map((r) => ({ ...r, sticky: !!r.sticky }) as PostCard), total };
}
