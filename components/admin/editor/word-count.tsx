"use client";

// Live word count and reading time under the editor. Counting a long post takes a few
// milliseconds, so it waits for a pause in typing rather than running on every keystroke.
import { useEffect, useState } from "react";
import { countWords, readingTimeText } from "@/lib/content/reading-time";

const textOf = (html: string) => new DOMParser().parseFromString(html.replace(/<\/(p|h[1-6]|li|td|th|blockquote|pre|div|figcaption)>/gi, "$& "), "text/html").body.textContent ?? "";

export function WordCount({ html }: { html: string }) {
  const [words, setWords] = useState<number | null>(null);
  useEffect(() => {
    const t = window.setTimeout(() => setWords(countWords(textOf(html))), 250);
    return () => window.clearTimeout(t);
  }, [html]);
  if (words === null) return null;
  return (
    <p className="text-xs text-gray-700" aria-live="polite" aria-atomic="true" data-testid="word-count">
      {words === 1 ? "1 word" : `${words.toLocaleString()} words`} · reading time {readingTimeText(words)}
    </p>
  );
}
