// Importing a WordPress export (WXR). The file is first read whole (streaming, so memory grows
// with the content, not with the XML), then written in ONE transaction: a file that breaks
// anywhere imports nothing. Importing the same file again adds nothing: each imported post,
// comment and attachment remembers its WordPress ID (post_meta / comment_meta `_wp_import_id`,
// media.original_url), terms are matched by taxonomy and slug, users by login.
import { findUniqueSlug } from "@/lib/content/slug";
import type Database from "better-sqlite3";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { ENGINE } from "../engine";
import { execute, queryRow, queryRows } from "../index";
import { first, only } from "../rows";
import { withLongTransaction } from "../transaction";
import { comments, commentMeta, media, options, postMeta, posts, postTerms, terms, users, type NewComment, type NewPost, type PostType } from "../tables";
import { parseWxr } from "@/lib/wxr/parse";
import { WxrError, type WxrAuthor, type WxrComment, type WxrItem, type WxrSite, type WxrTerm } from "@/lib/wxr/types";
import { slugify } from "@/lib/content/slug";
import { localToDate, nowGmt, toSqlGmt, toSqlLocal, isValidLocal } from "@/lib/dates";
import { OPTION_DEFAULTS, type Options } from "@/lib/options/defaults";
import { menusFromWxr } from "@/lib/wxr/menus";
import { importWxrMenus } from "./menu-import";

export const IMPORT_ID_KEY = "_wp_import_id";
export const OLD_PERMALINK_KEY = "_wp_old_permalink";
/** A password hash no password matches: imported authors must reset theirs. */
export const UNUSABLE_PASSWORD = "!imported-no-password";

export type ImportPhase = "reading" | "writing" | "done" | "failed";

export interface ImportProgress {
  phase: ImportPhase;
  /** Bytes read (reading) or items written (writing). */
  done: number;
  total: number;
}

export interface ImportReport {
  site: WxrSite;
  /** What arrived: new rows, by kind (users, categories, tags, posts, pages, attachments, comments). */
  created: Record<string, number>;
  /** Already there from an earlier import of the same content, left as it was. */
  unchanged: Record<string, number>;
  /** Users from the file that were matched to existing accounts. */
  mappedUsers: number;
  /** What did not arrive and why. */
  skipped: { reason: string; count: number }[];
  /** What the reader of the source wants said (a live site read without credentials, settings copied). */
  notes: string[];
}

export interface ImportOptions {
  /** Old login → existing login (from --author-map or the import form). */
  authorMap?: Record<string, string>;
  /** Who gets posts whose author is unknown or empty (the importing user). */
  fallbackAuthorId: number;
  /** Total bytes of the input, for progress. */
  totalBytes?: number;
  onProgress?(p: ImportProgress): void;
}

export class WxrImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WxrImportError";
  }
}

export interface ParsedWxr {
  site: WxrSite;
  authors: WxrAuthor[];
  terms: WxrTerm[];
  items: WxrItem[];
  /** Settings to write in the same transaction (a live site's title, permalinks…), already validated. */
  options?: Partial<Options>;
  notes?: string[];
}

/** Reads a WXR byte stream fully; throws WxrError (with line and column) if it is not readable WXR. */
export async function readWxr(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, onBytes?: (n: number) => void): Promise<ParsedWxr> {
  const authors: WxrAuthor[] = [];
  const terms: WxrTerm[] = [];
  const items: WxrItem[] = [];
  const site = await parseWxr(input, { author: (a) => authors.push(a), term: (t) => terms.push(t), item: (i) => items.push(i) }, { onBytes });
  return { site, authors, terms, items };
}

/** Parses then imports; the whole write is one transaction. */
export async function importWxr(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, opts: ImportOptions): Promise<ImportReport> {
  const total = opts.totalBytes ?? 0;
  opts.onProgress?.({ phase: "reading", done: 0, total });
  const parsed = await readWxr(input, (n) => opts.onProgress?.({ phase: "reading", done: n, total: Math.max(total, n) }));
  return await writeWxr(parsed, opts);
}

const decodeSlug = (s: string) => {
  // WordPress stores non-ASCII slugs percent-encoded; Inkwell keeps them as text.
  try {
    return decodeURIComponent(s).normalize("NFC").toLowerCase();
  } catch {
    return s.toLowerCase();
  }
};

const ZERO_DATE = /^0000-00-00/;
const POST_STATUSES = new Set(["publish", "future", "draft", "pending", "private", "trash"]);
const COMMENT_STATUSES = new Set(["0", "1", "spam", "trash", "post-trashed"]);
const COMMENT_TYPES = new Set(["comment", "trackback", "pingback", "webmention"]);
// WordPress's record of a trashed post's earlier status: it becomes posts.trashed_from, by which
// capabilities judge the post and to which Restore returns it.
export const TRASH_STATUS_KEY = "_wp_trash_meta_status";
const SKIPPED_META = new Set(["_edit_lock", "_edit_last", IMPORT_ID_KEY, OLD_PERMALINK_KEY, TRASH_STATUS_KEY]);
const MIME_BY_EXT: Record<string, string> = {
  jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", gif: "image/gif", webp: "image/webp", avif: "image/avif",
  svg: "image/svg+xml", pdf: "application/pdf", mp3: "audio/mpeg", m4a: "audio/mp4", ogg: "audio/ogg", wav: "audio/wav",
  mp4: "video/mp4", m4v: "video/mp4", webm: "video/webm", mov: "video/quicktime", zip: "application/zip", txt: "text/plain",
  doc: "application/msword", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** The old address of an imported post, as stored and as looked up: decoded path, plus the query for plain links. */
export function normalizeOldPath(input: string): string {
  let u: URL;
  try {
    u = new URL(input, "http://old.invalid");
  } catch {
    return "";
  }
  let path = u.pathname;
  try {
    path = decodeURIComponent(path).normalize("NFC");
  } catch {
    // keep it encoded
  }
  if (!path.endsWith("/") && !/\.[a-z0-9]{1,5}$/i.test(path)) path += "/";
  const params = new URLSearchParams(u.search);
  for (const key of ["p", "page_id", "attachment_id"]) {
    const v = params.get(key);
    if (v && /^\d+$/.test(v)) return `${path}?${key}=${v}`;
  }
  return path;
}

class Counter {
  created: Record<string, number> = {};
  unchanged: Record<string, number> = {};
  skipped = new Map<string, number>();
  mapped = new Set<string>();
  add(kind: string, n = 1) {
    this.created[kind] = (this.created[kind] ?? 0) + n;
  }
  same(kind: string, n = 1) {
    this.unchanged[kind] = (this.unchanged[kind] ?? 0) + n;
  }
  skip(reason: string, n = 1) {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + n);
  }
}

