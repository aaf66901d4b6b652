// Stored block content into the visual editor's document: each top-level block becomes the node
// that edits it, remembering its source; a block no node can hold without losing something
// becomes a card that keeps it whole. Runs in the browser (it parses HTML with the DOM).
import type { JSONContent } from "@tiptap/core";
import { DOMParser as PMDOMParser, type Schema } from "@tiptap/pm/model";
import { splitBlocks, type BlockSegment } from "@/lib/content/blocks";
import { blockMarkup, type SerializeOptions } from "./serialize";

/** Which node may stand for which block; a block opened as any other node is kept as a card. */
export const BLOCK_NODES: Record<string, string[]> = {
  "core/paragraph": ["paragraph"],
  "core/heading": ["heading"],
  "core/list": ["bulletList", "orderedList"],
  "core/quote": ["blockquote"],
  "core/pullquote": ["pullquote"],
  "core/code": ["codeBlock"],
  "core/table": ["table"],
  "core/buttons": ["buttons"],
  "core/columns": ["columns"],
  "core/separator": ["horizontalRule"],
  "core/details": ["details"],
  "core/image": ["imageFigure"],
  "core/gallery": ["imageGallery"],
  "core/audio": ["audioBlock"],
  "core/video": ["videoBlock"],
  "core/file": ["fileBlock"],
};

const letters = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, "");
const tagsIn = (html: string) => new Set([...html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => m[1].toLowerCase()));
// Elements the editor's marks read and write under another name.
const SAME: Record<string, string> = { b: "strong", i: "em", del: "s", strike: "s" };

function editable(seg: BlockSegment, parser: PMDOMParser, opts: SerializeOptions): JSONContent | null {
  const types = seg.name ? BLOCK_NODES[seg.name] : undefined;
  if (!types) return null;
  const body = new window.DOMParser().parseFromString(`<!doctype html><body>${seg.html}`, "text/html").body;
  if (body.children.length !== 1) return null;
  const doc = parser.parse(body);
  const node = doc.childCount === 1 ? doc.firstChild : null;
  // Every word must have found its place in the node (a caption or a cite we do not edit would
  // otherwise vanish on the first edit).
  if (!node || !types.includes(node.type.name) || letters(node.textContent) !== letters(body.textContent)) return null;
  const json = node.toJSON() as JSONContent;
  const wpClass = body.firstElementChild?.getAttribute("class") ?? null;
  const wpStyle = body.firstElementChild?.getAttribute("style") ?? null;
  json.attrs = { ...json.attrs, wpAttrs: Object.keys(seg.attrs).length ? seg.attrs : null, wpClass, wpStyle };
  const fresh = blockMarkup(json, opts);
  if (fresh === null) return null;
  // …and every kind of element too (a <sup>, a <tfoot>, an <img> the node has no place for).
  const kept = tagsIn(fresh);
  if ([...body.querySelectorAll("*")].some((el) => !kept.has(SAME[el.localName] ?? el.localName))) return null;
  json.attrs = { ...json.attrs, wpSource: seg.source, wpFresh: fresh };
  return json;
}

/** WordPress's More and Page Break blocks as the editor's marker line, kept as written until edited. */
function marker(seg: BlockSegment, opts: SerializeOptions): JSONContent | null {
  if (seg.name !== "core/more" && seg.name !== "core/nextpage") return null;
  const text = seg.name === "core/more" ? (/<!--more(.*?)-->/s.exec(seg.html)?.[1] ?? "") : "";
  const json: JSONContent = {
    type: "wpMarker",
    attrs: { kind: seg.name === "core/more" ? "more" : "nextpage", text, noTeaser: seg.name === "core/more" && (!!seg.attrs.noTeaser || seg.html.includes("<!--noteaser-->")) },
  };
  const fresh = blockMarkup(json, opts);
  json.attrs = { ...json.attrs, wpSource: seg.source, wpFresh: fresh };
  return json;
}

/** The editor document for block content. */
export function blocksToDoc(content: string, schema: Schema, opts: SerializeOptions = {}): JSONContent {
  const parser = PMDOMParser.fromSchema(schema);
  const nodes = splitBlocks(content).map(
    (seg) => marker(seg, opts) ?? editable(seg, parser, opts) ?? { type: "wpRaw", attrs: { name: seg.name ?? "core/freeform", source: seg.source } },
  );
  return { type: "doc", content: nodes.length ? nodes : [{ type: "paragraph" }] };
}
