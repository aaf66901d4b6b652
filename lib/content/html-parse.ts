// Every HTML parse of text someone else wrote goes through here. htmlparser2 keeps its open
// elements with Array.unshift, so each element costs as much as the depth it opens at: a deep
// page (a webmention source, a post) costs time quadratic in its depth (tests/unit/content/html-depth.test.ts).
// Real pages nest a few dozen deep; past HTML_MAX_DEPTH the parse stops and says so.
import { Parser, type Handler, type ParserOptions } from "htmlparser2";

/** Deep enough for any real page (WordPress themes and page builders nest under 60). */
export const HTML_MAX_DEPTH = 256;

/**
 * Runs the handlers `make` returns (it gets the parser, for startIndex/endIndex) over `html`.
 * Returns false when it stopped at an element nested deeper than HTML_MAX_DEPTH: the handlers
 * have then seen only the part before it.
 */
export function parseHtml(html: string, make: (parser: Parser) => Partial<Handler>, opts: ParserOptions = {}): boolean {
  const cbs: Partial<Handler> = {};
  const parser = new Parser(cbs, opts);
  const h = make(parser);
  let depth = 0;
  let deep = false;
  Object.assign(cbs, h, {
    onopentag(name: string, attrs: Record<string, string>, implied: boolean) {
      if (++depth > HTML_MAX_DEPTH) {
        deep = true;
        parser.pause();
        return;
      }
      h.onopentag?.(name, attrs, implied);
    },
    onclosetag(name: string, implied: boolean) {
      depth--;
      if (!deep) h.onclosetag?.(name, implied);
    },
  } satisfies Partial<Handler>);
  parser.end(html);
  return !deep;
}

/** Whether `html` nests elements deeper than HTML_MAX_DEPTH (costs at most that much per element). */
export function htmlTooDeep(html: string): boolean {
  return !parseHtml(html, () => ({}));
}
