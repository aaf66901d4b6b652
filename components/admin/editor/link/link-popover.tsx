"use client";

// The inline link field: a small dialog at the selection (never window.prompt). Type an address,
// or words to search the site's posts and pages; arrows and Enter pick a result; Esc closes.
// "Open in new tab" and "nofollow" are per-link choices, off unless the author ticks them.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { Editor } from "@tiptap/core";
import { autoUpdate, computePosition, flip, offset, shift } from "@floating-ui/dom";
import type { LinkTarget } from "@/lib/posts/editor-results";
import { useEditorActions } from "../actions-context";
import { registerLinkEditor } from "../link-hook";
import { normalizeHref, relFor } from "./link-extension";

interface Session {
  from: number;
  to: number;
  editing: boolean;
  rel: string | null;
}

const looksLikeAddress = (v: string) => /^(https?:|mailto:|tel:|www\.|[/#?])/i.test(v.trim()) || /^[^\s]+\.[a-z]{2,}([/?#]|$)/i.test(v.trim());

export function LinkPopover({ editor }: { editor: Editor | null }) {
  const { searchLinks } = useEditorActions();
  const [session, setSession] = useState<Session | null>(null);
  const [value, setValue] = useState("");
  const [newTab, setNewTab] = useState(false);
  const [nofollow, setNofollow] = useState(false);
  const [results, setResults] = useState<LinkTarget[]>([]);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const open = useCallback(() => {
    if (!editor) return;
    const inLink = editor.isActive("link");
    if (inLink) editor.chain().extendMarkRange("link").run();
    const { from, to } = editor.state.selection;
    const attrs = editor.getAttributes("link") as { href?: string; target?: string | null; rel?: string | null };
    setSession({ from, to, editing: inLink, rel: attrs.rel ?? null });
    setValue(inLink ? attrs.href ?? "" : "");
    setNewTab(inLink && attrs.target === "_blank");
    setNofollow(inLink && /\bnofollow\b/i.test(attrs.rel ?? ""));
    setResults([]);
    setActive(-1);
    setError(null);
  }, [editor]);

  useEffect(() => (editor ? registerLinkEditor(editor, open) : undefined), [editor, open]);

  // Placed at the selection, kept on screen (flip/shift), following scrolls and resizes.
  useEffect(() => {
    if (!editor || !session || !box.current) return;
    const el = box.current;
    const reference = {
      getBoundingClientRect: () => {
        const a = editor.view.coordsAtPos(Math.min(session.from, editor.state.doc.content.size));
        const b = editor.view.coordsAtPos(Math.min(session.to, editor.state.doc.content.size));
        return { x: a.left, y: a.top, left: a.left, top: a.top, right: Math.max(a.left, b.right), bottom: b.bottom, width: Math.max(1, b.right - a.left), height: b.bottom - a.top } as DOMRect;
      },
      contextElement: editor.view.dom,
    };
    const cleanup = autoUpdate(reference, el, () => {
      void computePosition(reference, el, { strategy: "fixed", placement: "bottom-start", middleware: [offset(6), flip(), shift({ padding: 8 })] }).then(({ x, y }) => {
        el.style.left = `${x}px`;
        el.style.top = `${y}px`;
      });
    });
    input.current?.focus();
    return cleanup;
  }, [editor, session]);

  // Words (not an address) search the site's posts and pages, a moment after typing stops.
  useEffect(() => {
    if (!session || looksLikeAddress(value) || !value.trim()) return;
    let stale = false;
    const search = async () => {
      setSearching(true);
      const res = await searchLinks({ query: value.trim() }).catch(() => ({ ok: false as const, message: "Could not search the site." }));
      if (stale) return;
      setSearching(false);
      if (res.ok) {
        setResults(res.items);
        setActive(res.items.length ? 0 : -1);
      } else setError(res.message);
    };
    const timer = window.setTimeout(() => void search(), 200);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [session, value, searchLinks]);

  // Focus goes back to the canvas at once (tiptap's focus command waits a frame, and keys typed
  // meanwhile would land nowhere).
  function close() {
    setSession(null);
    editor?.view.focus();
  }

  function apply(href: string, label?: string) {
    if (!editor || !session) return;
    const target = newTab ? "_blank" : null;
    const rel = relFor(session.rel, newTab, nofollow);
    const chain = editor.chain().focus().setTextSelection({ from: session.from, to: session.to });
    if (session.from === session.to && !session.editing) {
      // Nothing selected: the link's text is the post's title, or the address itself; what is typed next is not part of it.
      const text = label || href;
      chain.insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href, target, rel } }] }).unsetMark("link").run();
    } else {
      chain.extendMarkRange("link").setLink({ href, target, rel }).setTextSelection(session.to).unsetMark("link").run();
    }
    close();
  }

  function submit() {
    const picked = active >= 0 && !looksLikeAddress(value) ? results[active] : undefined;
    if (picked) return apply(picked.url, picked.title);
    const href = normalizeHref(value);
    if (!href) {
      setError(value.trim() ? "Enter a web address (https://…), a path on this site (/…), mailto: or tel:, or words to search for." : "Enter an address or search for a post.");
      return;
    }
    apply(href);
  }

  function remove() {
    if (!editor || !session) return;
    editor.chain().focus().setTextSelection({ from: session.from, to: session.to }).extendMarkRange("link").unsetLink().setTextSelection(session.to).run();
    close();
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT" && (e.target as HTMLInputElement).type !== "checkbox") {
      // Enter picks; it must never submit the post's form.
      e.preventDefault();
      submit();
    } else if ((e.key === "ArrowDown" || e.key === "ArrowUp") && results.length && e.target === input.current) {
      e.preventDefault();
      setActive((i) => (e.key === "ArrowDown" ? (i + 1) % results.length : (i - 1 + results.length) % results.length));
    }
  }

  if (!session) return null;
  const showResults = !looksLikeAddress(value) && value.trim() !== "";
  const listId = `${id}-results`;
  return (
    <div ref={box} role="dialog" aria-label={session.editing ? "Edit link" : "Add link"} onKeyDown={onKeyDown}
      className="fixed z-50 w-[min(24rem,calc(100vw-16px))] rounded border border-gray-400 bg-white p-2 text-sm shadow-lg" style={{ left: 0, top: 0 }}>
      <label htmlFor={`${id}-url`} className="block font-medium">Link address or search</label>
      <input ref={input} id={`${id}-url`} value={value} onChange={(e) => { setValue(e.target.value); setError(null); if (looksLikeAddress(e.target.value)) setResults([]); }}
        role="combobox" aria-expanded={showResults && results.length > 0} aria-controls={showResults ? listId : undefined} aria-autocomplete="list"
        aria-activedescendant={showResults && active >= 0 ? `${id}-opt-${active}` : undefined} aria-describedby={error ? `${id}-err` : undefined} aria-invalid={!!error}
        placeholder="https://… or words from a title" autoComplete="off" className="mt-1 w-full rounded border border-gray-400 px-2 py-1" />
      {showResults ? (
        <ul id={listId} role="listbox" aria-label="Posts and pages" className="mt-1 max-h-56 overflow-auto">
          {results.map((r, i) => (
            <li key={r.id} id={`${id}-opt-${i}`} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => apply(r.url, r.title)}
              className={`cursor-pointer rounded px-2 py-1 ${i === active ? "bg-[#2271b1] text-white" : "hover:bg-gray-100"}`}>
              <span className="block truncate">{r.title}</span>
              <span className={`block truncate text-xs ${i === active ? "text-white" : "text-gray-600"}`}>{r.kind}{r.status === "private" ? " (private)" : ""} · {r.url}</span>
            </li>
          ))}
          {!results.length ? <li className="px-2 py-1 text-gray-600" aria-live="polite">{searching ? "Searching…" : "No posts or pages match."}</li> : null}
        </ul>
      ) : null}
      {error ? <p id={`${id}-err`} role="alert" className="mt-1 text-red-800">{error}</p> : null}
      <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        <label className="flex items-center gap-1"><input type="checkbox" checked={newTab} onChange={(e) => setNewTab(e.target.checked)} /> Open in new tab</label>
        <label className="flex items-center gap-1"><input type="checkbox" checked={nofollow} onChange={(e) => setNofollow(e.target.checked)} /> Mark as nofollow</label>
      </div>
      <div className="mt-2 flex flex-wrap justify-end gap-2">
        {session.editing ? <button type="button" onClick={remove} className="mr-auto rounded border border-red-700 px-2 py-0.5 text-red-800">Remove link</button> : null}
        <button type="button" onClick={close} className="rounded border border-gray-400 px-2 py-0.5">Cancel</button>
        <button type="button" onClick={submit} className="rounded bg-[#2271b1] px-2 py-0.5 font-semibold text-white">Apply</button>
      </div>
    </div>
  );
}
