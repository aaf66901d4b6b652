"use server";
// The Comments screen's mutations. Each: capability → input → may this user touch these
// comments → one transaction → fresh public pages and screen → back where the user was.
import { refreshAfterWrite } from "@/lib/site/refresh";
import { redirect } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { AdminReplySchema, BulkCommentActionSchema, CommentActionSchema, CommentEditSchema, normalizeCommentUrl } from "@/lib/validation/comment";
import { applyCommentAction, getCommentWithPost, getCommentsWithPosts, insertAdminReply, updateCommentFields } from "@/db/queries/comment-admin";
import { canModerateAll, canModerateCommentOn } from "@/lib/comments/permissions";
import { sanitizeCommentHtml } from "@/lib/content/sanitize";
import { getOptions } from "@/db/queries/options";
import { toSqlGmt, toSqlLocal } from "@/lib/dates";
import type { FormState } from "@/lib/form-state";
import { logEvent } from "@/lib/log";
import { safeRedirectUnder } from "@/lib/security/redirect-target";
import { enqueueCommentFederation } from "@/lib/jobs";

function refresh() {
  // Comment counts show on lists, archives and feeds as well as the post itself.
  refreshAfterWrite();
}

function withNotice(back: string, notice: string) {
  const u = new URL(back, "http://x");
  u.searchParams.set("notice", notice);
  return `${u.pathname}${u.search}`;
}

/** One row action (Approve, Unapprove, Spam, Not Spam, Trash, Restore, Delete Permanently). */
export async function moderateCommentAction(formData: FormData) {
  const user = await requireCapability("edit_posts");
  const parsed = CommentActionSchema.safeParse({ id: formData.get("id"), action: formData.get("action"), back: formData.get("back") });
  if (!parsed.success) redirect("/admin/comments/?notice=invalid");
  const { id, action, back } = parsed.data;
  const found = await getCommentWithPost(id);
  if (!found || !canModerateCommentOn(user, found.post)) redirect(withNotice(back, "forbidden"));
  await applyCommentAction([id], action);
  if (action === "approve") await enqueueCommentFederation([id]);
  logEvent("moderation", { by: "moderator", moderatorId: user.id, action, commentIds: [id] });
  refresh();
  redirect(withNotice(back, `${action}:1`));
}

/** The bulk actions menu over the checked rows; rows this user may not touch are skipped. */
export async function bulkCommentsAction(formData: FormData) {
  const user = await requireCapability("edit_posts");
  const parsed = BulkCommentActionSchema.safeParse({ ids: formData.getAll("ids"), action: formData.get("action"), back: formData.get("back") });
  if (!parsed.success) {
    redirect(withNotice(safeRedirectUnder(formData.get("back"), "/admin/comments/"), "choose"));
  }
  const { ids, action, back } = parsed.data;
  const allowed = (await getCommentsWithPosts(ids))
    .filter((c) => canModerateCommentOn(user, { authorId: c.postAuthorId, status: c.postStatus, trashedFrom: c.postTrashedFrom, type: c.postType }))
    .map((c) => c.id);
  await applyCommentAction(allowed, action);
  if (action === "approve") await enqueueCommentFederation(allowed);
  if (allowed.length) logEvent("moderation", { by: "moderator", moderatorId: user.id, action, commentIds: allowed });
  refresh();
  redirect(withNotice(back, `${action}:${allowed.length}`));
}

/** Reply in place: the reply is approved at once, and so is a held parent. */
export async function replyToCommentAction(formData: FormData) {
  const user = await requireCapability("edit_posts");
  const parsed = AdminReplySchema.safeParse({ parentId: formData.get("parentId"), content: formData.get("content"), back: formData.get("back") });
  if (!parsed.success) redirect("/admin/comments/?notice=empty-reply");
  const { parentId, content, back } = parsed.data;
  const found = await getCommentWithPost(parentId);
  if (!found || !canModerateCommentOn(user, found.post)) redirect(withNotice(back, "forbidden"));
  const opts = await getOptions();
  const now = new Date();
  const reply = await insertAdminReply({
    postId: found.post.id,
    parentId,
    type: "comment",
    status: "1",
    authorName: user.displayName,
    authorEmail: user.email,
    authorUrl: normalizeCommentUrl(user.url),
    userId: user.id,
    content: sanitizeCommentHtml(content),
    date: toSqlLocal(now, opts.timezone_string),
    dateGmt: toSqlGmt(now),
  });
  await enqueueCommentFederation([reply.id]);
  refresh();
  redirect(withNotice(back, "replied"));
}

/** Quick Edit and the Edit screen: name, email, URL, text (and status on the Edit screen). */
export async function editCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireCapability("edit_posts");
  const raw = {
    id: formData.get("id"),
    authorName: String(formData.get("authorName") ?? ""),
    authorEmail: String(formData.get("authorEmail") ?? ""),
    authorUrl: String(formData.get("authorUrl") ?? ""),
    content: String(formData.get("content") ?? ""),
    status: formData.get("status") ?? undefined,
    back: formData.get("back"),
  };
  const values = { authorName: raw.authorName, authorEmail: raw.authorEmail, authorUrl: raw.authorUrl, content: raw.content };
  const parsed = CommentEditSchema.safeParse(raw);
  if (!parsed.success) {
    return { status: "error", message: "The comment was not saved.", fieldErrors: parsed.error.flatten().fieldErrors, values };
  }
  const found = await getCommentWithPost(parsed.data.id);
  if (!found || !canModerateCommentOn(user, found.post)) return { status: "error", message: "Sorry, you are not allowed to edit this comment.", values };
  // Only moderators change a comment's status from the Edit screen.
  const status = parsed.data.status && canModerateAll(user) ? parsed.data.status : undefined;
  await updateCommentFields(parsed.data.id, {
    authorName: parsed.data.authorName,
    authorEmail: parsed.data.authorEmail,
    authorUrl: normalizeCommentUrl(parsed.data.authorUrl),
    content: sanitizeCommentHtml(parsed.data.content),
    ...(status ? { status } : {}),
  });
  refresh();
  redirect(withNotice(parsed.data.back, "edited"));
}

/** Quick Edit's plain form: the same rules, with the error shown as a notice on the list. */
export async function quickEditCommentAction(formData: FormData) {
  const state = await editCommentAction({ status: "idle" }, formData);
  redirect(withNotice(safeRedirectUnder(formData.get("back"), "/admin/comments/"), state.status === "error" ? "edit-error" : "edited"));
}
