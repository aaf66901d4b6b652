"use client";

// The "/" inserter: typing "/" at the start of an empty line (or after a space) lists every kind
// of block from the registry; typing filters it, ↑/↓ choose, Enter inserts, Escape closes.
// @tiptap/suggestion tracks the "/query" text; this file only draws the list (a listbox tied to the
// editor with aria-activedescendant, so a screen reader follows the choice while typing goes on).
import { useEffect, useRef, useState } from "react";
import { Extension, type Editor, type Range } from "@tiptap/core";
import { PluginKey } from "@tiptap/pm/state";
import Suggestion, { type SuggestionProps } from "@tiptap/suggestion";
import { computePosition, flip, shift, offset } from "@floating-ui/dom";
import { findBlocks, type BlockKind } from "./blocks/registry";

export interface SlashState {
  items: BlockKind[];
  rect: (() => DOMRect | null) | null | undefined;
  choose: (kind: BlockKind) => void;
}

interface SlashHandlers {
  show: (s: SlashState | null) => void;
  key: (e: KeyboardEvent) => boolean;
}

/** Carries what the extension (made once, with the editor) finds to the React menu mounted later. */
export class SlashBridge {
  private handlers: SlashHandlers | null = null;
  connect(h: SlashHandlers | null) {
    this.handlers = h;
  }
  show(s: SlashState | null) {
    this.handlers?.show(s);
  }
  key(e: KeyboardEvent): boolean {
    return this.handlers?.key(e) ?? false;
  }
}

export const slashKey = new PluginKey("slash-inserter");

export function SlashCommand(bridge: SlashBridge) {
  return Extension.create({
    name: "slashCommand",
    addProseMirrorPlugins() {
      return [
        Suggestion<BlockKind, BlockKind>({
          pluginKey: slashKey,
          editor: this.editor,
          char: "/",
          // Not inside code, where "/" is text people type (paths, comments).
          allow: ({ editor }) => !editor.isActive("codeBlock") && !editor.isActive("code"),
          items: ({ query }) => findBlocks(query),
          command: ({ editor, range, props }: { editor: Editor; range: Range; props: BlockKind }) => {
            editor.chain().focus().deleteRange(range).run();
            props.run(editor);
          },
          render: () => {
            const publish = (p: SuggestionProps<BlockKind, BlockKind>) => bridge.show({ items: p.items, rect: p.clientRect, choose: p.command });
            return {
              onStart: publish,
              onUpdate: publish,
              onExit: () => bridge.show(null),
              onKeyDown: ({ event }) => bridge.key(event),
            };
          },
        }),
      ];
    },
  });
}

export function SlashMenu({ bridge, editorId }: { bridge: SlashBridge; editorId: string }) {
  const [state, setState] = useState<SlashState | null>(null);
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const live = useRef({ state, active });
  useEffect(() => {
    live.current = { state, active };
  });

  useEffect(() => {
    const show = (s: SlashState | null) => {
      setState(s);
      setActive(0);
    };
    const key = (e: KeyboardEvent) => {
      const { state: s, active: a } = live.current;
      if (!s) return false;
      const n = s.items.length;
      if (e.key === "ArrowDown" && n) return setActive((a + 1) % n), true;
      if (e.key === "ArrowUp" && n) return setActive((a - 1 + n) % n), true;
      if ((e.key === "Enter" || e.key === "Tab") && n) return s.choose(s.items[a]!), true;
      if (e.key === "Escape") return setState(null), true;
      return false;
    };
    bridge.connect({ show, key });
    return () => bridge.connect(null);
  }, [bridge]);

  // The editor's text box tells assistive technology which option is highlighted.
  useEffect(() => {
    const el = document.getElementById(editorId);
    if (!el) return;
    if (state?.items.length) {
      el.setAttribute("aria-controls", "slash-menu");
      el.setAttribute("aria-activedescendant", `slash-item-${active}`);
    } else {
      el.removeAttribute("aria-controls");
      el.removeAttribute("aria-activedescendant");
    }
  }, [state, active, editorId]);

  useEffect(() => {
    const rect = state?.rect?.();
    if (!rect || !box.current) return;
    const el = box.current;
    void computePosition({ getBoundingClientRect: () => rect }, el, { placement: "bottom-start", strategy: "fixed", middleware: [offset(6), flip(), shift({ padding: 8 })] })
      .then(({ x, y }) => Object.assign(el.style, { left: `${x}px`, top: `${y}px` }));
  }, [state]);

  useEffect(() => {
    document.getElementById(`slash-item-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  if (!state) return null;
  return (
    <div ref={box} className="slash-menu" style={{ position: "fixed", left: 0, top: 0 }}>
      {state.items.length ? (
        // Focus stays in the text (aria-activedescendant); tabIndex only lets a keyboard scroll the list.
        <ul id="slash-menu" role="listbox" aria-label="Blocks" tabIndex={0}>
          {state.items.map((k, i) => (
            <li key={k.id} id={`slash-item-${i}`} role="option" aria-selected={i === active}
              onMouseDown={(e) => { e.preventDefault(); state.choose(k); }} onMouseEnter={() => setActive(i)}>
              {k.label}
            </li>
          ))}
        </ul>
      ) : (
        <p role="status">No block matches.</p>
      )}
    </div>
  );
}
