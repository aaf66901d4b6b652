// The blocks the "/" inserter (and the Insert block menu) offers. Each part of the editor adds
// its own blocks here; the inserter lists them in this order and filters by label and keywords.
import type { Editor } from "@tiptap/core";

export interface BlockInserterItem {
  id: string;
  label: string;
  keywords: string[];
  run: (editor: Editor) => void;
}

export const blockRegistry: BlockInserterItem[] = [];

export function registerBlocks(items: BlockInserterItem[]) {
  for (const item of items) if (!blockRegistry.some((b) => b.id === item.id)) blockRegistry.push(item);
}
