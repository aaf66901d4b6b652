// POST/PUT/DELETE /wp/v2/comments (WP_REST_Comments_Controller). A new comment goes through the
// comment form's own rules (lib/comments/submit.ts: open, readable, not a duplicate, not a flood,
// moderation) as its signed-in author; WordPress's REST API refuses anonymous comments by
// default, and so does Inkwell. Moderating is the Comments screen's rule: moderators, or the
// post's editor.
import { z } from "zod";
import type { Comment } from "@/db/schema";
import { getUserById } from "@/db/queries/users";
import { applyCommentAction, getCommentWithPost, updateCommentFields, type CommentAction } from "@/db/queries/comment-admin";
import { canModerateAll, canModerateCommentOn } from "@/lib/comments/permissions";
import { submitComment } from "@/lib/comments/submit";
import { sanitizeCommentHtml } from "@/lib/content/sanitize";
import { autop } from "@/lib/content/format";
import { clientIpFrom } from "@/lib/request-ip";
import { absoluteUrl } from "@/lib/site-url";
import { COMMENT_LIMITS, normalizeCommentUrl } from "@/lib/validation/comment";
import { RestError, forbiddenFor, restJson } from "./errors";
import { parseBody, rawText, restId } from "./body";
import { avatarUrls } from "./format";
import type { RestUser } from "./auth";

const STATUS_NAMES: Record<Comment["status"], string> = { "0": "hold", "1": "approved", spam: "spam", trash: "trash", "post-trashed": "post-trashed" };
// What a client may send as status, to the moderation action that gets there.
const STATUS_ACTIONS: Record<string, CommentAction> = { approved: "approve", approve: "approve", "1": "approve", hold: "unapprove", "0": "unapprove", spam: "spam", trash: "trash" };

const CommentBodySchema = z.object({
  post: restId.optional(),
  parent: restId.optional(),
  content: rawText(COMMENT_LIMITS.comment).optional(),
  status: z.enum(Object.keys(STATUS_ACTIONS) as [string, ...string[]]).optional(),
  author_name: z.string().max(COMMENT_LIMITS.author).optional(),
  author_email: z.string().max(COMMENT_LIMITS.email).optional(),
  author_url: z.string().max(COMMENT_LIMITS.url).optional(),
  meta: z.union([z.array(z.unknown()).max(0), z.object({}).strict()]).optional(),
});
const READ_ONLY = ["id", "date", "date_gmt", "link", "type", "author", "author_avatar_urls", "context", "force"] as const;

export async function formatCommentForEdit(id: number): Promise<Record<string, unknown>> {
  const { comment: c, post } = (await getCommentWithPost(id))!;
  const route = post.type === "page" ? "pages" : "posts";
  return {
    id: c.id, post: c.postId, parent: c.parentId ?? 0, author: c.userId ?? 0, author_name: c.authorName, author_email: c.authorEmail,
    author_url: c.authorUrl, author_ip: "", author_user_agent: "", date: c.date.replace(" ", "T"), date_gmt: c.dateGmt.replace(" ", "T"),
    content: { raw: c.content, rendered: sanitizeCommentHtml(autop(c.content)) }, link: `${await absoluteUrl(`/?p=${c.postId}`)}#comment-${c.id}`,
    status: STATUS_NAMES[c.status], type: c.type, author_avatar_urls: avatarUrls(c.authorEmail.trim().toLowerCase() || c.authorName), meta: [],
    _links: {
      self: [{ href: await absoluteUrl(`/wp-json/wp/v2/comments/${c.id}`) }],
      collection: [{ href: await absoluteUrl("/wp-json/wp/v2/comments") }],
      up: [{ embeddable: true, post_type: post.type, href: await absoluteUrl(`/wp-json/wp/v2/${route}/${c.postId}`) }],
    },
  };
}

const SUBMIT_ERRORS: Record<string, [string, number]> = {
  noPost: ["rest_comment_invalid_post_id", 403], closed: ["rest_comment_closed", 403], password: ["rest_cannot_read_post", 403],
  empty: ["rest_comment_content_invalid", 400], duplicate: ["comment_duplicate", 409], flood: ["comment_flood", 400], rate: ["comment_flood", 429],
  parentMissing: ["rest_comment_invalid_parent", 400], parentUnapproved: ["rest_comment_invalid_parent", 400], registration: ["rest_comment_login_required", 401],
};

