// The blocks of this part of the editor, as the inserter offers them. Each lands with the cursor
// inside it, ready to type: never selected as a whole, where the next key would replace it.
import type { Editor, JSONContent } from "@tiptap/core";
import { registerBlocks, type BlockInserterItem } from "./registry";

const column = (): JSONContent => ({ type: "column", content: [{ type: "paragraph" }] });

function insertBlock(editor: Editor, json: JSONContent | JSONContent[]) {
  const { from } = editor.state.selection;
  const here = editor.state.selection.$from.parent;
  // An empty paragraph is replaced, as WordPress replaces the empty block the inserter was opened in.
  const chain = editor.chain().focus();
  if (here.type.name === "paragraph" && here.content.size === 0 && editor.state.selection.$from.depth === 1) {
    chain.insertContentAt({ from: from - 1, to: from + 1 }, json).run();
  } else chain.insertContent(json).run();
  let target: number | null = null;
  editor.state.doc.nodesBetween(Math.max(0, from - 1), editor.state.doc.content.size, (node, pos) => {
    if (target !== null) return false;
    if (node.isTextblock && pos >= from - 1) target = pos + 1;
    return true;
  });
  if (target !== null) editor.chain().focus().setTextSelection(target).run();
}

/** A More or Page Break line, with the caret in a paragraph after it. */
function insertMarker(editor: Editor, kind: "more" | "nextpage") {
  insertBlock(editor, [{ type: "wpMarker", attrs: { kind } }, { type: "paragraph" }]);
}

export const coreBlocks: BlockInserterItem[] = [
  { id: "heading", label: "Heading", keywords: ["title", "h2", "subheading"], run: (e) => e.chain().focus().setNode("heading", { level: 2 }).run() },
  { id: "list", label: "List", keywords: ["bullet", "ul", "ol", "numbered"], run: (e) => e.chain().focus().toggleBulletList().run() },
  { id: "quote", label: "Quote", keywords: ["blockquote", "cite"], run: (e) => e.chain().focus().toggleBlockquote().run() },
  { id: "pullquote", label: "Pullquote", keywords: ["quote", "highlight"], run: (e) => insertBlock(e, { type: "pullquote", content: [{ type: "paragraph" }] }) },
  { id: "code", label: "Code", keywords: ["pre", "snippet", "program"], run: (e) => e.chain().focus().setCodeBlock().run() },
  { id: "table", label: "Table", keywords: ["rows", "columns", "grid"], run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  { id: "buttons", label: "Buttons", keywords: ["button", "link", "call to action", "cta"], run: (e) => insertBlock(e, { type: "buttons", content: [{ type: "button", attrs: { href: "" } }] }) },
  { id: "columns", label: "Columns", keywords: ["layout", "side by side", "row"], run: (e) => insertBlock(e, { type: "columns", content: [column(), column()] }) },
  { id: "separator", label: "Separator", keywords: ["hr", "horizontal rule", "divider", "line"], run: (e) => e.chain().focus().setHorizontalRule().run() },
  { id: "more", label: "More", keywords: ["read more", "teaser", "excerpt", "continue reading", "cut"], run: (e) => insertMarker(e, "more") },
  { id: "nextpage", label: "Page Break", keywords: ["next page", "pagination", "split", "nextpage"], run: (e) => insertMarker(e, "nextpage") },
  {
    id: "details",
    label: "Details",
    keywords: ["accordion", "summary", "toggle", "spoiler", "faq"],
    run: (e) => insertBlock(e, { type: "details", content: [{ type: "detailsSummary" }, { type: "detailsContent", content: [{ type: "paragraph" }] }] }),
  },
];

registerBlocks(coreBlocks);

export { column };
