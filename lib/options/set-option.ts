// `inkwell option set NAME VALUE` goes through the Settings screen that owns the option: the
// screen's form is rebuilt from the stored options, the one field changed, and the whole form
// parsed by the screen's own schema (and its extra check), so a value the screen would refuse is
// refused here with the same message.
import { z } from "zod";
import { getOptions } from "@/db/queries/options";
import { isPublishedPage } from "@/db/queries/settings";
import type { OptionName, Options } from "./defaults";
import {
  DiscussionSettingsSchema,
  GeneralSettingsSchema,
  MediaSettingsSchema,
  MEDIA_EXTRA_TYPE_LABELS,
  PermalinkSettingsSchema,
  ReadingSettingsSchema,
  WritingSettingsSchema,
} from "@/lib/validation/settings";

const on = (b: boolean) => (b ? "1" : undefined);

/** Settings → Reading's check beyond the schema: the chosen pages must be published pages. */
export async function readingPagesProblem(v: { show_on_front: string; page_on_front: number; page_for_posts: number }): Promise<Record<string, string> | null> {
  if (v.show_on_front !== "page") return null;
  if (!await isPublishedPage(v.page_on_front)) return { page_on_front: "Choose a published page." };
  if (v.page_for_posts && !await isPublishedPage(v.page_for_posts)) return { page_for_posts: "Choose a published page." };
  return null;
}

interface Screen {
  name: string;
  schema: z.ZodType<Partial<Options>>;
  options: OptionName[];
  /** The form as the screen would submit it for the stored options. */
  form(o: Options): Record<string, string | undefined>;
  /** The form fields that carry one option's value, typed as on the command line. */
  field?(name: OptionName, value: string, current: Options): Record<string, string | undefined>;
  check?(v: Partial<Options>): Promise<Record<string, string> | null>;
}

function boolText(value: string): "1" | undefined {
  if (/^(1|true|on|yes)$/i.test(value)) return "1";
  if (/^(0|false|off|no)$/i.test(value)) return undefined;
  throw new OptionError(`"${value}" is not a yes or no: use true or false.`);
}

