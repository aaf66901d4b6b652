"use client";

// The visual editor (tiptap) over a plain textarea. The textarea is the field that is posted: it
// works without JavaScript, holds the HTML source mode, and is what the visual editor writes to.
// HTML the visual editor cannot represent stays raw: we open in HTML mode and warn before switching.
import { useEffect, useRef, useState, type MutableRefObject } from "react";
import { flushSync } from "react-dom";
import { useEditor, EditorContent, type Editor } from "@tiptap/react";
import { LinkPopover } from "./link/link-popover";
import { hasBlocks } from "@/lib/content/blocks";
import { forVisual, sameHtml } from "./same-html";
import { markerComments } from "./extensions/wp-marker";
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
import { openMediaDialog } from "./media/open";
import { EditorMedia } from "./media/editor-media";
import type { UploadLimits } from "./media/media-uploads";

// The post a dropped file is attached to: the form's id field, which is set once the first save
// or autosave has made the post (the editor itself outlives that change).
function formPostId(): number | null {
  const v = document.querySelector<HTMLInputElement>('form input[type="hidden"][name="id"]')?.value;
  return v && /^\d+$/.test(v) ? Number(v) : null;
}

/**
 * Loads the HTML into the editor and says whether the editor kept it as it is. Loading a long post
 * is the costly part of opening the editor, so it is done once: the caller clears the editor when
 * the answer is no.
 */
function loadIfRepresentable(editor: Editor, html: string): boolean {
  const shown = forVisual(html);
  editor.commands.setContent(shown, { emitUpdate: false });
  return !html.trim() || sameHtml(editor.getHTML(), shown);
}

// Serializing a long post takes longer than a keystroke may, so the posted field follows the
// canvas after a pause in typing (and at least every few seconds while typing goes on); anything
// that reads the field (save, autosave, preview, leaving) flushes first.
const EMIT_PAUSE_MS = 300;
const EMIT_MAX_WAIT_MS = 3000;

interface Props {
  name: string;
  value: string;
  onChange: (html: string) => void;
  maxLength: number;
  /** Upload limits, or null when the author may not upload (the library can still be browsed). */
  media: UploadLimits | null;
  describedBy?: string;
  /** The active theme: the canvas wears its content typography, light or dark. */
  theme: string;
  /** Set to a function that writes pending canvas changes into the field at once. */
  flushRef?: MutableRefObject<(() => void) | null>;
  /** Told when the canvas changes after a quiet spell, before the field has the change. */
  onEdit?: () => void;
}

