// Escaping for what shortcode renderers print: attribute values come from the author's text.
import { escapeHtml } from "@/lib/content/escape";

export const escAttr = escapeHtml;

/** esc_url for output: http(s), or a path on this site; anything else (javascript:, data:) is "". */
export function safeUrl(raw: string | undefined): string {
  const url = (raw ?? "").trim().replace(/[\u0000-\u001f\u007f\s]/g, (c) => (c === " " ? "%20" : ""));
  if (!url) return "";
  if (/^https?:\/\//i.test(url)) return url;
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return url;
  return "";
}

/** sanitize_html_class: letters, digits, hyphens and underscores only. */
export function htmlClass(s: string): string {
  return s.replace(/%[a-fA-F0-9]{2}/g, "").replace(/[^A-Za-z0-9_-]/g, "");
}

/** wp_validate_boolean for loop/autoplay/muted attributes. */
export function truthy(v: string | undefined): boolean {
  return !!v && v.toLowerCase() !== "false" && v !== "0" && v.toLowerCase() !== "off" && v.toLowerCase() !== "no";
}