async function readTimeZone(): Promise<string> {
  const row = await getDb().select({ value: options.value }).from(options).where(eq(options.name, "timezone_string")).then(first);
  try {
    return row ? (JSON.parse(row.value) as string) || "UTC" : OPTION_DEFAULTS.timezone_string;
  } catch {
    return "UTC";
  }
}

/** Local and GMT dates from what the file gives (WordPress leaves GMT zeroed on drafts). */
function resolveDates(local: string, gmt: string, fallbackRfc822: string, tz: string): { local: string; gmt: string } {
  const okLocal = !!local && !ZERO_DATE.test(local) && isValidLocal(local);
  const okGmt = !!gmt && !ZERO_DATE.test(gmt) && isValidLocal(gmt);
  if (okLocal && okGmt) return { local: local.replace("T", " ").slice(0, 19), gmt: gmt.replace("T", " ").slice(0, 19) };
  if (okLocal) return { local: local.replace("T", " ").slice(0, 19), gmt: toSqlGmt(localToDate(local, tz)) };
  if (okGmt) return { local: toSqlLocal(new Date(gmt.replace(" ", "T") + "Z"), tz), gmt: gmt.slice(0, 19) };
  const d = fallbackRfc822 ? new Date(fallbackRfc822) : null;
  if (d && !Number.isNaN(d.getTime())) return { local: toSqlLocal(d, tz), gmt: toSqlGmt(d) };
  const now = nowGmt();
  return { local: toSqlLocal(new Date(now.replace(" ", "T") + "Z"), tz), gmt: now };
}

type IdRow = { id: number };

/** What the import asks of the database: one implementation per engine (see writeWxr). */
interface ImportQueries {
  userByLogin(login: string): Promise<IdRow | undefined>;
  userByEmail(email: string): Promise<IdRow | undefined>;
  userByNicename(nicename: string): Promise<IdRow | undefined>;
  insertUser(login: string, email: string, displayName: string, nicename: string, passwordHash: string): Promise<IdRow>;
  termBySlug(taxonomy: "category" | "post_tag", slug: string): Promise<{ id: number; parentId: number | null } | undefined>;
  insertTerm(taxonomy: "category" | "post_tag", name: string, slug: string, description: string): Promise<IdRow>;
  setTermParent(parentId: number, id: number): Promise<unknown>;
  importedPosts(): Promise<{ id: number; wpId: string; guid: string; title: string }[]>;
  /** Which of these post IDs are in use. */
  takenPostIds(ids: number[]): Promise<Set<number>>;
  slugTaken(type: PostType, slug: string): Promise<boolean>;
  /** Which of these slugs the posts of this type already use. */
  takenSlugs(type: PostType, slugs: string[]): Promise<Set<string>>;
  /** Makes sure rows written without an ID are never given one up to `id` (PostgreSQL's sequences). */
  reserveIds(table: "posts" | "comments", id: number): Promise<void>;
  insertPost(values: NewPost): Promise<IdRow>;
  setPostParent(parentId: number, id: number): Promise<unknown>;
  setFeatured(featuredMediaId: number, id: number): Promise<unknown>;
  insertPostMeta(postId: number, key: string, value: string): Promise<unknown>;
  linkTerm(postId: number, termId: number): Promise<unknown>;
  mediaByUrl(url: string): Promise<IdRow | undefined>;
  insertMedia(values: typeof media.$inferInsert): Promise<IdRow>;
  setMediaPost(postId: number, id: number): Promise<unknown>;
  existingComments(postId: number): Promise<{ id: number; authorName: string; date: string; content: string; wpId: string | null }[]>;
  allPostKeys(): Promise<{ id: number; type: string; title: string; date: string }[]>;
  /** Which of these comment IDs are in use. */
  takenCommentIds(ids: number[]): Promise<Set<number>>;
  /** Inserts the rows in order and returns their IDs in the same order. */
  insertComments(values: NewComment[]): Promise<number[]>;
  insertCommentMeta(commentId: number, key: string, value: string): Promise<unknown>;
  setCommentParent(parentId: number, id: number): Promise<unknown>;
  recountComments(ids: number[]): Promise<unknown>;
  setOption(name: string, value: string): Promise<unknown>;
  recountTerm(id: number): Promise<unknown>;
  /** Writes whatever the queries hold back for one multi-row statement (PostgreSQL's meta and term links). */
  flush(): Promise<void>;
  /** Brings the planner's statistics up to the imported rows, in the import's transaction (PostgreSQL). */
  analyze(): Promise<unknown>;
}

