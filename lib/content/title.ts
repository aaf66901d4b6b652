// Post titles are HTML, as WordPress keeps them: an export's `Media &amp; Text` is "Media & Text",
// and `Title <em>With</em> Markup` has an emphasis. Pages show a title's inline markup (sanitized
// on the way out, whoever wrote it); everywhere text is wanted (the document's <title>, feeds,
// links' names, the admin's lists) the title is its text: tags out, entities decoded once, to be
// escaped once by whatever writes it (React, the feed's XML).
import sanitizeHtml from "sanitize-html";
import { escapeHtml } from "./escape";
import { htmlToText } from "./html-text";

// Inline markup a heading can hold; never a link (a summary's title is one already).
const TITLE_TAGS = ["b", "strong", "i", "em", "sup", "sub", "code", "small", "s", "strike", "del", "ins", "mark", "abbr", "acronym", "cite", "q", "span", "br"];

const plain = (title: string) => !/[<&]/.test(title);

/** The title as text: "Media &amp; Text" → "Media & Text", "<em>With</em>" → "With". */
export function titleText(title: string): string {
  return plain(title) ? title : htmlToText(title);
}

/** The title as safe inline HTML for a heading: its inline markup kept, everything else escaped or dropped. */
export function titleHtml(title: string): string {
  if (plain(title)) return escapeHtml(title);
  return sanitizeHtml(title.replace(/[\r\n]+/g, " "), {
    allowedTags: TITLE_TAGS,
    allowedAttributes: { abbr: ["title"], acronym: ["title"] },
    disallowedTagsMode: "discard",
    // script/style/textarea bodies go with their tags.
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "iframe", "template"],
  });
}

/**
 * The title as the editor's field shows it: an imported "Media &amp; Text" reads "Media & Text"
 * (WordPress's edit screen decodes it too); a title with markup stays as written, tags and all,
 * so that saving it unchanged keeps the markup.
 */
export function titleForEditing(title: string): string {
  return title.includes("<") ? title : titleText(title);
}
