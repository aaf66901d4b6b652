// The one write path of the XML-RPC methods: a post as the protocols describe it, checked with the
// admin editor's rules (capabilities and ownership, statuses, HTML filtered for roles without
// unfiltered_html) and saved by the editor's own query, revisions and pings included.
import { getOptions } from "@/db/queries/options";
import { getPostById } from "@/db/queries/posts";
import { getUserRoleById, getPostOwnership, savePost, trashPosts } from "@/db/queries/post-editor";
import { getPickerImage } from "@/db/queries/media-picker";
import { listTerms } from "@/db/queries/terms";
import { listTermsForPosts } from "@/db/queries/posts";
import { findTermsByIds } from "@/db/queries/remote-publishing";
import type { Post, PostStatus, PostType } from "@/db/schema";
import { canDeletePost, canEditPost, canPublish, roleCan } from "@/lib/auth/capabilities";
import { sanitizePostHtml } from "@/lib/content/sanitize";
import { toSqlGmt, toSqlLocal } from "@/lib/dates";
import { enqueuePostFederation, enqueuePostPings } from "@/lib/jobs";
import type { Caller } from "./auth";
import { F, fault } from "./faults";

/** What a client asked for; a field left undefined keeps the stored value (or the default). */
export interface PostWrite {
  type: PostType;
  title?: string;
  content?: string;
  excerpt?: string;
  /** The status asked for; undefined keeps the current one (draft for a new post). */
  status?: PostStatus;
  slug?: string;
  password?: string;
  commentStatus?: "open" | "closed";
  pingStatus?: "open" | "closed";
  sticky?: boolean;
  authorId?: number;
  featuredMediaId?: number;
  parentId?: number;
  menuOrder?: number;
  date?: Date;
  categoryIds?: number[];
  /** Category names: unknown ones are ignored (MetaWeblog), or created by those who may (wp.*). */
  categoryNames?: { names: string[]; createMissing: boolean };
  tagNames?: string[];
  tagIds?: number[];
  /** wp.editPost's if_not_modified_since: refuse when the post changed after it. */
  notModifiedSince?: Date;
}

function filterHtml(caller: Caller, html: string): string {
  return roleCan(caller.role, "unfiltered_html") ? html : sanitizePostHtml(html);
}

/** A stored post the caller may edit, or the fault WordPress answers. */
export async function editablePost(caller: Caller, id: number): Promise<Post> {
  const post = id ? await getPostById(id) : undefined;
  if (!post || (post.type !== "post" && post.type !== "page")) throw F.invalidPostId();
  if (!canEditPost(caller, post)) throw F.cannotEditThis();
  return post;
}

async function resolveCategories(caller: Caller, w: PostWrite, current: number[]): Promise<{ ids: number[]; create: string | null }> {
  if (w.categoryIds) {
    const found = await findTermsByIds("category", w.categoryIds);
    if (found.length !== new Set(w.categoryIds).size) throw F.invalidTermId();
    return { ids: found.map((t) => t.id), create: null };
  }
  if (w.categoryNames) {
    const all = await listTerms("category");
    const ids: number[] = [];
    let create: string | null = null;
    for (const name of w.categoryNames.names) {
      const t = all.find((c) => c.name.toLowerCase() === name.trim().toLowerCase());
      if (t) ids.push(t.id);
      else if (w.categoryNames.createMissing && name.trim()) {
        if (!roleCan(caller.role, "manage_categories")) throw fault(401, "Sorry, you are not allowed to add a term to one of the given taxonomies.");
        create ??= name.trim();
      }
    }
    return { ids, create };
  }
  return { ids: current, create: null };
}

async function resolveTags(w: PostWrite, current: string[]): Promise<string[]> {
  if (w.tagIds) {
    const found = await findTermsByIds("post_tag", w.tagIds);
    if (found.length !== new Set(w.tagIds).size) throw F.invalidTermId();
    return [...found.map((t) => t.name), ...(w.tagNames ?? [])];
  }
  return w.tagNames ?? current;
}

/** The status a save ends in, WordPress's way: publish in the future schedules, and the reverse. */
function finalStatus(caller: Caller, type: PostType, asked: PostStatus, dateMs: number): PostStatus {
  const live = asked === "publish" || asked === "future" || asked === "private";
  if (live && !canPublish(caller, type)) throw F.cannotPublishThis(type);
  if (asked === "private") return "private";
  if (asked === "publish" || asked === "future") return dateMs > Date.now() ? "future" : "publish";
  return asked;
}