// The import's queries on SQLite: the prepared statements it always ran, on the connection of its
// own that withLongTransaction holds BEGIN IMMEDIATE on. They answer synchronously, so the import
// runs as fast as it did; readers on the process's connection see none of it until the commit.
function sqliteQueries(sqlite: Database.Database): ImportQueries {
  const s = {
    userByLogin: sqlite.prepare("SELECT id FROM users WHERE lower(login) = lower(?)"),
    userByEmail: sqlite.prepare("SELECT id FROM users WHERE lower(email) = lower(?)"),
    userByNicename: sqlite.prepare("SELECT id FROM users WHERE nicename = ?"),
    insertUser: sqlite.prepare(
      "INSERT INTO users (login, email, display_name, nicename, password_hash, role) VALUES (?, ?, ?, ?, ?, 'author') RETURNING id",
    ),
    termBySlug: sqlite.prepare("SELECT id, parent_id AS parentId FROM terms WHERE taxonomy = ? AND slug = ?"),
    insertTerm: sqlite.prepare("INSERT INTO terms (taxonomy, name, slug, description) VALUES (?, ?, ?, ?) RETURNING id"),
    setTermParent: sqlite.prepare("UPDATE terms SET parent_id = ? WHERE id = ? AND parent_id IS NULL"),
    importedPosts: sqlite.prepare(
      `SELECT p.id, m.value AS wpId, p.guid, p.title FROM post_meta m JOIN posts p ON p.id = m.post_id WHERE m.key = '${IMPORT_ID_KEY}'`,
    ),
    postIdTaken: sqlite.prepare("SELECT 1 FROM posts WHERE id = ?"),
    slugTaken: sqlite.prepare("SELECT 1 FROM posts WHERE type = ? AND slug = ?"),
    insertPost: sqlite.prepare(
      `INSERT INTO posts (id, type, status, trashed_from, title, slug, content, excerpt, password, menu_order, sticky, comment_status, ping_status,
         author_id, date, date_gmt, modified, modified_gmt, guid)
       VALUES (@id, @type, @status, @trashedFrom, @title, @slug, @content, @excerpt, @password, @menuOrder, @sticky, @commentStatus, @pingStatus,
         @authorId, @date, @dateGmt, @modified, @modifiedGmt, @guid) RETURNING id`,
    ),
    setPostParent: sqlite.prepare("UPDATE posts SET parent_id = ? WHERE id = ?"),
    setFeatured: sqlite.prepare("UPDATE posts SET featured_media_id = ? WHERE id = ?"),
    insertPostMeta: sqlite.prepare("INSERT INTO post_meta (post_id, key, value) VALUES (?, ?, ?)"),
    linkTerm: sqlite.prepare("INSERT INTO post_terms (post_id, term_id) VALUES (?, ?) ON CONFLICT DO NOTHING"),
    mediaByUrl: sqlite.prepare("SELECT id FROM media WHERE original_url = ?"),
    insertMedia: sqlite.prepare(
      `INSERT INTO media (author_id, path, original_url, file_name, mime_type, title, alt, caption, created_gmt)
       VALUES (?, '', ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ),
    setMediaPost: sqlite.prepare("UPDATE media SET post_id = ? WHERE id = ? AND post_id IS NULL"),
    existingComments: sqlite.prepare(
      `SELECT c.id, c.author_name AS authorName, c.date, c.content,
         (SELECT m.value FROM comment_meta m WHERE m.comment_id = c.id AND m.key = '${IMPORT_ID_KEY}') AS wpId
       FROM comments c WHERE c.post_id = ?`,
    ),
    allPostKeys: sqlite.prepare("SELECT id, type, title, date FROM posts ORDER BY id DESC"),
    commentIdTaken: sqlite.prepare("SELECT 1 FROM comments WHERE id = ?"),
    insertComment: sqlite.prepare(
      `INSERT INTO comments (id, post_id, type, status, author_name, author_email, author_url, author_ip, user_id, content, date, date_gmt)
       VALUES (@id, @postId, @type, @status, @authorName, @authorEmail, @authorUrl, @authorIp, @userId, @content, @date, @dateGmt) RETURNING id`,
    ),
    insertCommentMeta: sqlite.prepare("INSERT INTO comment_meta (comment_id, key, value) VALUES (?, ?, ?)"),
    setCommentParent: sqlite.prepare("UPDATE comments SET parent_id = ? WHERE id = ?"),
    recountComments: sqlite.prepare(
      "UPDATE posts SET comment_count = (SELECT count(*) FROM comments WHERE post_id = posts.id AND status = '1') WHERE id = ?",
    ),
    setOption: sqlite.prepare("INSERT INTO options (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value"),
    recountTerm: sqlite.prepare(
      `UPDATE terms SET count = (SELECT count(*) FROM post_terms pt JOIN posts p ON p.id = pt.post_id
        WHERE pt.term_id = terms.id AND p.status = 'publish') WHERE id = ?`,
    ),
  };
  const get = <T>(stmt: Database.Statement, ...args: unknown[]) => stmt.get(...args) as T | undefined;
  const must = <T>(row: T | undefined): T => {
    if (row === undefined) throw new Error("expected a row, the statement returned none");
    return row;
  };
  return {
    userByLogin: async (login) => get<IdRow>(s.userByLogin, login),
    userByEmail: async (email) => get<IdRow>(s.userByEmail, email),
    userByNicename: async (nicename) => get<IdRow>(s.userByNicename, nicename),
    insertUser: async (login, email, displayName, nicename, passwordHash) => must(get<IdRow>(s.insertUser, login, email, displayName, nicename, passwordHash)),
    termBySlug: async (taxonomy, slug) => get<{ id: number; parentId: number | null }>(s.termBySlug, taxonomy, slug),
    insertTerm: async (taxonomy, name, slug, description) => must(get<IdRow>(s.insertTerm, taxonomy, name, slug, description)),
    setTermParent: async (parentId, id) => s.setTermParent.run(parentId, id),
    importedPosts: async () => s.importedPosts.all() as { id: number; wpId: string; guid: string; title: string }[],
    takenPostIds: async (ids) => new Set(ids.filter((id) => s.postIdTaken.get(id))),
    slugTaken: async (type, slug) => !!s.slugTaken.get(type, slug),
    takenSlugs: async (type, slugs) => new Set(slugs.filter((slug) => s.slugTaken.get(type, slug))),
    reserveIds: async () => {},
    insertPost: async (v) =>
      must(
        get<IdRow>(s.insertPost, {
          id: v.id ?? null, type: v.type, status: v.status, trashedFrom: v.trashedFrom ?? null, title: v.title, slug: v.slug, content: v.content,
          excerpt: v.excerpt, password: v.password, menuOrder: v.menuOrder, sticky: v.sticky ? 1 : 0, commentStatus: v.commentStatus,
          pingStatus: v.pingStatus, authorId: v.authorId, date: v.date, dateGmt: v.dateGmt, modified: v.modified, modifiedGmt: v.modifiedGmt, guid: v.guid,
        }),
      ),
    setPostParent: async (parentId, id) => s.setPostParent.run(parentId, id),
    setFeatured: async (featuredMediaId, id) => s.setFeatured.run(featuredMediaId, id),
    insertPostMeta: async (postId, key, value) => s.insertPostMeta.run(postId, key, value),
    linkTerm: async (postId, termId) => s.linkTerm.run(postId, termId),
    mediaByUrl: async (url) => get<IdRow>(s.mediaByUrl, url),
    insertMedia: async (v) =>
      must(get<IdRow>(s.insertMedia, v.authorId ?? null, v.originalUrl, v.fileName, v.mimeType, v.title, v.alt, v.caption, v.createdGmt)),
    setMediaPost: async (postId, id) => s.setMediaPost.run(postId, id),
    existingComments: async (postId) =>
      s.existingComments.all(postId) as { id: number; authorName: string; date: string; content: string; wpId: string | null }[],
    allPostKeys: async () => s.allPostKeys.all() as { id: number; type: string; title: string; date: string }[],
    takenCommentIds: async (ids) => new Set(ids.filter((id) => s.commentIdTaken.get(id))),
    insertComments: async (rows) =>
      rows.map((v) =>
        must(
          get<IdRow>(s.insertComment, {
            id: v.id ?? null, postId: v.postId, type: v.type, status: v.status, authorName: v.authorName, authorEmail: v.authorEmail,
            authorUrl: v.authorUrl, authorIp: v.authorIp, userId: v.userId ?? null, content: v.content, date: v.date, dateGmt: v.dateGmt,
          }),
        ).id,
      ),
    insertCommentMeta: async (commentId, key, value) => s.insertCommentMeta.run(commentId, key, value),
    setCommentParent: async (parentId, id) => s.setCommentParent.run(parentId, id),
    recountComments: async (ids) => ids.forEach((id) => s.recountComments.run(id)),
    setOption: async (name, value) => s.setOption.run(name, value),
    recountTerm: async (id) => s.recountTerm.run(id),
    flush: async () => {},
    // SQLite plans these queries by their indexes alone (no statistics are kept here).
    analyze: async () => {},
  };
}

// The import's queries on PostgreSQL: builders on the transaction's connection (one transaction on
// a pooled connection of its own). Every statement is a round trip to the server, so what needs no
// answer (post and comment meta, term links) is held back and written many rows per statement, and
// a post's comments go in as one statement: a 10,000-post export with 100,000 comments took about
// 400,000 round trips one row at a time.
const HELD_ROWS = 2000;

function portableQueries(tx: Db): ImportQueries {
  const held = {
    postMeta: [] as (typeof postMeta.$inferInsert)[],
    postTerms: [] as (typeof postTerms.$inferInsert)[],
    commentMeta: [] as (typeof commentMeta.$inferInsert)[],
    commentParents: [] as [number, number][],
  };
  const flush = async () => {
    for (let i = 0; i < held.postMeta.length; i += HELD_ROWS) await tx.insert(postMeta).values(held.postMeta.slice(i, i + HELD_ROWS));
    for (let i = 0; i < held.postTerms.length; i += HELD_ROWS) await tx.insert(postTerms).values(held.postTerms.slice(i, i + HELD_ROWS)).onConflictDoNothing();
    for (let i = 0; i < held.commentMeta.length; i += HELD_ROWS) await tx.insert(commentMeta).values(held.commentMeta.slice(i, i + HELD_ROWS));
    for (let i = 0; i < held.commentParents.length; i += HELD_ROWS) {
      const pairs = sql.join(held.commentParents.slice(i, i + HELD_ROWS).map(([parentId, id]) => sql`(${id}::int, ${parentId}::int)`), sql`, `);
      await execute(sql`UPDATE comments SET parent_id = v.parent_id FROM (VALUES ${pairs}) AS v(id, parent_id) WHERE comments.id = v.id`, tx);
    }
    held.commentParents = [];
    held.postMeta = [];
    held.postTerms = [];
    held.commentMeta = [];
  };
  const hold = async <T>(list: T[], row: T) => {
    list.push(row);
    if (list.length >= HELD_ROWS) await flush();
  };
  /** Which of `ids` the table holds, asked HELD_ROWS at a time. */
  const taken = async (table: typeof posts | typeof comments, ids: number[]) => {
    const found = new Set<number>();
    for (let i = 0; i < ids.length; i += HELD_ROWS) {
      for (const r of await tx.select({ id: table.id }).from(table).where(inArray(table.id, ids.slice(i, i + HELD_ROWS)))) found.add(r.id);
    }
    return found;
  };
  return {
    flush,
    userByLogin: (login: string) => tx.select({ id: users.id }).from(users).where(sql`lower(${users.login}) = lower(${login})`).limit(1).then(first),
    userByEmail: (email: string) => tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1).then(first),
    userByNicename: (nicename: string) => tx.select({ id: users.id }).from(users).where(eq(users.nicename, nicename)).limit(1).then(first),
    insertUser: async (login: string, email: string, displayName: string, nicename: string, passwordHash: string) =>
      only(await tx.insert(users).values({ login, email, displayName, nicename, passwordHash, role: "author" }).returning({ id: users.id })),
    termBySlug: (taxonomy: "category" | "post_tag", slug: string) =>
      tx.select({ id: terms.id, parentId: terms.parentId }).from(terms).where(and(eq(terms.taxonomy, taxonomy), eq(terms.slug, slug))).limit(1).then(first),
    insertTerm: async (taxonomy: "category" | "post_tag", name: string, slug: string, description: string) =>
      only(await tx.insert(terms).values({ taxonomy, name, slug, description }).returning({ id: terms.id })),
    setTermParent: (parentId: number, id: number) => tx.update(terms).set({ parentId }).where(and(eq(terms.id, id), isNull(terms.parentId))),
    importedPosts: async () => (await flush(),
      tx.select({ id: posts.id, wpId: postMeta.value, guid: posts.guid, title: posts.title }).from(postMeta).innerJoin(posts, eq(posts.id, postMeta.postId)).where(eq(postMeta.key, IMPORT_ID_KEY))),
    takenPostIds: (ids: number[]) => taken(posts, ids),
    slugTaken: async (type: PostType, slug: string) => !!(await tx.select({ id: posts.id }).from(posts).where(and(eq(posts.type, type), eq(posts.slug, slug))).limit(1).then(first)),
    takenSlugs: async (type: PostType, slugs: string[]) => {
      const found = new Set<string>();
      for (let i = 0; i < slugs.length; i += HELD_ROWS) {
        const some = slugs.slice(i, i + HELD_ROWS);
        for (const r of await tx.select({ slug: posts.slug }).from(posts).where(and(eq(posts.type, type), inArray(posts.slug, some)))) found.add(r.slug);
      }
      return found;
    },
    reserveIds: (table: "posts" | "comments", id: number) => bumpSequence(tx, table, id),
    insertPost: async (values: NewPost) => only(await tx.insert(posts).values(values).returning({ id: posts.id })),
    setPostParent: (parentId: number, id: number) => tx.update(posts).set({ parentId }).where(eq(posts.id, id)),
    setFeatured: (featuredMediaId: number, id: number) => tx.update(posts).set({ featuredMediaId }).where(eq(posts.id, id)),
    insertPostMeta: (postId: number, key: string, value: string) => hold(held.postMeta, { postId, key, value }),
    linkTerm: (postId: number, termId: number) => hold(held.postTerms, { postId, termId }),
    mediaByUrl: (url: string) => tx.select({ id: media.id }).from(media).where(eq(media.originalUrl, url)).limit(1).then(first),
    insertMedia: async (values: typeof media.$inferInsert) => only(await tx.insert(media).values(values).returning({ id: media.id })),
    setMediaPost: (postId: number, id: number) => tx.update(media).set({ postId }).where(and(eq(media.id, id), isNull(media.postId))),
    existingComments: async (postId: number) => (await flush(),
      queryRows<{ id: number; authorName: string; date: string; content: string; wpId: string | null }>(
        sql`SELECT c.id, c.author_name AS "authorName", c.date, c.content,
              (SELECT m.value FROM comment_meta m WHERE m.comment_id = c.id AND m.key = ${IMPORT_ID_KEY} ORDER BY m.id LIMIT 1) AS "wpId"
            FROM comments c WHERE c.post_id = ${postId}`,
        tx,
      )),
    // WordPress's own importer treats a post with the same type, title and date as already there.
    allPostKeys: () => tx.select({ id: posts.id, type: posts.type, title: posts.title, date: posts.date }).from(posts).orderBy(desc(posts.id)),
    takenCommentIds: (ids: number[]) => taken(comments, ids),
    insertComments: async (rows: NewComment[]) => (rows.length ? (await tx.insert(comments).values(rows).returning({ id: comments.id })).map((r) => r.id) : []),
    insertCommentMeta: (commentId: number, key: string, value: string) => hold(held.commentMeta, { commentId, key, value }),
    setCommentParent: (parentId: number, id: number) => hold(held.commentParents, [parentId, id]),
    // Raw SQL: in a builder's subquery drizzle may leave posts.id unqualified, and it would name comments.id.
    recountComments: (ids: number[]) =>
      execute(sql`UPDATE posts SET comment_count = (SELECT count(*) FROM comments WHERE post_id = posts.id AND status = '1') WHERE id IN ${ids}`, tx),
    setOption: (name: string, value: string) => tx.insert(options).values({ name, value }).onConflictDoUpdate({ target: options.name, set: { value } }),
    recountTerm: async (id: number) => (await flush(), await execute(
        sql`UPDATE terms SET count = (SELECT count(*) FROM post_terms pt JOIN posts p ON p.id = pt.post_id WHERE pt.term_id = terms.id AND p.status = 'publish') WHERE id = ${id}`,
        tx,
      )),
    // Without it PostgreSQL plans the first readers' queries after the commit from the statistics of
    // the site before the import (autovacuum's analyze comes up to a minute later): in
    // `npm run bench:import-readers` the first pages after a 10,000-post import took seconds.
    // ANALYZE in the transaction counts its own new rows, and its statistics commit with them.
    analyze: () => execute(sql`ANALYZE`, tx),
  };
}

// A WordPress ID is kept only within a 32-bit integer: PostgreSQL's id columns hold no more, and
// XML-RPC apps cannot even send a larger one (a hostile file's ID of 10^10 made every later post's
// ID unusable from Python's xmlrpc.client). A larger one gets a new ID, as a taken one does.
const MAX_KEPT_ID = 2_147_483_647;

/** The slug a post would have before any "-2": its own, else from its title. */
function baseSlug(item: WxrItem, postType: PostType): string {
  return decodeSlug(item.postName) || slugify(item.title) || `${postType}-${item.postId || "imported"}`;
}
// A post's new comments are written this many at a time, with a pause for readers between.
const COMMENTS_PER_INSERT = 200;

/** Writes parsed WXR in one transaction. Throws (and writes nothing) on any failure. */
export async function writeWxr(parsed: ParsedWxr, opts: ImportOptions): Promise<ImportReport> {
  const c = new Counter();
  const tz = await readTimeZone();
  const totalWork = parsed.items.length + parsed.terms.length + parsed.authors.length;
  let work = 0;
  let lastReport = 0;
  const tick = (n = 1) => {
    work += n;
    if (work - lastReport >= 200 || work === totalWork) {
      lastReport = work;
      opts.onProgress?.({ phase: "writing", done: work, total: totalWork });
    }
  };

  // Long imports (10,000 posts) must not stop the readers: withLongTransaction runs the import on
  // a connection of its own (readers see nothing of it until the commit, a failure leaves nothing)
  // and pause() lets the event loop serve them between posts, terms and comments.
  let pause: () => Promise<void> = async () => {};
  const run = (tx: Db, yieldToReaders: () => Promise<void>) => {
    pause = yieldToReaders;
    return withQueries(ENGINE === "sqlite" ? sqliteQueries(tx.$client) : portableQueries(tx), tx);
  };
  const withQueries = async (q: ImportQueries, tx: Db) => {
    // --- Users -------------------------------------------------------------------------------
    const userIdByLogin = new Map<string, number>();
    const userIdByWpId = new Map<number, number>();
    const authorMap = Object.fromEntries(Object.entries(opts.authorMap ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    for (const [from, to] of Object.entries(authorMap)) {
      const target = await q.userByLogin(to);
      if (!target) throw new WxrImportError(`Author map: there is no user "${to}" to map "${from}" to.`);
      userIdByLogin.set(from, target.id);
    }
    const declared = new Map(parsed.authors.map((a) => [a.login.toLowerCase(), a]));
    const ensureUser = async (login: string, author?: WxrAuthor): Promise<number> => {
      const key = login.toLowerCase();
      const known = userIdByLogin.get(key);
      if (known !== undefined) {
        if (authorMap[key]) c.mapped.add(key);
        return known;
      }
      const existing = await q.userByLogin(login);
      if (existing) {
        userIdByLogin.set(key, existing.id);
        c.mapped.add(key);
        return existing.id;
      }
      let email = author?.email?.trim() || "";
      if (!email || !email.includes("@") || (await q.userByEmail(email))) {
        // A placeholder in the reserved .invalid domain: nothing is ever sent there.
        const local = await findUniqueSlug(`${slugify(login) || "user"}.imported`, async (l) => !!(await q.userByEmail(`${l}@users.invalid`)), "user");
        email = `${local}@users.invalid`;
      }
      const display = author?.displayName || [author?.firstName, author?.lastName].filter(Boolean).join(" ") || login;
      const nicename = await findUniqueSlug(slugify(login), async (n) => !!(await q.userByNicename(n)), "author");
      const row = await q.insertUser(login, email, display, nicename, UNUSABLE_PASSWORD);
      userIdByLogin.set(key, row.id);
      c.add("users");
      return row.id;
    };
    for (const a of parsed.authors) {
      const id = await ensureUser(a.login, a);
      if (a.id) userIdByWpId.set(a.id, id);
      tick();
    }
    const authorOf = async (login: string): Promise<number> => (login ? await ensureUser(login, declared.get(login.toLowerCase())) : opts.fallbackAuthorId);

    // --- Terms -------------------------------------------------------------------------------
    const termIds = new Map<string, number>(); // "taxonomy|slug" → id
    const ensureTerm = async (taxonomy: "category" | "post_tag", rawSlug: string, name: string, description = ""): Promise<number> => {
      const slug = decodeSlug(rawSlug) || slugify(name) || `term-${termIds.size + 1}`;
      const key = `${taxonomy}|${slug}`;
      const cached = termIds.get(key);
      if (cached !== undefined) return cached;
      const kind = taxonomy === "category" ? "categories" : "tags";
      const existing = await q.termBySlug(taxonomy, slug);
      let id: number;
      if (existing) {
        id = existing.id;
        c.same(kind);
      } else {
        id = (await q.insertTerm(taxonomy, name || slug, slug, description)).id;
        c.add(kind);
      }
      termIds.set(key, id);
      return id;
    };
    const parents: { taxonomy: "category" | "post_tag"; id: number; parentSlug: string }[] = [];
    for (const t of parsed.terms) {
      await pause();
      tick();
      if (t.taxonomy === "nav_menu") continue; // menus come in below, with their items
      if (t.taxonomy !== "category" && t.taxonomy !== "post_tag") {
        c.skip(`terms of taxonomy "${t.taxonomy || "(none)"}" (Inkwell has categories and tags only)`);
        continue;
      }
      const id = await ensureTerm(t.taxonomy, t.slug, t.name, t.description);
      if (t.parentSlug) parents.push({ taxonomy: t.taxonomy, id, parentSlug: t.parentSlug });
    }
    for (const p of parents) {
      const parentId = termIds.get(`${p.taxonomy}|${decodeSlug(p.parentSlug)}`) ?? (await q.termBySlug(p.taxonomy, decodeSlug(p.parentSlug)))?.id;
      if (parentId && parentId !== p.id) await q.setTermParent(parentId, p.id);
    }

    // --- Attachments (recorded with their original URL; not fetched) ---------------------------
    const mediaByWpId = new Map<number, number>();
    const mediaParents: { mediaId: number; wpParent: number }[] = [];
    for (const item of parsed.items) {
      if (item.postType !== "attachment") continue;
      const url = item.attachmentUrl || item.guid;
      if (!url) {
        c.skip("attachments without a URL");
        continue;
      }
      const existing = await q.mediaByUrl(url);
      let id: number;
      if (existing) {
        id = existing.id;
        c.same("attachments");
      } else {
        const fileName = decodeURIComponent(url.split(/[?#]/)[0]!.split("/").pop() || "file").slice(0, 255);
        const ext = fileName.split(".").pop()?.toLowerCase() ?? "";
        const alt = item.meta.find((m) => m.key === "_wp_attachment_image_alt")?.value ?? "";
        const dates = resolveDates(item.postDate, item.postDateGmt, item.pubDate, tz);
        id = (
          await q.insertMedia({
            authorId: await authorOf(item.creator), path: "", originalUrl: url, fileName, mimeType: MIME_BY_EXT[ext] ?? "application/octet-stream",
            title: item.title, alt, caption: item.excerpt, createdGmt: dates.gmt,
          })
        ).id;
        c.add("attachments");
      }
      if (item.postId) mediaByWpId.set(item.postId, id);
      if (item.postParent) mediaParents.push({ mediaId: id, wpParent: item.postParent });
    }

    // --- Posts and pages -----------------------------------------------------------------------
    const imported = new Map<string, number>();
    // A post's identity: its WordPress ID with its guid (unique per WordPress site), or with its
    // title when the file has no guid.
    const identityOf = (wpId: number | string, guid: string, title: string) => (guid ? `${wpId}|${guid}` : `${wpId}|title:${title}`);
    for (const row of await q.importedPosts()) {
      imported.set(identityOf(row.wpId, row.guid, row.title), row.id);
    }
    const postIdByWpId = new Map<number, number>();
    const postParents: { id: number; wpParent: number }[] = [];
    // Posts that were here before this import, by type, title and local date (read once: no index fits).
    const samePost = new Map<string, number>();
    for (const r of await q.allPostKeys()) samePost.set(`${r.type}\u0000${r.title}\u0000${r.date}`, r.id);
    const touchedPosts: number[] = [];
    // The terms this import gave posts to: recounted one by one between pauses at the end (every
    // term of the site in one statement held the readers: `npm run bench:import-readers`).
    const touchedTerms = new Set<number>();

    const importComments = async (postId: number, isNewPost: boolean, list: WxrComment[]) => {
      // A comment's identity: its WordPress ID on this post, else its author, date and text (as
      // WordPress's comment_exists), which also recognizes comments exported from this site.
      const known = new Map<number, number>();
      const byFingerprint = new Map<string, number>();
      const fingerprint = (author: string, date: string, content: string) => `${author}\u0000${date}\u0000${content}`;
      if (!isNewPost) {
        for (const r of await q.existingComments(postId)) {
          if (r.wpId && r.wpId !== "0") known.set(Number(r.wpId), r.id);
          byFingerprint.set(fingerprint(r.authorName, r.date, r.content), r.id);
        }
      }
      const idByWp = new Map<number, number>(known);
      const pending: { id: number; wpParent: number }[] = [];
      // The post's new comments are written together, in file order, those keeping their WordPress
      // ID first (its sequence already reserved past them, below).
      const rows: { cm: WxrComment; values: NewComment }[] = [];
      for (const cm of list) {
        await pause();
        const dates = resolveDates(cm.date, cm.dateGmt, "", tz);
        const existing = (cm.id ? known.get(cm.id) : undefined) ?? byFingerprint.get(fingerprint(cm.author, dates.local, cm.content));
        if (existing !== undefined) {
          if (cm.id) idByWp.set(cm.id, existing);
          c.same("comments");
          continue;
        }
        const type = cm.type === "" ? "comment" : cm.type;
        if (!COMMENT_TYPES.has(type)) {
          c.skip(`comments of type "${type}"`);
          continue;
        }
        const status = COMMENT_STATUSES.has(cm.approved) ? cm.approved : cm.approved === "approve" ? "1" : "0";
        const keepId = cm.id > 0 && cm.id <= MAX_KEPT_ID && !takenCommentIds.has(cm.id);
        if (keepId) takenCommentIds.add(cm.id);
        rows.push({
          cm,
          values: {
            id: keepId ? cm.id : undefined,
            postId,
            type: type as NewComment["type"],
            status: status as NewComment["status"],
            authorName: cm.author,
            authorEmail: cm.authorEmail,
            authorUrl: cm.authorUrl,
            authorIp: cm.authorIp,
            userId: cm.userId ? userIdByWpId.get(cm.userId) ?? null : null,
            content: cm.content,
            date: dates.local,
            dateGmt: dates.gmt,
          },
        });
      }
      rows.sort((a, b) => Number(a.values.id === undefined) - Number(b.values.id === undefined));
      const ids: number[] = [];
      for (let i = 0; i < rows.length; i += COMMENTS_PER_INSERT) {
        await pause();
        ids.push(...(await q.insertComments(rows.slice(i, i + COMMENTS_PER_INSERT).map((r) => r.values))));
      }
      for (const id of ids) takenCommentIds.add(id);
      for (const [i, { cm }] of rows.entries()) {
        await pause();
        const id = ids[i]!;
        c.add("comments");
        await q.insertCommentMeta(id, IMPORT_ID_KEY, String(cm.id));
        if (cm.id) idByWp.set(cm.id, id);
        for (const m of cm.meta) if (m.key !== IMPORT_ID_KEY) await q.insertCommentMeta(id, m.key, m.value);
        if (cm.parent) pending.push({ id, wpParent: cm.parent });
      }
      // Parents may come after their replies in the file: link them once all are in.
      for (const p of pending) {
        const parentId = idByWp.get(p.wpParent);
        if (parentId && parentId !== p.id) await q.setCommentParent(parentId, p.id);
      }
    };

    // Which of the file's post IDs are in use here, asked once; each post written adds its own.
    // Free ones are reserved at once: no post written without its ID is given one a later post keeps.
    const takenPostIds = await q.takenPostIds([...new Set(parsed.items.map((i) => i.postId).filter((id) => id > 0 && id <= MAX_KEPT_ID))]);
    const keepable = parsed.items.reduce(
      (most, i) => ((i.postType === "post" || i.postType === "page") && i.postId <= MAX_KEPT_ID && !takenPostIds.has(i.postId) ? Math.max(most, i.postId) : most),
      0,
    );
    if (keepable) await q.reserveIds("posts", keepable);
    // The same for the file's comments: which IDs are taken is asked once, the free ones reserved.
    const fileCommentIds = [...new Set(parsed.items.flatMap((i) => i.comments.map((cm) => cm.id)).filter((id) => id > 0 && id <= MAX_KEPT_ID))];
    const takenCommentIds = await q.takenCommentIds(fileCommentIds);
    const keepableComment = fileCommentIds.reduce((most, id) => (takenCommentIds.has(id) ? most : Math.max(most, id)), 0);
    if (keepableComment) await q.reserveIds("comments", keepableComment);
    // The slugs the file's posts and pages would take, asked once per type; each post written adds its own.
    const takenSlugs = {
      post: await q.takenSlugs("post", [...new Set(parsed.items.filter((i) => i.postType === "post").map((i) => baseSlug(i, "post")))]),
      page: await q.takenSlugs("page", [...new Set(parsed.items.filter((i) => i.postType === "page").map((i) => baseSlug(i, "page")))]),
    };
    for (const item of parsed.items) {
      await pause();
      if (item.postType === "attachment") {
        tick();
        continue;
      }
      tick();
      if (item.postType === "nav_menu_item") {
        // A menu's items come in below (importWxrMenus); one filed under no menu has nowhere to go.
        if (!item.terms.some((t) => t.domain === "nav_menu")) c.skip("menu items that belong to no menu");
        continue;
      }
      if (item.postType !== "post" && item.postType !== "page") {
        c.skip(item.postType ? `"${item.postType}" items (Inkwell has no such content type)` : "items without a WordPress post type");
        continue;
      }
      if (item.status === "auto-draft" || item.status === "inherit") {
        c.skip(`${item.postType}s with status "${item.status}"`);
        continue;
      }
      const postType = item.postType;
      const kind = postType === "page" ? "pages" : "posts";
      const identity = identityOf(item.postId, item.guid, item.title);
      let postId = item.postId || item.guid ? imported.get(identity) : undefined;
      if (postId === undefined && item.title) {
        // Not imported before, but maybe exported from here (or made by hand) with the same title and date.
        const local = resolveDates(item.postDate, item.postDateGmt, item.pubDate, tz).local;
        postId = samePost.get(`${postType}\u0000${item.title}\u0000${local}`);
      }
      const isNew = postId === undefined;
      if (postId !== undefined) {
        c.same(kind);
      } else {
        const status = (POST_STATUSES.has(item.status) ? item.status : "draft") as NewPost["status"] & string;
        const before = item.meta.find((m) => m.key === TRASH_STATUS_KEY)?.value ?? "";
        const trashedFrom = status === "trash" && POST_STATUSES.has(before) && before !== "trash" ? (before as NewPost["trashedFrom"]) : null;
        const dates = resolveDates(item.postDate, item.postDateGmt, item.pubDate, tz);
        const modified = item.postModified && !ZERO_DATE.test(item.postModified) ? resolveDates(item.postModified, item.postModifiedGmt, "", tz) : dates;
        const base = baseSlug(item, postType);
        const known = takenSlugs[postType];
        // Only a numbered variant ("hello-2") is asked of the database: the base's answer is known.
        const slug = await findUniqueSlug(base, async (s) => known.has(s) || (s !== base && (await q.slugTaken(postType, s))), postType);
        known.add(slug);
        // Keep WordPress's ID when it is free, so /?p=ID and #comment links keep pointing right.
        const keepId = item.postId > 0 && item.postId <= MAX_KEPT_ID && !takenPostIds.has(item.postId);
        postId = (
          await q.insertPost({
            id: keepId ? item.postId : undefined,
            type: postType,
            status,
            trashedFrom,
            title: item.title,
            slug,
            content: item.content,
            excerpt: item.excerpt,
            password: item.postPassword,
            menuOrder: item.menuOrder,
            sticky: postType === "post" && item.isSticky,
            commentStatus: item.commentStatus === "closed" ? "closed" : "open",
            pingStatus: item.pingStatus === "closed" ? "closed" : "open",
            authorId: await authorOf(item.creator),
            date: dates.local,
            dateGmt: dates.gmt,
            modified: modified.local,
            modifiedGmt: modified.gmt,
            guid: item.guid,
          })
        ).id;
        takenPostIds.add(postId);
        c.add(kind);
        await q.insertPostMeta(postId, IMPORT_ID_KEY, String(item.postId));
        const oldPath = item.link ? normalizeOldPath(item.link) : "";
        if (oldPath) await q.insertPostMeta(postId, OLD_PERMALINK_KEY, oldPath);
        for (const m of item.meta) if (!SKIPPED_META.has(m.key)) await q.insertPostMeta(postId, m.key, m.value);
        for (const t of item.terms) {
          if (t.domain !== "category" && t.domain !== "post_tag") {
            c.skip(`post terms of taxonomy "${t.domain}"`);
            continue;
          }
          const termId = await ensureTerm(t.domain, t.slug, t.name);
          touchedTerms.add(termId);
          await q.linkTerm(postId, termId);
        }
        if (item.postParent) postParents.push({ id: postId, wpParent: item.postParent });
        const thumb = Number(item.meta.find((m) => m.key === "_thumbnail_id")?.value);
        const thumbId = thumb ? mediaByWpId.get(thumb) : undefined;
        if (thumbId !== undefined) await q.setFeatured(thumbId, postId);
      }
      if (item.postId) postIdByWpId.set(item.postId, postId);
      imported.set(identity, postId);
      if (item.comments.length) {
        await importComments(postId, isNew, item.comments);
        touchedPosts.push(postId);
      }
    }

    for (const p of postParents) {
      await pause();
      const parentId = postIdByWpId.get(p.wpParent);
      if (parentId && parentId !== p.id) await q.setPostParent(parentId, p.id);
    }
    for (const m of mediaParents) {
      await pause();
      const parentId = postIdByWpId.get(m.wpParent);
      if (parentId) await q.setMediaPost(parentId, m.mediaId);
    }
    await q.flush();
    await importWxrMenus(tx, menusFromWxr(parsed.terms, parsed.items), { postIdByWpId, fileTerms: parsed.terms, counter: c });
    for (let i = 0; i < touchedPosts.length; i += 100) {
      await pause();
      await q.recountComments(touchedPosts.slice(i, i + 100));
    }
    for (const id of touchedTerms) {
      await pause();
      await q.recountTerm(id);
    }
    for (const [name, value] of Object.entries(parsed.options ?? {})) {
      if (name in OPTION_DEFAULTS && value !== undefined) await q.setOption(name, JSON.stringify(value));
    }
    await q.flush();
    await q.analyze();
  };

  try {
    await withLongTransaction(run);
  } catch (e) {
    opts.onProgress?.({ phase: "failed", done: work, total: totalWork });
    throw e;
  }
  opts.onProgress?.({ phase: "done", done: totalWork, total: totalWork });
  return {
    site: parsed.site,
    created: c.created,
    unchanged: c.unchanged,
    mappedUsers: c.mapped.size,
    skipped: [...c.skipped].map(([reason, count]) => ({ reason, count })),
    notes: parsed.notes ?? [],
  };
}

/**
 * PostgreSQL: a row inserted with its own ID (WordPress's) leaves the identity sequence behind;
 * move it past that ID so the next row without one does not collide. SQLite needs nothing.
 */
async function bumpSequence(tx: Db, table: "posts" | "comments", id: number): Promise<void> {
  if (ENGINE !== "postgres") return;
  await queryRow(sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), greatest(${id}::bigint, last_value)) FROM ${sql.raw(`${table}_id_seq`)}`, tx);
}

/**
 * The Inkwell post that an old WordPress address named, for imported posts: the original
 * permalink path ("/2010/10/hello-world/", percent-encoded or not, with or without the trailing
 * slash) or a plain link ("/?p=123", "/?page_id=2") with the WordPress ID. Returns the post's ID
 * whatever its status: the caller decides whether the visitor may see it.
 */
export async function getPostIdByOldPath(path: string): Promise<number | undefined> {
  const norm = normalizeOldPath(path);
  if (!norm) return undefined;
  const byKey = (key: string, value: string) =>
    getDb()
      .select({ id: postMeta.postId })
      .from(postMeta)
      .where(and(eq(postMeta.key, key), eq(postMeta.value, value)))
      .orderBy(desc(postMeta.postId))
      .limit(1)
      .then(first);
  const byPath = await byKey(OLD_PERMALINK_KEY, norm);
  if (byPath) return byPath.id;
  const plain = /\?(?:p|page_id)=(\d+)$/.exec(norm);
  if (plain) return (await byKey(IMPORT_ID_KEY, plain[1]!))?.id;
  return undefined;
}

export { WxrError };

/** Users an imported author can be assigned to (the import form's choices). */
export async function listUsersForAuthorMapping(): Promise<{ login: string; displayName: string; role: string }[]> {
  return getDb()
    .select({ login: users.login, displayName: users.displayName, role: users.role })
    .from(users)
    .orderBy(sql`lower(${users.displayName})`, asc(users.id));
}
