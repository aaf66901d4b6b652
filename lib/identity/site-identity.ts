// What Appearance → Customize set, as the public site renders it: the saved settings, or, for a
// user who may edit theme options and is looking at the Customize screen's preview, its unsaved
// draft (a cookie the screen writes as the settings change). A request with any cookie is never
// served from or stored in the page cache (server/page-cache.ts), so a draft reaches no reader.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { listMediaByIds } from "@/db/queries/featured-media";
import { getCurrentUser } from "@/lib/session";
import { roleCan } from "@/lib/auth/capabilities";
import { toFeaturedImage } from "@/lib/media/featured";
import { parseSizes } from "@/lib/media/view";
import { uploadUrl } from "@/lib/media/paths";
import { siteOptions } from "@/lib/site/reads";
import { IdentitySchema, IDENTITY_IMAGE_FIELDS, type IdentityValues } from "@/lib/validation/identity";
import type { FeaturedImage } from "@/lib/content/views";
import { FONT_PAIRINGS, isFontPairing } from "./fonts";
import { readableAccent } from "./accent";
import { CUSTOMIZE_PREVIEW_COOKIE } from "./preview-cookie";
import { isImage, mediaRows } from "./site-icon";
export { siteIconImage } from "./site-icon";

export { CUSTOMIZE_PREVIEW_COOKIE };


/** A message per image field whose id is not an image in the media library (0, none, is fine). */
export async function identityImagesProblem(v: Pick<IdentityValues, keyof typeof IDENTITY_IMAGE_FIELDS>): Promise<Record<string, string> | null> {
  const rows = new Map((await listMediaByIds([v.custom_logo, v.site_icon, v.header_image].filter((id) => id > 0))).map((r) => [r.id, r]));
  const problems: Record<string, string> = {};
  for (const [field, what] of Object.entries(IDENTITY_IMAGE_FIELDS)) {
    const id = v[field as keyof typeof IDENTITY_IMAGE_FIELDS];
    if (id > 0 && !isImage(rows.get(id))) problems[field] = `The chosen ${what} is not an image in the media library: choose another, or none.`;
  }
  return Object.keys(problems).length ? problems : null;
}

/** The unsaved draft of the Customize screen, for a user allowed to see it; null otherwise. */
const customizeDraft = cache(async (): Promise<IdentityValues | null> => {
  const raw = (await cookies()).get(CUSTOMIZE_PREVIEW_COOKIE)?.value;
  if (!raw) return null;
  const user = await getCurrentUser();
  if (!user || !roleCan(user.role, "edit_theme_options")) return null;
  try {
    // The screen writes it URI-encoded (cookie values cannot hold quotes or commas).
    const parsed = IdentitySchema.safeParse(JSON.parse(raw.startsWith("{") ? raw : decodeURIComponent(raw)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
});

export interface SiteIdentity {
  values: IdentityValues;
  logo?: FeaturedImage;
  icon?: FeaturedImage & { square?: string };
  headerImage?: FeaturedImage;
  /** True when the unsaved draft is shown. */
  previewing: boolean;
}

export const getSiteIdentity = cache(async (): Promise<SiteIdentity> => {
  const o = await siteOptions();
  const saved: IdentityValues = { custom_logo: o.custom_logo, site_icon: o.site_icon, header_image: o.header_image, accent_color: o.accent_color, font_pairing: o.font_pairing as IdentityValues["font_pairing"] };
  const draft = await customizeDraft();
  const values = draft ?? saved;
  const rows = await mediaRows([values.custom_logo, values.site_icon, values.header_image]);
  const image = (id: number) => (isImage(rows.get(id)) ? toFeaturedImage(rows.get(id)) : undefined);
  const iconRow = rows.get(values.site_icon);
  const icon = image(values.site_icon);
  // The generated thumbnail is a square crop: the favicon browsers want, whatever was uploaded.
  const thumb = iconRow ? parseSizes(iconRow.sizes).thumbnail : undefined;
  return {
    values,
    logo: image(values.custom_logo),
    icon: icon && { ...icon, square: thumb?.path ? uploadUrl(thumb.path) : undefined },
    headerImage: image(values.header_image),
    previewing: !!draft && JSON.stringify(draft) !== JSON.stringify(saved),
  };
});


/**
 * The custom properties that carry the accent colour and the font pairing into a theme's tokens
 * (themes/<name>/tokens.css); "" when the theme's own are kept. `:root [data-theme]` outranks the
 * tokens' `[data-theme="…"]` whatever order the stylesheets load in.
 */
export function identityCss(theme: { name: string; paper: { light: string; dark?: string } }, v: Pick<IdentityValues, "accent_color" | "font_pairing">): string {
  const sel = `:root [data-theme="${theme.name}"]`;
  const light: string[] = [];
  const rules: string[] = [];
  if (v.accent_color) light.push(`--accent:${readableAccent(v.accent_color, theme.paper.light)}`);
  if (v.font_pairing && isFontPairing(v.font_pairing)) {
    const f = FONT_PAIRINGS[v.font_pairing];
    light.push(`--font-heading-stack:${f.heading}`, `--font-body-stack:${f.body}`);
  }
  if (light.length) rules.push(`${sel}{${light.join(";")}}`);
  if (v.accent_color && theme.paper.dark) {
    rules.push(`@media (prefers-color-scheme: dark){${sel}{--accent:${readableAccent(v.accent_color, theme.paper.dark)}}}`);
  }
  return rules.join("\n");
}
