// WordPress's moderation decision for a new comment, trackback, pingback or webmention
// (wp_allow_comment → check_comment → wp_check_comment_disallowed_list), as a pure function.
// Order matters and follows WordPress: moderators and the post's author are approved at once;
// disallowed keys trash; then any hold rule holds; otherwise approved.
import type { Options } from "@/lib/options/defaults";

export type ModerationOptions = Pick<
  Options,
  "comment_moderation" | "comment_previously_approved" | "comment_max_links" | "moderation_keys" | "disallowed_keys"
>;

export interface CommentCandidate {
  type: "comment" | "trackback" | "pingback" | "webmention";
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  content: string;
  ip: string;
  userAgent: string;
}

export interface ModerationContext {
  /** The commenter can moderate comments, or wrote the post. */
  trusted: boolean;
  /** This author name and email already have an approved comment. */
  previouslyApproved: boolean;
}

export type ModerationReason =
  | "trusted"
  | "disallowed_key"
  | "comment_moderation"
  | "max_links"
  | "moderation_key"
  | "not_previously_approved"
  | "approved";

export interface ModerationDecision {
  status: "0" | "1" | "trash";
  reason: ModerationReason;
}

/** Counts links as WordPress does: every `<a ... href=` in the content. */
export function countLinks(content: string): number {
  return (content.match(/<a\s[^<>]*href\s*=/gi) ?? []).length;
}

/** Keys are one per line; a key matches as a case-insensitive substring of any field. */
export function matchKey(keys: string, fields: string[]): string | null {
  const haystacks = fields.map((f) => f.toLowerCase());
  for (const line of keys.split(/\r?\n/)) {
    const key = line.trim().toLowerCase();
    if (!key) continue;
    if (haystacks.some((h) => h.includes(key))) return key;
  }
  return null;
}

function fieldsOf(c: CommentCandidate): string[] {
  return [c.authorName, c.authorEmail, c.authorUrl, c.content, c.ip, c.userAgent];
}

export function decideModeration(c: CommentCandidate, opts: ModerationOptions, ctx: ModerationContext): ModerationDecision {
  if (ctx.trusted && c.type === "comment") return { status: "1", reason: "trusted" };
  // WordPress checks the disallowed list on the content with tags stripped too.
  const stripped = { ...c, content: c.content.replace(/<[^<>]*>/g, "") };
  if (matchKey(opts.disallowed_keys, fieldsOf(c)) || matchKey(opts.disallowed_keys, fieldsOf(stripped))) {
    return { status: "trash", reason: "disallowed_key" };
  }
  if (opts.comment_moderation) return { status: "0", reason: "comment_moderation" };
  if (opts.comment_max_links > 0 && countLinks(c.content) >= opts.comment_max_links) return { status: "0", reason: "max_links" };
  if (matchKey(opts.moderation_keys, fieldsOf(c))) return { status: "0", reason: "moderation_key" };
  if (opts.comment_previously_approved) {
    // Trackbacks, pingbacks and webmentions never pass this rule, as in WordPress.
    if (c.type !== "comment" || !ctx.previouslyApproved) return { status: "0", reason: "not_previously_approved" };
  }
  return { status: "1", reason: "approved" };
}
