// A new comment from the form, through WordPress's rules in WordPress's order
// (wp_handle_comment_submission → wp_new_comment → wp_allow_comment), plus Inkwell's spam
// defences. Framework-free, so the route handler and the tests drive exactly the same code.
import { getOptions } from "@/db/queries/options";
import { getCommentParent, getCommentTarget } from "@/db/queries/comments";
import { roleCan, canReadPost } from "@/lib/auth/capabilities";
import { sanitizeCommentHtml } from "@/lib/content/sanitize";
import { toSqlGmt, toSqlLocal } from "@/lib/dates";
import { storeComment } from "./store";
import { logEvent } from "@/lib/log";
import type { Role } from "@/db/schema";
import { COMMENT_LIMITS, CommentInputSchema, byteLength, isEmail, normalizeCommentUrl, type CommentInput } from "@/lib/validation/comment";
import { checkFormToken } from "./form-token";
import { allowCommentAttempt } from "./rate-limit";
import { commentsOpen, hasPostPassword } from "./rules";


export { FLOOD_SECONDS } from "./store";
/** Beyond WordPress: attempts (accepted or not) per IP per minute, so refusals cost a bot too. */
export const COMMENT_RATE = { points: 10, seconds: 60 };

export interface Commenter {
  id: number;
  role: Role;
  displayName: string;
  email: string;
  url: string;
}

export interface SubmitContext {
  ip: string;
  userAgent: string;
  user: Commenter | null;
  /** The visitor's held-comment token (cookie), so they alone see what awaits moderation. */
  authorToken: string;
  /** The post-password cookie's value for this post, if any. */
  /** The post-password cookie (lib/content/post-pass), if the visitor has one. */
  postPassCookie?: string;
  now?: number;
}

export type SubmitError = {
  ok: false;
  status: 400 | 403 | 404 | 409 | 429;
  code: string;
  message: string;
  field?: keyof CommentInput;
  /** What was typed, to put back in the form. */
  values: Partial<Record<"author" | "email" | "url" | "comment", string>> & { consent?: boolean };
  postId?: number;
  parentId?: number;
};

export type SubmitOk = {
  ok: true;
  comment: { id: number; postId: number; parentId: number | null; status: string; authorName: string };
  /**
   * The status the commenter is told: "1" approved, else "0" (awaiting moderation). Held, spam
   * and trash answer alike, so that a bot learns nothing of which check caught it, and a person
   * whose form had expired is told what a held comment's author is told.
   */
  answerStatus: "0" | "1";
  postUrl: string;
  consent: boolean;
  remember: { author: string; email: string; url: string };
  /** Notification mails queued with the comment (when SMTP is configured); the job queue sends them. */
  mailsQueued: number;
};

export type SubmitResult = SubmitOk | SubmitError;

export const MESSAGES = {
  rate: "You are posting comments too quickly. Slow down.",
  invalid: "Sorry, that comment could not be read. Please try again.",
  noPost: "Sorry, this item does not exist.",
  parentMissing: "The comment you are replying to does not exist.",
  parentUnapproved: "Sorry, replies to unapproved comments are not allowed.",
  closed: "Sorry, comments are closed for this item.",
  password: "This post is password protected. Enter the password to view comments.",
  registration: "Sorry, you must be logged in to comment.",
  required: "Please fill the required fields.",
  email: "Please enter a valid email address.",
  empty: "Please type your comment text.",
  authorLong: "Your name is too long.",
  emailLong: "Your email address is too long.",
  urlLong: "Your URL is too long.",
  commentLong: "Your comment is too long.",
  duplicate: "Duplicate comment detected; it looks as though you’ve already said that!",
  flood: "You are posting comments too quickly. Slow down.",
} as const;

