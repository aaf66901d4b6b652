// Comment reads for the comment feeds (all comments, one post's comments).
import { prepared } from "@/db/statements";
import { getDb } from "../client";
import { ENGINE } from "../engine";
import { newestVisible, newestVisiblePg, pgRows } from "./archives";

export interface FeedComment {
  id: number;
  authorName: string;
  content: string;
  date: string;
  dateGmt: string;
  postId: number;
  postTitle: string;
  postSlug: string;
  postDate: string;
  postType: "post" | "page";
  postParentId: number | null;
  postAuthorNicename: string;
}

const COLS = `c.id, c.author_name AS authorName, c.content, c.date, c.date_gmt AS dateGmt, c.post_id AS postId,
  p.title AS postTitle, p.slug AS postSlug, p.date AS postDate, p.type AS postType, p.parent_id AS postParentId,
  u.nicename AS postAuthorNicename`;

export const FEED_SQL = {
  // A batch of the newest approved comments, then their posts (db/queries/archives.ts, newestVisible).
  recent: `SELECT ${COLS}
    FROM (SELECT id, post_id, author_name, content, date, date_gmt FROM comments WHERE status = '1' ORDER BY date_gmt DESC, id DESC LIMIT ? OFFSET ?) c
      CROSS JOIN posts p ON p.id = c.post_id CROSS JOIN users u ON u.id = p.author_id
    WHERE p.status = 'publish' AND p.password = '' ORDER BY c.date_gmt DESC, c.id DESC`,
  forPost: `SELECT ${COLS} FROM comments c CROSS JOIN posts p ON p.id = c.post_id CROSS JOIN users u ON u.id = p.author_id
    WHERE c.post_id = ? AND c.status = '1' ORDER BY c.date_gmt DESC, c.id DESC LIMIT ?`,
} as const;

export async function listRecentApprovedComments(limit: number): Promise<FeedComment[]> {
  if (ENGINE === "postgres") return (await newestVisiblePg(FEED_SQL.recent, limit)) as FeedComment[];
  return newestVisible(prepared(getDb().$client, FEED_SQL.recent), limit) as FeedComment[];
}

export async function listPostCommentsForFeed(postId: number, limit: number): Promise<FeedComment[]> {
  if (ENGINE === "postgres") return pgRows<FeedComment>(FEED_SQL.forPost, postId, limit);
  return prepared(getDb().$client, FEED_SQL.forPost).all(postId, limit) as FeedComment[];
}

export interface SitemapPost {
  id: number;
  type: "post" | "page";
  slug: string;
  date: string;
  modifiedGmt: string;
  parentId: number | null;
  authorNicename: string;
}

export const SITEMAP_SQL = {
  count: `SELECT count(*) AS n FROM posts WHERE type = ? AND status = 'publish' AND password = ''`,
  page: `SELECT p.id, p.type, p.slug, p.date, p.modified_gmt AS modifiedGmt, p.parent_id AS parentId, u.nicename AS authorNicename
    FROM posts p CROSS JOIN users u ON u.id = p.author_id
    WHERE p.type = ? AND p.status = 'publish' AND p.password = '' ORDER BY p.date_gmt DESC, p.id DESC LIMIT ? OFFSET ?`,
  terms: `SELECT slug FROM terms WHERE taxonomy = ? AND count > 0 ORDER BY count DESC LIMIT ? OFFSET ?`,
  termsCount: `SELECT count(*) AS n FROM terms WHERE taxonomy = ? AND count > 0`,
} as const;

export async function countSitemapPosts(type: "post" | "page"): Promise<number> {
  if (ENGINE === "postgres") return Number((await pgRows<{ n: string }>(SITEMAP_SQL.count, type))[0]?.n ?? 0);
  return (prepared(getDb().$client, SITEMAP_SQL.count).get(type) as { n: number }).n;
}

export async function listSitemapPosts(type: "post" | "page", offset: number, limit: number): Promise<SitemapPost[]> {
  if (ENGINE === "postgres") return pgRows<SitemapPost>(SITEMAP_SQL.page, type, limit, offset);
  return prepared(getDb().$client, SITEMAP_SQL.page).all(type, limit, offset) as SitemapPost[];
}

export async function countSitemapTerms(taxonomy: "category" | "post_tag"): Promise<number> {
  if (ENGINE === "postgres") return Number((await pgRows<{ n: string }>(SITEMAP_SQL.termsCount, taxonomy))[0]?.n ?? 0);
  return (prepared(getDb().$client, SITEMAP_SQL.termsCount).get(taxonomy) as { n: number }).n;
}

export async function listSitemapTerms(taxonomy: "category" | "post_tag", offset: number, limit: number): Promise<string[]> {
  if (ENGINE === "postgres") return (await pgRows<{ slug: string }>(SITEMAP_SQL.terms, taxonomy, limit, offset)).map((r) => r.slug);
  return (prepared(getDb().$client, SITEMAP_SQL.terms).all(taxonomy, limit, offset) as { slug: string }[]).map((r) => r.slug);
}
