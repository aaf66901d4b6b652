// One zod schema per input of the writing screens: the editor, autosave, quick edit, bulk
// actions, and the category and tag forms. Limits live here and feed the HTML maxLength too.
import { z } from "zod";
import { INTENTS } from "@/lib/posts/status";

export const POST_LIMITS = {
  title: 1000,
  slug: 200,
  content: 1_000_000,
  excerpt: 10_000,
  password: 255,
  toPing: 10_000,
  inReplyTo: 2000,
  termName: 200,
  termDescription: 5_000,
} as const;

const id = z.coerce.number().int().positive();
const optionalId = z.preprocess((v) => (v === "" || v === null || v === undefined || v === "0" ? undefined : v), id.optional());
const checkbox = z.preprocess((v) => v === "on" || v === "1" || v === "true" || v === true, z.boolean());
const text = (max: number, label: string) => z.string().max(max, `${label} is too long (at most ${max.toLocaleString("en")} characters).`).default("");
// The title field is a textarea (it wraps): a line break typed there without JavaScript is a space.
const titleText = z.preprocess((v) => (typeof v === "string" ? v.replace(/[\r\n]+/g, " ") : v), text(POST_LIMITS.title, "The title"));

/** The editor's form, for posts and pages. */
export const PostFormSchema = z
  .object({
    id: optionalId,
    type: z.enum(["post", "page"]).default("post"),
    version: z.coerce.number().int().nonnegative().default(0),
    intent: z.enum(INTENTS).default("save_draft"),
    title: titleText,
    slug: text(POST_LIMITS.slug, "The slug"),
    content: text(POST_LIMITS.content, "The content"),
    excerpt: text(POST_LIMITS.excerpt, "The excerpt"),
    categories: z.array(id).default([]),
    newCategory: text(POST_LIMITS.termName, "The new category's name"),
    newCategoryParent: optionalId,
    tags: text(10_000, "The tags"),
    featuredMediaId: optionalId,
    commentStatus: checkbox,
    pingStatus: checkbox,
    toPing: text(POST_LIMITS.toPing, "Send trackbacks to"),
    visibility: z.enum(["public", "password", "private"]).default("public"),
    password: text(POST_LIMITS.password, "The password"),
    sticky: checkbox,
    authorId: optionalId,
    date: z.string().max(30).default(""),
    parentId: optionalId,
    menuOrder: z.coerce.number().int().min(-99999).max(99999).default(0),
    /** Set by "Save anyway" after a conflict: the person chose to overwrite. */
    overwrite: checkbox,
    /** A fediverse post this post replies to (lib/federation/reply-posts.ts), or "". */
    inReplyTo: text(POST_LIMITS.inReplyTo, "In reply to"),
  })
  .superRefine((v, ctx) => {
    if (v.visibility === "password" && !v.password.trim()) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "Enter a password, or choose another visibility." });
    }
    if (v.inReplyTo.trim() && (!/^https?:\/\/\S+$/i.test(v.inReplyTo.trim()) || !URL.canParse(v.inReplyTo.trim()))) {
      ctx.addIssue({ code: "custom", path: ["inReplyTo"], message: "Enter the address (https://…) of the post this one replies to, or leave it empty." });
    }
    for (const url of v.toPing.split(/\s+/).filter(Boolean)) {
      if (!/^https?:\/\/[^\s]+$/i.test(url)) {
        ctx.addIssue({ code: "custom", path: ["toPing"], message: `“${url.slice(0, 80)}” is not an http(s) address.` });
        break;
      }
    }
  });
export type PostFormInput = z.infer<typeof PostFormSchema>;

/** Autosave and preview: only the text, for a post that exists or a new one (no id). */
export const AutosaveSchema = z.object({
  id: optionalId,
  type: z.enum(["post", "page"]).default("post"),
  title: text(POST_LIMITS.title, "The title"),
  content: text(POST_LIMITS.content, "The content"),
  excerpt: text(POST_LIMITS.excerpt, "The excerpt"),
});

export const QuickEditSchema = z.object({
  id,
  version: z.coerce.number().int().nonnegative(),
  title: text(POST_LIMITS.title, "The title"),
  slug: text(POST_LIMITS.slug, "The slug"),
  status: z.enum(["publish", "draft", "pending", "private"]),
  date: z.string().max(30).default(""),
});

export const BULK_ACTIONS = ["trash", "restore", "delete", "edit"] as const;
export const BulkSchema = z.object({
  bulkAction: z.enum(BULK_ACTIONS, { message: "Choose a bulk action." }),
  ids: z.array(id).min(1, "Select at least one item."),
  /** For "edit": the categories to add, and a status ("" keeps each post's). */
  categories: z.array(id).default([]),
  status: z.enum(["", "publish", "draft", "pending", "private"]).default(""),
});

export const PostIdSchema = z.object({ id });

export const RestoreRevisionSchema = z.object({ postId: id, revisionId: id });

export const TermFormSchema = z.object({
  id: optionalId,
  taxonomy: z.enum(["category", "post_tag"]),
  name: z.string().trim().min(1, "Enter a name.").max(POST_LIMITS.termName, "The name is too long."),
  slug: text(POST_LIMITS.slug, "The slug"),
  description: text(POST_LIMITS.termDescription, "The description"),
  parentId: optionalId,
});

export const TermIdSchema = z.object({ id, taxonomy: z.enum(["category", "post_tag"]) });

/** FormData → a plain object: repeated names (checkbox groups) become arrays. */
export function formDataToObject(fd: FormData, arrays: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = fd.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrays.includes(key) ? all : all[all.length - 1];
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}
