// WordPress's Text, Custom HTML, Pages, Calendar and Image widgets. Their HTML was sanitized by
// the saving user's role when it was saved (app/admin/appearance/actions.ts), as post content is.
// Pages and Calendar are built once per content version from the read cache; every write a reader
// can see (a post published, a page moved, a media item edited) empties that cache.
import type { Options } from "@/lib/options/defaults";
import { autop } from "@/lib/content/format";
import { toSqlLocal } from "@/lib/dates";
import { cached } from "@/lib/site/cache";
import { permalinkOf } from "@/lib/site/urls";
import { getCalendarNeighbours, listCalendarPosts, listWidgetPages } from "@/db/queries/widgets";
import { getPickerImage } from "@/db/queries/media-picker";
import { RawHtml } from "@/components/site/raw-html";
import type { WidgetMarkup } from "@/themes/shared/widgets/markup";
import { titleText } from "@/lib/content/title";

/** Each widget gets the site's options, the theme's name (in the keys of its cached HTML) and its markup. */
type Props = { opts: Options; theme: string; m: WidgetMarkup };

export function TextWidget({ opts, m }: Props) {
  const w = opts.widget_text;
  if (!w?.content && !w?.title) return null;
  return (
    <m.TitledWidget id="text" title={w.title} label="Text">
      <m.TextWidgetBody html={autop(w.content ?? "")} />
    </m.TitledWidget>
  );
}

export function CustomHtmlWidget({ opts, m }: Props) {
  const w = opts.widget_custom_html;
  if (!w?.content && !w?.title) return null;
  return (
    <m.TitledWidget id="custom-html" title={w.title} label="Custom HTML">
      <m.TextWidgetBody custom html={w.content ?? ""} />
    </m.TitledWidget>
  );
}

export async function PagesWidget({ opts, theme, m }: Props) {
  const w = opts.widget_pages ?? { title: "", sortby: "post_title", exclude: [] };
  const key = `widget-html:${theme}:pages:${w.sortby}:${(w.exclude ?? []).join(",")}:${opts.permalink_structure}:${opts.show_on_front}:${opts.page_on_front}`;
  const html = await cached(key, async () => {
    const pages = await listWidgetPages(w.sortby);
    const items = await Promise.all(pages.map(async (p) => ({ id: p.id, parentId: p.parentId, text: titleText(p.title) || "(no title)", href: await permalinkOf({ ...p, type: "page" }, opts) })));
    return m.pagesHtml(items, w.exclude ?? []);
  });
  return (
    <m.TitledWidget id="pages" title={w.title || "Pages"} label="Pages">
      <RawHtml as="div" html={html} />
    </m.TitledWidget>
  );
}

export async function CalendarWidget({ opts, theme, m }: Props) {
  const w = opts.widget_calendar ?? { title: "" };
  // The month and "today" follow the site's clock; the key carries the date so that a page
  // cached before midnight (a minute at most, server/page-cache.ts) is the only stale one.
  const today = toSqlLocal(new Date(), opts.timezone_string || "UTC").slice(0, 10);
  const month = today.slice(0, 7);
  const key = `widget-html:${theme}:calendar:${today}:${opts.start_of_week}`;
  const html = await cached(key, async () => {
    const [posts, around] = await Promise.all([listCalendarPosts(month), getCalendarNeighbours(month)]);
    return m.calendarHtml({ month, today, startOfWeek: Number(opts.start_of_week) || 0, days: new Set(posts.map((p) => p.day)), ...around });
  });
  return (
    <m.TitledWidget id="calendar" title={w.title} label="Calendar">
      <RawHtml as="div" html={html} />
    </m.TitledWidget>
  );
}

export async function ImageWidget({ opts, m }: Props) {
  const w = opts.widget_media_image;
  const mediaId = Number(w?.mediaId) || 0;
  const img = mediaId ? await cached(`widget-image:${mediaId}`, () => getPickerImage(mediaId)) : undefined;
  if (!img) return null;
  const href = w.link === "file" ? img.url : w.link === "custom" ? w.url : "";
  // A linked image needs a name: its title stands in when the library has no alt text for it.
  return (
    <m.TitledWidget id="image" title={w.title} label="Image">
      <m.ImageWidgetFigure img={img} alt={w.alt || img.alt || (href ? img.title : "")} href={href} caption={w.caption} />
    </m.TitledWidget>
  );
}
