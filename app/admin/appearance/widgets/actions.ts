"use server";
// Appearance → Widgets: which widgets the sidebar shows, in what order, and their settings.
import { refreshAfterWrite } from "@/lib/site/refresh";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { widgetHtmlFor } from "@/lib/content/widget-sanitize";
import { updateOptions } from "@/db/queries/options";
import { formFields } from "@/lib/validation/settings";
import { NavMenuWidgetSchema, WidgetSettingsSchema, parseWidgetList } from "@/lib/validation/widgets";
import type { FormState } from "@/lib/form-state";
import { WIDGETS } from "@/lib/site/widgets";

export async function saveWidgetsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireCapability("edit_theme_options");
  const raw = formFields(formData);
  const list = parseWidgetList(raw, Object.keys(WIDGETS));
  const settings = WidgetSettingsSchema.safeParse(raw);
  const navMenu = NavMenuWidgetSchema.safeParse(raw);
  if (!list.ok || !settings.success || !navMenu.success) {
    const fieldErrors = {
      ...(list.ok ? {} : list.fieldErrors),
      ...(settings.success ? {} : (z.flattenError(settings.error).fieldErrors as Record<string, string[]>)),
      ...(navMenu.success ? {} : (z.flattenError(navMenu.error).fieldErrors as Record<string, string[]>)),
    };
    return { status: "error", message: "Widgets not saved: please correct the fields marked below.", fieldErrors, values: raw };
  }
  const s = settings.data;
  s.widget_text.content = widgetHtmlFor(user.role, s.widget_text.content);
  s.widget_custom_html.content = widgetHtmlFor(user.role, s.widget_custom_html.content);
  await updateOptions({
    sidebar_widgets: list.chosen,
    widget_nav_menu: { menuId: navMenu.data["nav-menu-menu"], title: navMenu.data["nav-menu-title"] },
    ...s,
  });
  refreshAfterWrite();
  return { status: "success", message: "Widgets saved." };
}
