// Files dropped on or pasted into the canvas upload at once, each shown in place as a progress bar
// (a widget decoration that follows edits around it, as in ProseMirror's upload example), and
// become their block when the server has them. A refused file leaves the post as it was and says
// why in the editor's notice.
import { Extension, type Editor } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import FileHandler from "@tiptap/extension-file-handler";
import { uploadFile } from "../media/upload";
import { mediaBlockFor } from "../media/blocks";
import { insertBlocks } from "./keep-blocks";

type Action = { add: { id: string; pos: number; name: string } } | { remove: { id: string } };

const key = new PluginKey<DecorationSet>("mediaUploadPlaceholders");

function placeholder(id: string, name: string) {
  const box = document.createElement("div");
  box.className = "ink-upload-placeholder";
  box.contentEditable = "false";
  const label = document.createElement("span");
  label.id = `ink-upload-${id}`;
  label.textContent = `Uploading “${name}”…`;
  const bar = document.createElement("progress");
  bar.max = 100;
  bar.value = 0;
  bar.dataset.upload = id;
  bar.setAttribute("aria-labelledby", label.id);
  box.append(label, bar);
  return box;
}

const PlaceholderPlugin = new Plugin<DecorationSet>({
  key,
  state: {
    init: () => DecorationSet.empty,
    apply(tr, set) {
      let next = set.map(tr.mapping, tr.doc);
      const action = tr.getMeta(key) as Action | undefined;
      if (action && "add" in action) {
        const { id, pos, name } = action.add;
        next = next.add(tr.doc, [Decoration.widget(pos, () => placeholder(id, name), { id, side: -1 })]);
      } else if (action && "remove" in action) {
        next = next.remove(next.find(undefined, undefined, (spec) => spec.id === action.remove.id));
      }
      return next;
    },
  },
  props: { decorations: (state) => key.getState(state) },
});

function placeholderPos(state: EditorState, id: string): number | null {
  const found = key.getState(state)?.find(undefined, undefined, (spec) => spec.id === id);
  return found?.length ? found[0]!.from : null;
}

export interface MediaUploadOptions {
  maxBytes: number;
  maxLabel: string;
  postId: () => number | null;
  onError: (message: string) => void;
}

export async function uploadIntoEditor(editor: Editor, files: File[], pos: number, opts: MediaUploadOptions): Promise<void> {
  if (!opts.maxBytes) return opts.onError("Sorry, you are not allowed to upload files.");
  await Promise.all(
    files.map(async (file) => {
      const id = Math.random().toString(36).slice(2);
      const at = Math.max(0, Math.min(pos, editor.state.doc.content.size));
      editor.view.dispatch(editor.state.tr.setMeta(key, { add: { id, pos: at, name: file.name } }));
      const res = await uploadFile(file, {
        ...opts,
        postId: opts.postId(),
        onProgress: (p) => {
          const bar = editor.view.dom.querySelector<HTMLProgressElement>(`progress[data-upload="${id}"]`);
          if (bar) bar.value = p;
        },
      });
      const where = placeholderPos(editor.state, id);
      editor.view.dispatch(editor.state.tr.setMeta(key, { remove: { id } }));
      if (!res.ok) return opts.onError(res.message);
      if (where === null) return;
      editor.commands.setTextSelection(where);
      insertBlocks(editor, [mediaBlockFor(res.item)]);
    }),
  );
}

export const MediaUpload = Extension.create<MediaUploadOptions>({
  name: "mediaUpload",
  addOptions() {
    return { maxBytes: 0, maxLabel: "", postId: () => null, onError: () => {} };
  },
  addProseMirrorPlugins() {
    return [PlaceholderPlugin];
  },
  addExtensions() {
    const opts = () => this.options;
    return [
      FileHandler.configure({
        onDrop: (editor, files, pos) => void uploadIntoEditor(editor, files, pos, opts()),
        onPaste: (editor, files) => void uploadIntoEditor(editor, files, editor.state.selection.from, opts()),
        // A pasted picture from a web page comes with its HTML too; the upload is what is kept.
        consumePasteEvent: true,
      }),
    ];
  },
});
