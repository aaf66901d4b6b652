// Reads for the read-only WordPress REST API (/wp-json/wp/v2/...). Everything here is what an
// anonymous visitor may see: published posts and pages, approved comments on them, terms, and
// the public face of users who have published something. Never drafts, private posts, emails,
// logins or hashes.
import { queryRow, queryRows, rawSql } from "../index";

// Raw SQL with ? placeholders, written to run on both engines: camelCase aliases are double-quoted
// (PostgreSQL folds unquoted ones to lower case), LIKE compares lower() with lower() (SQLite's
// ignores ASCII case, PostgreSQL's does not), and counts come back as numbers.
const selectRows = <T>(text: string, ...args: unknown[]) => queryRows<T>(rawSql(text, ...args));
const selectOne = <T>(text: string, ...args: unknown[]) => queryRow<T>(rawSql(text, ...args));
const countOf = async (text: string, ...args: unknown[]) => Number((await selectOne<{ n: number | string }>(text, ...args))?.n ?? 0);
/** ORDER BY the position of `col` in `ids` (WordPress's orderby=include), as a CASE both engines read. */
const byPosition = (col: string, ids: number[]) => `CASE ${col} ${ids.map((id, i) => `WHEN ${Math.trunc(id)} THEN ${i}`).join(" ")} ELSE ${ids.length} END`;

export interface RestPostRow {
  id: number; type: "post" | "page"; status: string; title: string; slug: string; content: string; excerpt: string;
  password: string; parentId: number | null; menuOrder: number; sticky: number; commentStatus: string; pingStatus: string;
  authorId: number; authorNicename: string; featuredMediaId: number | null; date: string; dateGmt: string; modified: string;
  modifiedGmt: string; guid: string;
}

export interface RestPostQuery {
  type: "post" | "page";
  page: number;
  perPage: number;
  search?: string;
  categories?: number[];
  tags?: number[];
  author?: number[];
  slug?: string[];
  include?: number[];
  exclude?: number[];
  parent?: number[];
  sticky?: boolean;
  order: "asc" | "desc";
  orderby: "date" | "id" | "title" | "slug" | "modified" | "menu_order" | "include";
}

const POST_COLUMNS = `p.id, p.type, p.status, p.title, p.slug, p.content, p.excerpt, p.password, p.parent_id AS "parentId",
  p.menu_order AS "menuOrder", p.sticky, p.comment_status AS "commentStatus", p.ping_status AS "pingStatus", p.author_id AS "authorId",
  u.nicename AS "authorNicename", p.featured_media_id AS "featuredMediaId", p.date, p.date_gmt AS "dateGmt", p.modified,
  p.modified_gmt AS "modifiedGmt", p.guid`;

const placeholders = (n: number) => Array(n).fill("?").join(",");
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => "\\" + c);

