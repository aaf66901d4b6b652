// The one way to open the inline link field for an editor: the toolbar's Link button, the
// floating toolbar and Ctrl/Cmd+K all call openLinkEditor(editor). The field (link/link-popover.tsx)
// registers itself for its editor when it mounts.
import type { Editor } from "@tiptap/core";

const openers = new WeakMap<Editor, () => void>();

export function registerLinkEditor(editor: Editor, open: () => void): () => void {
  openers.set(editor, open);
  return () => {
    if (openers.get(editor) === open) openers.delete(editor);
  };
}

export function openLinkEditor(editor: Editor): void {
  openers.get(editor)?.();
}
