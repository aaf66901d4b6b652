// Appearance → Widgets: the settings of the Text, Custom HTML, Pages, Calendar and Image widgets,
// over the form's raw fields (names as the form writes them), parsed to WordPress's option names.
import { z } from "zod";

export const WIDGET_LIMITS = { title: 200, html: 65_535, url: 2_000, exclude: 500, alt: 500, caption: 2_000 } as const;

export const PAGES_SORTBY = { post_title: "Page title", menu_order: "Page order", ID: "Page ID" } as const;
export const IMAGE_LINKS = { none: "None", file: "Media File", custom: "Custom URL" } as const;

const text = (max: number, what: string) => z.string().max(max, `${what} must be at most ${max.toLocaleString("en-US")} characters.`).default("");
const title = text(WIDGET_LIMITS.title, "The title").transform((t) => t.trim());

const pageIds = z
  .string()
  .max(WIDGET_LIMITS.exclude, "Too many page IDs.")
  .default("")
  .refine((v) => /^[\s,]*(\d+[\s,]*)*$/.test(v), "Enter page IDs as numbers separated by commas, e.g. 12, 34.")
  .transform((v) => [...new Set(v.split(/[\s,]+/).filter(Boolean).map(Number))].filter((n) => Number.isSafeInteger(n) && n > 0));

// A link a reader can follow: http(s) or a path on this site; never javascript: and the like.
const linkUrl = z
  .string()
  .trim()
  .max(WIDGET_LIMITS.url, "The link is too long.")
  .default("")
  .refine((v) => v === "" || /^\/(?!\/)/.test(v) || /^https?:\/\/[^\s]+$/i.test(v), "Enter a link that starts with http://, https:// or /.");

export const WidgetSettingsSchema = z
  .object({
    "text-title": title,
    "text-content": text(WIDGET_LIMITS.html, "The text"),
    "custom-html-title": title,
    "custom-html-content": text(WIDGET_LIMITS.html, "The HTML"),
    "pages-title": title,
    "pages-sortby": z.enum(Object.keys(PAGES_SORTBY) as [keyof typeof PAGES_SORTBY], { error: "Choose how to sort the pages." }).default("post_title"),
    "pages-exclude": pageIds,
    "calendar-title": title,
    "image-title": title,
    "image-media": z.coerce.number({ error: "Choose an image." }).int().min(0).default(0),
    "image-alt": text(WIDGET_LIMITS.alt, "The alternative text").transform((t) => t.trim()),
    "image-caption": text(WIDGET_LIMITS.caption, "The caption").transform((t) => t.trim()),
    "image-link": z.enum(Object.keys(IMAGE_LINKS) as [keyof typeof IMAGE_LINKS], { error: "Choose where the image links to." }).default("none"),
    "image-url": linkUrl,
  })
  .superRefine((v, ctx) => {
    if (v["image-link"] === "custom" && !v["image-url"]) ctx.addIssue({ code: "custom", path: ["image-url"], message: "Enter the link, or choose another Link To." });
  })
  .transform((v) => ({
    widget_text: { title: v["text-title"], content: v["text-content"] },
    widget_custom_html: { title: v["custom-html-title"], content: v["custom-html-content"] },
    widget_pages: { title: v["pages-title"], sortby: v["pages-sortby"], exclude: v["pages-exclude"] },
    widget_calendar: { title: v["calendar-title"] },
    widget_media_image: { title: v["image-title"], mediaId: v["image-media"], alt: v["image-alt"], caption: v["image-caption"], link: v["image-link"], url: v["image-link"] === "custom" ? v["image-url"] : "" },
  }));
export type WidgetSettings = z.output<typeof WidgetSettingsSchema>;

/** The form's fields for the saved settings (what the form shows before any edit). */
export function widgetSettingsFields(o: WidgetSettings): Record<string, string> {
  return {
    "text-title": o.widget_text.title,
    "text-content": o.widget_text.content,
    "custom-html-title": o.widget_custom_html.title,
    "custom-html-content": o.widget_custom_html.content,
    "pages-title": o.widget_pages.title,
    "pages-sortby": o.widget_pages.sortby,
    "pages-exclude": o.widget_pages.exclude.join(", "),
    "calendar-title": o.widget_calendar.title,
    "image-title": o.widget_media_image.title,
    "image-media": String(o.widget_media_image.mediaId || ""),
    "image-alt": o.widget_media_image.alt,
    "image-caption": o.widget_media_image.caption,
    "image-link": o.widget_media_image.link,
    "image-url": o.widget_media_image.url,
  };
}

const position = z.coerce.number({ error: "Enter a position from 1 to 99." }).int("Enter a position from 1 to 99.").min(1, "Enter a position from 1 to 99.").max(99, "Enter a position from 1 to 99.");

/**
 * The sidebar's widgets in their chosen order, from the "show-<id>" checkboxes and "order-<id>"
 * positions; equal positions keep the listed order.
 */
export function parseWidgetList(raw: Record<string, string>, ids: readonly string[]): { ok: true; chosen: string[] } | { ok: false; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const rows = ids.map((id, i) => {
    const order = position.safeParse((raw[`order-${id}`] ?? "").trim() || i + 1);
    if (!order.success) fieldErrors[`order-${id}`] = [order.error.issues[0]!.message];
    return { id, i, show: raw[`show-${id}`] === "on", order: order.success ? order.data : 0 };
  });
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  return { ok: true, chosen: rows.filter((r) => r.show).sort((a, b) => a.order - b.order || a.i - b.i).map((r) => r.id) };
}

export const NavMenuWidgetSchema = z.object({
  "nav-menu-menu": z.coerce.number({ error: "Choose a menu." }).int().min(0).default(0),
  "nav-menu-title": title,
});
