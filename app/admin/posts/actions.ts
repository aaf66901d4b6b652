"use server";

import { forbidden, redirect } from "next/navigation";
import { refreshAfterWrite } from "@/lib/site/refresh";
import { enqueuePostFederation, enqueuePostPings } from "@/lib/jobs";
import { federatePermanentDeletion } from "@/lib/federation/publish";
import { requireCapability } from "@/lib/session";
import { canDeletePost, canEditPost, canPublish, roleCan, type Actor } from "@/lib/auth/capabilities";
import { safeRedirectUnder } from "@/lib/security/redirect-target";
import { AutosaveSchema, BulkSchema, PostFormSchema, PostIdSchema, QuickEditSchema, RestoreRevisionSchema, formDataToObject } from "@/lib/validation/post";
import { resolveStatus } from "@/lib/posts/status";
import { resolvePostDate } from "@/lib/posts/schedule";
import { parseTagList } from "@/lib/posts/slug";
import { savedMessageKey } from "@/lib/posts/messages";
import { previewUrl } from "@/lib/posts/preview-url";
import { sanitizePostHtml } from "@/lib/content/sanitize";
import { nowGmt, toSqlLocal } from "@/lib/dates";
import type { FormState } from "@/lib/form-state";
import type { AddCategoryResult, AutosaveResult } from "@/lib/posts/editor-results";
import { getOptions } from "@/db/queries/options";
import { autosavePost, bulkEditPosts, deletePostsPermanently, getPostOwnership, getUserRoleById, quickEditPost, restorePosts, savePost, trashPosts } from "@/db/queries/post-editor";
import { getPostsOwnership } from "@/db/queries/post-admin-list";
import { restoreRevision } from "@/db/queries/revisions";
import { addCategoryInline } from "@/db/queries/term-admin";
import { getPickerImage } from "@/db/queries/media-picker";
import type { PostType } from "@/db/schema";

const adminBase = (type: PostType) => (type === "page" ? "/admin/pages/" : "/admin/posts/");
const editCap = (type: PostType) => (type === "page" ? "edit_pages" : "edit_posts");
const typeOf = (fd: FormData): PostType => (fd.get("type") === "page" ? "page" : "post");

/** Authors and contributors get their HTML sanitized; editors and administrators keep it as written. */
function filterHtml(actor: Actor, html: string): { html: string; changed: boolean } {
  if (roleCan(actor.role, "unfiltered_html")) return { html, changed: false };
  const clean = sanitizePostHtml(html);
  return { html: clean, changed: clean.trim() !== html.trim() };
}

function stringValues(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === "string" && !k.startsWith("$ACTION") && k !== "categories") out[k] = v;
  out.categories = fd.getAll("categories").filter((v) => typeof v === "string").join(",");
  return out;
}

