// Plain text of HTML as a browser would show it, for snippets, descriptions and excerpts. A parser,
// not regular expressions: "<!--" or ">" inside an attribute value is not markup, and a regex that
// thinks it is drops or leaks the text around it.
import { parseHtml } from "./html-parse";

// Elements that separate words; inline ones (a, em, b...) do not.
const BLOCK = /^(p|div|br|li|ul|ol|h[1-6]|blockquote|tr|td|th|table|section|article|header|footer|pre|hr|dd|dt)$/;

/** Plain text from an HTML fragment: tags removed, entities decoded once, whitespace collapsed. */
export function htmlToText(html: string): string {
  let out = "";
  let skip = 0;
  parseHtml(
    html,
    () => ({
      onopentag(name) {
        if (name === "script" || name === "style") skip++;
        if (BLOCK.test(name)) out += " ";
      },
      onclosetag(name) {
        if (name === "script" || name === "style") skip = Math.max(0, skip - 1);
        else if (BLOCK.test(name)) out += " ";
      },
      ontext(text) {
        if (!skip) out += text;
      },
    }),
    { decodeEntities: true },
  );
  return out.replace(/\s+/g, " ").trim();
}
