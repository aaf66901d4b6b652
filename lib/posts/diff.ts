// Side-by-side comparison of two revisions with the `diff` library: lines are paired so that a
// changed line shows its old text on the left and its new text on the right.
import { diffLines } from "diff";

export interface DiffCell {
  text: string;
  kind: "same" | "removed" | "added" | "empty";
}
export interface DiffRow {
  left: DiffCell;
  right: DiffCell;
}

/** One block element per line, so the diff follows paragraphs rather than one long line of HTML. */
export function htmlToLines(html: string): string {
  return html
    .replace(/\r\n?/g, "\n")
    .replace(/(<\/(?:p|h[1-6]|li|ul|ol|blockquote|pre|div|figure|table|tr)>)\s*/gi, "$1\n")
    .replace(/(<br\s*\/?>)\s*/gi, "$1\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

function lines(value: string): string[] {
  const out = value.split("\n");
  if (out[out.length - 1] === "") out.pop();
  return out;
}

export function sideBySide(before: string, after: string): DiffRow[] {
  const a = before.endsWith("\n") ? before : `${before}\n`;
  const b = after.endsWith("\n") ? after : `${after}\n`;
  const parts = diffLines(a, b);
  const rows: DiffRow[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      for (const l of lines(part.value)) rows.push({ left: { text: l, kind: "same" }, right: { text: l, kind: "same" } });
      continue;
    }
    if (part.removed) {
      const next = parts[i + 1];
      const removed = lines(part.value);
      const added = next?.added ? lines(next.value) : [];
      if (next?.added) i++;
      const n = Math.max(removed.length, added.length);
      for (let j = 0; j < n; j++) {
        rows.push({
          left: j < removed.length ? { text: removed[j]!, kind: "removed" } : { text: "", kind: "empty" },
          right: j < added.length ? { text: added[j]!, kind: "added" } : { text: "", kind: "empty" },
        });
      }
      continue;
    }
    for (const l of lines(part.value)) rows.push({ left: { text: "", kind: "empty" }, right: { text: l, kind: "added" } });
  }
  return rows;
}
