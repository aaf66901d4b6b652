// One zod schema per WordPress REST resource the live import reads (wp-json/wp/v2, WordPress
// 6.x). Only the fields the import uses are declared; anything else WordPress or a plugin adds
// is ignored. Fields that exist only with `context=edit` (raw text, emails, passwords) are
// optional: a site read without credentials answers with `context=view`.
import { z } from "zod";

const rendered = z.object({ rendered: z.string(), raw: z.string().optional() });
const renderedMaybe = z.object({ rendered: z.string().optional().default(""), raw: z.string().optional() });
const id = z.number().int().nonnegative();
// WordPress sends null for a draft's unset GMT date.
const date = z.string().nullable().optional().default(null);

/** GET /wp-json/ (the API index, fetched with `_fields`). */
export const SiteIndexSchema = z.object({
  name: z.string().default(""),
  description: z.string().default(""),
  url: z.string().default(""),
  home: z.string().default(""),
  namespaces: z.array(z.string()),
});

/** GET /wp/v2/settings (context edit; needs manage_options). */
export const SiteSettingsSchema = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  posts_per_page: z.number().int().optional(),
  default_comment_status: z.enum(["open", "closed"]).optional(),
  default_ping_status: z.enum(["open", "closed"]).optional(),
});

/** One item of GET /wp/v2/posts or /wp/v2/pages. */
export const RestPostSchema = z.object({
  id,
  type: z.string(),
  status: z.string(),
  date: z.string(),
  date_gmt: date,
  modified: z.string().optional().default(""),
  modified_gmt: date,
  slug: z.string().default(""),
  link: z.string().default(""),
  guid: renderedMaybe,
  title: renderedMaybe,
  content: z.object({ rendered: z.string().optional().default(""), raw: z.string().optional(), protected: z.boolean().optional().default(false) }),
  excerpt: renderedMaybe.optional(),
  author: id.optional().default(0),
  featured_media: id.optional().default(0),
  comment_status: z.string().optional().default("open"),
  ping_status: z.string().optional().default("open"),
  sticky: z.boolean().optional().default(false),
  parent: id.optional().default(0),
  menu_order: z.number().int().optional().default(0),
  password: z.string().optional(),
  categories: z.array(id).optional().default([]),
  tags: z.array(id).optional().default([]),
});

/** One item of GET /wp/v2/categories or /wp/v2/tags. */
export const RestTermSchema = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  description: z.string().optional().default(""),
  parent: id.optional().default(0),
});

/** One item of GET /wp/v2/comments. */
export const RestCommentSchema = z.object({
  id,
  post: id,
  parent: id.default(0),
  author: id.default(0),
  author_name: z.string().default(""),
  author_url: z.string().default(""),
  author_email: z.string().optional(),
  author_ip: z.string().optional(),
  date: z.string(),
  date_gmt: date,
  content: rendered,
  status: z.string(),
  type: z.string().default("comment"),
});

/** One item of GET /wp/v2/media. */
export const RestMediaSchema = z.object({
  id,
  date: z.string(),
  date_gmt: date,
  slug: z.string().default(""),
  title: renderedMaybe,
  author: id.optional().default(0),
  caption: renderedMaybe.optional(),
  alt_text: z.string().optional().default(""),
  post: id.nullable().optional().default(0),
  source_url: z.string(),
  guid: renderedMaybe.optional(),
});

/** One item of GET /wp/v2/users: public fields, plus login and email with context=edit. */
export const RestUserSchema = z.object({
  id,
  name: z.string().default(""),
  slug: z.string(),
  username: z.string().optional(),
  email: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
});

export type SiteIndex = z.infer<typeof SiteIndexSchema>;
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
export type RestPost = z.infer<typeof RestPostSchema>;
export type RestTerm = z.infer<typeof RestTermSchema>;
export type RestComment = z.infer<typeof RestCommentSchema>;
export type RestMedia = z.infer<typeof RestMediaSchema>;
export type RestUser = z.infer<typeof RestUserSchema>;
