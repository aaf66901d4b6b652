"use client";

// Settings of the block the cursor is in, shown in the editor's toolbar: a table's rows and
// columns, a code block's language, a button's link, the number of columns.
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { column } from "./inserters";

export const CODE_LANGUAGES = ["", "bash", "css", "go", "html", "java", "javascript", "json", "markdown", "php", "python", "ruby", "rust", "sql", "typescript", "yaml"];

function ancestor(editor: Editor, type: string): { pos: number; size: number; count: number } | null {
  const { $from } = editor.state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const n = $from.node(d);
    if (n.type.name === type) return { pos: $from.before(d), size: n.nodeSize, count: n.childCount };
  }
  return null;
}

function addColumn(editor: Editor) {
  const cols = ancestor(editor, "columns");
  if (!cols || cols.count >= 4) return;
  editor.chain().focus().insertContentAt(cols.pos + cols.size - 1, column()).run();
}

function removeColumn(editor: Editor) {
  const col = ancestor(editor, "column");
  const cols = ancestor(editor, "columns");
  if (!col || !cols || cols.count <= 2) return;
  editor.chain().focus().deleteRange({ from: col.pos, to: col.pos + col.size }).run();
}

export function BlockControls({ editor, button }: { editor: Editor; button: (label: string, onClick: () => void, active?: boolean, disabled?: boolean) => React.ReactNode }) {
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      table: e.isActive("table"),
      header: e.isActive("tableHeader"),
      code: e.isActive("codeBlock"),
      language: (e.getAttributes("codeBlock").language as string | null) ?? "",
      button: e.isActive("button"),
      href: (e.getAttributes("button").href as string | undefined) ?? "",
      columns: ancestor(e, "columns")?.count ?? 0,
    }),
  });
  if (!s) return null;
  const c = () => editor.chain().focus();
  return (
    <div role="group" aria-label="Block settings" className="flex flex-wrap items-center gap-1">
      {s.table ? (
        <>
          {button("Add row", () => c().addRowAfter().run())}
          {button("Add column", () => c().addColumnAfter().run())}
          {button("Delete row", () => c().deleteRow().run())}
          {button("Delete column", () => c().deleteColumn().run())}
          {button("Header row", () => c().toggleHeaderRow().run())}
          {button("Delete table", () => c().deleteTable().run())}
        </>
      ) : null}
      {s.code ? (
        <label className="flex items-center gap-1 text-sm">
          Language
          <select value={s.language} onChange={(ev) => c().updateAttributes("codeBlock", { language: ev.target.value || null }).run()} className="rounded border border-gray-300 bg-white px-1 py-0.5 text-sm">
            {CODE_LANGUAGES.map((l) => (
              <option key={l} value={l}>{l || "Plain text"}</option>
            ))}
          </select>
        </label>
      ) : null}
      {s.button ? (
        <label className="flex items-center gap-1 text-sm">
          Button link
          <input type="url" value={s.href} placeholder="https://" onChange={(ev) => editor.commands.updateAttributes("button", { href: ev.target.value })} className="w-48 max-w-full rounded border border-gray-300 px-1 py-0.5 text-sm" />
        </label>
      ) : null}
      {s.columns ? (
        <>
          {button("Add column", () => addColumn(editor), false, s.columns >= 4)}
          {button("Remove column", () => removeColumn(editor), false, s.columns <= 2)}
        </>
      ) : null}
    </div>
  );
}
