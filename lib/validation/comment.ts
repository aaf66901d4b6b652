// The comment form's input, shared by the POST endpoint, the form's HTML limits and the tests.
// Byte limits are WordPress's (wp_get_comment_fields_max_lengths): the columns are sized in bytes,
// so a name of 245 ASCII letters fits but one of 123 two-byte letters may not.
import { z } from "zod";
import { safeRedirectUnder } from "@/lib/security/redirect-target";

import { COMMENT_FIELDS, COMMENT_LIMITS } from "./comment-fields";

export { COMMENT_FIELDS, COMMENT_LIMITS } from "./comment-fields";

const text = z.preprocess((v) => (typeof v === "string" ? v : ""), z.string());

/** The raw form, before WordPress's rules run: only types and trimming here. */
export const CommentInputSchema = z.object({
  postId: z.coerce.number().int().positive(),
  parentId: z.preprocess((v) => (v === "" || v === undefined || v === null ? 0 : v), z.coerce.number().int().min(0)),
  author: text.transform((s) => s.trim()),
  email: text.transform((s) => s.trim()),
  url: text.transform((s) => s.trim()),
  comment: text.transform((s) => s.replace(/\r\n?/g, "\n").trim()),
  consent: text.transform((s) => s === "yes"),
  honeypot: text,
  timestamp: text,
});
export type CommentInput = z.infer<typeof CommentInputSchema>;

/** Reads the WordPress field names from a form body into the schema's shape. */
export function commentInputFromForm(form: FormData | URLSearchParams): Record<string, unknown> {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  return {
    postId: get(COMMENT_FIELDS.postId),
    parentId: get(COMMENT_FIELDS.parentId),
    author: get(COMMENT_FIELDS.author),
    email: get(COMMENT_FIELDS.email),
    url: get(COMMENT_FIELDS.url),
    comment: get(COMMENT_FIELDS.comment),
    consent: get(COMMENT_FIELDS.consent),
    honeypot: get(COMMENT_FIELDS.honeypot),
    timestamp: get(COMMENT_FIELDS.timestamp),
  };
}

export const byteLength = (s: string) => Buffer.byteLength(s, "utf8");

/** WordPress's is_email, close enough: one @, a dotted domain, no spaces. */
export function isEmail(s: string): boolean {
  return s.length >= 6 && /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)+$/.test(s);
}

/** A commenter's website: http(s) only (WordPress's esc_url for comment_author_url). */
export function normalizeCommentUrl(s: string): string {
  if (!s) return "";
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `http://${s}`;
  try {
    const u = new URL(withScheme);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : "";
  } catch {
    return "";
  }
}

// The Comments screen's inputs.
const ACTIONS = ["approve", "unapprove", "spam", "unspam", "trash", "restore", "delete"] as const;
const COMMENTS_SCREEN = "/admin/comments/";
const backPath = z.preprocess((v) => safeRedirectUnder(v, COMMENTS_SCREEN), z.string());

export const CommentActionSchema = z.object({
  id: z.coerce.number().int().positive(),
  action: z.enum(ACTIONS),
  back: backPath,
});

export const BulkCommentActionSchema = z.object({
  ids: z.array(z.coerce.number().int().positive()).max(500),
  action: z.enum(ACTIONS),
  back: backPath,
});

export const AdminReplySchema = z.object({
  parentId: z.coerce.number().int().positive(),
  content: z.string().trim().min(1, "Please type your reply.").refine((s) => byteLength(s) <= COMMENT_LIMITS.comment, "Your reply is too long."),
  back: backPath,
});

export const CommentEditSchema = z.object({
  id: z.coerce.number().int().positive(),
  authorName: z.string().trim().refine((s) => byteLength(s) <= COMMENT_LIMITS.author, "The name is too long."),
  authorEmail: z.string().trim().refine((s) => s === "" || isEmail(s), "Please enter a valid email address.").refine((s) => byteLength(s) <= COMMENT_LIMITS.email, "The email address is too long."),
  authorUrl: z.string().trim().refine((s) => byteLength(s) <= COMMENT_LIMITS.url, "The URL is too long."),
  content: z.string().trim().min(1, "Please type the comment text.").refine((s) => byteLength(s) <= COMMENT_LIMITS.comment, "The comment is too long."),
  status: z.enum(["0", "1", "spam"]).optional(),
  back: backPath,
});
