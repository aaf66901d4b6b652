// Which theme renders this request: the active one (option `template`), or, for a user who may
// switch themes and has started a preview from Appearance → Themes, the previewed one. Picking
// the theme is the site layer's job: lib/ knows no theme.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/session";
import { roleCan } from "@/lib/auth/capabilities";
import { THEMES, getTheme } from "@/themes/registry";
import { siteOptions } from "@/lib/site/reads";

export const THEME_PREVIEW_COOKIE = "inkwell_theme_preview";

export const getRenderTheme = cache(async () => {
  const active = getTheme((await siteOptions()).template);
  const wanted = (await cookies()).get(THEME_PREVIEW_COOKIE)?.value;
  if (!wanted || !THEMES[wanted] || wanted === active.name) return { theme: active, previewing: false };
  const user = await getCurrentUser();
  if (!user || !roleCan(user.role, "switch_themes")) return { theme: active, previewing: false };
  return { theme: THEMES[wanted]!, previewing: true };
});
