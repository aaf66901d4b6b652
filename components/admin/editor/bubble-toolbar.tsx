"use client";

// The toolbar that floats over selected text (Medium, Ghost, WordPress's block toolbar): the
// marks a writer reaches for while writing, and the block's heading level.
import type { ReactNode } from "react";
import type { Editor } from "@tiptap/core";
import { BubbleMenu } from "@tiptap/react/menus";
import { useEditorState } from "@tiptap/react";
import { openLinkEditor } from "./link-hook";

const LEVELS = [1, 2, 3, 4, 5, 6] as const;
// Drawn, not an emoji: not every system has an emoji font (Chromium on a bare Linux shows a box).
const LINK_ICON = (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" style={{ display: "inline" }}>
    <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71" />
    <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71" />
  </svg>
);

export function BubbleToolbar({ editor }: { editor: Editor }) {
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      link: e.isActive("link"),
      code: e.isActive("code"),
      strike: e.isActive("strike"),
      level: (LEVELS.find((l) => e.isActive("heading", { level: l })) ?? 0) as number,
    }),
  });
  const mark = (label: string, short: ReactNode, active: boolean, run: () => void, kbd: string) => (
    <button type="button" aria-pressed={active} aria-label={label} title={`${label} (${kbd})`} onMouseDown={(e) => e.preventDefault()} onClick={run}>
      <span aria-hidden="true">{short}</span>
    </button>
  );
  return (
    <BubbleMenu editor={editor} options={{ placement: "top", offset: 8, flip: true, shift: { padding: 8 } }}
      shouldShow={({ editor: e, from, to }) => from !== to && e.isEditable && !e.isActive("codeBlock") && !e.isActive("image")}>
      <div role="toolbar" aria-label="Selected text" className="bubble-toolbar">
        {mark("Bold", "B", s.bold, () => editor.chain().focus().toggleBold().run(), "Ctrl+B")}
        {mark("Italic", "I", s.italic, () => editor.chain().focus().toggleItalic().run(), "Ctrl+I")}
        {mark("Link", LINK_ICON, s.link, () => openLinkEditor(editor), "Ctrl+K")}
        {mark("Inline code", "</>", s.code, () => editor.chain().focus().toggleCode().run(), "Ctrl+E")}
        {mark("Strikethrough", "S", s.strike, () => editor.chain().focus().toggleStrike().run(), "Ctrl+Shift+S")}
        <label className="sr-only" htmlFor="bubble-level">Text style</label>
        <select id="bubble-level" value={s.level} onChange={(e) => {
          const level = Number(e.target.value) as 0 | (typeof LEVELS)[number];
          if (level) editor.chain().focus().setHeading({ level }).run();
          else editor.chain().focus().setParagraph().run();
        }}>
          <option value={0}>Paragraph</option>
          {LEVELS.map((l) => <option key={l} value={l}>Heading {l}</option>)}
        </select>
      </div>
    </BubbleMenu>
  );
}