/** Published posts or pages matching WordPress's collection parameters, with the total. */
export async function listRestPosts(q: RestPostQuery): Promise<{ rows: RestPostRow[]; total: number }> {
  const where = ["p.type = ?", "p.status = 'publish'"];
  const args: unknown[] = [q.type];
  if (q.search) {
    const like = `%${escapeLike(q.search)}%`;
    where.push("(lower(p.title) LIKE lower(?) ESCAPE '\\' OR (p.password = '' AND (lower(p.content) LIKE lower(?) ESCAPE '\\' OR lower(p.excerpt) LIKE lower(?) ESCAPE '\\')))");
    args.push(like, like, like);
  }
  for (const [ids, taxonomy] of [[q.categories, "category"], [q.tags, "post_tag"]] as const) {
    if (ids?.length) {
      where.push(`p.id IN (SELECT pt.post_id FROM post_terms pt JOIN terms t ON t.id = pt.term_id WHERE t.taxonomy = ? AND t.id IN (${placeholders(ids.length)}))`);
      args.push(taxonomy, ...ids);
    }
  }
  if (q.author?.length) {
    where.push(`p.author_id IN (${placeholders(q.author.length)})`);
    args.push(...q.author);
  }
  if (q.slug?.length) {
    where.push(`p.slug IN (${placeholders(q.slug.length)})`);
    args.push(...q.slug);
  }
  if (q.include?.length) {
    where.push(`p.id IN (${placeholders(q.include.length)})`);
    args.push(...q.include);
  }
  if (q.exclude?.length) {
    where.push(`p.id NOT IN (${placeholders(q.exclude.length)})`);
    args.push(...q.exclude);
  }
  if (q.parent?.length) {
    where.push(`coalesce(p.parent_id, 0) IN (${placeholders(q.parent.length)})`);
    args.push(...q.parent);
  }
  if (q.sticky !== undefined) where.push(q.sticky ? "p.sticky" : "NOT p.sticky");
  const dir = q.order === "asc" ? "ASC" : "DESC";
  const orderBy =
    q.orderby === "include" && q.include?.length
      ? `${byPosition("p.id", q.include)} ${dir}`
      : ({ date: `p.date_gmt ${dir}, p.id ${dir}`, id: `p.id ${dir}`, title: `lower(p.title) ${dir}, p.id ${dir}`, slug: `p.slug ${dir}`,
          modified: `p.modified_gmt ${dir}, p.id ${dir}`, menu_order: `p.menu_order ${dir}, p.id ${dir}`, include: `p.date_gmt ${dir}` } as const)[q.orderby];
  const sql = `FROM posts p JOIN users u ON u.id = p.author_id WHERE ${where.join(" AND ")}`;
  const total = await countOf(`SELECT count(*) AS n ${sql}`, ...args);
  const rows = await selectRows<RestPostRow>(
    `SELECT ${POST_COLUMNS} ${sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
    ...args, q.perPage, (q.page - 1) * q.perPage,
  );
  return { rows, total };
}

/** One published post or page by ID (of the given type), else undefined. */
export async function getRestPost(type: "post" | "page", id: number): Promise<RestPostRow | undefined> {
  return selectOne<RestPostRow>(`SELECT ${POST_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = ? AND p.type = ? AND p.status = 'publish'`, id, type);
}

/** Term IDs of each post, by taxonomy. */
export async function listRestPostTerms(postIds: number[]): Promise<Map<number, { categories: number[]; tags: number[] }>> {
  const out = new Map<number, { categories: number[]; tags: number[] }>();
  if (!postIds.length) return out;
  const rows = await selectRows<{ postId: number; id: number; taxonomy: string }>(
    `SELECT pt.post_id AS "postId", t.id, t.taxonomy FROM post_terms pt JOIN terms t ON t.id = pt.term_id WHERE pt.post_id IN (${placeholders(postIds.length)}) ORDER BY t.id`,
    ...postIds,
  );
  for (const id of postIds) out.set(id, { categories: [], tags: [] });
  for (const r of rows) (r.taxonomy === "category" ? out.get(r.postId)!.categories : out.get(r.postId)!.tags).push(r.id);
  return out;
}

/** The chain of parent slugs of pages, for their nested links. */
export async function getPageAncestorSlugs(parentId: number | null): Promise<string[]> {
  const slugs: string[] = [];
  for (let id = parentId, guard = 0; id && guard < 50; guard++) {
    const row = await selectOne<{ slug: string; parentId: number | null }>(`SELECT slug, parent_id AS "parentId" FROM posts WHERE id = ? AND type = 'page'`, id);
    if (!row) break;
    slugs.unshift(row.slug);
    id = row.parentId;
  }
  return slugs;
}

export interface RestTermRow {
  id: number; taxonomy: "category" | "post_tag"; name: string; slug: string; description: string; parentId: number | null; count: number;
}

export interface RestTermQuery {
  taxonomy: "category" | "post_tag";
  page: number;
  perPage: number;
  search?: string;
  slug?: string[];
  include?: number[];
  exclude?: number[];
  parent?: number;
  post?: number;
  hideEmpty?: boolean;
  order: "asc" | "desc";
  orderby: "name" | "id" | "slug" | "count" | "description" | "include";
}

export async function listRestTerms(q: RestTermQuery): Promise<{ rows: RestTermRow[]; total: number }> {
  const where = ["t.taxonomy = ?"];
  const args: unknown[] = [q.taxonomy];
  if (q.search) {
    const like = `%${escapeLike(q.search)}%`;
    where.push("(lower(t.name) LIKE lower(?) ESCAPE '\\' OR lower(t.slug) LIKE lower(?) ESCAPE '\\')");
    args.push(like, like);
  }
  if (q.slug?.length) {
    where.push(`t.slug IN (${placeholders(q.slug.length)})`);
    args.push(...q.slug);
  }
  if (q.include?.length) {
    where.push(`t.id IN (${placeholders(q.include.length)})`);
    args.push(...q.include);
  }
  if (q.exclude?.length) {
    where.push(`t.id NOT IN (${placeholders(q.exclude.length)})`);
    args.push(...q.exclude);
  }
  if (q.parent !== undefined) {
    where.push("coalesce(t.parent_id, 0) = ?");
    args.push(q.parent);
  }
  if (q.post !== undefined) {
    // Terms of a post only when the post itself is public.
    where.push("t.id IN (SELECT pt.term_id FROM post_terms pt JOIN posts p ON p.id = pt.post_id WHERE pt.post_id = ? AND p.status = 'publish')");
    args.push(q.post);
  }
  if (q.hideEmpty) where.push("t.count > 0");
  const dir = q.order === "desc" ? "DESC" : "ASC";
  const orderBy = { name: `lower(t.name) ${dir}`, id: `t.id ${dir}`, slug: `t.slug ${dir}`, count: `t.count ${dir}`, description: `t.description ${dir}`, include: `t.id ${dir}` }[q.orderby];
  const sql = `FROM terms t WHERE ${where.join(" AND ")}`;
  const total = await countOf(`SELECT count(*) AS n ${sql}`, ...args);
  const rows = await selectRows<RestTermRow>(
    `SELECT t.id, t.taxonomy, t.name, t.slug, t.description, t.parent_id AS "parentId", t.count ${sql} ORDER BY ${orderBy}, t.id ASC LIMIT ? OFFSET ?`,
    ...args, q.perPage, (q.page - 1) * q.perPage,
  );
  return { rows, total };
}

export async function getRestTerm(taxonomy: "category" | "post_tag", id: number): Promise<RestTermRow | undefined> {
  return selectOne<RestTermRow>('SELECT id, taxonomy, name, slug, description, parent_id AS "parentId", count FROM terms WHERE id = ? AND taxonomy = ?', id, taxonomy);
}

/** The public face of a user: never login, email, role or password hash. */
export interface RestUserRow {
  id: number; displayName: string; nicename: string; url: string; bio: string;
}

// WordPress shows anonymous visitors only users who have published posts or pages.
const PUBLISHED_AUTHOR = "EXISTS (SELECT 1 FROM posts p WHERE p.author_id = u.id AND p.status = 'publish')";

export async function listRestUsers(q: { page: number; perPage: number; search?: string; slug?: string[]; include?: number[]; order: "asc" | "desc"; orderby: "name" | "id" | "slug" }): Promise<{ rows: RestUserRow[]; total: number }> {
  const where = [PUBLISHED_AUTHOR];
  const args: unknown[] = [];
  if (q.search) {
    const like = `%${escapeLike(q.search)}%`;
    where.push("(lower(u.display_name) LIKE lower(?) ESCAPE '\\' OR lower(u.nicename) LIKE lower(?) ESCAPE '\\')");
    args.push(like, like);
  }
  if (q.slug?.length) {
    where.push(`u.nicename IN (${placeholders(q.slug.length)})`);
    args.push(...q.slug);
  }
  if (q.include?.length) {
    where.push(`u.id IN (${placeholders(q.include.length)})`);
    args.push(...q.include);
  }
  const dir = q.order === "desc" ? "DESC" : "ASC";
  const orderBy = { name: `lower(u.display_name) ${dir}`, id: `u.id ${dir}`, slug: `u.nicename ${dir}` }[q.orderby];
  const sql = `FROM users u WHERE ${where.join(" AND ")}`;
  const total = await countOf(`SELECT count(*) AS n ${sql}`, ...args);
  const rows = await selectRows<RestUserRow>(
    `SELECT u.id, u.display_name AS "displayName", u.nicename, u.url, u.bio ${sql} ORDER BY ${orderBy}, u.id ASC LIMIT ? OFFSET ?`,
    ...args, q.perPage, (q.page - 1) * q.perPage,
  );
  return { rows, total };
}

export async function getRestUser(id: number): Promise<RestUserRow | undefined> {
  return selectOne<RestUserRow>(`SELECT u.id, u.display_name AS "displayName", u.nicename, u.url, u.bio FROM users u WHERE u.id = ? AND ${PUBLISHED_AUTHOR}`, id);
}

export interface RestCommentRow {
  id: number; postId: number; parentId: number | null; type: string; authorName: string; authorUrl: string; avatarKey: string;
  userId: number | null; content: string; date: string; dateGmt: string; postSlug: string; postDate: string; postType: "post" | "page";
  postNicename: string;
}

// Approved comments on published posts that have no password (WordPress hides those from the API).
const VISIBLE_COMMENT = "c.status = '1' AND p.status = 'publish' AND p.password = ''";

export async function listRestComments(q: { page: number; perPage: number; post?: number[]; parent?: number[]; search?: string; order: "asc" | "desc"; orderby: "date" | "date_gmt" | "id" }): Promise<{ rows: RestCommentRow[]; total: number }> {
  const where = [VISIBLE_COMMENT];
  const args: unknown[] = [];
  if (q.post?.length) {
    where.push(`c.post_id IN (${placeholders(q.post.length)})`);
    args.push(...q.post);
  }
  if (q.parent?.length) {
    where.push(`coalesce(c.parent_id, 0) IN (${placeholders(q.parent.length)})`);
    args.push(...q.parent);
  }
  if (q.search) {
    const like = `%${escapeLike(q.search)}%`;
    where.push("(lower(c.content) LIKE lower(?) ESCAPE '\\' OR lower(c.author_name) LIKE lower(?) ESCAPE '\\')");
    args.push(like, like);
  }
  const dir = q.order === "asc" ? "ASC" : "DESC";
  const orderBy = q.orderby === "id" ? `c.id ${dir}` : `c.date_gmt ${dir}, c.id ${dir}`;
  const sql = `FROM comments c JOIN posts p ON p.id = c.post_id JOIN users u ON u.id = p.author_id WHERE ${where.join(" AND ")}`;
  const total = await countOf(`SELECT count(*) AS n ${sql}`, ...args);
  const rows = await selectRows<RestCommentRow>(
    `SELECT c.id, c.post_id AS "postId", c.parent_id AS "parentId", c.type, c.author_name AS "authorName", c.author_url AS "authorUrl",
         lower(trim(c.author_email)) AS "avatarKey", c.user_id AS "userId", c.content, c.date, c.date_gmt AS "dateGmt",
         p.slug AS "postSlug", p.date AS "postDate", p.type AS "postType", u.nicename AS "postNicename"
       ${sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
    ...args, q.perPage, (q.page - 1) * q.perPage,
  );
  return { rows, total };
}

export async function getRestComment(id: number): Promise<RestCommentRow | undefined> {
  return selectOne<RestCommentRow>(`SELECT c.id, c.post_id AS "postId", c.parent_id AS "parentId", c.type, c.author_name AS "authorName", c.author_url AS "authorUrl",
         lower(trim(c.author_email)) AS "avatarKey", c.user_id AS "userId", c.content, c.date, c.date_gmt AS "dateGmt",
         p.slug AS "postSlug", p.date AS "postDate", p.type AS "postType", u.nicename AS "postNicename"
       FROM comments c JOIN posts p ON p.id = c.post_id JOIN users u ON u.id = p.author_id WHERE c.id = ? AND ${VISIBLE_COMMENT}`, id);
}
