// Exporting as WXR 1.2: everything, or posts or pages only, filtered by author and months, as
// WordPress's Tools → Export does. Rows are read in batches and written as they are read, so an
// export of any size streams in constant memory.
import { queryRow, queryRows, rawSql } from "../index";
import { getOptions } from "./options";
import { siteUrl } from "@/lib/site-url";
import { siteLanguageTag } from "@/lib/options/language";
import { postPath } from "@/lib/content/permalinks";
import { parseSqlGmt } from "@/lib/dates";
import { wxrFooter, wxrHeader, wxrItem } from "@/lib/wxr/write";
import { IMPORT_ID_KEY, OLD_PERMALINK_KEY, TRASH_STATUS_KEY } from "./wxr-import";
import type { WxrAuthor, WxrComment, WxrItem, WxrTerm } from "@/lib/wxr/types";
import { wxrMenuItems, wxrMenuTerms } from "./menu-export";

export interface ExportFilter {
  content: "all" | "post" | "page";
  authorId?: number;
  /** "YYYY-MM": from the first day of this month (local dates, as WordPress). */
  startMonth?: string;
  /** "YYYY-MM": up to the end of this month. */
  endMonth?: string;
}

const BATCH = 200;
// Our own bookkeeping from an earlier import, and the thumbnail (rewritten below), stay out.
const INTERNAL_META = new Set([IMPORT_ID_KEY, OLD_PERMALINK_KEY, "_thumbnail_id", TRASH_STATUS_KEY]);
const rfc822 = (gmt: string) => parseSqlGmt(gmt).toUTCString().replace("GMT", "+0000");

interface PostRow {
  id: number; type: "post" | "page"; status: string; trashedFrom: string | null; title: string; slug: string; content: string; excerpt: string;
  password: string; parentId: number | null; menuOrder: number; sticky: number; commentStatus: string; pingStatus: string;
  authorId: number; featuredMediaId: number | null; date: string; dateGmt: string; modified: string; modifiedGmt: string; guid: string;
  login: string; nicename: string;
}

const rows = <T>(text: string, ...args: unknown[]) => queryRows<T>(rawSql(text, ...args));

function where(f: ExportFilter): { sql: string; args: unknown[] } {
  const parts = ["1 = 1"];
  const args: unknown[] = [];
  if (f.content !== "all") {
    parts.push("p.type = ?");
    args.push(f.content);
  }
  if (f.authorId) {
    parts.push("p.author_id = ?");
    args.push(f.authorId);
  }
  if (f.startMonth && /^\d{4}-\d{2}$/.test(f.startMonth)) {
    parts.push("p.date >= ?");
    args.push(`${f.startMonth}-01 00:00:00`);
  }
  if (f.endMonth && /^\d{4}-\d{2}$/.test(f.endMonth)) {
    parts.push("p.date < ?");
    const [y, m] = f.endMonth.split("-").map(Number) as [number, number];
    args.push(m === 12 ? `${y + 1}-01-01 00:00:00` : `${y}-${String(m + 1).padStart(2, "0")}-01 00:00:00`);
  }
  return { sql: parts.join(" AND "), args };
}

/** The authors that can be chosen in the export form: users with at least one post or page. */
export async function listExportAuthors(): Promise<{ id: number; displayName: string; login: string }[]> {
  return rows<{ id: number; displayName: string; login: string }>(
    'SELECT DISTINCT u.id, u.display_name AS "displayName", u.login FROM users u JOIN posts p ON p.author_id = u.id ORDER BY u.display_name',
  );
}

/** The months that hold posts or pages ("YYYY-MM"), newest first, for the date filters. */
export async function listExportMonths(): Promise<string[]> {
  return (await rows<{ m: string }>("SELECT DISTINCT substr(date, 1, 7) AS m FROM posts ORDER BY m DESC")).map((r) => r.m);
}

