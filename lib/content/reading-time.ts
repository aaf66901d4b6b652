// Word count and reading time for the editor, as WordPress's editor counts them.

/** WordPress's editor assumes 189 words a minute (@wordpress/editor's AVERAGE_READING_RATE). */
export const WORDS_PER_MINUTE = 189;

const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter(undefined, { granularity: "word" }) : null;

/** Words in plain text; each CJK word the segmenter finds counts as one, punctuation as none. */
export function countWords(text: string): number {
  if (!segmenter) return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}

/** "Under a minute", "1 minute", "12 minutes". */
export function readingTimeText(words: number): string {
  const minutes = Math.round(words / WORDS_PER_MINUTE);
  if (minutes < 1) return "under a minute";
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
