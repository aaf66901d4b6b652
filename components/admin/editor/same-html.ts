// Whether the visual editor shows stored classic HTML as it is. WordPress's classic editor passes
// the content through wpautop when it opens it (blank lines are paragraphs), so this does too; the
// editor then writes a few things its own way that mean the same to a reader and to themes:
// paragraphs inside list items and table cells, a table inside WordPress's figure.wp-block-table
// without thead/tbody, and an empty paragraph kept at the end to type into. Anything else that
// differs (an attribute, an element it has no place for) means the HTML would change.
import { autop } from "@wordpress/autop";
import { markerComment, markerElements, type MarkerKind } from "./extensions/wp-marker";

/**
 * The content as the visual editor should load it: WordPress's paragraphs from blank lines, and
 * <!--more--> / <!--nextpage--> as elements the editor keeps (it drops comments).
 */
export const forVisual = (html: string): string => markerElements(autop(html));

function canonical(html: string): string {
  const t = document.createElement("template");
  t.innerHTML = html;
  const root = t.content;
  const unwrap = (el: Element) => el.replaceWith(...el.childNodes);
  // A content marker is its comment, whether loaded (a placeholder element) or written by the editor.
  root.querySelectorAll("div[data-wp-marker]").forEach((el) => el.replaceWith(document.createComment(markerComment(el.getAttribute("data-wp-marker") as MarkerKind, el.getAttribute("data-text") ?? ""))));
  root.querySelectorAll("figure.wp-block-table").forEach((f) => {
    if (f.children.length === 1 && f.firstElementChild?.localName === "table") unwrap(f);
  });
  root.querySelectorAll("colgroup").forEach((c) => c.remove());
  root.querySelectorAll("table").forEach((table) => table.removeAttribute("style"));
  root.querySelectorAll("thead, tbody").forEach(unwrap);
  root.querySelectorAll(":is(li, td, th) > p").forEach(unwrap);
  // Preformatted text is code in the editor.
  root.querySelectorAll("pre > code:only-child").forEach(unwrap);
  // A picture alone in its paragraph is a block of its own in the editor.
  root.querySelectorAll("p").forEach((p) => {
    if (p.children.length === 1 && p.firstElementChild?.localName === "img" && !p.textContent?.trim()) unwrap(p);
  });
  // Text between blocks (wpautop leaves "<hr>\nThe end." unwrapped) is a paragraph in the editor.
  let run: ChildNode[] = [];
  const wrap = () => {
    if (run.some((n) => n.nodeType === Node.ELEMENT_NODE || n.textContent?.trim())) {
      const p = document.createElement("p");
      run[0].before(p);
      p.append(...run);
    }
    run = [];
  };
  for (const n of [...root.childNodes]) {
    if (n.nodeType === Node.ELEMENT_NODE && BLOCKS.has((n as Element).localName)) wrap();
    else if (n.nodeType === Node.TEXT_NODE || n.nodeType === Node.ELEMENT_NODE) run.push(n);
  }
  wrap();
  // Empty paragraphs show nothing (WordPress drops them too); the editor keeps one to type into.
  for (const p of [...root.children]) {
    if (p.localName === "p" && !p.textContent?.trim() && !p.querySelector("img, iframe, video, audio, br")) p.remove();
  }
  // Attributes in one order (the editor writes its own).
  for (const el of root.querySelectorAll("*")) {
    const attrs = [...el.attributes].map((a) => [a.name, a.value] as const).sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [name] of attrs) el.removeAttribute(name);
    for (const [name, value] of attrs) el.setAttribute(name, value);
  }
  const box = document.createElement("div");
  box.append(root);
  // Compared as the browser serializes them, so that <img … /> from the sanitizer and <img …> from
  // the editor, or controls and controls="", are the same HTML; spaces beside a block's tags are
  // not shown to anyone.
  return box.innerHTML
    .replace(/\s+/g, " ")
    .replace(/\s*(<\/?(?:br|p|h[1-6]|ul|ol|li|table|tr|td|th|figure|figcaption|blockquote|hr|div|details|summary)\b[^>]*>)\s*/g, "$1")
    .trim();
}

const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "figure", "blockquote", "pre", "hr", "div", "details", "dl", "section", "article", "aside", "header", "footer", "nav", "address", "iframe", "audio", "video"]);

/** Whether two HTML strings are the same content once the editor's own habits are set aside. */
export function sameHtml(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}