/** The WXR document, chunk by chunk. */
export async function* exportWxr(filter: ExportFilter): AsyncGenerator<string> {
  const opts = await getOptions();
  const base = await siteUrl();
  const w = where(filter);

  const postIds = (await rows<{ id: number }>(`SELECT p.id FROM posts p WHERE ${w.sql} ORDER BY p.id`, ...w.args)).map((r) => r.id);
  const idList = (ids: number[]) => ids.join(",");

  // Authors of what is exported.
  const authors = await rows<{ id: number; login: string; email: string; displayName: string }>(
    `SELECT DISTINCT u.id, u.login, u.email, u.display_name AS "displayName" FROM users u JOIN posts p ON p.author_id = u.id WHERE ${w.sql} ORDER BY u.id`,
    ...w.args,
  );
  const wxrAuthors: WxrAuthor[] = authors.map((a) => ({ ...a, firstName: "", lastName: "" }));

  // Terms: all of them for a full export, else those the exported posts use (with their ancestors).
  const allTerms = await rows<{ id: number; taxonomy: string; name: string; slug: string; description: string; parentId: number | null }>(
    'SELECT id, taxonomy, name, slug, description, parent_id AS "parentId" FROM terms ORDER BY id',
  );
  const byId = new Map(allTerms.map((t) => [t.id, t]));
  let chosen = allTerms;
  if (filter.content !== "all" || filter.authorId || filter.startMonth || filter.endMonth) {
    const used = new Set<number>();
    for (let i = 0; i < postIds.length; i += 500) {
      const used500 = await rows<{ id: number }>(`SELECT DISTINCT term_id AS id FROM post_terms WHERE post_id IN (${idList(postIds.slice(i, i + 500))})`);
      for (const r of used500) for (let t = byId.get(r.id); t && !used.has(t.id); t = t.parentId ? byId.get(t.parentId) : undefined) used.add(t.id);
    }
    chosen = allTerms.filter((t) => used.has(t.id));
  }
  // Parents before children.
  const ordered: typeof chosen = [];
  const placed = new Set<number>();
  const place = (t: (typeof chosen)[number], depth = 0) => {
    if (placed.has(t.id) || depth > 100) return;
    if (t.parentId && byId.has(t.parentId) && chosen.includes(byId.get(t.parentId)!)) place(byId.get(t.parentId)!, depth + 1);
    placed.add(t.id);
    ordered.push(t);
  };
  for (const t of chosen) place(t);
  const wxrTerms: WxrTerm[] = ordered.map((t) => ({
    id: t.id, taxonomy: t.taxonomy, slug: t.slug, name: t.name, description: t.description,
    parentSlug: t.parentId ? byId.get(t.parentId)?.slug ?? "" : "", meta: [],
  }));

  const now = new Date();
  yield wxrHeader(
    {
      title: opts.blogname, link: base, description: opts.blogdescription, language: siteLanguageTag(opts), wxrVersion: "1.2",
      baseSiteUrl: base, baseBlogUrl: base, pubDate: now.toUTCString().replace("GMT", "+0000"), generator: "Inkwell",
    },
    wxrAuthors,
    wxrTerms,
  );
  const fullExport = filter.content === "all" && !filter.authorId && !filter.startMonth && !filter.endMonth;
  if (fullExport) yield await wxrMenuTerms();

  // Attachments live in their own table; in the file their IDs follow the posts' so none collide.
  const maxPostId = Number((await queryRow<{ n: number | string }>(rawSql("SELECT coalesce(max(id), 0) AS n FROM posts")))?.n ?? 0);
  const mediaWxrId = (id: number) => maxPostId + id;
  const postStmt = (ids: number[]) =>
    rows<PostRow>(
      `SELECT p.id, p.type, p.status, p.trashed_from AS "trashedFrom", p.title, p.slug, p.content, p.excerpt, p.password, p.parent_id AS "parentId", p.menu_order AS "menuOrder",
         p.sticky, p.comment_status AS "commentStatus", p.ping_status AS "pingStatus", p.author_id AS "authorId", p.featured_media_id AS "featuredMediaId",
         p.date, p.date_gmt AS "dateGmt", p.modified, p.modified_gmt AS "modifiedGmt", p.guid, u.login, u.nicename
       FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id IN (${idList(ids)}) ORDER BY p.id`,
    );

  for (let i = 0; i < postIds.length; i += BATCH) {
    const ids = postIds.slice(i, i + BATCH);
    const postRows = await postStmt(ids);
    const metaRows = await rows<{ postId: number; key: string; value: string }>(
      `SELECT post_id AS "postId", key, value FROM post_meta WHERE post_id IN (${idList(ids)}) ORDER BY id`,
    );
    const termRows = await rows<{ postId: number; taxonomy: string; slug: string; name: string }>(
      `SELECT pt.post_id AS "postId", t.taxonomy, t.slug, t.name FROM post_terms pt JOIN terms t ON t.id = pt.term_id WHERE pt.post_id IN (${idList(ids)}) ORDER BY t.name, t.id`,
    );
    // WordPress exports every comment except spam.
    const commentRows = await rows<{ id: number; postId: number; parentId: number | null; type: string; status: string; authorName: string; authorEmail: string; authorUrl: string; authorIp: string; userId: number | null; content: string; date: string; dateGmt: string }>(
      `SELECT id, post_id AS "postId", parent_id AS "parentId", type, status, author_name AS "authorName", author_email AS "authorEmail",
         author_url AS "authorUrl", author_ip AS "authorIp", user_id AS "userId", content, date, date_gmt AS "dateGmt"
       FROM comments WHERE post_id IN (${idList(ids)}) AND status <> 'spam' ORDER BY id`,
    );
    const commentIds = commentRows.map((c) => c.id);
    const commentMeta = new Map<number, { key: string; value: string }[]>();
    for (let j = 0; j < commentIds.length; j += 500) {
      const rowsM = await rows<{ commentId: number; key: string; value: string }>(
        `SELECT comment_id AS "commentId", key, value FROM comment_meta WHERE comment_id IN (${idList(commentIds.slice(j, j + 500))}) ORDER BY id`,
      );
      for (const m of rowsM) {
        const list = commentMeta.get(m.commentId) ?? [];
        list.push({ key: m.key, value: m.value });
        commentMeta.set(m.commentId, list);
      }
    }
    for (const p of postRows) {
      const link = base + postPath({ id: p.id, slug: p.slug, date: p.date, type: p.type, authorNicename: p.nicename }, opts.permalink_structure);
      const meta = metaRows.filter((m) => m.postId === p.id && !INTERNAL_META.has(m.key)).map(({ key, value }) => ({ key, value }));
      if (p.featuredMediaId) meta.push({ key: "_thumbnail_id", value: String(mediaWxrId(p.featuredMediaId)) });
      if (p.status === "trash" && p.trashedFrom) meta.push({ key: TRASH_STATUS_KEY, value: p.trashedFrom });
      const comments: WxrComment[] = commentRows
        .filter((c) => c.postId === p.id)
        .map((c) => ({
          id: c.id, author: c.authorName, authorEmail: c.authorEmail, authorUrl: c.authorUrl, authorIp: c.authorIp, date: c.date,
          dateGmt: c.dateGmt, content: c.content, approved: c.status, type: c.type, parent: c.parentId ?? 0, userId: c.userId ?? 0,
          meta: commentMeta.get(c.id) ?? [],
        }));
      const item: WxrItem = {
        title: p.title, link, pubDate: rfc822(p.dateGmt), creator: p.login, guid: p.guid || `${base}/?p=${p.id}`, description: "",
        content: p.content, excerpt: p.excerpt, postId: p.id, postDate: p.date, postDateGmt: p.dateGmt,
        postModified: p.modified, postModifiedGmt: p.modifiedGmt, commentStatus: p.commentStatus, pingStatus: p.pingStatus, postName: p.slug,
        status: p.status, postParent: p.parentId ?? 0, menuOrder: p.menuOrder, postType: p.type, postPassword: p.password,
        isSticky: !!p.sticky, attachmentUrl: "",
        terms: termRows.filter((t) => t.postId === p.id).map((t) => ({ domain: t.taxonomy, slug: t.slug, name: t.name })),
        meta, comments,
      };
      yield wxrItem(item);
    }
  }

  if (filter.content === "all" && !filter.authorId && !filter.startMonth && !filter.endMonth) {
    let after = 0;
    for (;;) {
      const media = await rows<{ id: number; postId: number | null; path: string; originalUrl: string; fileName: string; title: string; alt: string; caption: string; createdGmt: string; login: string | null }>(
        `SELECT m.id, m.post_id AS "postId", m.path, m.original_url AS "originalUrl", m.file_name AS "fileName", m.title, m.alt, m.caption,
           m.created_gmt AS "createdGmt", u.login FROM media m LEFT JOIN users u ON u.id = m.author_id WHERE m.id > ? ORDER BY m.id LIMIT ${BATCH}`,
        after,
      );
      if (!media.length) break;
      after = media.at(-1)!.id;
      for (const m of media) {
        const url = m.path ? `${base}/wp-content/uploads/${m.path}` : m.originalUrl;
        yield wxrItem({
          title: m.title || m.fileName, link: url, pubDate: rfc822(m.createdGmt), creator: m.login ?? "", guid: url, description: "",
          content: "", excerpt: m.caption, postId: mediaWxrId(m.id), postDate: m.createdGmt, postDateGmt: m.createdGmt, postModified: m.createdGmt,
          postModifiedGmt: m.createdGmt, commentStatus: "closed", pingStatus: "closed", postName: m.fileName.replace(/\.[^.]+$/, "").toLowerCase(),
          status: "inherit", postParent: m.postId ?? 0, menuOrder: 0, postType: "attachment", postPassword: "", isSticky: false,
          attachmentUrl: url, terms: [], meta: m.alt ? [{ key: "_wp_attachment_image_alt", value: m.alt }] : [], comments: [],
        });
      }
    }
  }
  if (fullExport) yield* wxrMenuItems(base, wxrAuthors[0]?.login ?? "");
  yield wxrFooter();
}
