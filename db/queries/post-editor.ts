// Every write of the editor: save with optimistic locking, terms and their counts, a revision per
// save, autosave, trash/restore/delete and the lazy publishing of scheduled posts. Each is one
// transaction, so a refused save leaves nothing half written.
import { and, desc, eq, inArray, like, ne, or, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { ENGINE } from "../engine";
import { affected, execute } from "../index";
import { first, only } from "../rows";
import { withTransaction } from "../transaction";
import { publishDueScheduledPosts } from "./archives";
import { postMeta, postTerms, posts, revisions, terms, users, type Post, type PostStatus, type PostType, type Role } from "../tables";
import { recountTerms } from "./posts";
import { resolveSlug } from "@/lib/posts/slug";
import { findUniqueSlug, slugify } from "@/lib/content/slug";
import { absoluteUrlFrom, siteUrl } from "@/lib/site-url";
import { nowGmt } from "@/lib/dates";

type Tx = Db;

const DATE_CHOSEN = "_inkwell_date_chosen";
/** post_meta: the fediverse object a post replies to (Reader → Reply; the editor's "In reply to"). */
export const IN_REPLY_TO_META = "_activitypub_in_reply_to";

export async function getPostInReplyTo(postId: number): Promise<string | undefined> {
  const row = await getDb().select({ value: postMeta.value }).from(postMeta).where(and(eq(postMeta.postId, postId), eq(postMeta.key, IN_REPLY_TO_META))).limit(1).then(first);
  return row?.value || undefined;
}

/** Did the person pick this post's date (rather than "publish immediately")? */
export async function isDateChosen(postId: number): Promise<boolean> {
  return !!(await getDb().select({ id: postMeta.id }).from(postMeta).where(and(eq(postMeta.postId, postId), eq(postMeta.key, DATE_CHOSEN))).limit(1).then(first));
}

export interface PostForEdit {
  post: Post;
  categoryIds: number[];
  tagNames: string[];
  authorName: string;
  authorNicename: string;
}

export async function getPostForEdit(id: number): Promise<PostForEdit | undefined> {
  const db = getDb();
  const row = await db
    .select({ post: posts, authorName: users.displayName, authorNicename: users.nicename })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(eq(posts.id, id))
    .then(first);
  if (!row) return undefined;
  const linked = await db
    .select({ id: terms.id, taxonomy: terms.taxonomy, name: terms.name })
    .from(postTerms)
    .innerJoin(terms, eq(terms.id, postTerms.termId))
    .where(eq(postTerms.postId, id))
    .orderBy(terms.name);
  return {
    post: row.post,
    authorName: row.authorName,
    authorNicename: row.authorNicename,
    categoryIds: linked.filter((t) => t.taxonomy === "category").map((t) => t.id),
    tagNames: linked.filter((t) => t.taxonomy === "post_tag").map((t) => t.name),
  };
}

/** The fields ownership rules need, and nothing else. */
export async function getPostOwnership(id: number): Promise<{ id: number; authorId: number; status: PostStatus; type: PostType; trashedFrom: PostStatus | null; sticky: boolean } | undefined> {
  return getDb()
    .select({ id: posts.id, authorId: posts.authorId, status: posts.status, type: posts.type, trashedFrom: posts.trashedFrom, sticky: posts.sticky })
    .from(posts)
    .where(eq(posts.id, id))
    .then(first);
}

export async function listCategoryOptions(): Promise<{ id: number; name: string; parentId: number | null }[]> {
  return getDb().select({ id: terms.id, name: terms.name, parentId: terms.parentId }).from(terms).where(eq(terms.taxonomy, "category")).orderBy(terms.name);
}

export async function listTagNames(limit = 500): Promise<string[]> {
  return (await getDb().select({ name: terms.name }).from(terms).where(eq(terms.taxonomy, "post_tag")).orderBy(desc(terms.count), terms.name).limit(limit)).map((r) => r.name);
}

/** Who may be chosen as a post's author: everyone who can write (WordPress's authors dropdown). */
export async function listAuthorOptions(): Promise<{ id: number; displayName: string; role: Role }[]> {
  return getDb()
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(inArray(users.role, ["administrator", "editor", "author", "contributor"]))
    .orderBy(users.displayName);
}

export async function getUserRoleById(id: number): Promise<Role | undefined> {
  return (await getDb().select({ role: users.role }).from(users).where(eq(users.id, id)).then(first))?.role;
}

/** Pages that may be a page's parent: every page but itself and its descendants. */
export async function listParentPageOptions(excludeId?: number): Promise<{ id: number; title: string; parentId: number | null }[]> {
  const all = await getDb()
    .select({ id: posts.id, title: posts.title, parentId: posts.parentId })
    .from(posts)
    .where(and(eq(posts.type, "page"), ne(posts.status, "trash")))
    .orderBy(posts.menuOrder, posts.title);
  if (!excludeId) return all;
  const banned = new Set([excludeId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) if (p.parentId && banned.has(p.parentId) && !banned.has(p.id)) { banned.add(p.id); grew = true; }
  }
  return all.filter((p) => !banned.has(p.id));
}

export interface SavePostData {
  id?: number;
  /** The version the person loaded; null skips the check (they chose to overwrite). */
  expectedVersion: number | null;
  type: PostType;
  status: PostStatus;
  title: string;
  typedSlug: string;
  content: string;
  excerpt: string;
  password: string;
  sticky: boolean;
  commentStatus: "open" | "closed";
  pingStatus: "open" | "closed";
  toPing: string;
  authorId: number;
  featuredMediaId: number | null;
  parentId: number | null;
  menuOrder: number;
  date: string;
  dateGmt: string;
  /** Now in the site's time zone. */
  modifiedLocal: string;
  /** The person chose the date (kept for drafts, as WordPress's non-zero post_date_gmt). */
  dateChosen: boolean;
  /** The fediverse post this one replies to ("" none; undefined leaves it as it is). */
  inReplyTo?: string;
  categoryIds: number[];
  newCategory: { name: string; parentId: number | null } | null;
  tagNames: string[];
  defaultCategoryId: number;
  /** Who saves: the revision's author. */
  editorId: number;
}

export type SavePostResult =
  | { ok: true; post: Post }
  | { ok: false; field: "slug" | "parentId"; message: string }
  | { ok: false; conflict: { version: number; modifiedGmt: string; by: string | null } }
  | { ok: false; notFound: true };

async function slugTaken(tx: Tx, type: PostType, slug: string, exceptId?: number): Promise<boolean> {
  const row = await tx
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.type, type), eq(posts.slug, slug), exceptId ? ne(posts.id, exceptId) : undefined))
    .limit(1)
    .then(first);
  return !!row;
}

