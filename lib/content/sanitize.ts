// HTML sanitizing with sanitize-html (well kept, no DOM needed on the server).
import sanitizeHtml from "sanitize-html";

/** WordPress's $allowedtags for comments, plus p and br that line breaks become. */
export function sanitizeCommentHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ["a", "abbr", "acronym", "b", "blockquote", "cite", "code", "del", "em", "i", "q", "s", "strike", "strong", "p", "br"],
    allowedAttributes: { a: ["href", "title", "rel"], abbr: ["title"], acronym: ["title"], blockquote: ["cite"], del: ["datetime"], q: ["cite"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow ugc" }) },
  });
}

/** Post HTML from users without unfiltered_html: rich markup, no script, no event handlers. */
export function sanitizePostHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags,
      "img", "figure", "figcaption", "del", "ins", "s", "u", "sub", "sup", "small", "mark", "abbr", "cite", "q", "dl", "dt", "dd",
      "video", "audio", "source", "picture", "details", "summary",
    ],
    allowedAttributes: {
      a: ["href", "name", "target", "rel", "title"],
      img: ["src", "srcset", "sizes", "alt", "title", "width", "height", "loading", "class"],
      "*": ["class", "id", "lang", "dir"],
      td: ["colspan", "rowspan"],
      th: ["colspan", "rowspan", "scope"],
      video: ["src", "controls", "width", "height", "poster"],
      audio: ["src", "controls"],
      source: ["src", "srcset", "type", "media"],
      ol: ["start", "reversed", "type"],
      q: ["cite"],
      blockquote: ["cite"],
    },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["http", "https", "data"] },
    allowProtocolRelative: false,
    // Keep WordPress's <!--more--> marker: it splits the teaser from the rest.
    allowedClasses: undefined,
  }).replace(/&lt;!--more(.*?)--&gt;/g, "<!--more$1-->");
}
