// WordPress's Text and Custom HTML widgets keep a user's HTML as written only when that user has
// unfiltered_html (WP_Widget_Text::update, WP_Widget_Custom_HTML::update); everyone else's goes
// through the same filter as their posts would (wp_kses_post here: sanitizePostHtml).
import type { Role } from "@/db/schema";
import { roleCan } from "@/lib/auth/capabilities";
import { sanitizePostHtml } from "./sanitize";

export function widgetHtmlFor(role: Role, html: string): string {
  return roleCan(role, "unfiltered_html") ? html : sanitizePostHtml(html);
}
