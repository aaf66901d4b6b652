// What a custom link may point to: WordPress's esc_url keeps http(s), mailto, tel and relative
// addresses and drops the rest (javascript:, data:), so a menu can never run script.
const ALLOWED = /^(https?:\/\/|mailto:|tel:)/i;

export const MENU_URL_MAX = 2048;

/** The URL as stored, or null when it is not one a menu may link to. */
export function cleanMenuUrl(raw: string): string | null {
  const url = raw.trim();
  if (!url || url.length > MENU_URL_MAX || /[\u0000-\u001f\s]/.test(url)) return null;
  if (url.startsWith("/") && !url.startsWith("//")) return url;
  if (url.startsWith("#") || url.startsWith("?")) return url;
  if (!ALLOWED.test(url)) return null;
  try {
    new URL(url);
    return url;
  } catch {
    return null;
  }
}
