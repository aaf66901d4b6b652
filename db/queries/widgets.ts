// Reads behind the Pages and Calendar widgets. Dates are the posts' local dates, as WordPress's
// get_calendar reads post_date.
import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { first } from "../rows";
import { posts } from "../tables";

export interface WidgetPage {
  id: number;
  title: string;
  slug: string;
  date: string;
  parentId: number | null;
  menuOrder: number;
}

// lower(): SQLite's COLLATE NOCASE (ASCII case folded), on both engines.
const byTitle = [asc(sql`lower(${posts.title})`), asc(posts.id)];
const PAGE_ORDER = { post_title: byTitle, menu_order: [asc(posts.menuOrder), ...byTitle], ID: [asc(posts.id)] } as const;

const isPublished = (type: "post" | "page") => and(eq(posts.type, type), eq(posts.status, "publish"));

/** Published pages in the Pages widget's order (WordPress's wp_list_pages sort_column). */
export async function listWidgetPages(sortby: keyof typeof PAGE_ORDER): Promise<WidgetPage[]> {
  const order = PAGE_ORDER[sortby] ?? PAGE_ORDER.post_title;
  return getDb()
    .select({ id: posts.id, title: posts.title, slug: posts.slug, date: posts.date, parentId: posts.parentId, menuOrder: posts.menuOrder })
    .from(posts)
    .where(isPublished("page"))
    .orderBy(...order)
    .limit(1000);
}

/** The published posts of one month, by day (local date "YYYY-MM"), with their titles. */
export async function listCalendarPosts(yearMonth: string): Promise<{ day: number; title: string }[]> {
  const rows = await getDb()
    .select({ date: posts.date, title: posts.title })
    .from(posts)
    .where(and(isPublished("post"), gte(posts.date, `${yearMonth}-01`), lt(posts.date, `${yearMonth}-32`)))
    .orderBy(asc(posts.date), asc(posts.id));
  return rows.map((r) => ({ day: Number(r.date.slice(8, 10)), title: r.title }));
}

/** The nearest months before and after `yearMonth` that have published posts ("YYYY-MM"). */
export async function getCalendarNeighbours(yearMonth: string): Promise<{ previous?: string; next?: string }> {
  const db = getDb();
  const prev = await db.select({ date: posts.date }).from(posts).where(and(isPublished("post"), lt(posts.date, `${yearMonth}-01`))).orderBy(desc(posts.date)).limit(1).then(first);
  const next = await db.select({ date: posts.date }).from(posts).where(and(isPublished("post"), gte(posts.date, `${yearMonth}-32`))).orderBy(asc(posts.date)).limit(1).then(first);
  return { previous: prev?.date.slice(0, 7), next: next?.date.slice(0, 7) };
}