export async function savePostAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const type = typeOf(formData);
  const user = await requireCapability(editCap(type));
  const parsed = PostFormSchema.safeParse(formDataToObject(formData, ["categories"]));
  const values = stringValues(formData);
  if (!parsed.success) {
    return { status: "error", message: "Some fields need attention.", fieldErrors: parsed.error.flatten().fieldErrors, values };
  }
  const input = parsed.data;
  const existing = input.id ? await getPostOwnership(input.id) : undefined;
  if (input.id && (!existing || existing.type !== type)) return { status: "error", message: "That item no longer exists.", values };
  if (existing && (!canEditPost(user, existing) || existing.status === "trash")) forbidden();

  // Author: yourself, unless you may edit others' posts and pick someone who can write.
  let authorId = existing?.authorId ?? user.id;
  if (input.authorId && input.authorId !== authorId) {
    const others = roleCan(user.role, type === "page" ? "edit_others_pages" : "edit_others_posts");
    const role = await getUserRoleById(input.authorId);
    if (!others) forbidden();
    if (!role || role === "subscriber") return { status: "error", message: "Some fields need attention.", fieldErrors: { authorId: ["Choose an author who can write."] }, values };
    authorId = input.authorId;
  }

  const opts = await getOptions();
  const now = new Date();
  const date = resolvePostDate(input.date, opts.timezone_string, now);
  if ("error" in date) return { status: "error", message: "Some fields need attention.", fieldErrors: { date: [date.error] }, values };
  const may = canPublish(user, type);
  const status = resolveStatus({ intent: input.intent, current: existing?.status ?? null, canPublish: may, visibility: input.visibility, dateMs: date.ms, nowMs: now.getTime() });
  if ("error" in status) forbidden();
  // An author cannot publish a post owned by someone else; canEditPost already refused that.

  if (input.featuredMediaId && !await getPickerImage(input.featuredMediaId)) {
    return { status: "error", message: "Some fields need attention.", fieldErrors: { featuredMediaId: ["Choose an image from the media library."] }, values };
  }
  const content = filterHtml(user, input.content);
  const excerpt = filterHtml(user, input.excerpt);
  const mayOthers = roleCan(user.role, type === "page" ? "edit_others_pages" : "edit_others_posts");
  const result = await savePost({
    id: input.id,
    expectedVersion: input.overwrite ? null : input.id ? input.version : null,
    type,
    status: status.status,
    title: input.title.trim(),
    typedSlug: input.slug,
    content: content.html,
    excerpt: excerpt.html,
    password: input.visibility === "password" ? input.password : "",
    // Sticky is an editor's choice in WordPress (edit_others_posts); others keep what is set.
    sticky: (mayOthers ? input.sticky : existing?.sticky ?? false) && input.visibility !== "private",
    commentStatus: input.commentStatus ? "open" : "closed",
    pingStatus: input.pingStatus ? "open" : "closed",
    toPing: input.toPing.split(/\s+/).filter(Boolean).join("\n"),
    authorId,
    featuredMediaId: input.featuredMediaId ?? null,
    parentId: input.parentId ?? null,
    menuOrder: input.menuOrder,
    date: date.date,
    dateGmt: date.dateGmt,
    modifiedLocal: toSqlLocal(now, opts.timezone_string),
    dateChosen: !!input.date.trim(),
    inReplyTo: type === "post" ? input.inReplyTo.trim() : undefined,
    categoryIds: input.categories,
    newCategory: input.newCategory.trim() && roleCan(user.role, "manage_categories") ? { name: input.newCategory.trim(), parentId: input.newCategoryParent ?? null } : null,
    tagNames: parseTagList(input.tags),
    defaultCategoryId: opts.default_category,
    editorId: user.id,
  });
  if (!result.ok) {
    if ("notFound" in result) return { status: "error", message: "That item no longer exists.", values };
    if ("conflict" in result) {
      const who = result.conflict.by ? `${result.conflict.by}` : "Someone else";
      return {
        status: "error",
        message: `${who} saved this ${type} (at ${result.conflict.modifiedGmt} UTC) while you were editing. Your changes are not saved yet: review them, then choose “Save anyway” to overwrite, or reload to see the other version.`,
        values: { ...values, conflict: "1", currentVersion: String(result.conflict.version) },
      };
    }
    return { status: "error", message: "Some fields need attention.", fieldErrors: { [result.field]: [result.message] }, values };
  }
  refreshAfterWrite();
  // Trackbacks, pingbacks and webmentions go out from the job queue, never in this request.
  if (result.post.type === "post" && result.post.status === "publish") await enqueuePostPings(result.post.id);
  // The fediverse hears of it too: Create, Update or Delete, from the job queue.
  if (result.post.type === "post") await enqueuePostFederation(result.post.id);
  const key = savedMessageKey(existing?.status ?? null, status.status);
  const filtered = content.changed || excerpt.changed ? "&filtered=1" : "";
  redirect(`${adminBase(type)}${result.post.id}/?saved=${key}${filtered}`);
}

