"use client";

// The visual editor (tiptap) over a plain textarea. The textarea is the field that is posted: it
// works without JavaScript, holds the HTML source mode, and is what the visual editor writes to.
// HTML the visual editor cannot represent stays raw: we open in HTML mode and warn before switching.
import { useEffect, useRef, useState } from "react";
import { useEditor, EditorContent, type Editor } from "@tiptap/react";
import type { PickerMedia } from "@/db/queries/media-picker";
import { LinkPopover } from "./link/link-popover";
import { hasBlocks } from "@/lib/content/blocks";
import { BlockControls } from "./blocks/block-controls";
import { BlockInserterMenu, useBlockDocument } from "./blocks/block-mode";
import { makeExtensions } from "./extensions";
import { SlashMenu, SlashBridge } from "./slash-menu";
import { BubbleToolbar } from "./bubble-toolbar";
import { BlockHandle } from "./block-handle";
import { WordCount } from "./word-count";
import { DistractionFreeToggle } from "./distraction-free";
import { openLinkEditor } from "./link-hook";
import { usePasteHandler } from "./use-paste";

const normalize = (html: string) => html.replace(/>\s+</g, "><").replace(/\s+/g, " ").trim();

/** Would the visual editor keep this HTML as it is? */
function representable(editor: Editor, html: string): boolean {
  if (!html.trim()) return true;
  const before = editor.getHTML();
  editor.commands.setContent(html, { emitUpdate: false });
  const ok = normalize(editor.getHTML()) === normalize(html);
  editor.commands.setContent(before, { emitUpdate: false });
  return ok;
}

interface Props {
  name: string;
  value: string;
  onChange: (html: string) => void;
  maxLength: number;
  images: PickerMedia[];
  describedBy?: string;
  /** The active theme: the canvas wears its content typography, light or dark. */
  theme: string;
}

