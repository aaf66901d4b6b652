// Settings → General, Reading, Discussion, Permalinks: one schema per screen, over the raw form
// fields (strings; an unchecked checkbox is absent). Each parses to WordPress option names.
import { z } from "zod";
import { isValidTimeZone } from "@/lib/dates";
import { ROLES } from "@/db/schema";
import { PERMALINK_PRESETS } from "@/lib/content/permalinks";
import { SITE_LANGUAGES } from "@/lib/options/language";

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "on");

const intIn = (min: number, max: number, what: string) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .regex(/^-?\d+$/, `Enter ${what} as a whole number.`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${what[0]!.toUpperCase()}${what.slice(1)} must be at least ${min}.`).max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be at most ${max}.`));

export const SETTINGS_LIMITS = { title: 200, format: 100, keys: 65_535, base: 100, structure: 200 } as const;

// WordPress's date and time format choices (options-general.php), in its order.
export const DATE_FORMAT_CHOICES = ["F j, Y", "Y-m-d", "m/d/Y", "d/m/Y"] as const;
export const TIME_FORMAT_CHOICES = ["g:i a", "g:i A", "H:i"] as const;

/** A radio group with a "Custom" choice whose value is typed in a text field beside it. */
function formatChoice(choiceKey: string, customKey: string, label: string) {
  return (raw: Record<string, unknown>, ctx: z.RefinementCtx): string => {
    const choice = typeof raw[choiceKey] === "string" ? (raw[choiceKey] as string) : "";
    const custom = typeof raw[customKey] === "string" ? (raw[customKey] as string).trim() : "";
    const value = choice === "custom" ? custom : choice;
    if (!value) ctx.addIssue({ code: "custom", path: [choice === "custom" ? customKey : choiceKey], message: `Choose or type a ${label}.` });
    else if (value.length > SETTINGS_LIMITS.format) ctx.addIssue({ code: "custom", path: [customKey], message: `The ${label} is too long.` });
    return value;
  };
}

export const GeneralSettingsSchema = z
  .object({
    blogname: z.string().trim().max(SETTINGS_LIMITS.title, "The site title is too long."),
    blogdescription: z.string().trim().max(SETTINGS_LIMITS.title, "The tagline is too long."),
    siteurl: z
      .string()
      .trim()
      .max(500)
      .refine((v) => {
        if (!v) return true;
        try {
          const u = new URL(v);
          return (u.protocol === "http:" || u.protocol === "https:") && !u.username && !u.password && !u.search && !u.hash;
        } catch {
          return false;
        }
      }, "Enter an address starting with http:// or https://, such as https://example.com.")
      .transform((v) => v.replace(/\/+$/, "")),
    admin_email: z.union([z.literal(""), z.email("Enter a valid email address.").max(100)]).optional(),
    WPLANG: z.string().refine((v) => Object.hasOwn(SITE_LANGUAGES, v), "Choose a language from the list.").optional(),
    timezone_string: z.string().refine(isValidTimeZone, "Choose a time zone from the list."),
    date_format: z.string().optional(),
    date_format_custom: z.string().optional(),
    time_format: z.string().optional(),
    time_format_custom: z.string().optional(),
    start_of_week: intIn(0, 6, "the first day of the week").optional(),
    users_can_register: checkbox,
    default_role: z
      .enum(ROLES, { error: "Choose a role." })
      .refine((r) => r !== "administrator", "New users cannot be administrators by default: choose another role."),
  })
  .transform((raw, ctx) => {
    const date_format = formatChoice("date_format", "date_format_custom", "date format")(raw, ctx);
    const time_format = formatChoice("time_format", "time_format_custom", "time format")(raw, ctx);
    const { date_format_custom: _d, time_format_custom: _t, ...rest } = raw;
    void _d;
    void _t;
    return { ...rest, date_format, time_format };
  });

export const ReadingSettingsSchema = z
  .object({
    show_on_front: z.enum(["posts", "page"], { error: "Choose what the home page shows." }),
    page_on_front: z.string().optional().transform((v) => (v && /^\d+$/.test(v) ? Number(v) : 0)),
    page_for_posts: z.string().optional().transform((v) => (v && /^\d+$/.test(v) ? Number(v) : 0)),
    posts_per_page: intIn(1, 100, "the number of posts per page"),
    posts_per_rss: intIn(1, 100, "the number of items in feeds"),
    rss_use_excerpt: z.enum(["0", "1"]).optional().transform((v) => v === "1"),
    // The form asks "Discourage search engines", the opposite of WordPress's blog_public.
    discourage_search: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.show_on_front === "page" && !v.page_on_front) {
      ctx.addIssue({ code: "custom", path: ["page_on_front"], message: "Choose the page to show on the home page." });
    }
    if (v.show_on_front === "page" && v.page_on_front && v.page_on_front === v.page_for_posts) {
      ctx.addIssue({ code: "custom", path: ["page_for_posts"], message: "The posts page must differ from the home page." });
    }
  })
  .transform(({ discourage_search, ...rest }) => ({ ...rest, blog_public: !discourage_search }));

