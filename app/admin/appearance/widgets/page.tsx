import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { getOptions } from "@/db/queries/options";
import { listMenus } from "@/db/queries/menus";
import { listPickerImages } from "@/db/queries/media-picker";
import { WIDGETS, isWidgetId } from "@/lib/site/widgets";
import { OPTION_DEFAULTS } from "@/lib/options/defaults";
import { widgetSettingsFields } from "@/lib/validation/widgets";
import { AppearanceTabs } from "../_components/tabs";
import { WidgetsForm } from "./_components/widgets-form";

export const metadata: Metadata = { title: "Widgets" };

export default async function WidgetsPage() {
  await requireCapability("edit_theme_options");
  const opts = await getOptions();
  const current = (opts.sidebar_widgets ?? []).filter(isWidgetId);
  const all = Object.keys(WIDGETS).filter(isWidgetId);
  // Shown widgets first in their order, then the hidden ones.
  const rows = [...current, ...all.filter((id) => !current.includes(id))].map((id) => ({ id, label: WIDGETS[id] }));
  const [menus, images] = await Promise.all([listMenus(), listPickerImages(200)]);
  const pick = <K extends "widget_text" | "widget_custom_html" | "widget_pages" | "widget_calendar" | "widget_media_image">(k: K) => ({ ...OPTION_DEFAULTS[k], ...(opts[k] as object) }) as (typeof OPTION_DEFAULTS)[K];
  const values: Record<string, string> = {
    ...Object.fromEntries(rows.flatMap((r, i) => [[`show-${r.id}`, current.includes(r.id) ? "on" : ""], [`order-${r.id}`, String(i + 1)]])),
    "nav-menu-title": opts.widget_nav_menu?.title ?? "",
    "nav-menu-menu": String(opts.widget_nav_menu?.menuId ?? 0),
    ...widgetSettingsFields({
      widget_text: pick("widget_text"),
      widget_custom_html: pick("widget_custom_html"),
      widget_pages: pick("widget_pages"),
      widget_calendar: pick("widget_calendar"),
      widget_media_image: pick("widget_media_image"),
    }),
  };
  return (
    <>
      <h1 className="text-2xl font-semibold">Widgets</h1>
      <AppearanceTabs current="widgets" />
      <WidgetsForm
        rows={rows}
        values={values}
        menus={menus.map((m) => ({ id: m.id, name: m.name }))}
        images={images.map((i) => ({ id: i.id, title: i.title, url: i.url }))}
      />
    </>
  );
}