export function RichTextEditor({ name, value, onChange, maxLength, images, describedBy, theme }: Props) {
  const [mode, setMode] = useState<"visual" | "html">("html");
  const [note, setNote] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const decided = useRef(false);
  const valueRef = useRef(value);
  useEffect(() => {
    valueRef.current = value;
  });
  // Posts written with WordPress's blocks are edited as blocks and saved as block markup.
  const blocks = useBlockDocument();

  const [slash] = useState(() => new SlashBridge());
  const paste = usePasteHandler(setNote);

  const editor = useEditor({
    extensions: makeExtensions(slash),
    content: "",
    immediatelyRender: false,
    editorProps: {
      attributes: { id: "content-visual", class: "entry-content", "aria-label": "Content (visual editor)", role: "textbox", "aria-multiline": "true" },
      handlePaste: paste,
    },
    onUpdate: ({ editor }) => onChange(blocks.isActive() ? blocks.serialize(editor) : editor.getHTML()),
  });

  // Once the editor exists, choose the mode: visual when the stored HTML survives the editor.
  useEffect(() => {
    if (!editor || decided.current) return;
    decided.current = true;
    if (hasBlocks(valueRef.current)) {
      blocks.load(editor, valueRef.current);
      setMode("visual");
    } else if (representable(editor, valueRef.current)) {
      editor.commands.setContent(valueRef.current, { emitUpdate: false });
      setMode("visual");
    } else {
      setNote("This content has HTML the visual editor cannot show as written, so it stays in HTML mode to keep it intact.");
    }
  }, [editor, blocks]);

  // Text set from outside (Restore the autosave) flows into the visual editor too.
  useEffect(() => {
    if (!editor || mode !== "visual") return;
    if (blocks.isActive() || hasBlocks(value)) {
      if (!blocks.isActive() || blocks.serialize(editor) !== value) blocks.load(editor, value);
      return;
    }
    if (normalize(editor.getHTML()) !== normalize(value)) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, mode, value, blocks]);

  function toVisual() {
    if (!editor) return;
    if (hasBlocks(value)) {
      blocks.load(editor, value);
      setNote(null);
      setMode("visual");
      return;
    }
    blocks.leave();
    if (!representable(editor, value)) {
      const go = window.confirm("Some of this HTML cannot be represented in the visual editor and would be changed or removed. Switch to Visual anyway?");
      if (!go) return;
    }
    editor.commands.setContent(value, { emitUpdate: false });
    setNote(null);
    setMode("visual");
  }

  function insertImage(img: PickerMedia) {
    setPicking(false);
    if (mode === "visual" && editor) {
      editor.chain().focus().setImage({ src: img.url, alt: img.alt || img.title }).run();
    } else {
      const tag = `<img src="${img.url}" alt="${(img.alt || img.title).replace(/"/g, "&quot;")}"${img.width ? ` width="${img.width}"` : ""}${img.height ? ` height="${img.height}"` : ""}>`;
      onChange(value ? `${value}\n${tag}` : tag);
    }
  }

  const btn = (label: string, onClick: () => void, active = false, disabled = false) => (
    <button type="button" onClick={onClick} aria-pressed={active} disabled={disabled}
      className={`rounded border px-2 py-0.5 text-sm ${active ? "border-[#2271b1] bg-[#2271b1] text-white" : "border-gray-300 bg-white"} disabled:opacity-40`}>
      {label}
    </button>
  );
  const e = editor;
  const visual = mode === "visual" && !!e;

  return (
    <div className="rounded border border-gray-400 bg-white">
      <div className="flex flex-wrap items-center gap-1 border-b border-gray-300 bg-gray-50 p-2" role="toolbar" aria-label="Formatting">
        <div role="group" aria-label="Editor mode" className="mr-2 flex gap-1">
          {btn("Visual", toVisual, mode === "visual", !e)}
          {btn("HTML", () => {
            // The code editor shows exactly what will be saved.
            if (e && mode === "visual" && blocks.isActive()) onChange(blocks.serialize(e));
            setMode("html");
          }, mode === "html")}
        </div>
        {visual ? (
          <>
            {btn("Heading", () => e.chain().focus().toggleHeading({ level: 2 }).run(), e.isActive("heading", { level: 2 }))}
            {btn("Subheading", () => e.chain().focus().toggleHeading({ level: 3 }).run(), e.isActive("heading", { level: 3 }))}
            {btn("Bold", () => e.chain().focus().toggleBold().run(), e.isActive("bold"))}
            {btn("Italic", () => e.chain().focus().toggleItalic().run(), e.isActive("italic"))}
            {btn("Link", () => openLinkEditor(e), e.isActive("link"))}
            {btn("Bulleted list", () => e.chain().focus().toggleBulletList().run(), e.isActive("bulletList"))}
            {btn("Numbered list", () => e.chain().focus().toggleOrderedList().run(), e.isActive("orderedList"))}
            {btn("Quote", () => e.chain().focus().toggleBlockquote().run(), e.isActive("blockquote"))}
            {btn("Code", () => e.chain().focus().toggleCode().run(), e.isActive("code"))}
            {btn("Code block", () => e.chain().focus().toggleCodeBlock().run(), e.isActive("codeBlock"))}
            {btn("Undo", () => e.chain().focus().undo().run(), false, !e.can().undo())}
            {btn("Redo", () => e.chain().focus().redo().run(), false, !e.can().redo())}
            <BlockInserterMenu editor={e} />
            <BlockControls editor={e} button={btn} />
          </>
        ) : null}
        {btn("Add Media", () => setPicking((v) => !v), picking)}
        <span className="ml-auto"><DistractionFreeToggle /></span>
      </div>
      {picking ? (
        <div className="border-b border-gray-300 p-2" role="group" aria-label="Media library">
          {images.length ? (
            <ul className="flex flex-wrap gap-2">
              {images.map((img) => (
                <li key={img.id}>
                  <button type="button" onClick={() => insertImage(img)} className="block rounded border border-gray-300 p-1 hover:border-[#2271b1]" aria-label={`Insert ${img.title}`}>
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    <img src={img.url} alt="" className="h-16 w-16 object-cover" />
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">The media library has no images yet. Upload some under Media.</p>
          )}
        </div>
      ) : null}
      {note ? <p className="border-b border-amber-300 bg-amber-50 p-2 text-sm" role="status">{note}</p> : null}
      <div hidden={mode !== "visual"} data-theme={theme} className="editor-canvas">
        <EditorContent editor={editor} />
        <LinkPopover editor={editor} />
        {editor ? <><BubbleToolbar editor={editor} /><BlockHandle editor={editor} /></> : null}
        <SlashMenu bridge={slash} editorId="content-visual" />
      </div>
      <textarea
        id={name}
        name={name}
        value={value}
        onChange={(ev) => onChange(ev.target.value)}
        maxLength={maxLength}
        rows={18}
        aria-label="Content"
        aria-describedby={describedBy}
        hidden={mode === "visual"}
        className="block w-full p-3 font-mono text-sm"
      />
      <div className="border-t border-gray-300 bg-gray-50 px-3 py-1"><WordCount html={value} /></div>
    </div>
  );
}