const SCREENS: Screen[] = [
  {
    name: "General",
    schema: GeneralSettingsSchema,
    options: ["blogname", "blogdescription", "siteurl", "admin_email", "WPLANG", "timezone_string", "date_format", "time_format", "start_of_week", "users_can_register", "default_role"],
    form: (o) => ({
      blogname: o.blogname, blogdescription: o.blogdescription, siteurl: o.siteurl, admin_email: o.admin_email, WPLANG: o.WPLANG, timezone_string: o.timezone_string,
      date_format: "custom", date_format_custom: o.date_format, time_format: "custom", time_format_custom: o.time_format,
      start_of_week: String(o.start_of_week), users_can_register: on(o.users_can_register), default_role: o.default_role,
    }),
    field: (name, value) =>
      name === "date_format" || name === "time_format" ? { [name]: "custom", [`${name}_custom`]: value } : name === "users_can_register" ? { [name]: boolText(value) } : { [name]: value },
  },
  {
    name: "Reading",
    schema: ReadingSettingsSchema,
    options: ["show_on_front", "page_on_front", "page_for_posts", "posts_per_page", "posts_per_rss", "rss_use_excerpt", "blog_public"],
    form: (o) => ({
      show_on_front: o.show_on_front, page_on_front: String(o.page_on_front), page_for_posts: String(o.page_for_posts), posts_per_page: String(o.posts_per_page),
      posts_per_rss: String(o.posts_per_rss), rss_use_excerpt: o.rss_use_excerpt ? "1" : "0", discourage_search: on(!o.blog_public),
    }),
    field: (name, value) => {
      if (name === "blog_public") {
        return { discourage_search: boolText(value) ? undefined : "1" };
      }
      if (name === "rss_use_excerpt") return { rss_use_excerpt: boolText(value) ?? "0" };
      return { [name]: value };
    },
    check: (v) => readingPagesProblem(v as Parameters<typeof readingPagesProblem>[0]),
  },
  {
    name: "Writing",
    schema: WritingSettingsSchema,
    options: ["enable_xmlrpc", "enable_micropub"],
    form: (o) => ({ enable_xmlrpc: on(o.enable_xmlrpc), enable_micropub: on(o.enable_micropub) }),
    field: (name, value) => ({ [name]: boolText(value) }),
  },
  {
    name: "Discussion",
    schema: DiscussionSettingsSchema,
    options: Object.keys(DiscussionSettingsSchema.shape) as OptionName[],
    form: (o) =>
      Object.fromEntries(
        Object.keys(DiscussionSettingsSchema.shape).map((k) => {
          const v = o[k as OptionName];
          return [k, typeof v === "boolean" ? on(v) : v === "open" ? "1" : v === "closed" ? undefined : String(v)];
        }),
      ),
    field: (name, value, o) => {
      const current = o[name];
      if (typeof current === "boolean") return { [name]: boolText(value) };
      if (current === "open" || current === "closed") return { [name]: value === "open" ? "1" : value === "closed" ? undefined : value };
      return { [name]: value };
    },
  },
  {
    name: "Permalinks",
    schema: PermalinkSettingsSchema,
    options: ["permalink_structure", "category_base", "tag_base"],
    form: (o) => ({ selection: "custom", permalink_structure: o.permalink_structure, category_base: o.category_base, tag_base: o.tag_base }),
  },
  {
    name: "Media",
    schema: MediaSettingsSchema,
    options: ["upload_max_bytes", "upload_extra_types"],
    form: (o) => ({
      upload_max_mb: String(Math.round(o.upload_max_bytes / 1024 / 1024)),
      ...Object.fromEntries(o.upload_extra_types.split(",").filter(Boolean).map((ext) => [`allow_${ext}`, "1"])),
    }),
    field: (name, value) => {
      if (name === "upload_max_bytes") return { upload_max_mb: /^\d+$/.test(value) && Number(value) % (1024 * 1024) === 0 ? String(Number(value) / 1024 / 1024) : value };
      const exts = value.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean);
      const unknown = exts.find((e) => !(e in MEDIA_EXTRA_TYPE_LABELS));
      if (unknown) throw new OptionError(`"${unknown}" is not a type Settings → Media offers (${Object.keys(MEDIA_EXTRA_TYPE_LABELS).join(", ")}).`);
      return Object.fromEntries(Object.keys(MEDIA_EXTRA_TYPE_LABELS).map((e) => [`allow_${e}`, exts.includes(e) ? "1" : undefined]));
    },
  },
];

export class OptionError extends Error {}

/** The screen whose form sets this option, or an error naming why it cannot be set here. */
async function screenOf(name: string): Promise<Screen> {
  const screen = SCREENS.find((s) => (s.options as string[]).includes(name));
  if (screen) return screen;
  if (name in await getOptions()) throw new OptionError(`"${name}" is not on a Settings screen and cannot be set from the command line.`);
  throw new OptionError(`There is no option "${name}".`);
}

/** The validated values to write (the whole screen, as the form would save it), or an OptionError. */
export async function validateOption(name: string, value: string): Promise<Partial<Options>> {
  const screen = await screenOf(name);
  const o = await getOptions();
  const form = { ...screen.form(o), ...(screen.field ? screen.field(name as OptionName, value, o) : { [name]: value }) };
  const fields = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => e[1] !== undefined));
  const parsed = screen.schema.safeParse(fields);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new OptionError(`Settings → ${screen.name} refuses it: ${first?.message ?? "invalid value"}`);
  }
  const problem = await screen.check?.(parsed.data);
  if (problem) throw new OptionError(`Settings → ${screen.name} refuses it: ${Object.values(problem)[0]}`);
  return parsed.data;
}
