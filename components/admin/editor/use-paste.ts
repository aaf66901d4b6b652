"use client";

// Pasted HTML is cleaned of its app's styling here (cleanPastedHtml), then sanitized on the
// server exactly as saved posts are, then handed to ProseMirror's own paste (which fits it into
// the cursor's place). Without the server (offline), the plain text is pasted instead: nothing
// is lost and no unsanitized markup gets in.
import { useCallback } from "react";
import type { EditorView } from "@tiptap/pm/view";
import { useEditorActions } from "./actions-context";
import { cleanPastedHtml } from "./paste";

let replaying = false;

export function usePasteHandler(onNote: (note: string | null) => void) {
  const { sanitizePaste } = useEditorActions();
  return useCallback((view: EditorView, event: ClipboardEvent) => {
    if (replaying) return false;
    const html = event.clipboardData?.getData("text/html") ?? "";
    if (!html.trim()) return false;
    const text = event.clipboardData?.getData("text/plain") ?? "";
    event.preventDefault();
    const paste = (run: () => void) => {
      replaying = true;
      try {
        run();
      } finally {
        replaying = false;
      }
    };
    sanitizePaste({ html: cleanPastedHtml(html) })
      .then((res) => {
        if (res.ok) paste(() => view.pasteHTML(res.html));
        else {
          paste(() => view.pasteText(text));
          onNote(`Pasted as plain text: ${res.message}`);
        }
      })
      .catch(() => {
        paste(() => view.pasteText(text));
        onNote("Pasted as plain text: the formatting could not be checked (no connection to the site).");
      });
    return true;
  }, [onNote, sanitizePaste]);
}
