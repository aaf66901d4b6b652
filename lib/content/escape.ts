// The one HTML (and XML) escaper: the five characters that can end a text node or a quoted
// attribute, as WordPress's esc_html/esc_attr write them (' as &#039;). No dependencies, so that
// client components and validation may use it too.
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#039;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
