// Importing a WordPress export (WXR). The file is first read whole (streaming, so memory grows
// with the content, not with the XML), then written in ONE transaction: a file that breaks
// anywhere imports nothing. Importing the same file again adds nothing: each imported post,
// comment and attachment remembers its WordPress ID (post_meta / comment_meta `_wp_import_id`,
// media.original_url), terms are matched by taxonomy and slug, users by login.
import type Database from "better-sqlite3";
import { getDb } from "../client";
import { parseWxr } from "@/lib/wxr/parse";
import { WxrError, type WxrAuthor, type WxrComment, type WxrItem, type WxrSite, type WxrTerm } from "@/lib/wxr/types";
import { slugify, uniqueSlug } from "@/lib/content/slug";
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

function readTimeZone(sqlite: Database.Database): string {
  const row = sqlite.prepare("SELECT value FROM options WHERE name = 'timezone_string'").get() as { value: string } | undefined;
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

/** Writes parsed WXR in one transaction. Throws (and writes nothing) on any failure. */
export async function writeWxr(parsed: ParsedWxr, opts: ImportOptions): Promise<ImportReport> {
  const sqlite = getDb().$client;
  const c = new Counter();
  const tz = readTimeZone(sqlite);
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

  const q = {
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
    linkTerm: sqlite.prepare("INSERT OR IGNORE INTO post_terms (post_id, term_id) VALUES (?, ?)"),
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
    // WordPress's own importer treats a post with the same type, title and date as already there.
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
    recountTerms: sqlite.prepare(
      `UPDATE terms SET count = (SELECT count(*) FROM post_terms pt JOIN posts p ON p.id = pt.post_id
        WHERE pt.term_id = terms.id AND p.status = 'publish')`,
    ),
  };
  const get = <T>(stmt: Database.Statement, ...args: unknown[]) => stmt.get(...args) as T | undefined;

  const run = sqlite.transaction(() => {
    // --- Users -------------------------------------------------------------------------------
    const userIdByLogin = new Map<string, number>();
    const userIdByWpId = new Map<number, number>();
    const authorMap = Object.fromEntries(Object.entries(opts.authorMap ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    for (const [from, to] of Object.entries(authorMap)) {
      const target = get<{ id: number }>(q.userByLogin, to);
      if (!target) throw new WxrImportError(`Author map: there is no user "${to}" to map "${from}" to.`);
      userIdByLogin.set(from, target.id);
    }
    const declared = new Map(parsed.authors.map((a) => [a.login.toLowerCase(), a]));
    const ensureUser = (login: string, author?: WxrAuthor): number => {
      const key = login.toLowerCase();
      const known = userIdByLogin.get(key);
      if (known !== undefined) {
        if (authorMap[key]) c.mapped.add(key);
        return known;
      }
      const existing = get<{ id: number }>(q.userByLogin, login);
      if (existing) {
        userIdByLogin.set(key, existing.id);
        c.mapped.add(key);
        return existing.id;
      }
      let email = author?.email?.trim() || "";
      if (!email || !email.includes("@") || get(q.userByEmail, email)) {
        // A placeholder in the reserved .invalid domain: nothing is ever sent there.
        const local = uniqueSlug(`${slugify(login) || "user"}.imported`, (l) => !!get(q.userByEmail, `${l}@users.invalid`), "user");
        email = `${local}@users.invalid`;
      }
      const display = author?.displayName || [author?.firstName, author?.lastName].filter(Boolean).join(" ") || login;
      const nicename = uniqueSlug(slugify(login), (n) => !!get(q.userByNicename, n), "author");
      const row = get<{ id: number }>(q.insertUser, login, email, display, nicename, UNUSABLE_PASSWORD)!;
      userIdByLogin.set(key, row.id);
      c.add("users");
      return row.id;
    };
    for (const a of parsed.authors) {
      const id = ensureUser(a.login, a);
      if (a.id) userIdByWpId.set(a.id, id);
      tick();
    }
    const authorOf = (login: string): number => (login ? ensureUser(login, declared.get(login.toLowerCase())) : opts.fallbackAuthorId);

    // --- Terms -------------------------------------------------------------------------------
    const termIds = new Map<string, number>(); // "taxonomy|slug" → id
    const ensureTerm = (taxonomy: "category" | "post_tag", rawSlug: string, name: string, description = ""): number => {
      const slug = decodeSlug(rawSlug) || slugify(name) || `term-${termIds.size + 1}`;
      const key = `${taxonomy}|${slug}`;
      const cached = termIds.get(key);
      if (cached !== undefined) return cached;
      const kind = taxonomy === "category" ? "categories" : "tags";
      const existing = get<{ id: number }>(q.termBySlug, taxonomy, slug);
      let id: number;
      if (existing) {
        id = existing.id;
        c.same(kind);
      } else {
        id = get<{ id: number }>(q.insertTerm, taxonomy, name || slug, slug, description)!.id;
        c.add(kind);
      }
      termIds.set(key, id);
      return id;
    };
    const parents: { taxonomy: "category" | "post_tag"; id: number; parentSlug: string }[] = [];
    for (const t of parsed.terms) {
      tick();
      if (t.taxonomy === "nav_menu") continue; // menus come in below, with their items
      if (t.taxonomy !== "category" && t.taxonomy !== "post_tag") {
        c.skip(`terms of taxonomy "${t.taxonomy || "(none)"}" (Inkwell has categories and tags only)`);
        continue;
      }
      const id = ensureTerm(t.taxonomy, t.slug, t.name, t.description);
      if (t.parentSlug) parents.push({ taxonomy: t.taxonomy, id, parentSlug: t.parentSlug });
    }
    for (const p of parents) {
      const parentId = termIds.get(`${p.taxonomy}|${decodeSlug(p.parentSlug)}`) ?? get<{ id: number }>(q.termBySlug, p.taxonomy, decodeSlug(p.parentSlug))?.id;
      if (parentId && parentId !== p.id) q.setTermParent.run(parentId, p.id);
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
      const existing = get<{ id: number }>(q.mediaByUrl, url);
      let id: number;
      if (existing) {
        id = existing.id;
        c.same("attachments");
      } else {
        const fileName = decodeURIComponent(url.split(/[?#]/)[0]!.split("/").pop() || "file").slice(0, 255);
        const ext = fileName.split(".").pop()?.toLowerCase() ?? "";
        const alt = item.meta.find((m) => m.key === "_wp_attachment_image_alt")?.value ?? "";
        const dates = resolveDates(item.postDate, item.postDateGmt, item.pubDate, tz);
        id = get<{ id: number }>(q.insertMedia, authorOf(item.creator), url, fileName, MIME_BY_EXT[ext] ?? "application/octet-stream", item.title, alt, item.excerpt, dates.gmt)!.id;
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
    for (const row of q.importedPosts.all() as { id: number; wpId: string; guid: string; title: string }[]) {
      imported.set(identityOf(row.wpId, row.guid, row.title), row.id);
    }
    const postIdByWpId = new Map<number, number>();
    const postParents: { id: number; wpParent: number }[] = [];
    // Posts that were here before this import, by type, title and local date (read once: no index fits).
    const samePost = new Map<string, number>();
    for (const r of q.allPostKeys.all() as { id: number; type: string; title: string; date: string }[]) samePost.set(`${r.type}\u0000${r.title}\u0000${r.date}`, r.id);
    const touchedPosts: number[] = [];

    for (const item of parsed.items) {
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
      const kind = item.postType === "page" ? "pages" : "posts";
      const identity = identityOf(item.postId, item.guid, item.title);
      let postId = item.postId || item.guid ? imported.get(identity) : undefined;
      if (postId === undefined && item.title) {
        // Not imported before, but maybe exported from here (or made by hand) with the same title and date.
        const local = resolveDates(item.postDate, item.postDateGmt, item.pubDate, tz).local;
        postId = samePost.get(`${item.postType}\u0000${item.title}\u0000${local}`);
      }
      const isNew = postId === undefined;
      if (postId !== undefined) {
        c.same(kind);
      } else {
        const status = POST_STATUSES.has(item.status) ? item.status : "draft";
        const before = item.meta.find((m) => m.key === TRASH_STATUS_KEY)?.value ?? "";
        const trashedFrom = status === "trash" && POST_STATUSES.has(before) && before !== "trash" ? before : null;
        const dates = resolveDates(item.postDate, item.postDateGmt, item.pubDate, tz);
        const modified = item.postModified && !ZERO_DATE.test(item.postModified) ? resolveDates(item.postModified, item.postModifiedGmt, "", tz) : dates;
        const base = decodeSlug(item.postName) || slugify(item.title) || `${item.postType}-${item.postId || "imported"}`;
        const slug = uniqueSlug(base, (s) => !!get(q.slugTaken, item.postType, s), item.postType);
        // Keep WordPress's ID when it is free, so /?p=ID and #comment links keep pointing right.
        const keepId = item.postId > 0 && !get(q.postIdTaken, item.postId);
        postId = get<{ id: number }>(q.insertPost, {
          id: keepId ? item.postId : null,
          type: item.postType,
          status,
          trashedFrom,
          title: item.title,
          slug,
          content: item.content,
          excerpt: item.excerpt,
          password: item.postPassword,
          menuOrder: item.menuOrder,
          sticky: item.postType === "post" && item.isSticky ? 1 : 0,
          commentStatus: item.commentStatus === "closed" ? "closed" : "open",
          pingStatus: item.pingStatus === "closed" ? "closed" : "open",
          authorId: authorOf(item.creator),
          date: dates.local,
          dateGmt: dates.gmt,
          modified: modified.local,
          modifiedGmt: modified.gmt,
          guid: item.guid,
        })!.id;
        c.add(kind);
        q.insertPostMeta.run(postId, IMPORT_ID_KEY, String(item.postId));
        const oldPath = item.link ? normalizeOldPath(item.link) : "";
        if (oldPath) q.insertPostMeta.run(postId, OLD_PERMALINK_KEY, oldPath);
        for (const m of item.meta) if (!SKIPPED_META.has(m.key)) q.insertPostMeta.run(postId, m.key, m.value);
        for (const t of item.terms) {
          if (t.domain !== "category" && t.domain !== "post_tag") {
            c.skip(`post terms of taxonomy "${t.domain}"`);
            continue;
          }
          q.linkTerm.run(postId, ensureTerm(t.domain, t.slug, t.name));
        }
        if (item.postParent) postParents.push({ id: postId, wpParent: item.postParent });
        const thumb = Number(item.meta.find((m) => m.key === "_thumbnail_id")?.value);
        if (thumb && mediaByWpId.has(thumb)) q.setFeatured.run(mediaByWpId.get(thumb), postId);
      }
      if (item.postId) postIdByWpId.set(item.postId, postId);
      imported.set(identity, postId);
      if (item.comments.length) {
        importComments(postId, isNew, item.comments);
        touchedPosts.push(postId);
      }
    }

    function importComments(postId: number, isNewPost: boolean, list: WxrComment[]) {
      // A comment's identity: its WordPress ID on this post, else its author, date and text (as
      // WordPress's comment_exists), which also recognizes comments exported from this site.
      const known = new Map<number, number>();
      const byFingerprint = new Map<string, number>();
      const fingerprint = (author: string, date: string, content: string) => `${author}\u0000${date}\u0000${content}`;
      if (!isNewPost) {
        for (const r of q.existingComments.all(postId) as { id: number; wpId: string | null; authorName: string; date: string; content: string }[]) {
          if (r.wpId && r.wpId !== "0") known.set(Number(r.wpId), r.id);
          byFingerprint.set(fingerprint(r.authorName, r.date, r.content), r.id);
        }
      }
      const idByWp = new Map<number, number>(known);
      const pending: { id: number; wpParent: number }[] = [];
      for (const cm of list) {
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
        const keepId = cm.id > 0 && !get(q.commentIdTaken, cm.id);
        const id = get<{ id: number }>(q.insertComment, {
          id: keepId ? cm.id : null,
          postId,
          type,
          status,
          authorName: cm.author,
          authorEmail: cm.authorEmail,
          authorUrl: cm.authorUrl,
          authorIp: cm.authorIp,
          userId: cm.userId ? userIdByWpId.get(cm.userId) ?? null : null,
          content: cm.content,
          date: dates.local,
          dateGmt: dates.gmt,
        })!.id;
        c.add("comments");
        q.insertCommentMeta.run(id, IMPORT_ID_KEY, String(cm.id));
        if (cm.id) idByWp.set(cm.id, id);
        for (const m of cm.meta) if (m.key !== IMPORT_ID_KEY) q.insertCommentMeta.run(id, m.key, m.value);
        if (cm.parent) pending.push({ id, wpParent: cm.parent });
      }
      // Parents may come after their replies in the file: link them once all are in.
      for (const p of pending) {
        const parentId = idByWp.get(p.wpParent);
        if (parentId && parentId !== p.id) q.setCommentParent.run(parentId, p.id);
      }
    }

    for (const p of postParents) {
      const parentId = postIdByWpId.get(p.wpParent);
      if (parentId && parentId !== p.id) q.setPostParent.run(parentId, p.id);
    }
    for (const m of mediaParents) {
      const parentId = postIdByWpId.get(m.wpParent);
      if (parentId) q.setMediaPost.run(parentId, m.mediaId);
    }
    importWxrMenus(menusFromWxr(parsed.terms, parsed.items), { postIdByWpId, fileTerms: parsed.terms, counter: c });
    for (const id of touchedPosts) q.recountComments.run(id);
    q.recountTerms.run();
    for (const [name, value] of Object.entries(parsed.options ?? {})) {
      if (name in OPTION_DEFAULTS && value !== undefined) q.setOption.run(name, JSON.stringify(value));
    }
  });

  try {
    run();
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
 * The Inkwell post that an old WordPress address named, for imported posts: the original
 * permalink path ("/2010/10/hello-world/", percent-encoded or not, with or without the trailing
 * slash) or a plain link ("/?p=123", "/?page_id=2") with the WordPress ID. Returns the post's ID
 * whatever its status: the caller decides whether the visitor may see it.
 */
export async function getPostIdByOldPath(path: string): Promise<number | undefined> {
  const norm = normalizeOldPath(path);
  if (!norm) return undefined;
  const sqlite = getDb().$client;
  const byPath = sqlite
    .prepare(`SELECT post_id AS id FROM post_meta WHERE key = '${OLD_PERMALINK_KEY}' AND value = ? ORDER BY post_id DESC LIMIT 1`)
    .get(norm) as { id: number } | undefined;
  if (byPath) return byPath.id;
  const plain = /\?(?:p|page_id)=(\d+)$/.exec(norm);
  if (plain) {
    const byId = sqlite
      .prepare(`SELECT post_id AS id FROM post_meta WHERE key = '${IMPORT_ID_KEY}' AND value = ? ORDER BY post_id DESC LIMIT 1`)
      .get(plain[1]) as { id: number } | undefined;
    return byId?.id;
  }
  return undefined;
}

export { WxrError };

/** Users an imported author can be assigned to (the import form's choices). */
export async function listUsersForAuthorMapping(): Promise<{ login: string; displayName: string; role: string }[]> {
  return getDb().$client.prepare("SELECT login, display_name AS displayName, role FROM users ORDER BY display_name COLLATE NOCASE").all() as {
    login: string;
    displayName: string;
    role: string;
  }[];
}
