// Turning stored post HTML into what a reader sees: WordPress's wpautop for content written
// without paragraphs (classic-editor content only), and the <!--more--> teaser cut.

import { autop as wpautop } from "@wordpress/autop";
import { cutAt, findMarkers } from "./markers";
import { CORE_SHORTCODES } from "./shortcodes/tags";

/** WordPress's wpautop (its own JS port): paragraphs and <br /> for text written without them. */
export function autop(html: string): string {
  if (!html.trim()) return "";
  return wpautop(outsidePre(html, (text) => shortenLongSpaces(text).replace(/(<hr\s*\/?>)/g, "$1\n\n")));
}

/** Applies `fix` to the text outside <pre> elements, which wpautop sets aside the same way. */
function outsidePre(html: string, fix: (text: string) => string): string {
  return html
    .split("</pre>")
    .map((piece) => {
      const at = piece.indexOf("<pre");
      return at === -1 ? fix(piece) : fix(piece.slice(0, at)) + piece.slice(at);
    })
    .join("</pre>");
}

// Two fixes to the JS port, outside <pre> only:
// - PHP's wpautop puts a paragraph break after <hr> (ticket 14674); the port misses that line.
// - The port's /(<br \/>)?\s*\n/ backtracks over a long run of spaces not ending in a newline
//   (quadratic: tests/unit/security/redos.run.ts times it). In a run of 64+ whitespace characters, the visible ones (no-break
//   and other Unicode spaces) become character references, which look the same and do not match
//   \s, and each long stretch of plain whitespace becomes what it means to wpautop and to a
//   browser: a paragraph break, a line break, or one space.
function shortenLongSpaces(text: string): string {
  return text.replace(/\s{64,}/g, (run) =>
    run
      .replace(/[^ \t\r\n\f\v]/g, (c) => `&#x${c.codePointAt(0)!.toString(16)};`)
      .replace(/[ \t\r\n\f\v]{64,}/g, (plain) => {
        const newlines = plain.split("\n").length - 1;
        return newlines >= 2 ? "\n\n" : newlines === 1 ? "\n" : " ";
      }),
  );
}

// wp_spaces_regexp(): whitespace, a UTF-8 no-break space, or its entity.
const SPACES = "(?:[\\r\\n\\t ]|\\u00a0|&nbsp;)";
// shortcode_unautop()'s pattern, ported as is. Without PHP's possessive quantifiers it still
// cannot backtrack badly: each repeated group starts with a character the one before excludes.
const UNAUTOP = new RegExp(
  "<p>" + SPACES + "*" +
    "(\\[(" + CORE_SHORTCODES.join("|") + ")(?![\\w-])" +
    "[^\\]\\/]*(?:\\/(?!\\])[^\\]\\/]*)*?" +
    "(?:\\/\\]|\\](?:[^\\[]*(?:\\[(?!\\/\\2\\])[^\\[]*)*\\[\\/\\2\\])?))" +
    SPACES + "*<\\/p>",
  "g",
);

/** WordPress's shortcode_unautop: a core shortcode alone in its paragraph loses the <p>. */
export function shortcodeUnautop(html: string): string {
  return html.replace(UNAUTOP, "$1");
}

/** Block-editor content, which WordPress leaves out of wpautop (has_blocks()). */
export function hasBlocks(html: string): boolean {
  return html.includes("<!-- wp:");
}

/** the_content's paragraph pass: wpautop then shortcode_unautop, except for block content. */
export function formatPostContent(html: string): string {
  if (hasBlocks(html)) return html;
  return shortcodeUnautop(autop(html));
}

/** The part before <!--more--> (its open elements closed), and whether there was more. */
export function splitMore(html: string): { teaser: string; hasMore: boolean } {
  const [m] = findMarkers(html, "more");
  if (!m) return { teaser: html, hasMore: false };
  return { teaser: cutAt(html, m), hasMore: true };
}

/**
 * A post's pages, split at <!--nextpage--> as WordPress's setup_postdata does: the nextpage block's
 * delimiters and the newlines around the marker go, a marker at the very start is ignored. Only
 * markers an HTML parser sees as comments count (never one inside an attribute).
 */
export function contentPages(content: string): string[] {
  if (!content.includes("<!--nextpage")) return [content];
  const html = content.replaceAll("<!-- wp:nextpage -->", "").replaceAll("<!-- /wp:nextpage -->", "");
  const pages: string[] = [];
  let from = 0;
  for (const m of findMarkers(html).filter((x) => x.name === "nextpage")) {
    pages.push(html.slice(from, m.start));
    from = m.end;
  }
  pages.push(html.slice(from));
  const trimmed = pages.map((p) => p.replace(/^\n+|\n+$/g, ""));
  return trimmed[0]!.trim() === "" && trimmed.length > 1 ? trimmed.slice(1) : trimmed;
}

/** The full content with the more marker turned into an anchor, as WordPress does. */
export function fullContent(html: string, postId: number): string {
  const [m] = findMarkers(html, "more");
  return m ? `${html.slice(0, m.start)}<span id="more-${postId}"></span>${html.slice(m.end)}` : html;
}
