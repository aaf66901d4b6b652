// Reads behind the Pages and Calendar widgets. Dates are the posts' local dates, as WordPress's
// get_calendar reads post_date.
import { prepared } from "@/db/statements";
import { getDb } from "../client";

export interface WidgetPage {
  id: number;
  title: string;
  slug: string;
  date: string;
  parentId: number | null;
  menuOrder: number;
}

const PAGE_ORDER = { post_title: "title COLLATE NOCASE, id", menu_order: "menu_order, title COLLATE NOCASE, id", ID: "id" } as const;

/** Published pages in the Pages widget's order (WordPress's wp_list_pages sort_column). */
export async function listWidgetPages(sortby: keyof typeof PAGE_ORDER): Promise<WidgetPage[]> {
  const order = PAGE_ORDER[sortby] ?? PAGE_ORDER.post_title;
  return prepared(
    getDb().$client,
    `SELECT id, title, slug, date, parent_id AS parentId, menu_order AS menuOrder FROM posts
     WHERE type = 'page' AND status = 'publish' ORDER BY ${order} LIMIT 1000`,
  ).all() as WidgetPage[];
}

/** The published posts of one month, by day (local date "YYYY-MM"), with their titles. */
export async function listCalendarPosts(yearMonth: string): Promise<{ day: number; title: string }[]> {
  return prepared(
    getDb().$client,
    `SELECT CAST(substr(date, 9, 2) AS INTEGER) AS day, title FROM posts
     WHERE type = 'post' AND status = 'publish' AND date >= ? AND date < ? ORDER BY date, id`,
  ).all(`${yearMonth}-01`, `${yearMonth}-32`) as { day: number; title: string }[];
}

/** The nearest months before and after `yearMonth` that have published posts ("YYYY-MM"). */
export async function getCalendarNeighbours(yearMonth: string): Promise<{ previous?: string; next?: string }> {
  const sqlite = getDb().$client;
  const prev = prepared(sqlite, `SELECT substr(date, 1, 7) AS ym FROM posts WHERE type = 'post' AND status = 'publish' AND date < ? ORDER BY date DESC LIMIT 1`)
    .get(`${yearMonth}-01`) as { ym: string } | undefined;
  const next = prepared(sqlite, `SELECT substr(date, 1, 7) AS ym FROM posts WHERE type = 'post' AND status = 'publish' AND date >= ? ORDER BY date ASC LIMIT 1`)
    .get(`${yearMonth}-32`) as { ym: string } | undefined;
  return { previous: prev?.ym, next: next?.ym };
}
