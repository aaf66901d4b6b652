"use client";

// Distraction-free writing (WordPress's mode of the same name): the admin bar, the admin menu and
// the side panels go, the text stays. Ctrl/Cmd+Shift+\ toggles it, as in WordPress; the choice is
// remembered in this browser.
import { useCallback, useEffect, useSyncExternalStore } from "react";

const KEY = "inkwell-distraction-free";
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};
const read = () => window.localStorage.getItem(KEY) === "1";

function apply(on: boolean) {
  if (on) document.documentElement.dataset.distractionFree = "";
  else delete document.documentElement.dataset.distractionFree;
}

export function DistractionFreeToggle() {
  const on = useSyncExternalStore(subscribe, read, () => false);

  useEffect(() => {
    apply(on);
    // Leaving the editor must not leave the rest of the admin without its menu.
    return () => apply(false);
  }, [on]);

  const toggle = useCallback(() => {
    window.localStorage.setItem(KEY, read() ? "0" : "1");
    listeners.forEach((l) => l());
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && (e.key === "\\" || e.key === "|" || e.code === "Backslash")) {
        e.preventDefault();
        toggle();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [toggle]);

  return (
    <button type="button" aria-pressed={on} onClick={toggle} title="Distraction-free (Ctrl+Shift+\)"
      className={`rounded border px-2 py-0.5 text-sm ${on ? "border-[#2271b1] bg-[#2271b1] text-white" : "border-gray-300 bg-white"}`}>
      Distraction-free
    </button>
  );
}
