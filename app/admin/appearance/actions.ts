"use server";
// Appearance → Themes and Widgets: activate or preview a theme, choose the sidebar's widgets.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { updateOptions } from "@/db/queries/options";
import { THEMES } from "@/themes/registry";
import { THEME_PREVIEW_COOKIE } from "@/lib/site/theme";
import { revalidateOptionsTags } from "@/lib/site/cache-tags";
import { WIDGETS, isWidgetId } from "@/components/site/sidebar";

const ThemeSchema = z.object({ theme: z.string().refine((t) => Object.hasOwn(THEMES, t), "Unknown theme.") });

export async function activateThemeAction(formData: FormData) {
  await requireCapability("switch_themes");
  const parsed = ThemeSchema.safeParse({ theme: formData.get("theme") });
  if (!parsed.success) redirect("/admin/appearance/?error=theme");
  await updateOptions({ template: parsed.data.theme });
  (await cookies()).delete(THEME_PREVIEW_COOKIE);
  revalidateOptionsTags();
  redirect("/admin/appearance/?activated=1");
}

export async function previewThemeAction(formData: FormData) {
  await requireCapability("switch_themes");
  const parsed = ThemeSchema.safeParse({ theme: formData.get("theme") });
  if (!parsed.success) redirect("/admin/appearance/?error=theme");
  // Only this browser, and only while its user may switch themes, sees the preview (lib/site/theme.ts).
  (await cookies()).set(THEME_PREVIEW_COOKIE, parsed.data.theme, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 });
  redirect("/");
}

export async function stopPreviewAction() {
  await requireCapability("switch_themes");
  (await cookies()).delete(THEME_PREVIEW_COOKIE);
  redirect("/admin/appearance/");
}

const WidgetsSchema = z.array(z.object({ id: z.string().refine(isWidgetId), show: z.boolean(), order: z.number().int().min(1).max(99) }));

const NavMenuWidgetSchema = z.object({ menuId: z.coerce.number().int().min(0), title: z.string().trim().max(200) });

export async function saveWidgetsAction(formData: FormData) {
  await requireCapability("edit_theme_options");
  const parsed = WidgetsSchema.safeParse(
    Object.keys(WIDGETS).map((id, i) => ({
      id,
      show: formData.get(`show-${id}`) === "on",
      order: Number(formData.get(`order-${id}`) || i + 1),
    })),
  );
  if (!parsed.success) redirect("/admin/appearance/widgets/?error=1");
  const chosen = parsed.data
    .map((w, i) => ({ ...w, i }))
    .filter((w) => w.show)
    .sort((a, b) => a.order - b.order || a.i - b.i)
    .map((w) => w.id);
  const navMenu = NavMenuWidgetSchema.safeParse({ menuId: formData.get("nav-menu-menu") ?? 0, title: formData.get("nav-menu-title") ?? "" });
  if (!navMenu.success) redirect("/admin/appearance/widgets/?error=1");
  await updateOptions({ sidebar_widgets: chosen, widget_nav_menu: navMenu.data });
  revalidateOptionsTags();
  redirect("/admin/appearance/widgets/?saved=1");
}