export const AVATAR_RATINGS = ["G", "PG", "R", "X"] as const;
export const AVATAR_DEFAULTS = ["mystery", "blank", "gravatar_default", "identicon", "wavatar", "monsterid", "retro"] as const;
const openClosed = checkbox.transform((on) => (on ? ("open" as const) : ("closed" as const)));

export const DiscussionSettingsSchema = z.object({
  default_pingback_flag: checkbox,
  default_ping_status: openClosed,
  default_comment_status: openClosed,
  require_name_email: checkbox,
  comment_registration: checkbox,
  close_comments_for_old_posts: checkbox,
  close_comments_days_old: intIn(1, 36_500, "the number of days"),
  show_comments_cookies_opt_in: checkbox,
  thread_comments: checkbox,
  thread_comments_depth: intIn(2, 10, "the nesting depth"),
  page_comments: checkbox,
  comments_per_page: intIn(1, 1000, "the number of comments per page"),
  default_comments_page: z.enum(["newest", "oldest"], { error: "Choose the last or the first page." }),
  comment_order: z.enum(["asc", "desc"], { error: "Choose older or newer comments first." }),
  comments_notify: checkbox,
  moderation_notify: checkbox,
  comment_moderation: checkbox,
  comment_previously_approved: checkbox,
  comment_max_links: intIn(0, 1000, "the number of links"),
  moderation_keys: z.string().max(SETTINGS_LIMITS.keys, "The list is too long.").transform(normalizeKeys),
  disallowed_keys: z.string().max(SETTINGS_LIMITS.keys, "The list is too long.").transform(normalizeKeys),
  show_avatars: checkbox,
  avatar_rating: z.enum(AVATAR_RATINGS, { error: "Choose a rating." }),
  avatar_default: z.enum(AVATAR_DEFAULTS, { error: "Choose a default avatar." }),
  use_gravatar: checkbox,
  activitypub_blog_identifier: z
    .string()
    .trim()
    .toLowerCase()
    .max(100, "The handle is too long.")
    .regex(/^(?:[a-z0-9][a-z0-9._-]*)?$/, "Use letters, digits, dots, dashes and underscores, starting with a letter or digit."),
  activitypub_manually_approve_followers: checkbox,
  activitypub_site_blocked_domains: z
    .string()
    .max(SETTINGS_LIMITS.keys, "The list is too long.")
    .transform(normalizeKeys)
    .refine((v) => v.split("\n").every((l) => !l || BLOCKED_DOMAIN.test(l)), "Write one server name per line, such as spam.example.")
    // Absent from a form that does not show the blocks (older copies of the screen): left empty.
    .default(""),
  activitypub_site_blocked_actors: z
    .string()
    .max(SETTINGS_LIMITS.keys, "The list is too long.")
    .transform(normalizeKeys)
    .refine((v) => v.split("\n").every((l) => !l || BLOCKED_ACTOR.test(l)), "Write one handle (@name@server) or profile address (https://…) per line.")
    .default(""),
  activitypub_object_type: z.enum(["article", "note"], { error: "Choose Article or Note." }).default("article"),
  activitypub_actor_mode: z.enum(["actor_blog", "actor", "blog"], { error: "Choose which fediverse profiles this site has." }).default("actor_blog"),
  activitypub_also_known_as: z
    .string()
    .max(4000, "The list is too long.")
    .default("")
    .transform((v) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .refine((lines) => lines.length <= 10 && lines.every((l) => /^https?:\/\/[^\s/]+\/\S*$/.test(l) && URL.canParse(l)), "One actor address (https://…) a line, at most ten.")
    .transform((lines) => lines.join("\n")),
});

/** A blocked server: a host name (a leading "*." is allowed and means the same). */
const BLOCKED_DOMAIN = /^(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?$/i;
/** A blocked actor: @name@server, name@server, or an http(s) address. */
const BLOCKED_ACTOR = /^(?:@?[^\s@]+@[a-z0-9.-]+(?::\d+)?|https?:\/\/\S+)$/i;

/** One key per line, trimmed, without blank lines, as WordPress stores them. */
function normalizeKeys(v: string): string {
  return v
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}

export const PERMALINK_CHOICES = ["plain", "day", "month", "numeric", "postname", "custom"] as const;
export const PERMALINK_TAGS = ["year", "monthnum", "day", "hour", "minute", "second", "post_id", "postname", "category", "author"] as const;

/** Which radio a stored structure belongs to. */
export function permalinkChoiceOf(structure: string): (typeof PERMALINK_CHOICES)[number] {
  for (const [k, v] of Object.entries(PERMALINK_PRESETS)) if (v === structure) return k as keyof typeof PERMALINK_PRESETS;
  return "custom";
}

/** Checks a custom structure: known %tags% only, and one that finds a single post. */
export function permalinkStructureError(s: string): string | null {
  if (!s.startsWith("/")) return "A custom structure starts with a slash, such as /%year%/%postname%/.";
  if (s.length > SETTINGS_LIMITS.structure) return "The structure is too long.";
  if (/[?#\\\s]|\/\/|\/\.\.?(\/|$)/.test(s)) return "The structure may not contain spaces, ?, #, backslashes, empty or dot segments.";
  const tags = [...s.matchAll(/%([^%/]*)%/g)].map((m) => m[1]!);
  const unknown = tags.filter((t) => !(PERMALINK_TAGS as readonly string[]).includes(t));
  if (unknown.length) return `Unknown tag: %${unknown[0]}%. Available: ${PERMALINK_TAGS.map((t) => `%${t}%`).join(" ")}.`;
  if (s.replace(/%[a-z_]+%/g, "").includes("%")) return "A % must open and close a tag, such as %postname%.";
  if (!tags.includes("postname") && !tags.includes("post_id")) return "The structure must contain %postname% or %post_id% so that each post has its own address.";
  return null;
}

const base = z
  .string()
  .trim()
  .max(SETTINGS_LIMITS.base, "This base is too long.")
  .transform((v) => v.replace(/^\/+|\/+$/g, ""))
  .refine((v) => v === "" || /^[\p{L}\p{N}_-]+(?:\/[\p{L}\p{N}_-]+)*$/u.test(v), "Use letters, digits, dashes and slashes only.");

export const PermalinkSettingsSchema = z
  .object({
    selection: z.enum(PERMALINK_CHOICES, { error: "Choose a permalink structure." }),
    permalink_structure: z.string().max(SETTINGS_LIMITS.structure + 10).optional(),
    category_base: base,
    tag_base: base,
  })
  .transform((v, ctx) => {
    let structure: string;
    if (v.selection === "custom") {
      structure = (v.permalink_structure ?? "").trim();
      if (structure && !structure.endsWith("/") && !/\.[a-z0-9]+$/i.test(structure)) structure += "/";
      const err = permalinkStructureError(structure);
      if (err) ctx.addIssue({ code: "custom", path: ["permalink_structure"], message: err });
    } else {
      structure = PERMALINK_PRESETS[v.selection];
    }
    const category_base = v.category_base || "category";
    const tag_base = v.tag_base || "tag";
    if (category_base === tag_base) ctx.addIssue({ code: "custom", path: ["tag_base"], message: "The tag base must differ from the category base." });
    return { permalink_structure: structure, category_base, tag_base };
  });

/** FormData → a plain object of its string fields (files and repeated names are not settings). */
export function formFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

// Settings → Media. The server refuses bodies over MAX_BODY_BYTES (32 MB by default) before
// any of this runs, so the limit stays under it.
export const MEDIA_EXTRA_TYPE_LABELS: Record<string, string> = {
  pdf: "PDF documents (.pdf)",
  mp3: "MP3 audio (.mp3)",
  m4a: "AAC audio (.m4a)",
  ogg: "Ogg audio (.ogg)",
  wav: "WAV audio (.wav)",
  mp4: "MP4 video (.mp4)",
  webm: "WebM video (.webm)",
  zip: "ZIP archives (.zip)",
};

export const MediaSettingsSchema = z
  .object({ upload_max_mb: intIn(1, 31, "the maximum upload size in MB") })
  .catchall(z.string())
  .transform((v) => ({
    upload_max_bytes: v.upload_max_mb * 1024 * 1024,
    upload_extra_types: Object.keys(MEDIA_EXTRA_TYPE_LABELS)
      .filter((ext) => v[`allow_${ext}`] === "1")
      .join(","),
  }));

/** Settings → Writing → Remote Publishing: the XML-RPC publishing methods and Micropub. */
export const WritingSettingsSchema = z.object({ enable_xmlrpc: checkbox, enable_micropub: checkbox });
