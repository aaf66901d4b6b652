// When a post takes comments, and what unlocks a password-protected one: shared by the comment
// area (to show the form or "Comments are closed.") and the POST endpoint (to refuse).
import { postPassMatches } from "@/lib/content/post-pass";
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

/** A visitor who entered a post's password carries the post-password cookie (set by the post page's form). */
export function hasPostPassword(password: string, cookieValue: string | undefined): boolean {
  return postPassMatches(password, cookieValue);
}
