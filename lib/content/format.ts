// Turning stored post HTML into what a reader sees: WordPress's wpautop for content written
// without paragraphs, and the <!--more--> teaser cut.

import { removeBlocks } from "./strip";
import { cutAt, findMarkers } from "./markers";

const BLOCK = /<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|section|article|hr|dl|form|iframe)[\s>]/i;

/** Wraps double-newline-separated text in <p> and single newlines in <br>, as wpautop does. */
export function autop(html: string): string {
  if (!html.trim()) return "";
  if (BLOCK.test(html) && !/\n\s*\n/.test(removeBlocks(html, ["pre"], "", false))) return html;
  return html
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
}

/** The part before <!--more--> (its open elements closed), and whether there was more. */
export function splitMore(html: string): { teaser: string; hasMore: boolean } {
  const [m] = findMarkers(html, "more");
  if (!m) return { teaser: html, hasMore: false };
  return { teaser: cutAt(html, m), hasMore: true };
}

/** The full content with the more marker turned into an anchor, as WordPress does. */
export function fullContent(html: string, postId: number): string {
  const [m] = findMarkers(html, "more");
  return m ? `${html.slice(0, m.start)}<span id="more-${postId}"></span>${html.slice(m.end)}` : html;
}
