// Every kind of block the "/" inserter offers. Other editor parts (media, embeds, tables…) add
// their own kinds with registerBlock() from their module, so this list never has to know them.
import type { Editor } from "@tiptap/core";

export interface BlockKind {
  id: string;
  label: string;
  /** Other words a writer may type after "/" to find it ("h2", "ul", "hr"…). */
  keywords: string[];
  run: (editor: Editor) => void;
}

const kinds = new Map<string, BlockKind>();

/** Adds a kind, or replaces the one with the same id (a richer version of a built-in). */
export function registerBlock(kind: BlockKind): void {
  kinds.set(kind.id, kind);
}

export function listBlocks(): BlockKind[] {
  return [...kinds.values()];
}

/** Kinds whose label, id or keywords start with (or, failing that, contain) the query. */
export function findBlocks(query: string): BlockKind[] {
  const q = query.trim().toLowerCase();
  if (!q) return listBlocks();
  const words = (k: BlockKind) => [k.id, ...k.label.toLowerCase().split(/\s+/), ...k.keywords].map((w) => w.toLowerCase());
  const starts = listBlocks().filter((k) => words(k).some((w) => w.startsWith(q)) || k.label.toLowerCase().startsWith(q));
  if (starts.length) return starts;
  return listBlocks().filter((k) => k.label.toLowerCase().includes(q) || k.keywords.some((w) => w.includes(q)));
}

const headings = [1, 2, 3, 4, 5, 6] as const;

registerBlock({ id: "paragraph", label: "Paragraph", keywords: ["text", "p"], run: (e) => e.chain().focus().setParagraph().run() });
for (const level of headings) {
  registerBlock({ id: `heading-${level}`, label: `Heading ${level}`, keywords: [`h${level}`, "title", "heading"], run: (e) => e.chain().focus().setHeading({ level }).run() });
}
registerBlock({ id: "bullet-list", label: "Bulleted list", keywords: ["ul", "list", "unordered"], run: (e) => e.chain().focus().toggleBulletList().run() });
registerBlock({ id: "ordered-list", label: "Numbered list", keywords: ["ol", "list", "ordered"], run: (e) => e.chain().focus().toggleOrderedList().run() });
registerBlock({ id: "quote", label: "Quote", keywords: ["blockquote", "citation"], run: (e) => e.chain().focus().setBlockquote().run() });
registerBlock({ id: "code", label: "Code", keywords: ["pre", "codeblock", "preformatted"], run: (e) => e.chain().focus().setCodeBlock().run() });
registerBlock({ id: "separator", label: "Separator", keywords: ["hr", "divider", "line", "rule"], run: (e) => e.chain().focus().setHorizontalRule().run() });

/** Several kinds at once (a module's own blocks). */
export function registerBlocks(items: BlockKind[]): void {
  for (const item of items) registerBlock(item);
}

export type BlockInserterItem = BlockKind;
