"use client";

// A handle beside the block under the pointer (or holding the cursor): its menu moves the block up
// or down or removes it, as WordPress's block toolbar does. Alt+F10 reaches it from the keyboard;
// Escape in the menu returns to the text.
import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { Editor } from "@tiptap/core";
import { currentBlock, deleteBlock, moveBlock, selectBlock } from "./block-moves";

export function BlockHandle({ editor }: { editor: Editor }) {
  const [at, setAt] = useState<{ index: number; top: number } | null>(null);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const root = editor.view.dom;
    const frame = root.parentElement;
    const place = (index: number) => {
      const dom = root.children[index] as HTMLElement | undefined;
      if (!dom || !frame) return setAt(null);
      const top = dom.getBoundingClientRect().top - frame.getBoundingClientRect().top;
      // Typing re-places the handle on every keystroke: re-render only when it really moves.
      setAt((prev) => (prev && prev.index === index && prev.top === top ? prev : { index, top }));
    };
    const fromSelection = () => {
      const b = currentBlock(editor.state);
      if (b) place(b.index);
    };
    // Measuring forces a layout: while typing, measure once per frame, when the browser lays out anyway.
    let frameRequest = 0;
    const fromTyping = () => {
      if (frameRequest) return;
      frameRequest = requestAnimationFrame(() => {
        frameRequest = 0;
        if (!editor.isDestroyed) fromSelection();
      });
    };
    const fromPointer = (e: MouseEvent) => {
      const child = [...root.children].findIndex((c) => {
        const r = c.getBoundingClientRect();
        return e.clientY >= r.top && e.clientY <= r.bottom;
      });
      if (child >= 0) place(child);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key === "F10") {
        e.preventDefault();
        // Render the handle now and focus it in the same keystroke, so that the next key (Enter to
        // open the menu) reaches it and not the text, however fast it follows.
        flushSync(fromSelection);
        button.current?.focus();
      }
    };
    editor.on("selectionUpdate", fromSelection);
    editor.on("update", fromTyping);
    root.addEventListener("mousemove", fromPointer);
    root.addEventListener("keydown", onKey);
    return () => {
      editor.off("selectionUpdate", fromSelection);
      editor.off("update", fromTyping);
      cancelAnimationFrame(frameRequest);
      root.removeEventListener("mousemove", fromPointer);
      root.removeEventListener("keydown", onKey);
    };
  }, [editor]);

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus();
  }, [open]);

  if (!at) return null;
  const run = (action: () => boolean) => {
    selectBlock(editor, at.index);
    action();
    setOpen(false);
    editor.commands.focus();
  };
  const onMenuKey = (e: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "Escape") {
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      items[(i + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };
  const count = editor.state.doc.childCount;

  return (
    <div className="block-handle" style={{ top: at.top }}>
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} aria-label={`Block ${at.index + 1} of ${count}: options`}
        onClick={() => setOpen((o) => !o)} onKeyDown={(e) => { if (e.key === "Escape") editor.commands.focus(); }}>
        <span aria-hidden="true">⋮⋮</span>
      </button>
      {open ? (
        <ul ref={menu} role="menu" aria-label="Block options" onKeyDown={onMenuKey}>
          <li role="none"><button type="button" role="menuitem" disabled={at.index === 0} onClick={() => run(() => moveBlock(editor, -1))}>Move up <kbd>Alt+Shift+↑</kbd></button></li>
          <li role="none"><button type="button" role="menuitem" disabled={at.index >= count - 1} onClick={() => run(() => moveBlock(editor, 1))}>Move down <kbd>Alt+Shift+↓</kbd></button></li>
          <li role="none"><button type="button" role="menuitem" onClick={() => run(() => deleteBlock(editor))}>Delete block <kbd>Alt+Shift+Z</kbd></button></li>
        </ul>
      ) : null}
    </div>
  );
}
