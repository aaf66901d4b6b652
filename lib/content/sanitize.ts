// HTML sanitizing with sanitize-html (well kept, no DOM needed on the server).
import { randomBytes } from "node:crypto";
import sanitizeHtml from "sanitize-html";
import { autop } from "./format";
import { findMarkers } from "./markers";
import { findBlockComments } from "./blocks";
import { htmlTooDeep } from "./html-parse";
import { escapeHtml } from "@/lib/content/escape";
import { htmlToText } from "./html-text";

/**
 * sanitize-html's parser slows with nesting depth as htmlparser2's does (21,000 nested <b> in a
 * 64 KB comment took a second), so HTML nested past HTML_MAX_DEPTH, which no writer means, keeps
 * its text and loses its markup.
 */
const tooDeep = (html: string) => (htmlTooDeep(html) ? escapeHtml(htmlToText(html)) : null);

/** WordPress's $allowedtags for comments, plus p and br that line breaks become. */
export function sanitizeCommentHtml(html: string): string {
  const flat = tooDeep(html);
  if (flat !== null) return flat;
  return sanitizeHtml(html, {
    allowedTags: ["a", "abbr", "acronym", "b", "blockquote", "cite", "code", "del", "em", "i", "q", "s", "strike", "strong", "p", "br"],
    allowedAttributes: { a: ["href", "title", "rel"], abbr: ["title"], acronym: ["title"], blockquote: ["cite"], del: ["datetime"], q: ["cite"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    // Every link a commenter writes is theirs, not the site's: rel="nofollow ugc", never followed
    // by search engines as the site's vote. simpleTransform overwrites any rel the comment gave.
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow ugc" }) },
  });
}

// A bare URL in text (WordPress's make_clickable): http(s) or www., up to whitespace or a tag;
// trailing punctuation that usually ends a sentence stays outside the link.
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;

/** Turns bare URLs in the text of (already sanitized) HTML into links, never inside a link. */
export function makeClickable(html: string): string {
  let inLink = 0;
  return html
    .split(/(<[^<>]*>)/)
    .map((part) => {
      if (part.startsWith("<")) {
        if (/^<a[\s>]/i.test(part)) inLink++;
        else if (/^<\/a\s*>/i.test(part)) inLink = Math.max(0, inLink - 1);
        return part;
      }
      if (inLink) return part;
      return part.replace(BARE_URL, (match) => {
        const trail = /[.,;:!?)\]]+$/.exec(match)?.[0] ?? "";
        const url = trail ? match.slice(0, -trail.length) : match;
        const href = url.toLowerCase().startsWith("www.") ? `http://${url}` : url;
        return `<a href="${href}" rel="nofollow ugc">${url}</a>${trail}`;
      });
    })
    .join("");
}

// formatCommentHtml is a pure function of the stored text and costs two sanitizer passes: a post
// with 100 comments spent much of its render in it (`npm run bench`) every time it was rendered again
// (after each new comment, say). Results are kept by the text itself, so an edit is a new key.
const FORMATTED_MAX_ENTRIES = 10_000;
const FORMATTED_MAX_TEXT = 8 * 1024;
const formatted = new Map<string, string>();
const PLAIN_TEXT = /^[^<>&]*$/;

/** What a reader sees of a stored comment: paragraphs, clickable URLs, only comment tags. */
export function formatCommentHtml(stored: string): string {
  const hit = formatted.get(stored);
  if (hit !== undefined) return hit;
  // Sanitize first so that autop and makeClickable only ever see well-formed, safe markup, and
  // once more at the end so whatever they produce is held to the same allowlist. Text with no
  // markup at all (most comments) skips both passes: it has no tag or entity to sanitize, autop
  // adds only p and br, and makeClickable only links http(s) URLs that hold no quote or angle
  // bracket; the result is the same string the two passes give (tested on random text).
  // wpautop ends with a newline; a comment's markup is kept without it.
  const html = (
    PLAIN_TEXT.test(stored)
      ? makeClickable(autop(stored)).replaceAll("<br>", "<br />")
      : sanitizeCommentHtml(makeClickable(autop(sanitizeCommentHtml(stored))))
  ).trimEnd();
  if (stored.length <= FORMATTED_MAX_TEXT) {
    if (formatted.size >= FORMATTED_MAX_ENTRIES) formatted.delete(formatted.keys().next().value as string);
    formatted.set(stored, html);
  }
  return html;
}

/**
 * Post HTML from users without unfiltered_html: rich markup, no script, no event handlers.
 * sanitize-html drops every comment, so WordPress's marker comments (found by the parser, never
 * in an attribute or in text) cross it as an element whose name only this call knows, and come
 * back as comments rebuilt from their name and a plain text. Block delimiters (<!-- wp:… -->) cross
 * the same way, as WordPress's kses keeps them, so a block post stays a block post.
 */
export function sanitizePostHtml(html: string): string {
  const flat = tooDeep(html);
  if (flat !== null) return flat;
  const markers = [
    ...findMarkers(html).map((m) => ({ start: m.start, end: m.end, comment: `<!--${m.name}${m.text.replace(/[<>!]/g, "").replace(/-+/g, "-")}-->` })),
    ...findBlockComments(html),
  ].sort((a, b) => a.start - b.start);
  const stand = `ink-marker-${randomBytes(8).toString("hex")}`;
  let marked = "";
  let pos = 0;
  markers.forEach((m, i) => {
    marked += `${html.slice(pos, m.start)}<${stand} data-i="${i}"></${stand}>`;
    pos = m.end;
  });
  marked += html.slice(pos);
  const clean = sanitizeHtml(marked, {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags,
      "img", "figure", "figcaption", "del", "ins", "s", "u", "sub", "sup", "small", "mark", "abbr", "cite", "q", "dl", "dt", "dd",
      "video", "audio", "source", "picture", "details", "summary", stand,
    ],
    allowedAttributes: {
      // download and aria-describedby: WordPress's file block (a link and its Download button).
      a: ["href", "name", "target", "rel", "title", "download", "aria-describedby"],
      img: ["src", "srcset", "sizes", "alt", "title", "width", "height", "loading", "class"],
      "*": ["class", "id", "lang", "dir"],
      td: ["colspan", "rowspan"],
      th: ["colspan", "rowspan", "scope"],
      video: ["src", "controls", "width", "height", "poster", "preload", "loop", "muted", "playsinline"],
      audio: ["src", "controls", "preload", "loop"],
      source: ["src", "srcset", "type", "media"],
      ol: ["start", "reversed", "type"],
      q: ["cite"],
      blockquote: ["cite"],
      // The visual editor's details block marks its body so that it opens in Visual again.
      div: ["data-type"],
      [stand]: ["data-i"],
    },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["http", "https", "data"] },
    allowProtocolRelative: false,
    allowedClasses: undefined,
    // WordPress's file block writes a bare download attribute; sanitize-html would drop it as empty.
    nonBooleanAttributes: sanitizeHtml.defaults.nonBooleanAttributes.filter((a) => a !== "download"),
  });
  const back = new RegExp(`<${stand} data-i="(\\d+)"></${stand}>`, "g");
  return clean.replace(back, (_, i: string) => {
    // A marker's text is link text with nothing that could end the comment early (--> or --!>);
    // a block delimiter was only kept if it holds no <, > or -- at all.
    return markers[Number(i)]?.comment ?? "";
  });
}
