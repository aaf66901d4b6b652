"use client";

// Ctrl/Cmd+S presses the form's own save button (Update, Save Draft or Save as Pending), as it
// does in WordPress, instead of opening the browser's "Save page as" dialog.
import { useEffect, type RefObject } from "react";

const SAVE_BUTTONS = ["update", "save_draft"].map((v) => `button[type=submit][name=intent][value=${v}]`);

export function useSaveShortcut(form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== "s") return;
      e.preventDefault();
      const f = form.current;
      const button = SAVE_BUTTONS.map((s) => f?.querySelector<HTMLButtonElement>(s)).find(Boolean);
      if (f && button && !button.disabled) f.requestSubmit(button);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [form]);
}
