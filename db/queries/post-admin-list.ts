// The Posts and Pages lists of the admin: WordPress's views with counts, search, filters by
// category, author and month, sorting and pagination.
import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { getDb } from "../client";
import { first } from "../rows";
import { postTerms, posts, users, type PostType } from "../tables";

export const POST_VIEWS = ["all", "mine", "publish", "future", "draft", "pending", "private", "trash"] as const;
export type PostView = (typeof POST_VIEWS)[number];

export interface AdminListQuery {
  type: PostType;
  view: PostView;
  search?: string;
  categoryId?: number;
  authorId?: number;
  /** "YYYY-MM" of the local date. */
  month?: string;
  orderBy: "date" | "title";
  order: "asc" | "desc";
  page: number;
  perPage: number;
  userId: number;
  /** Others' private posts stay out of the list unless the person may read them. */
  canReadOthersPrivate: boolean;
}

export interface AdminPostRow {
  id: number;
  type: PostType;
  title: string;
  slug: string;
  status: "publish" | "future" | "draft" | "pending" | "private" | "trash";
  trashedFrom: "publish" | "future" | "draft" | "pending" | "private" | "trash" | null;
  date: string;
  dateGmt: string;
  modifiedGmt: string;
  authorId: number;
  authorName: string;
  authorNicename: string;
  commentCount: number;
  version: number;
  parentId: number | null;
  menuOrder: number;
  password: string;
  sticky: boolean;
}

const rowColumns = {
  id: posts.id,
  type: posts.type,
  title: posts.title,
  slug: posts.slug,
  status: posts.status,
  trashedFrom: posts.trashedFrom,
  date: posts.date,
  dateGmt: posts.dateGmt,
  modifiedGmt: posts.modifiedGmt,
  authorId: posts.authorId,
  authorName: users.displayName,
  authorNicename: users.nicename,
  commentCount: posts.commentCount,
  version: posts.version,
  parentId: posts.parentId,
  menuOrder: posts.menuOrder,
  password: posts.password,
  sticky: posts.sticky,
};

function visibility(q: Pick<AdminListQuery, "type" | "userId" | "canReadOthersPrivate">): SQL | undefined {
  return and(eq(posts.type, q.type), q.canReadOthersPrivate ? undefined : or(ne(posts.status, "private"), eq(posts.authorId, q.userId)));
}

function viewFilter(view: PostView, userId: number): SQL | undefined {
  if (view === "all") return ne(posts.status, "trash");
  if (view === "mine") return and(ne(posts.status, "trash"), eq(posts.authorId, userId));
  return eq(posts.status, view);
}

/** LIKE without regard to case on both engines (SQLite's LIKE ignores ASCII case, PostgreSQL's does not). */
function likeAnyCase(column: SQLWrapper, pattern: string): SQL {
  return sql`lower(${column}) LIKE lower(${pattern}) ESCAPE '\\'`;
}

function filters(q: AdminListQuery): SQL | undefined {
  const search = q.search?.trim();
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : "";
  return and(
    visibility(q),
    viewFilter(q.view, q.userId),
    search ? or(likeAnyCase(posts.title, pattern), likeAnyCase(posts.content, pattern), likeAnyCase(posts.excerpt, pattern)) : undefined,
    q.categoryId ? inArray(posts.id, getDb().select({ id: postTerms.postId }).from(postTerms).where(eq(postTerms.termId, q.categoryId))) : undefined,
    q.authorId ? eq(posts.authorId, q.authorId) : undefined,
    q.month && /^\d{4}-\d{2}$/.test(q.month) ? sql`substr(${posts.date}, 1, 7) = ${q.month}` : undefined,
  );
}

export async function listAdminPosts(q: AdminListQuery): Promise<{ rows: AdminPostRow[]; total: number }> {
  const db = getDb();
  const where = filters(q);
  const dir = q.order === "asc" ? asc : desc;
  const rows = (await db
    .select(rowColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(where)
    .orderBy(...(q.orderBy === "title" ? [dir(posts.title), dir(posts.id)] : [dir(posts.dateGmt), dir(posts.id)]))
    .limit(q.perPage)
    .offset((q.page - 1) * q.perPage)) as AdminPostRow[];
  const total = (await db.select({ n: count() }).from(posts).where(where).then(first))?.n ?? 0;
  return { rows, total };
}

/** Every page matching the view, for the tree (pages are few; WordPress lists them whole too). */
export async function listAdminPagesForTree(q: Pick<AdminListQuery, "view" | "userId" | "canReadOthersPrivate" | "search">): Promise<AdminPostRow[]> {
  const search = q.search?.trim();
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : "";
  return (await getDb()
    .select(rowColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(visibility({ ...q, type: "page" }), viewFilter(q.view, q.userId), search ? likeAnyCase(posts.title, pattern) : undefined))
    .orderBy(asc(posts.menuOrder), asc(posts.title))) as AdminPostRow[];
}

/** The count beside each view: All (not trash), Mine, and one per status. */
export async function countAdminViews(q: Pick<AdminListQuery, "type" | "userId" | "canReadOthersPrivate">): Promise<Record<PostView, number>> {
  const db = getDb();
  const byStatus = await db.select({ status: posts.status, n: count() }).from(posts).where(visibility(q)).groupBy(posts.status);
  const mine = (await db.select({ n: count() }).from(posts).where(and(visibility(q), eq(posts.authorId, q.userId), ne(posts.status, "trash"))).then(first))?.n ?? 0;
  const out: Record<PostView, number> = { all: 0, mine, publish: 0, future: 0, draft: 0, pending: 0, private: 0, trash: 0 };
  for (const r of byStatus) {
    out[r.status] = r.n;
    if (r.status !== "trash") out.all += r.n;
  }
  return out;
}

/** Months that have posts, newest first, for the month filter. */
export async function listPostMonths(type: PostType): Promise<string[]> {
  const rows = await getDb()
    .selectDistinct({ m: sql<string>`substr(${posts.date}, 1, 7)` })
    .from(posts)
    .where(and(eq(posts.type, type), ne(posts.status, "trash")))
    .orderBy(desc(sql`substr(${posts.date}, 1, 7)`));
  return rows.map((r) => r.m);
}

export async function listAuthorsWithPosts(type: PostType): Promise<{ id: number; displayName: string }[]> {
  return getDb()
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(posts, and(eq(posts.authorId, users.id), eq(posts.type, type)))
    .orderBy(users.displayName);
}

/** Ownership fields of many posts at once, for bulk actions. */
export async function getPostsOwnership(ids: number[]) {
  if (!ids.length) return [];
  return getDb()
    .select({ id: posts.id, authorId: posts.authorId, status: posts.status, trashedFrom: posts.trashedFrom, type: posts.type, title: posts.title })
    .from(posts)
    .where(inArray(posts.id, ids));
}