/** Creates (no id) or updates a post; answers its id. */
export async function writePost(caller: Caller, w: PostWrite, id?: number): Promise<number> {
  const existing = id ? await editablePost(caller, id) : undefined;
  if (existing && existing.type !== w.type) throw F.invalidPostType();
  if (existing?.status === "trash") throw F.cannotEditThis();
  if (!existing && !roleCan(caller.role, w.type === "page" ? "edit_pages" : "edit_posts")) throw F.cannotPost();
  if (existing && w.notModifiedSince && toSqlGmt(w.notModifiedSince) < existing.modifiedGmt) {
    throw fault(409, "There is a revision of this post that is more recent.");
  }
  const mayOthers = roleCan(caller.role, w.type === "page" ? "edit_others_pages" : "edit_others_posts");

  let authorId = existing?.authorId ?? caller.id;
  if (w.authorId && w.authorId !== authorId) {
    if (!mayOthers) throw F.cannotAuthorAs();
    const role = await getUserRoleById(w.authorId);
    if (!role) throw F.invalidAuthor();
    if (role === "subscriber") throw F.cannotAuthorAs();
    authorId = w.authorId;
  }
  if (w.sticky && !existing?.sticky && !mayOthers) throw F.cannotSticky();
  if (w.featuredMediaId && !(await getPickerImage(w.featuredMediaId))) throw F.invalidAttachmentId();
  if (w.password && !existing && !canPublish(caller, w.type)) throw fault(401, "Sorry, you are not allowed to create password protected posts in this post type.");

  const opts = await getOptions();
  const now = new Date();
  const when = w.date ?? (existing ? new Date(existing.dateGmt.replace(" ", "T") + "Z") : now);
  const status = finalStatus(caller, w.type, w.status ?? existing?.status ?? "draft", when.getTime());
  const currentTerms = existing ? await listTermsForPosts([existing.id]) : [];
  const cats = await resolveCategories(caller, w, currentTerms.filter((t) => t.taxonomy === "category").map((t) => t.id));
  const tags = await resolveTags(w, currentTerms.filter((t) => t.taxonomy === "post_tag").map((t) => t.name));

  const result = await savePost({
    id: existing?.id,
    expectedVersion: null,
    type: w.type,
    status,
    title: (w.title ?? existing?.title ?? "").replace(/[\r\n]+/g, " ").trim(),
    typedSlug: w.slug ?? existing?.slug ?? "",
    content: w.content !== undefined ? filterHtml(caller, w.content) : (existing?.content ?? ""),
    excerpt: w.excerpt !== undefined ? filterHtml(caller, w.excerpt) : (existing?.excerpt ?? ""),
    password: w.password ?? existing?.password ?? "",
    sticky: (w.sticky ?? existing?.sticky ?? false) && status !== "private",
    commentStatus: w.commentStatus ?? existing?.commentStatus ?? opts.default_comment_status,
    pingStatus: w.pingStatus ?? existing?.pingStatus ?? opts.default_ping_status,
    toPing: existing?.toPing ?? "",
    authorId,
    featuredMediaId: w.featuredMediaId !== undefined ? w.featuredMediaId || null : (existing?.featuredMediaId ?? null),
    parentId: w.parentId !== undefined ? w.parentId || null : (existing?.parentId ?? null),
    menuOrder: w.menuOrder ?? existing?.menuOrder ?? 0,
    date: toSqlLocal(when, opts.timezone_string),
    dateGmt: toSqlGmt(when),
    modifiedLocal: toSqlLocal(now, opts.timezone_string),
    dateChosen: !!w.date,
    categoryIds: cats.ids,
    newCategory: cats.create ? { name: cats.create, parentId: null } : null,
    tagNames: tags,
    defaultCategoryId: opts.default_category,
    editorId: caller.id,
  });
  if (!result.ok) {
    if ("notFound" in result) throw F.invalidPostId();
    if ("conflict" in result) throw fault(409, "There is a revision of this post that is more recent.");
    throw F.slug(result.message);
  }
  if (result.post.type === "post" && result.post.status === "publish") await enqueuePostPings(result.post.id);
  if (result.post.type === "post") await enqueuePostFederation(result.post.id);
  return result.post.id;
}

/** blogger.deletePost and wp.deletePost: to the Trash, as WordPress's wp_delete_post does by default. */
export async function trashPost(caller: Caller, id: number): Promise<void> {
  const row = id ? await getPostOwnership(id) : undefined;
  if (!row || row.status === "trash") throw F.invalidPostId();
  if (!canDeletePost(caller, row)) throw F.cannotDelete();
  if ((await trashPosts([id])) !== 1) throw fault(500, "Sorry, the post could not be deleted.");
  if (row.type === "post") await enqueuePostFederation(id);
}
