// An inserted image (or player, file, gallery) is never lost to the next keystroke. ProseMirror
// replaces a selected node with whatever is typed or pasted; WordPress instead keeps the block and
// writes after it. Here a selected media block is replaced only by Delete or Backspace, pressed on
// it deliberately; text typed, Enter and pastes go to a paragraph after it.
import { Extension, type Editor, type JSONContent } from "@tiptap/core";
import { NodeSelection, Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";

export const MEDIA_NODES = new Set(["imageFigure", "imageGallery", "audioBlock", "videoBlock", "fileBlock", "image"]);

function selectedMedia(state: EditorState): NodeSelection | null {
  const sel = state.selection;
  return sel instanceof NodeSelection && MEDIA_NODES.has(sel.node.type.name) ? sel : null;
}

/** Puts the caret in an empty paragraph right after `pos`, making one unless it is there. */
function caretAfter(tr: Transaction, pos: number): Transaction {
  const after = tr.doc.resolve(pos).nodeAfter;
  if (!after || after.type.name !== "paragraph" || after.content.size > 0) tr.insert(pos, tr.doc.type.schema.nodes.paragraph!.create());
  return tr.setSelection(TextSelection.create(tr.doc, pos + 1)).scrollIntoView();
}

/** A media block whose caption holds the caret: Enter leaves it for a new paragraph. */
function captionBlockEnd(state: EditorState): number | null {
  const { $from, empty } = state.selection;
  if (!empty || !MEDIA_NODES.has($from.parent.type.name)) return null;
  return $from.after();
}

export const KeepBlocks = Extension.create({
  name: "keepBlocks",
  // Before the default keymap, whose Enter would split the figure and Backspace would pull the
  // paragraph into the caption above.
  priority: 1000,

  addKeyboardShortcuts() {
    const leaveCaption = ({ editor }: { editor: Editor }) => {
      const end = captionBlockEnd(editor.state);
      if (end === null) return false;
      editor.view.dispatch(caretAfter(editor.state.tr, end));
      return true;
    };
    const selectBlockBefore = ({ editor }: { editor: Editor }) => {
      const { $from, empty } = editor.state.selection;
      if (!empty || $from.parentOffset !== 0 || !$from.parent.isTextblock || $from.depth < 1) return false;
      // At the start of a caption, Backspace selects its image instead of merging the caption
      // into the paragraph above and dropping the picture.
      if (MEDIA_NODES.has($from.parent.type.name)) {
        editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, $from.before())));
        return true;
      }
      const before = editor.state.doc.resolve($from.before()).nodeBefore;
      if (!before || !MEDIA_NODES.has(before.type.name)) return false;
      const start = $from.before() - before.nodeSize;
      let tr = editor.state.tr;
      // An empty paragraph after the block goes, as WordPress removes an empty block on Backspace.
      if ($from.parent.content.size === 0 && $from.parent.type.name === "paragraph") tr = tr.delete($from.before(), $from.after());
      editor.view.dispatch(tr.setSelection(NodeSelection.create(tr.doc, start)));
      return true;
    };
    return {
      Enter: (props) => {
        if (selectedMedia(props.editor.state)) {
          const sel = selectedMedia(props.editor.state)!;
          props.editor.view.dispatch(caretAfter(props.editor.state.tr, sel.to));
          return true;
        }
        return leaveCaption(props);
      },
      Backspace: selectBlockBefore,
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("keepBlocks"),
        props: {
          handleTextInput(view, _from, _to, text) {
            const sel = selectedMedia(view.state);
            if (!sel) return false;
            const tr = caretAfter(view.state.tr, sel.to);
            view.dispatch(tr.insertText(text));
            return true;
          },
          handleKeyDown(view, event) {
            // Typed characters normally arrive through handleTextInput, but a composed or
            // synthetic key may not: move the caret first and let the browser type it there.
            const sel = selectedMedia(view.state);
            if (!sel || event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return false;
            view.dispatch(caretAfter(view.state.tr, sel.to));
            return false;
          },
          handlePaste(view) {
            const sel = selectedMedia(view.state);
            if (sel) view.dispatch(caretAfter(view.state.tr, sel.to));
            return false;
          },
        },
      }),
    ];
  },
});

/**
 * Inserts blocks where the caret is and leaves the caret in a paragraph after them, so that the
 * author keeps writing below the picture, never over it.
 */
export function insertBlocks(editor: Editor, blocks: JSONContent[]): void {
  const { state } = editor;
  const nodes = blocks.map((b) => state.schema.nodeFromJSON(b));
  const { $from } = state.selection;
  const tr = state.tr;
  let at: number;
  if (selectedMedia(state)) {
    at = state.selection.to;
  } else if ($from.depth === 0) {
    at = $from.pos;
  } else if ($from.parent.isTextblock && $from.parent.content.size === 0 && $from.depth === 1) {
    // An empty paragraph is where the block goes (WordPress replaces an empty block).
    at = $from.before();
    tr.delete($from.before(), $from.after());
  } else {
    // After the block the caret is in, at the top level, so that a list or quote is not split.
    at = $from.after(1);
  }
  tr.insert(at, nodes);
  const end = at + nodes.reduce((n, node) => n + node.nodeSize, 0);
  editor.view.dispatch(caretAfter(tr, end));
  editor.view.focus();
}
