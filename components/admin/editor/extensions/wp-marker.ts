// WordPress's content markers in the visual editor: <!--more--> (the "Read more" cut, with its
// optional text), <!--nextpage--> (a page break) and <!--noteaser-->. They are HTML comments, which
// an editor drops, so opening classic content turns each into a placeholder element (markerElements)
// that this node reads and writes (ProseMirror renders elements only); markerComments() turns them
// back into the comments when the canvas is written to the field. In block content they are the More and
// Page Break blocks (serialize.ts). In the canvas each shows as a labelled line, as in WordPress.
import { Node } from "@tiptap/core";

export type MarkerKind = "more" | "nextpage" | "noteaser";
const KINDS: MarkerKind[] = ["more", "nextpage", "noteaser"];
const LABEL: Record<MarkerKind, string> = { more: "Read more", nextpage: "Page break", noteaser: "No teaser" };

/** The comment's text for a marker: "more Read on", "nextpage". `--` and `>` cannot end it early. */
export function markerComment(kind: MarkerKind, text = ""): string {
  return kind + (kind === "more" ? text.replace(/-->|--!>|>/g, "").replace(/--+/g, "-") : "");
}

/** Which marker a comment is (WordPress's pattern: the name, then anything), or null. */
export function readMarker(data: string): { kind: MarkerKind; text: string } | null {
  const kind = KINDS.find((k) => data.startsWith(k));
  return kind ? { kind, text: kind === "more" ? data.slice(4) : "" } : null;
}

/**
 * Marker comments in (autop'd) classic HTML as `<div data-wp-marker>` elements the editor can hold;
 * a paragraph that holds nothing but the marker (wpautop wraps a marker alone on its line) goes with it.
 */
export function markerElements(html: string): string {
  if (!html.includes("<!--")) return html;
  const t = document.createElement("template");
  t.innerHTML = html;
  const walker = document.createTreeWalker(t.content, NodeFilter.SHOW_COMMENT);
  const found: Comment[] = [];
  while (walker.nextNode()) found.push(walker.currentNode as Comment);
  for (const c of found) {
    const m = readMarker(c.data);
    if (!m) continue;
    const el = document.createElement("div");
    el.setAttribute("data-wp-marker", m.kind);
    if (m.text) el.setAttribute("data-text", m.text);
    const p = c.parentElement;
    if (p && p.localName === "p" && p.parentNode === t.content && [...p.childNodes].every((n) => n === c || (n.nodeType === 3 && !n.textContent?.trim()) || (n.nodeType === 1 && (n as Element).localName === "br"))) p.replaceWith(el);
    else if (!p) c.replaceWith(el);
    // A marker inside a paragraph with words around it stays a comment: the editor cannot show it
    // there, so the content is not representable and opens in HTML mode.
  }
  return t.innerHTML;
}

/** The editor's HTML with each marker element back as its comment: what is stored. */
export function markerComments(html: string): string {
  if (!html.includes("data-wp-marker")) return html;
  const t = document.createElement("template");
  t.innerHTML = html;
  t.content.querySelectorAll("div[data-wp-marker]").forEach((el) => {
    const kind = el.getAttribute("data-wp-marker") as MarkerKind;
    if (KINDS.includes(kind)) el.replaceWith(document.createComment(markerComment(kind, el.getAttribute("data-text") ?? "")));
  });
  return t.innerHTML;
}

export const WpMarker = Node.create({
  name: "wpMarker",
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes: () => ({
    kind: { default: "more" as MarkerKind },
    text: { default: "" },
    /** The More block's "Hide the excerpt on the full content page" (<!--noteaser--> inside it). */
    noTeaser: { default: false },
  }),
  parseHTML: () => [
    {
      tag: "div[data-wp-marker]",
      getAttrs: (el: HTMLElement) => {
        const kind = el.getAttribute("data-wp-marker") as MarkerKind;
        return KINDS.includes(kind) ? { kind, text: el.getAttribute("data-text") ?? "" } : false;
      },
    },
  ],
  renderHTML: ({ node }) => ["div", { "data-wp-marker": node.attrs.kind, "data-text": node.attrs.kind === "more" && node.attrs.text ? node.attrs.text : null }],
  addNodeView: () => ({ node }) => {
    const dom = document.createElement("div");
    dom.className = "wp-marker";
    dom.contentEditable = "false";
    dom.setAttribute("data-kind", node.attrs.kind);
    const label = document.createElement("span");
    const text = String(node.attrs.text ?? "").trim();
    label.textContent = node.attrs.kind === "more" && text ? `${LABEL.more}: ${text}` : LABEL[node.attrs.kind as MarkerKind];
    dom.setAttribute("role", "separator");
    dom.setAttribute("aria-label", label.textContent);
    dom.append(label);
    return { dom };
  },
});
