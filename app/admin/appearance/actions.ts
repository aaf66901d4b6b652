"use server";
// Appearance → Themes: activate or preview a theme (Widgets: widgets/actions.ts).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { updateOptions } from "@/db/queries/options";
import { THEMES } from "@/themes/registry";
import { THEME_PREVIEW_COOKIE } from "@/app/(site)/theme";

const ThemeSchema = z.object({ theme: z.string().refine((t) => Object.hasOwn(THEMES, t), "Unknown theme.") });

export async function activateThemeAction(formData: FormData) {
  await requireCapability("switch_themes");
  const parsed = ThemeSchema.safeParse({ theme: formData.get("theme") });
  if (!parsed.success) redirect("/admin/appearance/?error=theme");
  await updateOptions({ template: parsed.data.theme });
  (await cookies()).delete(THEME_PREVIEW_COOKIE);
  redirect("/admin/appearance/?activated=1");
}

export async function previewThemeAction(formData: FormData) {
  await requireCapability("switch_themes");
  const parsed = ThemeSchema.safeParse({ theme: formData.get("theme") });
  if (!parsed.success) redirect("/admin/appearance/?error=theme");
  // Only this browser, and only while its user may switch themes, sees the preview (app/(site)/theme.ts).
  (await cookies()).set(THEME_PREVIEW_COOKIE, parsed.data.theme, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 });
  redirect("/");
}

export async function stopPreviewAction() {
  await requireCapability("switch_themes");
  (await cookies()).delete(THEME_PREVIEW_COOKIE);
  redirect("/admin/appearance/");
}
