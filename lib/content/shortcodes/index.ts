// WordPress core's shortcodes, rendered when a post is displayed (stored content never changes).
// Matching is @wordpress/shortcode's port of get_shortcode_regex(); the renderers follow core's
// HTML5 output. Shortcodes inside HTML tags and comments are left alone, as core's
// do_shortcodes_in_html_tags() does: a [caption] in an attribute must never print markup there.
import { attrs as parseAttrs, regexp } from "@wordpress/shortcode";
import { CORE_SHORTCODES } from "./tags";
import type { ShortcodeContext } from "./types";
import { renderCaption } from "./caption";
import { renderGallery } from "./gallery";
import { renderAudio, renderPlaylist, renderVideo } from "./media";
import { renderEmbedShortcode } from "./embed";

export { renderEmbedShortcode } from "./embed";
export { CORE_SHORTCODES } from "./tags";
export type { ShortcodeContext, ShortcodeMedia, ShortcodeMediaSet } from "./types";

// Private-use stand-ins for the brackets inside tags and comments, put back at the end.
const OPEN = "\uE000";
const CLOSE = "\uE001";
// wp_html_split(): comments, CDATA, then any other tag.
const HTML_PARTS = /(<(?:!--[\s\S]*?(?:-->|$)|!\[CDATA\[[\s\S]*?(?:\]\]>|$)|[^>]*>?))/;
// Caption content is rendered again (for a [caption] holding other shortcodes); hostile nesting stops here.
const MAX_DEPTH = 4;

const TAGS = CORE_SHORTCODES.join("|");
const OPENING = new RegExp(`\\[(?:${TAGS})(?![\\w-])`, "g");
// The matcher looks ahead from each opening for its closing tag, so its cost is about openings ×
// length. Past this budget (~1,000 shortcodes in a 100 KB post) the text is left as it is, as
// hostile input may be: a reader's page must never take seconds to render.
const WORK_BUDGET = 100_000_000;

function withinBudget(html: string): boolean {
  let openings = 0;
  const limit = WORK_BUDGET / Math.max(1, html.length);
  OPENING.lastIndex = 0;
  while (OPENING.exec(html)) if (++openings > limit) return false;
  return true;
}

function hideBracketsInTags(html: string): string {
  if (!html.includes("<")) return html;
  return html
    .split(HTML_PARTS)
    .map((part, i) => (i % 2 === 1 ? part.replaceAll("[", OPEN).replaceAll("]", CLOSE) : part))
    .join("");
}

function render(html: string, ctx: ShortcodeContext, depth: number, counter: { n: number }): string {
  if (!html.includes("[") || !withinBudget(html)) return html;
  return html.replace(regexp(TAGS), (match, left: string, tag: string, rawAttrs: string, _slash: string, content: string | undefined, _closing: string, right: string) => {
    // [[gallery]] is an escaped shortcode: WordPress prints it with one pair of brackets.
    if (left === "[" && right === "]") return match.slice(1, -1);
    const named = Object.assign(Object.create(null) as Record<string, string>, parseAttrs(rawAttrs).named);
    const instance = ++counter.n;
    let out: string;
    switch (tag) {
      case "caption":
      case "wp_caption":
        out = renderCaption(named, content ?? "", (inner) => (depth < MAX_DEPTH ? render(inner, ctx, depth + 1, counter) : inner));
        break;
      case "gallery":
        out = renderGallery(named, ctx, instance);
        break;
      case "audio":
        out = renderAudio(named, ctx, instance);
        break;
      case "video":
        out = renderVideo(named, ctx, instance);
        break;
      case "playlist":
        out = renderPlaylist(named, ctx, instance);
        break;
      case "embed":
        out = renderEmbedShortcode((content ?? named.src ?? "").trim());
        break;
      default:
        return match;
    }
    return left + out + right;
  });
}

/** Renders core shortcodes in (already autop'd) post HTML. Never throws: on failure the HTML is returned as it was. */
export function renderShortcodes(html: string, ctx: ShortcodeContext): string {
  if (!html.includes("[")) return html;
  try {
    const out = render(hideBracketsInTags(html), ctx, 0, { n: 0 });
    return out.replaceAll(OPEN, "[").replaceAll(CLOSE, "]");
  } catch {
    return html;
  }
}

/**
 * WordPress's strip_shortcodes(): core shortcodes out, with what they enclose (a [caption]'s image
 * and text, a [gallery]); an escaped [[gallery]] keeps one pair of brackets; other bracketed text
 * stays. Used where a post becomes plain text (excerpts, descriptions), as wp_trim_excerpt does.
 */
export function stripShortcodes(html: string): string {
  if (!html.includes("[") || !withinBudget(html)) return html;
  try {
    const out = hideBracketsInTags(html).replace(regexp(TAGS), (match, left: string, _tag: string, _a: string, _s: string, _c: string, _cl: string, right: string) =>
      left === "[" && right === "]" ? match.slice(1, -1) : left + right,
    );
    return out.replaceAll(OPEN, "[").replaceAll(CLOSE, "]");
  } catch {
    return html;
  }
}

/** The media ids a post's shortcodes name, and whether any of them falls back to the post's attachments. */
export function shortcodeMediaNeeds(html: string): { ids: number[]; attached: boolean } {
  const ids = new Set<number>();
  let attached = false;
  if (!html.includes("[") || !withinBudget(html)) return { ids: [], attached };
  try {
    for (const m of hideBracketsInTags(html).matchAll(regexp("gallery|playlist|audio|video"))) {
      if (m[1] === "[" && m[7] === "]") continue;
      const named = parseAttrs(m[3] ?? "").named as Record<string, string | undefined>;
      const list = named.ids ?? named.include ?? "";
      const found = list.split(/[\s,]+/).map((s) => Number.parseInt(s, 10)).filter((n) => n > 0);
      found.slice(0, 500).forEach((n) => ids.add(n));
      if (!found.length && (m[2] === "gallery" || m[2] === "playlist" || !named.src)) attached = true;
    }
  } catch {
    // Unreadable shortcodes render as text: they need no media.
  }
  return { ids: [...ids], attached };
}
