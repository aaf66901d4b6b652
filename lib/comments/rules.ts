// When a post takes comments, and what unlocks a password-protected one: shared by the comment
// area (to show the form or "Comments are closed.") and the POST endpoint (to refuse).
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Options } from "@/lib/options/defaults";
import { parseSqlGmt } from "@/lib/dates";

export interface CommentablePost {
  status: string;
  commentStatus: "open" | "closed";
  dateGmt: string;
}

/** Per-post comment_status, then "close comments on posts older than N days" (WordPress's _close_comments_for_old_post). */
export function commentsOpen(post: CommentablePost, opts: Pick<Options, "close_comments_for_old_posts" | "close_comments_days_old">, now = Date.now()): boolean {
  if (post.commentStatus !== "open") return false;
  if (opts.close_comments_for_old_posts && opts.close_comments_days_old > 0) {
    const age = now - parseSqlGmt(post.dateGmt).getTime();
    if (age > opts.close_comments_days_old * 86_400_000) return false;
  }
  return true;
}

/**
 * A visitor who entered a post's password carries this cookie (the Reading area sets it when the
 * password form is answered): an HMAC of the post and its password, so changing the password
 * locks everyone out again and the cookie never holds the password itself.
 */
export const postPassCookieName = (postId: number) => `inkwell_postpass_${postId}`;

export function postPassCookieValue(postId: number, password: string): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return createHmac("sha256", secret).update(`postpass:${postId}:${password}`).digest("base64url");
}

export function hasPostPassword(postId: number, password: string, cookieValue: string | undefined): boolean {
  if (!password) return true;
  if (!cookieValue) return false;
  const a = Buffer.from(postPassCookieValue(postId, password));
  const b = Buffer.from(cookieValue);
  return a.length === b.length && timingSafeEqual(a, b);
}