export async function createRestComment(user: RestUser | null, req: Request, body: Record<string, unknown>): Promise<Response> {
  if (!user) throw new RestError("rest_comment_login_required", "Sorry, you must be logged in to comment.", 401);
  const input = parseBody(CommentBodySchema, body, READ_ONLY);
  if (!input.post) throw new RestError("rest_comment_invalid_post_id", "Sorry, you are not allowed to create this comment without a post.", 403);
  const moderator = canModerateAll(user);
  if (input.status && !moderator) throw new RestError("rest_comment_invalid_status", "Sorry, you are not allowed to edit 'status' for comments.", 403);
  if ((input.author_name || input.author_email || input.author_url) && !moderator) {
    throw new RestError("rest_comment_invalid_author", "Sorry, you are not allowed to edit 'author' for comments.", 403);
  }
  const me = (await getUserById(user.id))!;
  const result = await submitComment(
    { postId: input.post, parentId: input.parent ?? 0, comment: input.content ?? "" },
    { ip: clientIpFrom(req.headers), userAgent: req.headers.get("user-agent") ?? "", user: { id: me.id, role: me.role, displayName: me.displayName, email: me.email, url: me.url }, authorToken: "" },
  );
  if (!result.ok) {
    const [code, status] = SUBMIT_ERRORS[result.code] ?? ["rest_comment_failed", result.status];
    throw new RestError(code, result.message, status);
  }
  const id = result.comment.id;
  if (input.status) await applyCommentAction([id], STATUS_ACTIONS[input.status]!);
  return restJson(await formatCommentForEdit(id), 201, { Location: await absoluteUrl(`/wp-json/wp/v2/comments/${id}`) });
}

async function moderatable(user: RestUser | null, id: number, verb: "edit" | "delete") {
  const found = await getCommentWithPost(id);
  if (!found) throw new RestError("rest_comment_invalid_id", "Invalid comment ID.", 404);
  if (!user || !canModerateCommentOn(user, found.post)) {
    throw forbiddenFor(user, verb === "edit" ? "rest_cannot_edit" : "rest_cannot_delete", `Sorry, you are not allowed to ${verb} this comment.`);
  }
  return found;
}

export async function updateRestComment(user: RestUser | null, id: number, body: Record<string, unknown>): Promise<Response> {
  const found = await moderatable(user, id, "edit");
  const input = parseBody(CommentBodySchema, body, READ_ONLY);
  if (input.post !== undefined && input.post !== found.comment.postId) throw new RestError("rest_comment_invalid_post_id", "Sorry, you are not allowed to move this comment to another post.", 403);
  const c = found.comment;
  if (input.content !== undefined || input.author_name !== undefined || input.author_email !== undefined || input.author_url !== undefined) {
    const content = input.content !== undefined ? sanitizeCommentHtml(input.content) : c.content;
    if (!content.replace(/<[^<>]*>/g, "").trim()) throw new RestError("rest_comment_content_invalid", "Invalid comment content.", 400);
    await updateCommentFields(id, {
      authorName: input.author_name ?? c.authorName, authorEmail: input.author_email ?? c.authorEmail,
      authorUrl: input.author_url !== undefined ? normalizeCommentUrl(input.author_url) : c.authorUrl, content,
    });
  }
  if (input.status && STATUS_NAMES[c.status] !== input.status) await applyCommentAction([id], STATUS_ACTIONS[input.status]!);
  return restJson(await formatCommentForEdit(id));
}

export async function deleteRestComment(user: RestUser | null, id: number, force: boolean): Promise<Response> {
  const found = await moderatable(user, id, "delete");
  const previous = await formatCommentForEdit(id);
  if (force) {
    await applyCommentAction([id], "delete");
    return restJson({ deleted: true, previous });
  }
  if (found.comment.status === "trash") throw new RestError("rest_already_trashed", "The comment has already been trashed.", 410);
  await applyCommentAction([id], "trash");
  return restJson(await formatCommentForEdit(id));
}

/** A held, spam or trashed comment for those who may moderate it; `context=edit` with its raw fields. */
export async function getRestCommentForUser(user: RestUser, id: number): Promise<Record<string, unknown>> {
  await moderatable(user, id, "edit");
  return formatCommentForEdit(id);
}

