"use client";
// The list tables' check-column enhancements, as WordPress's common.js has them: a select-all box
// in the header and the footer, and shift-click to check or uncheck a range of rows. Without
// JavaScript the row boxes still work one by one, so the select-all box appears only once it can act.
import { useEffect, useRef, useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

const ROW_BOXES = "tbody .check-column input[type=checkbox]";

export function SelectAll({ label, ranges = false }: { label: string; ranges?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  // False in the server's HTML, true once hydrated: the box never shows where it cannot work.
  const ready = useSyncExternalStore(noSubscribe, () => true, () => false);

  useEffect(() => {
    const box = ref.current;
    const table = box?.closest("table");
    if (!box || !table) return;
    const rows = () => [...table.querySelectorAll<HTMLInputElement>(ROW_BOXES)].filter((b) => !b.disabled);
    const sync = () => {
      const all = rows();
      const on = all.filter((b) => b.checked).length;
      box.checked = all.length > 0 && on === all.length;
      box.indeterminate = on > 0 && on < all.length;
    };
    const onChange = (e: Event) => {
      if (e.target === box) rows().forEach((b) => (b.checked = box.checked));
      // Tell the other select-all box (header or footer) and anything else that listens.
      if (e.target === box) table.dispatchEvent(new Event("change"));
      sync();
    };
    let last: HTMLInputElement | null = null;
    const onClick = (e: MouseEvent) => {
      const target = e.target as HTMLElement;
      if (!(target instanceof HTMLInputElement) || !target.matches(ROW_BOXES)) return;
      const all = rows();
      if (e.shiftKey && last && last !== target && all.includes(last)) {
        const [a, b] = [all.indexOf(last), all.indexOf(target)].sort((x, y) => x - y);
        // Every box in the range takes the state the clicked box now has.
        all.slice(a!, b! + 1).forEach((c) => (c.checked = target.checked));
        table.dispatchEvent(new Event("change"));
      }
      last = target;
    };
    table.addEventListener("change", onChange);
    if (ranges) table.addEventListener("click", onClick);
    sync();
    return () => {
      table.removeEventListener("change", onChange);
      table.removeEventListener("click", onClick);
    };
  }, [ranges, ready]);

  if (!ready) return null;
  return <input ref={ref} type="checkbox" aria-label={label} className="size-4 align-middle" />;
}
