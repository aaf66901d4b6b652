// WordPress's content markers (<!--more-->, <!--nextpage-->, <!--noteaser-->) are HTML comments,
// so they are found only where an HTML parser sees a comment: never inside an attribute value
// (<a title="<!--more-->">), a <script> or <style>, or the text "&lt;!--more--&gt;". A textual
// search cut the home page's teaser inside an attribute, and the open quote swallowed the theme.
import { parseHtml } from "./html-parse";

export type MarkerName = "more" | "nextpage" | "noteaser";

export interface Marker {
  name: MarkerName;
  /** Offsets of the whole comment in the HTML: html.slice(start, end) is "<!--more…-->". */
  start: number;
  end: number;
  /** What follows the name ("<!--more Read on-->" gives " Read on"). */
  text: string;
  /** Elements still open at the marker, outermost first: a cut there must close them. */
  open: string[];
}

const NAMES: MarkerName[] = ["more", "nextpage", "noteaser"];

/** Every marker comment in the HTML, in order, or only the first of `only`. */
export function findMarkers(html: string, only?: MarkerName): Marker[] {
  const found: Marker[] = [];
  const open: string[] = [];
  parseHtml(html, (parser) => ({
    onopentag(name) {
      open.push(name);
    },
    onclosetag() {
      open.pop();
    },
    oncomment(data) {
      const name = NAMES.find((n) => data.startsWith(n));
      if (!name || (only && name !== only)) return;
      // WordPress's own pattern is <!--more(.*?)?-->: the name, then anything.
      found.push({ name, start: parser.startIndex, end: parser.endIndex + 1, text: data.slice(name.length), open: [...open] });
      if (only) parser.pause();
    },
  }), { decodeEntities: false });
  return found;
}

/** The HTML before `m`, with the elements open there closed, so the rest of the page stays outside them. */
export function cutAt(html: string, m: Marker): string {
  return html.slice(0, m.start) + m.open.toReversed().map((name) => `</${name}>`).join("");
}