/** Autosave (every 60 s, on tab hidden) and Preview: keeps the text without publishing it. */
export async function autosavePostAction(raw: { id?: number | string; type?: string; title?: string; content?: string; excerpt?: string }): Promise<AutosaveResult> {
  const type: PostType = raw?.type === "page" ? "page" : "post";
  const user = await requireCapability(editCap(type));
  const parsed = AutosaveSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Could not autosave." };
  const input = parsed.data;
  if (input.id) {
    const existing = await getPostOwnership(input.id);
    if (!existing || existing.type !== type) return { ok: false, message: "That item no longer exists." };
    // A trashed post is not edited, not even its autosave (WordPress: restore it first).
    if (!canEditPost(user, existing) || existing.status === "trash") forbidden();
  }
  const opts = await getOptions();
  const now = new Date();
  const saved = await autosavePost({
    id: input.id,
    type,
    title: input.title,
    content: filterHtml(user, input.content).html,
    excerpt: filterHtml(user, input.excerpt).html,
    userId: user.id,
    date: toSqlLocal(now, opts.timezone_string),
    dateGmt: nowGmt(),
    defaultCategoryId: opts.default_category,
  });
  return { ok: true, id: saved.id, version: saved.version, previewUrl: previewUrl(type, saved.id), savedAt: now.toISOString() };
}

async function requirePostsAllowed(ids: number[], type: PostType, check: typeof canEditPost) {
  const user = await requireCapability(editCap(type));
  const rows = await getPostsOwnership(ids);
  if (rows.length !== ids.length || rows.some((r) => r.type !== type)) return { user, rows: null };
  // canEditPost and canDeletePost judge a trashed post by the status it had before the Trash.
  if (rows.some((r) => !check(user, r))) forbidden();
  return { user, rows };
}

/** A row action on one post: capability, input, may this user delete it; then the caller's change. */
async function requireOnePostForRowAction(formData: FormData) {
  const type = typeOf(formData);
  await requireCapability(editCap(type));
  const parsed = PostIdSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) redirect(`${adminBase(type)}?error=invalid`);
  const { rows } = await requirePostsAllowed([parsed.data.id], type, canDeletePost);
  if (!rows) redirect(`${adminBase(type)}?error=missing`);
  return { type, id: parsed.data.id, row: rows[0]! };
}

export async function trashPostAction(formData: FormData) {
  const { type, id } = await requireOnePostForRowAction(formData);
  await trashPosts([id]);
  if (type === "post") await enqueuePostFederation(id);
  refreshAfterWrite();
  redirect(`${adminBase(type)}?done=trashed&ids=${id}`);
}

export async function bulkPostsAction(formData: FormData) {
  const type = typeOf(formData);
  const user = await requireCapability(editCap(type));
  const parsed = BulkSchema.safeParse(formDataToObject(formData, ["ids", "categories"]));
  const safeBack = safeRedirectUnder(formData.get("back"), adminBase(type));
  const sep = safeBack.includes("?") ? "&" : "?";
  if (!parsed.success) redirect(`${safeBack}${sep}error=${encodeURIComponent(parsed.error.issues[0]?.message ?? "invalid")}`);
  const { bulkAction, ids, categories, status } = parsed.data;
  const check = bulkAction === "edit" ? canEditPost : canDeletePost;
  const { rows } = await requirePostsAllowed(ids, type, check);
  if (!rows) redirect(`${safeBack}${sep}error=missing`);
  if (bulkAction === "edit" && status && (status === "publish" || status === "private") && !canPublish(user, type)) forbidden();
  let n = 0;
  if (bulkAction === "trash") n = await trashPosts(ids);
  else if (bulkAction === "restore") n = await restorePosts(ids);
  else if (bulkAction === "delete") {
    if (rows.some((r) => r.status !== "trash")) redirect(`${safeBack}${sep}error=${encodeURIComponent("Only items in the Trash can be deleted permanently.")}`);
    if (type === "post") for (const id of ids) await federatePermanentDeletion(id);
    n = await deletePostsPermanently(ids);
  } else n = await bulkEditPosts(ids, { addCategoryIds: categories, status: status || null });
  if (type === "post" && bulkAction !== "delete") for (const id of ids) await enqueuePostFederation(id);
  refreshAfterWrite();
  redirect(`${safeBack}${sep}done=${bulkAction}&count=${n}`);
}