export function RichTextEditor({ name, value, onChange, maxLength, media, describedBy, theme, flushRef, onEdit }: Props) {
  const [mode, setMode] = useState<"visual" | "html">("html");
  const [note, setNote] = useState<string | null>(null);
  const [mediaError, setMediaError] = useState<string | null>(null);
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
    extensions: makeExtensions(slash, {
      maxBytes: media?.maxBytes ?? 0,
      maxLabel: media?.maxLabel ?? "",
      postId: formPostId,
      onError: setMediaError,
    }),
    content: "",
    immediatelyRender: false,
    editorProps: {
      attributes: { id: "content-visual", class: "entry-content", "aria-label": "Content (visual editor)", role: "textbox", "aria-multiline": "true" },
      handlePaste: paste,
    },
    onUpdate: () => scheduleRef.current(),
  });

  // What the editor recently wrote into the field: those values coming back are not text from
  // outside, even when the field's render arrives after more typing (several writes can be in
  // flight before React renders the first).
  const emitted = useRef<string[]>([]);
  const pending = useRef({ dirty: false, timer: 0, since: 0 });
  const onChangeRef = useRef(onChange);
  const onEditRef = useRef(onEdit);
  useEffect(() => {
    onChangeRef.current = onChange;
    onEditRef.current = onEdit;
  });
  function emit() {
    const p = pending.current;
    window.clearTimeout(p.timer);
    if (!p.dirty || !editor) return;
    p.dirty = false;
    const html = blocks.isActive() ? blocks.serialize(editor) : markerComments(editor.getHTML());
    emitted.current = [...emitted.current.slice(-7), html];
    onChangeRef.current(html);
  }
  function schedule() {
    const p = pending.current;
    const now = performance.now();
    if (!p.dirty) {
      p.since = now;
      onEditRef.current?.();
    }
    p.dirty = true;
    window.clearTimeout(p.timer);
    p.timer = window.setTimeout(() => emitRef.current(), now - p.since > EMIT_MAX_WAIT_MS ? 0 : EMIT_PAUSE_MS);
  }
  const emitRef = useRef(emit);
  const scheduleRef = useRef(schedule);
  useEffect(() => {
    emitRef.current = emit;
    scheduleRef.current = schedule;
  });
  useEffect(() => {
    const p = pending.current;
    const flush = () => {
      if (pending.current.dirty) flushSync(() => emitRef.current());
    };
    if (flushRef) flushRef.current = flush;
    // A tab closed or put away keeps what was typed (the local backup and the autosave read the field).
    const onHide = () => document.visibilityState === "hidden" && flush();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onHide, true);
    return () => {
      if (flushRef) flushRef.current = null;
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onHide, true);
      window.clearTimeout(p.timer);
    };
  }, [flushRef]);

  // Once the editor exists, choose the mode: visual when the stored HTML survives the editor.
  useEffect(() => {
    if (!editor || decided.current) return;
    decided.current = true;
    if (hasBlocks(valueRef.current)) {
      blocks.load(editor, valueRef.current);
      setMode("visual");
    } else if (loadIfRepresentable(editor, valueRef.current)) {
      setMode("visual");
    } else {
      editor.commands.clearContent(false);
      setNote("This content has HTML the visual editor cannot show as written, so it stays in HTML mode to keep it intact.");
    }
  }, [editor, blocks]);

  // Text set from outside (Restore the autosave) flows into the visual editor too.
  useEffect(() => {
    if (!editor || mode !== "visual" || emitted.current.includes(value)) return;
    emitted.current = [];
    // The editor's own output coming back (an embed writes its block comments into a classic
    // post) is not text from outside: switching to block mode then turned the post into a card.
    if (!blocks.isActive() && sameHtml(editor.getHTML(), forVisual(value))) return;
    if (blocks.isActive() || hasBlocks(value)) {
      if (!blocks.isActive() || blocks.serialize(editor) !== value) blocks.load(editor, value);
      return;
    }
    if (!sameHtml(editor.getHTML(), forVisual(value))) editor.commands.setContent(forVisual(value), { emitUpdate: false });
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
    if (!loadIfRepresentable(editor, value)) {
      const go = window.confirm("Some of this HTML cannot be represented in the visual editor and would be changed or removed. Switch to Visual anyway?");
      if (!go) return;
    }
    setNote(null);
    setMode("visual");
  }

  function toHtml() {
    // The code editor shows exactly what will be saved.
    if (editor && mode === "visual") {
      pending.current.dirty = true;
      emit();
    }
    setMode("html");
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
          <button type="button" onClick={toHtml} aria-pressed={mode === "html"}
            className={`rounded border px-2 py-0.5 text-sm ${mode === "html" ? "border-[#2271b1] bg-[#2271b1] text-white" : "border-gray-300 bg-white"}`}>
            HTML
          </button>
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
        {/* As in WordPress, roles without upload_files (contributors) get no media library. */}
        {media ? btn("Add Media", () => editor && openMediaDialog(editor, { kind: "all" }), false, !e) : null}
        <span className="ml-auto"><DistractionFreeToggle /></span>
      </div>
      {mediaError ? (
        <p role="alert" className="flex items-start justify-between gap-2 border-b border-red-300 bg-red-50 p-2 text-sm">
          {mediaError}
          <button type="button" onClick={() => setMediaError(null)} className="underline">Dismiss</button>
        </p>
      ) : null}
      {note ? <p className="border-b border-amber-300 bg-amber-50 p-2 text-sm" role="status">{note}</p> : null}
      <div hidden={mode !== "visual"} data-theme={theme} className="editor-canvas">
        <EditorContent editor={editor} />
        <LinkPopover editor={editor} />
        {editor ? <><BubbleToolbar editor={editor} /><BlockHandle editor={editor} /></> : null}
        <SlashMenu bridge={slash} editorId="content-visual" />
      </div>
      <EditorMedia editor={editor} visual={mode === "visual"} limits={media} onHtmlInsert={(html) => onChange(value ? `${value}\n${html}` : html)} />
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
