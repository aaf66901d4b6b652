// Moving and deleting whole top-level blocks, by keyboard (WordPress's shortcuts: Alt+Shift+↑/↓
// move, Alt+Shift+Z removes) and from the block handle's menu.
import { Extension, type Editor } from "@tiptap/core";
import { NodeSelection, TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";

interface Block {
  index: number;
  start: number;
  size: number;
}

/** The top-level block the selection starts in (a selected image or separator is one itself). */
export function currentBlock(state: EditorState): Block | null {
  const { selection, doc } = state;
  const $from = selection.$from;
  if ($from.depth === 0) {
    const node = selection instanceof NodeSelection ? selection.node : doc.nodeAt(selection.from);
    return node ? { index: $from.index(0), start: selection.from, size: node.nodeSize } : null;
  }
  return { index: $from.index(0), start: $from.before(1), size: $from.node(1).nodeSize };
}

/** Puts the cursor where it was inside the block, which now starts at `start`. */
function keepSelection(tr: Transaction, start: number, inner: number, wasNode: boolean) {
  if (wasNode) return tr.setSelection(NodeSelection.create(tr.doc, start));
  return tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(start + inner, tr.doc.content.size))));
}

export function moveBlock(editor: Editor, dir: -1 | 1): boolean {
  const { state, view } = editor;
  const block = currentBlock(state);
  if (!block) return false;
  const target = block.index + dir;
  if (target < 0 || target >= state.doc.childCount) return false;
  const node = state.doc.child(block.index);
  const neighbour = state.doc.child(target).nodeSize;
  const inner = state.selection.from - block.start;
  const tr = state.tr.delete(block.start, block.start + block.size);
  const at = dir < 0 ? block.start - neighbour : block.start + neighbour;
  tr.insert(at, node);
  keepSelection(tr, at, inner, state.selection instanceof NodeSelection).scrollIntoView();
  view.dispatch(tr);
  return true;
}

export function deleteBlock(editor: Editor): boolean {
  const { state, view } = editor;
  const block = currentBlock(state);
  if (!block) return false;
  const tr = state.tr.delete(block.start, block.start + block.size);
  tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(block.start, tr.doc.content.size)), -1)).scrollIntoView();
  view.dispatch(tr);
  return true;
}

/** Selects the start of the top-level block at `index` (for the handle's menu). */
export function selectBlock(editor: Editor, index: number): void {
  const { doc } = editor.state;
  if (index < 0 || index >= doc.childCount) return;
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  const node = doc.child(index);
  const sel = node.isTextblock || !node.isLeaf ? TextSelection.near(doc.resolve(pos + 1)) : NodeSelection.create(doc, pos);
  editor.view.dispatch(editor.state.tr.setSelection(sel));
}

export const BlockMoves = Extension.create({
  name: "blockMoves",
  priority: 1000,
  addKeyboardShortcuts() {
    return {
      "Alt-Shift-ArrowUp": () => moveBlock(this.editor, -1),
      "Alt-Shift-ArrowDown": () => moveBlock(this.editor, 1),
      "Alt-Shift-z": () => deleteBlock(this.editor),
    };
  },
});