/** Row actions Restore and Delete Permanently (from the Trash view). */
export async function restorePostAction(formData: FormData) {
  const { type, id } = await requireOnePostForRowAction(formData);
  await restorePosts([id]);
  if (type === "post") await enqueuePostFederation(id);
  refreshAfterWrite();
  redirect(`${adminBase(type)}?view=trash&done=restore&count=1`);
}

export async function deletePostAction(formData: FormData) {
  const { type, id, row } = await requireOnePostForRowAction(formData);
  if (row.status !== "trash") redirect(`${adminBase(type)}?error=${encodeURIComponent("Only items in the Trash can be deleted permanently.")}`);
  if (type === "post") await federatePermanentDeletion(id);
  await deletePostsPermanently([id]);
  refreshAfterWrite();
  redirect(`${adminBase(type)}?view=trash&done=delete&count=1`);
}

export async function quickEditPostAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const type = typeOf(formData);
  const user = await requireCapability(editCap(type));
  const parsed = QuickEditSchema.safeParse(formDataToObject(formData));
  const values = stringValues(formData);
  if (!parsed.success) return { status: "error", message: "Some fields need attention.", fieldErrors: parsed.error.flatten().fieldErrors, values };
  const input = parsed.data;
  const existing = await getPostOwnership(input.id);
  if (!existing || existing.type !== type) return { status: "error", message: "That item no longer exists.", values };
  if (!canEditPost(user, existing) || existing.status === "trash") forbidden();
  const opts = await getOptions();
  const now = new Date();
  const date = resolvePostDate(input.date, opts.timezone_string, now);
  if ("error" in date) return { status: "error", message: "Some fields need attention.", fieldErrors: { date: [date.error] }, values };
  let status: typeof input.status | "future" = input.status;
  if ((status === "publish" || status === "private") && !canPublish(user, type)) forbidden();
  if (status === "publish" && date.ms > now.getTime()) status = "future";
  const result = await quickEditPost({ id: input.id, version: input.version, title: input.title.trim(), typedSlug: input.slug, status, date: date.date, dateGmt: date.dateGmt, type });
  if (!result.ok) {
    if ("conflict" in result) return { status: "error", message: "Someone else changed this item meanwhile. Reload the list and try again.", values };
    return { status: "error", message: "Some fields need attention.", fieldErrors: { slug: [result.message] }, values };
  }
  if (type === "post") await enqueuePostFederation(input.id);
  refreshAfterWrite();
  redirect(safeRedirectUnder(formData.get("back"), adminBase(type)).replace(/[?&]quickedit=\d+/, ""));
}

export async function restoreRevisionAction(formData: FormData) {
  const type = typeOf(formData);
  const user = await requireCapability(editCap(type));
  const parsed = RestoreRevisionSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) redirect(adminBase(type));
  const existing = await getPostOwnership(parsed.data.postId);
  if (!existing || existing.type !== type) redirect(adminBase(type));
  if (!canEditPost(user, existing) || existing.status === "trash") forbidden();
  if (!await restoreRevision(parsed.data.postId, parsed.data.revisionId, user.id)) redirect(`${adminBase(type)}${parsed.data.postId}/revisions/?error=missing`);
  refreshAfterWrite();
  redirect(`${adminBase(type)}${parsed.data.postId}/?saved=restored`);
}

/** The editor's inline "Add New Category". */
export async function addCategoryAction(raw: { name?: string; parentId?: number | string | null }): Promise<AddCategoryResult> {
  await requireCapability("manage_categories");
  const name = typeof raw?.name === "string" ? raw.name.trim() : "";
  if (!name || name.length > 200) return { ok: false, message: "Enter a category name (up to 200 characters)." };
  const parentId = Number(raw?.parentId) > 0 ? Number(raw.parentId) : null;
  const term = await addCategoryInline(name, parentId);
  return { ok: true, id: term.id, name: term.name, parentId: term.parentId };
}
