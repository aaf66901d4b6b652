// Turns whatever a visitor typed into a safe FTS5 query. FTS5 has its own syntax (quotes, AND,
// OR, NOT, NEAR, column filters, *, ^, parentheses); raw input with any of them can error.
// We keep only word characters, quote every word (so AND/OR/NOT are plain words) and join them
// with spaces, which FTS5 reads as "all of these words".

import { htmlToText } from "@/lib/content/html-text";
import { escapeHtml } from "@/lib/content/escape";

const MAX_TERMS = 12;

/** The words of a search, as a reader meant them. */
export function searchWords(input: string): string[] {
  const words = input.normalize("NFC").match(/[\p{L}\p{M}\p{N}_]+/gu) ?? [];
  return words.slice(0, MAX_TERMS).map((w) => w.slice(0, 64));
}

/** An FTS5 MATCH expression that never errors, or "" when there is nothing to search. */
export function toFtsQuery(input: string): string {
  const words = searchWords(input);
  if (!words.length) return "";
  // A double quote inside a quoted FTS5 string is written twice; our words contain none, but
  // the rule is kept here so the function stays safe if the word pattern ever widens.
  return words.map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 ? "*" : ""}`).join(" ");
}

export { htmlToText };

/** An HTML-escaped excerpt around the first match with every searched word in <mark>. */
export function highlightSnippet(html: string, input: string, width = 220): string {
  const text = htmlToText(html);
  const words = searchWords(input).map((w) => w.toLowerCase());
  const lower = text.toLowerCase();
  let at = -1;
  for (const w of words) {
    const i = lower.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = Math.max(0, at < 0 ? 0 : at - Math.floor(width / 3));
  const slice = text.slice(start, start + width);
  let out = escapeHtml(slice);
  if (words.length) {
    const re = new RegExp(`(${words.map((w) => escapeHtml(w).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "giu");
    out = out.replace(re, "<mark>$1</mark>");
  }
  return (start > 0 ? "… " : "") + out + (start + width < text.length ? " …" : "");
}

/**
 * PostgreSQL's ts_headline snippet (db/queries/search.ts) as safe HTML: the text is decoded and
 * escaped like highlightSnippet's, and only its own match markers become <mark>.
 */
export function markedSnippet(headline: string): string {
  return escapeHtml(htmlToText(headline)).replaceAll("⟦mark⟧", "<mark>").replaceAll("⟦/mark⟧", "</mark>");
}
