import { describe, expect, it } from "vitest";
import { countWords, readingTimeText, WORDS_PER_MINUTE } from "@/lib/content/reading-time";

describe("word count and reading time", () => {
  it("counts words, not punctuation, dashes or spaces", () => {
    expect(countWords("Hello, world — it's a  fine day.")).toBe(6);
    expect(countWords("")).toBe(0);
    expect(countWords("  … — !  ")).toBe(0);
  });

  it("counts words of scripts without spaces", () => {
    expect(countWords("東京に行きました")).toBeGreaterThan(1);
  });

  it("reads at WordPress's rate, rounded to the minute", () => {
    expect(readingTimeText(0)).toBe("under a minute");
    expect(readingTimeText(WORDS_PER_MINUTE)).toBe("1 minute");
    expect(readingTimeText(10_000)).toBe("53 minutes");
  });
});