/**
 * resolveSlug (lib/posts/slug.ts) asks `taken` synchronously; the slugs it can ask about are the
 * typed one, the title's and the title's with -2, -3 …, so they are read first in one query.
 */
async function resolvePostSlug(tx: Tx, opts: { typed: string; title: string; current: string | null; type: PostType }, exceptId?: number) {
  const typed = slugify(opts.typed);
  const root = slugify(opts.title) || opts.type;
  // A new slug is chosen: no other save may choose the same one before this one commits.
  if (typed ? typed !== opts.current : !opts.current) await lockSlugs(tx, "posts");
  const rows = await tx
    .select({ slug: posts.slug })
    .from(posts)
    .where(and(eq(posts.type, opts.type), exceptId ? ne(posts.id, exceptId) : undefined, or(inArray(posts.slug, typed ? [typed, root] : [root]), like(posts.slug, `${root}-%`))));
  const taken = new Set(rows.map((r) => r.slug));
  return resolveSlug({ ...opts, type: opts.type === "page" ? "page" : "post" }, (slug) => taken.has(slug));
}

/**
 * Serializes the choice of new slugs within a transaction. SQLite's writers already take turns
 * (BEGIN IMMEDIATE); PostgreSQL runs transactions side by side, so two saves could both find
 * "hello" free and the second would fail on the unique index instead of taking "hello-2". A
 * transaction-scoped advisory lock makes them take turns there too, only when a slug is chosen.
 */