export async function submitComment(raw: Record<string, unknown>, ctx: SubmitContext): Promise<SubmitResult> {
  const now = ctx.now ?? Date.now();
  const typed = {
    author: String(raw.author ?? ""),
    email: String(raw.email ?? ""),
    url: String(raw.url ?? ""),
    comment: String(raw.comment ?? ""),
    // The "Save my name…" box, ticked again on the page that refuses the comment.
    consent: raw.consent === "yes" || raw.consent === true,
  };
  const fail = (status: SubmitError["status"], code: keyof typeof MESSAGES, field?: keyof CommentInput, ids: { postId?: number; parentId?: number } = {}): SubmitError => ({
    ok: false, status, code, message: MESSAGES[code], field, values: typed, ...ids,
  });

  const isModerator = !!ctx.user && roleCan(ctx.user.role, "moderate_comments");
  if (!isModerator && !(await allowCommentAttempt(ctx.ip, COMMENT_RATE.points, COMMENT_RATE.seconds))) {
    logEvent("comment_rate_limited", { ip: ctx.ip });
    return fail(429, "rate");
  }

  const parsed = CommentInputSchema.safeParse(raw);
  if (!parsed.success) return fail(400, "invalid");
  const input = parsed.data;
  const ids = { postId: input.postId, parentId: input.parentId || undefined };

  // 1. The comment replied to exists, belongs to this post and is approved.
  if (input.parentId) {
    const parent = await getCommentParent(input.parentId);
    if (!parent || parent.postId !== input.postId) return fail(400, "parentMissing", "parentId", ids);
    if (parent.status !== "1") return fail(403, "parentUnapproved", "parentId", ids);
  }

  // 2. The post exists, is readable and takes comments.
  // A post this commenter may not read answers as a missing one: a different answer would tell
  // anyone which ids hold drafts and private posts.
  const post = await getCommentTarget(input.postId);
  if (!post || !canReadPost(ctx.user, post)) return fail(404, "noPost", "postId", ids);
  const opts = await getOptions();
  if (!commentsOpen(post, opts, now)) return fail(403, "closed", "postId", ids);

  // 3. A password-protected post needs its password first.
  if (post.password && !hasPostPassword(post.password, ctx.postPassCookie)) return fail(403, "password", "postId", ids);

  // 4. Signed-in users comment as themselves; comment_registration shuts everyone else out.
  let author = input.author;
  let email = input.email;
  let rawUrl = input.url;
  if (ctx.user) {
    author = ctx.user.displayName;
    email = ctx.user.email;
    rawUrl = ctx.user.url;
  } else if (opts.comment_registration) {
    return fail(403, "registration", undefined, ids);
  }

  // 5. Name and a valid email, unless the site says otherwise.
  if (!ctx.user && opts.require_name_email) {
    if (!author) return fail(400, "required", "author", ids);
    if (!email) return fail(400, "required", "email", ids);
    if (!isEmail(email)) return fail(400, "email", "email", ids);
  }

  // 6. Not empty.
  if (!input.comment) return fail(400, "empty", "comment", ids);

  // 7. WordPress's column sizes, in bytes.
  if (byteLength(author) > COMMENT_LIMITS.author) return fail(400, "authorLong", "author", ids);
  if (byteLength(email) > COMMENT_LIMITS.email) return fail(400, "emailLong", "email", ids);
  if (byteLength(rawUrl) > COMMENT_LIMITS.url) return fail(400, "urlLong", "url", ids);
  if (byteLength(input.comment) > COMMENT_LIMITS.comment) return fail(400, "commentLong", "comment", ids);

  // Stored as WordPress stores it for users without unfiltered_html: comment tags only.
  const content = sanitizeCommentHtml(input.comment);
  if (!content.replace(/<[^<>]*>/g, "").trim()) return fail(400, "empty", "comment", ids);

  // Beyond WordPress: a filled honeypot, or a form sent too fast, too late or unsigned, is spam.
  let spamReason = "";
  if (!ctx.user) {
    if (input.honeypot) spamReason = "honeypot";
    else {
      const verdict = checkFormToken(input.timestamp, input.postId, now);
      if (verdict !== "ok") spamReason = `form_${verdict}`;
    }
  }

  const url = normalizeCommentUrl(rawUrl);
  const trusted = isModerator || (!!ctx.user && ctx.user.id === post.authorId);
  const date = new Date(now);
  // 8–9. Duplicate, flood, then moderation, atomically with the insert.
  const result = await storeComment(
    post,
    opts,
    {
      postId: post.id,
      parentId: input.parentId || null,
      type: "comment",
      authorName: author,
      authorEmail: email,
      authorUrl: url,
      authorIp: ctx.ip,
      userAgent: ctx.userAgent.slice(0, 254),
      userId: ctx.user?.id ?? null,
      content,
      date: toSqlLocal(date, opts.timezone_string),
      dateGmt: toSqlGmt(date),
      authorToken: ctx.authorToken,
    },
    { trusted, noFloodCheck: isModerator, spamReason: spamReason || undefined, now },
  );
  if (result.outcome === "duplicate") return fail(409, "duplicate", "comment", ids);
  if (result.outcome === "flood") return fail(429, "flood", undefined, ids);

  const c = result.comment;
  const { postUrl: url_, mailsQueued } = result;
  // A reply to a comment from the fediverse goes back there (lib/federation/replies-out.ts).
  if (c.status === "1" && c.parentId) await (await import("@/lib/jobs")).enqueueCommentFederation([c.id]);
  return {
    ok: true,
    comment: { id: c.id, postId: c.postId, parentId: c.parentId, status: c.status, authorName: c.authorName },
    answerStatus: c.status === "1" ? "1" : "0",
    postUrl: url_,
    consent: input.consent,
    remember: { author: input.author, email: input.email, url: input.url },
    mailsQueued,
  };
}
