// The content structs of the XML-RPC publishing methods (MetaWeblog's and wp.*'s), one schema
// each, with the editor's limits. Members WordPress does not know are ignored, as WordPress does;
// a known member of the wrong type is a fault naming it.
import { z } from "zod";
import { POST_LIMITS } from "./post";

const text = (max: number) => z.string().max(max, `at most ${max.toLocaleString("en")} characters`);
/** XML-RPC clients send ids as <int> or <string>: "12" and 12 are the same post. */
export const xmlrpcId = z.union([z.number(), z.string().regex(/^\s*\d+\s*$/)]).transform(Number).pipe(z.number().int().nonnegative());
/** <boolean>, or 0/1 as <int> or <string>, as older clients send it. */
const flag = z.union([z.boolean(), z.number(), z.string()]).transform((v) => v === true || v === 1 || v === "1" || v === "true");
/** mt_allow_comments: 1/2 or "open"/"closed"; 0 and anything else is closed (WordPress: 1 open, 0 and 2 closed). */
const openClosed = z.union([z.number(), z.string(), z.boolean()]).transform((v): "open" | "closed" => (v === 1 || v === true || v === "1" || v === "open" ? "open" : "closed"));
const date = z.date();
const names = z.array(text(POST_LIMITS.termName)).max(100);
const STATUSES = ["publish", "draft", "pending", "private", "future"] as const;
const status = z.enum(STATUSES);

/** metaWeblog.newPost / editPost's struct. */
export const MetaWeblogPostSchema = z.object({
  title: text(POST_LIMITS.title).optional(),
  description: text(POST_LIMITS.content).optional(),
  mt_text_more: text(POST_LIMITS.content).optional(),
  mt_excerpt: text(POST_LIMITS.excerpt).optional(),
  mt_keywords: text(10_000).optional(),
  categories: names.optional(),
  wp_slug: text(POST_LIMITS.slug).optional(),
  wp_password: text(POST_LIMITS.password).optional(),
  mt_allow_comments: openClosed.optional(),
  mt_allow_pings: openClosed.optional(),
  dateCreated: date.optional(),
  date_created_gmt: date.optional(),
  post_status: status.optional(),
  page_status: status.optional(),
  post_type: z.enum(["post", "page"]).optional(),
  wp_author_id: xmlrpcId.optional(),
  wp_page_parent_id: xmlrpcId.optional(),
  wp_page_order: xmlrpcId.optional(),
  wp_post_thumbnail: xmlrpcId.optional(),
  sticky: flag.optional(),
});
export type MetaWeblogPost = z.infer<typeof MetaWeblogPostSchema>;

/** wp.newPost / wp.editPost's struct. */
export const WpPostSchema = z.object({
  post_type: z.enum(["post", "page"]).optional(),
  post_status: status.optional(),
  post_title: text(POST_LIMITS.title).optional(),
  post_author: xmlrpcId.optional(),
  post_excerpt: text(POST_LIMITS.excerpt).optional(),
  post_content: text(POST_LIMITS.content).optional(),
  post_date: date.optional(),
  post_date_gmt: date.optional(),
  post_name: text(POST_LIMITS.slug).optional(),
  post_password: text(POST_LIMITS.password).optional(),
  comment_status: z.enum(["open", "closed"]).optional(),
  ping_status: z.enum(["open", "closed"]).optional(),
  sticky: flag.optional(),
  post_thumbnail: xmlrpcId.optional(),
  post_parent: xmlrpcId.optional(),
  menu_order: xmlrpcId.optional(),
  terms: z.record(z.string(), z.array(xmlrpcId).max(100)).optional(),
  terms_names: z.record(z.string(), names).optional(),
  /** wp.editPost refuses to overwrite a newer version (WordPress's 409). */
  if_not_modified_since: date.optional(),
});
export type WpPost = z.infer<typeof WpPostSchema>;

/** wp.getPosts' filter. */
export const WpPostFilterSchema = z.object({
  post_type: z.enum(["post", "page"]).default("post"),
  post_status: z.union([status, z.literal("trash"), z.array(z.enum([...STATUSES, "trash"]))]).optional(),
  number: xmlrpcId.pipe(z.number().max(1000)).default(10),
  offset: xmlrpcId.default(0),
  orderby: z.enum(["date", "post_date", "title", "post_title", "modified", "post_modified", "ID", "id"]).default("date"),
  order: z.string().transform((v) => (v.toLowerCase() === "asc" ? ("asc" as const) : ("desc" as const))).default("desc"),
});

/** metaWeblog.newMediaObject's and wp.uploadFile's struct. */
export const UploadStructSchema = z.object({
  name: z.string().trim().min(1, "a file name").max(255),
  type: z.string().max(255).optional(),
  bits: z.instanceof(Buffer, { message: "the file's bytes as <base64>" }),
  overwrite: flag.optional(),
  post_id: xmlrpcId.optional(),
});

/** wp.getTerms' filter. */
export const WpTermFilterSchema = z.object({
  number: xmlrpcId.optional(),
  offset: xmlrpcId.default(0),
  hide_empty: flag.optional(),
  search: z.string().max(200).optional(),
});

/** The first line of a zod error, for a fault's message: which member and what was wrong. */
export function firstIssue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.join(".") || "value"}: ${i.message}` : "invalid value";
}
