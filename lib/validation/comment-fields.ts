// The comment form's field names (WordPress's own) and byte limits, without zod, so the
// browser's form can share them.
export const COMMENT_LIMITS = {
  author: 245,
  email: 100,
  url: 200,
  comment: 65_525,
} as const;

export const COMMENT_FIELDS = {
  postId: "comment_post_ID",
  parentId: "comment_parent",
  author: "author",
  email: "email",
  url: "url",
  comment: "comment",
  consent: "wp-comment-cookies-consent",
  // Spam defences: a field people never see, and when the form was shown (signed).
  honeypot: "website_confirm",
  timestamp: "comment_ts",
} as const;