export async function lockSlugs(tx: Tx, what: "posts" | "terms"): Promise<void> {
  if (ENGINE !== "postgres") return;
  await execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`inkwell:slugs:${what}`}))`, tx);
}

function termSlugTaken(tx: Tx, taxonomy: "category" | "post_tag") {
  return async (slug: string) => !!(await tx.select({ id: terms.id }).from(terms).where(and(eq(terms.taxonomy, taxonomy), eq(terms.slug, slug))).limit(1).then(first));
}

/** Tag names → term ids, creating the tags that do not exist yet (matched by name, then slug). */
async function ensureTags(tx: Tx, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  const find = async (name: string) =>
    (await tx.select({ id: terms.id }).from(terms).where(and(eq(terms.taxonomy, "post_tag"), sql`lower(${terms.name}) = lower(${name})`)).then(first)) ??
    (await tx.select({ id: terms.id }).from(terms).where(and(eq(terms.taxonomy, "post_tag"), eq(terms.slug, slugify(name) || "-"))).then(first));
  for (const name of names) {
    let found = await find(name);
    // Not there: take the turn to create terms, then look again (another save may just have made it).
    if (!found) {
      await lockSlugs(tx, "terms");
      found = await find(name);
    }
    if (found) ids.push(found.id);
    else ids.push(only(await tx.insert(terms).values({ taxonomy: "post_tag", name, slug: await findUniqueSlug(slugify(name), termSlugTaken(tx, "post_tag"), "tag") }).returning()).id);
  }
  return ids;
}

/** Replaces a post's terms and recounts every term that gained or lost it. */
async function setPostTerms(tx: Tx, postId: number, termIds: number[]) {
  const before = await termIdsOf(tx, postId);
  await tx.delete(postTerms).where(eq(postTerms.postId, postId));
  const unique = [...new Set(termIds)];
  if (unique.length) await tx.insert(postTerms).values(unique.map((termId) => ({ postId, termId })));
  await recountTerms(tx, [...new Set([...before, ...unique])]);
}

async function termIdsOf(tx: Tx, postId: number): Promise<number[]> {
  return (await tx.select({ termId: postTerms.termId }).from(postTerms).where(eq(postTerms.postId, postId))).map((r) => r.termId);
}

/** Keeps a revision of what was saved, unless it is the same as the last one. */
async function keepRevision(tx: Tx, post: Pick<Post, "id" | "title" | "content" | "excerpt">, authorId: number) {
  const last = await tx
    .select({ title: revisions.title, content: revisions.content, excerpt: revisions.excerpt })
    .from(revisions)
    .where(and(eq(revisions.postId, post.id), eq(revisions.kind, "revision")))
    .orderBy(desc(revisions.id))
    .limit(1)
    .then(first);
  if (last && last.title === post.title && last.content === post.content && last.excerpt === post.excerpt) return;
  await tx.insert(revisions).values({ postId: post.id, authorId, kind: "revision", title: post.title, content: post.content, excerpt: post.excerpt, createdGmt: nowGmt() });
}

/**
 * Holds the posts' rows until the transaction ends, so the version read for the optimistic check
 * is still the version when the update lands. SQLite's BEGIN IMMEDIATE already admits one writer
 * at a time; PostgreSQL runs transactions side by side, so there the rows are locked FOR UPDATE.
 */
async function lockPosts(tx: Tx, ids: number[]): Promise<void> {
  if (ENGINE !== "postgres" || !ids.length) return;
  await execute(sql`SELECT id FROM posts WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) ORDER BY id FOR UPDATE`, tx);
}

export async function savePost(d: SavePostData): Promise<SavePostResult> {
  const base = await siteUrl();
  return withTransaction(async (tx): Promise<SavePostResult> => {
    const now = nowGmt();
    let existing: Post | undefined;
    if (d.id) {
      await lockPosts(tx, [d.id]);
      existing = await tx.select().from(posts).where(eq(posts.id, d.id)).then(first);
      if (!existing || existing.type !== d.type) return { ok: false, notFound: true };
      if (d.expectedVersion !== null && existing.version !== d.expectedVersion) {
        const by = await tx
          .select({ name: users.displayName })
          .from(revisions)
          .leftJoin(users, eq(users.id, revisions.authorId))
          .where(and(eq(revisions.postId, d.id), eq(revisions.kind, "revision")))
          .orderBy(desc(revisions.id))
          .limit(1)
          .then(first);
        return { ok: false, conflict: { version: existing.version, modifiedGmt: existing.modifiedGmt, by: by?.name ?? null } };
      }
    }
    const slug = await resolvePostSlug(tx, { typed: d.typedSlug, title: d.title, current: existing?.slug ?? null, type: d.type }, d.id);
    if ("error" in slug) return { ok: false, field: "slug", message: slug.error };
    if (d.parentId && d.type === "page") {
      if (d.parentId === d.id) return { ok: false, field: "parentId", message: "A page cannot be its own parent." };
      const allowed = (await listParentPageOptionsTx(tx, d.id)).some((p) => p.id === d.parentId);
      if (!allowed) return { ok: false, field: "parentId", message: "Choose a parent page that exists and is not below this page." };
    }

    const termIds = [...d.categoryIds];
    if (d.type === "post" && d.newCategory) {
      const name = d.newCategory.name.trim();
      await lockSlugs(tx, "terms");
      const same = await tx.select({ id: terms.id }).from(terms).where(and(eq(terms.taxonomy, "category"), sql`lower(${terms.name}) = lower(${name})`)).then(first);
      termIds.push(
        same?.id ??
          only(
            await tx
              .insert(terms)
              .values({ taxonomy: "category", name, slug: await findUniqueSlug(slugify(name), termSlugTaken(tx, "category"), "category"), parentId: d.newCategory.parentId })
              .returning(),
          ).id,
      );
    }
    if (d.type === "post") {
      // Only existing categories count; a post with none goes to the default category, as in WordPress.
      const valid = termIds.length ? (await tx.select({ id: terms.id }).from(terms).where(and(eq(terms.taxonomy, "category"), inArray(terms.id, termIds)))).map((r) => r.id) : [];
      if (!valid.length && d.defaultCategoryId) valid.push(d.defaultCategoryId);
      termIds.splice(0, termIds.length, ...valid, ...(await ensureTags(tx, d.tagNames)));
    }

    const values = {
      type: d.type,
      status: d.status,
      title: d.title,
      slug: slug.slug,
      content: d.content,
      excerpt: d.excerpt,
      password: d.password,
      sticky: d.type === "post" ? d.sticky : false,
      commentStatus: d.commentStatus,
      pingStatus: d.pingStatus,
      toPing: d.toPing,
      authorId: d.authorId,
      featuredMediaId: d.featuredMediaId,
      parentId: d.type === "page" ? d.parentId : null,
      menuOrder: d.menuOrder,
      date: d.date,
      dateGmt: d.dateGmt,
      modified: d.modifiedLocal,
      modifiedGmt: now,
      trashedFrom: null,
    };
    let saved: Post;
    if (existing) {
      saved = only(
        await tx
          .update(posts)
          .set({ ...values, version: sql`${posts.version} + 1` })
          .where(eq(posts.id, existing.id))
          .returning(),
      );
    } else {
      saved = only(await tx.insert(posts).values({ ...values, version: 1 }).returning());
      saved = only(await tx.update(posts).set({ guid: absoluteUrlFrom(base, `/?p=${saved.id}`) }).where(eq(posts.id, saved.id)).returning());
    }
    if (d.type === "post") await setPostTerms(tx, saved.id, termIds);
    await tx.delete(postMeta).where(and(eq(postMeta.postId, saved.id), eq(postMeta.key, DATE_CHOSEN)));
    if (d.dateChosen) await tx.insert(postMeta).values({ postId: saved.id, key: DATE_CHOSEN, value: "1" });
    if (d.inReplyTo !== undefined && d.type === "post") {
      await tx.delete(postMeta).where(and(eq(postMeta.postId, saved.id), eq(postMeta.key, IN_REPLY_TO_META)));
      if (d.inReplyTo) await tx.insert(postMeta).values({ postId: saved.id, key: IN_REPLY_TO_META, value: d.inReplyTo });
    }
    await keepRevision(tx, saved, d.editorId);
    // The save supersedes the person's autosave, as in WordPress.
    await tx.delete(revisions).where(and(eq(revisions.postId, saved.id), eq(revisions.kind, "autosave"), eq(revisions.authorId, d.editorId)));
    return { ok: true, post: saved };
  });
}

async function listParentPageOptionsTx(tx: Tx, excludeId?: number) {
  const all = await tx.select({ id: posts.id, parentId: posts.parentId }).from(posts).where(and(eq(posts.type, "page"), ne(posts.status, "trash")));
  if (!excludeId) return all;
  const banned = new Set([excludeId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) if (p.parentId && banned.has(p.parentId) && !banned.has(p.id)) { banned.add(p.id); grew = true; }
  }
  return all.filter((p) => !banned.has(p.id));
}

/**
 * Autosave: for a post not saved yet, creates it as a draft (WordPress's auto-draft) and returns
 * its id; otherwise keeps one autosave per post and person, leaving the post itself untouched.
 */
export async function autosavePost(d: { id?: number; type: PostType; title: string; content: string; excerpt: string; userId: number; date: string; dateGmt: string; defaultCategoryId: number }): Promise<{ id: number; version: number; created: boolean }> {
  const base = await siteUrl();
  return withTransaction(async (tx) => {
    const now = nowGmt();
    if (!d.id) {
      await lockSlugs(tx, "posts");
      const slug = await findUniqueSlug(slugify(d.title), (s) => slugTaken(tx, d.type, s), d.type);
      let row = only(
        await tx
          .insert(posts)
          .values({ type: d.type, status: "draft", title: d.title, slug, content: d.content, excerpt: d.excerpt, authorId: d.userId, date: d.date, dateGmt: d.dateGmt, modified: d.date, modifiedGmt: now })
          .returning(),
      );
      row = only(await tx.update(posts).set({ guid: absoluteUrlFrom(base, `/?p=${row.id}`) }).where(eq(posts.id, row.id)).returning());
      if (d.type === "post" && d.defaultCategoryId) await setPostTerms(tx, row.id, [d.defaultCategoryId]);
      await keepRevision(tx, row, d.userId);
      return { id: row.id, version: row.version, created: true };
    }
    // One autosave per post and person: two autosaves of one post wait for each other on PostgreSQL too.
    await lockPosts(tx, [d.id]);
    const current = await tx.select({ version: posts.version }).from(posts).where(eq(posts.id, d.id)).then(first);
    await tx.delete(revisions).where(and(eq(revisions.postId, d.id), eq(revisions.kind, "autosave"), eq(revisions.authorId, d.userId)));
    await tx.insert(revisions).values({ postId: d.id, authorId: d.userId, kind: "autosave", title: d.title, content: d.content, excerpt: d.excerpt, createdGmt: now });
    return { id: d.id, version: current?.version ?? 0, created: false };
  });
}

/** The person's autosave of a post, when it is newer than the post and says something else. */
export async function getNewerAutosave(postId: number, userId: number): Promise<{ title: string; content: string; excerpt: string; createdGmt: string } | undefined> {
  const db = getDb();
  const post = await db.select({ title: posts.title, content: posts.content, excerpt: posts.excerpt, modifiedGmt: posts.modifiedGmt }).from(posts).where(eq(posts.id, postId)).then(first);
  const auto = await db
    .select({ title: revisions.title, content: revisions.content, excerpt: revisions.excerpt, createdGmt: revisions.createdGmt })
    .from(revisions)
    .where(and(eq(revisions.postId, postId), eq(revisions.kind, "autosave"), eq(revisions.authorId, userId)))
    .orderBy(desc(revisions.id))
    .limit(1)
    .then(first);
  if (!post || !auto || auto.createdGmt < post.modifiedGmt) return undefined;
  if (auto.title === post.title && auto.content === post.content && auto.excerpt === post.excerpt) return undefined;
  return auto;
}

/** Trash keeps the status to restore to; term counts drop when a published post leaves. */
export async function trashPosts(ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  return withTransaction(async (tx) => {
    await lockPosts(tx, ids);
    const rows = await tx.select({ id: posts.id, status: posts.status }).from(posts).where(and(inArray(posts.id, ids), ne(posts.status, "trash")));
    for (const r of rows) await tx.update(posts).set({ status: "trash", trashedFrom: r.status, sticky: false, modifiedGmt: nowGmt() }).where(eq(posts.id, r.id));
    await recountTerms(tx, await termIdsOfMany(tx, rows.map((r) => r.id)));
    return rows.length;
  });
}

/** Restore from trash: back to the status it had, except that a lost date in the past publishes as before. */
export async function restorePosts(ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  return withTransaction(async (tx) => {
    await lockPosts(tx, ids);
    const rows = await tx.select({ id: posts.id, trashedFrom: posts.trashedFrom }).from(posts).where(and(inArray(posts.id, ids), eq(posts.status, "trash")));
    for (const r of rows) await tx.update(posts).set({ status: r.trashedFrom ?? "draft", trashedFrom: null, modifiedGmt: nowGmt() }).where(eq(posts.id, r.id));
    await recountTerms(tx, await termIdsOfMany(tx, rows.map((r) => r.id)));
    return rows.length;
  });
}

/** Deletes posts for good (their comments, revisions and term links go with them). */
export async function deletePostsPermanently(ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  return withTransaction(async (tx) => {
    await lockPosts(tx, ids);
    const termIds = await termIdsOfMany(tx, ids);
    // Children of a deleted page move up to its parent, as WordPress does.
    const rows = await tx.select({ id: posts.id, parentId: posts.parentId }).from(posts).where(inArray(posts.id, ids));
    for (const r of rows) await tx.update(posts).set({ parentId: r.parentId }).where(eq(posts.parentId, r.id));
    const n = affected(await tx.delete(posts).where(inArray(posts.id, ids)));
    await recountTerms(tx, termIds);
    return n;
  });
}

async function termIdsOfMany(tx: Tx, postIds: number[]): Promise<number[]> {
  if (!postIds.length) return [];
  return [...new Set((await tx.select({ termId: postTerms.termId }).from(postTerms).where(inArray(postTerms.postId, postIds))).map((r) => r.termId))];
}

/** Adds categories to posts and/or sets their status (bulk edit); one transaction. */
export async function bulkEditPosts(ids: number[], opts: { addCategoryIds: number[]; status: PostStatus | null }): Promise<number> {
  if (!ids.length) return 0;
  return withTransaction(async (tx) => {
    await lockPosts(tx, ids);
    const rows = await tx.select({ id: posts.id, type: posts.type }).from(posts).where(and(inArray(posts.id, ids), ne(posts.status, "trash")));
    const cats = opts.addCategoryIds.length ? (await tx.select({ id: terms.id }).from(terms).where(and(eq(terms.taxonomy, "category"), inArray(terms.id, opts.addCategoryIds)))).map((r) => r.id) : [];
    for (const r of rows) {
      if (opts.status) await tx.update(posts).set({ status: opts.status, modifiedGmt: nowGmt(), version: sql`${posts.version} + 1` }).where(eq(posts.id, r.id));
      if (cats.length && r.type === "post") await setPostTerms(tx, r.id, [...(await termIdsOf(tx, r.id)), ...cats]);
    }
    await recountTerms(tx, await termIdsOfMany(tx, rows.map((r) => r.id)));
    return rows.length;
  });
}

export type QuickEditResult = { ok: true } | { ok: false; field: "slug"; message: string } | { ok: false; conflict: true };

/** Quick Edit: title, slug, status and date, with the same version check as the editor. */
export async function quickEditPost(d: { id: number; version: number; title: string; typedSlug: string; status: PostStatus; date: string; dateGmt: string; type: PostType }): Promise<QuickEditResult> {
  return withTransaction(async (tx): Promise<QuickEditResult> => {
    await lockPosts(tx, [d.id]);
    const existing = await tx.select().from(posts).where(eq(posts.id, d.id)).then(first);
    if (!existing || existing.version !== d.version) return { ok: false, conflict: true };
    const slug = await resolvePostSlug(tx, { typed: d.typedSlug, title: d.title, current: existing.slug, type: d.type }, d.id);
    if ("error" in slug) return { ok: false, field: "slug", message: slug.error };
    await tx
      .update(posts)
      .set({ title: d.title, slug: slug.slug, status: d.status, date: d.date, dateGmt: d.dateGmt, modifiedGmt: nowGmt(), version: sql`${posts.version} + 1` })
      .where(eq(posts.id, d.id));
    await recountTerms(tx, await termIdsOf(tx, d.id));
    await keepRevision(tx, { id: d.id, title: d.title, content: existing.content, excerpt: existing.excerpt }, existing.authorId);
    return { ok: true };
  });
}

/**
 * Scheduled posts whose time has come become published. Run lazily (on admin and site requests)
 * so no timer is needed: a read first, and a write only when something is due.
 */
/** Publishes scheduled posts whose time has come; one implementation, in archives.ts. */
export async function publishDuePosts(now = nowGmt()): Promise<number> {
  return (await publishDueScheduledPosts(now)).length;
}

export async function findCategoryByName(name: string): Promise<number | undefined> {
  return (await getDb().select({ id: terms.id }).from(terms).where(and(eq(terms.taxonomy, "category"), sql`lower(${terms.name}) = lower(${name})`)).then(first))?.id;
}
