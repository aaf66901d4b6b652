// HTML nested past HTML_MAX_DEPTH: htmlparser2 (and sanitize-html on it) slow with depth, so every
// parse of someone else's HTML stops there. Sizes are the largest each path accepts.
import { describe, expect, it } from "vitest";
import { HTML_MAX_DEPTH, htmlTooDeep } from "@/lib/content/html-parse";
import { splitMore } from "@/lib/content/format";
import { htmlToText } from "@/lib/content/html-text";
import { sanitizeCommentHtml, sanitizePostHtml } from "@/lib/content/sanitize";
import { contextExcerpt, scanHtml } from "@/lib/linkbacks/html";

const deep = (bytes: number) => "<b>".repeat(Math.floor(bytes / 3) - 20) + '<a href="http://blog.test/p/">x</a>';

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

describe("deeply nested HTML", () => {
  it("a webmention source page of 1 MB (the fetch cap) is read in bounded time and marked incomplete", () => {
    const [scan, ms] = timed(() => scanHtml(deep(1024 * 1024), "http://evil.test/"));
    expect(scan.complete).toBe(false);
    expect(timed(() => contextExcerpt(deep(1024 * 1024), "http://evil.test/", "http://blog.test/p/"))[1]).toBeLessThan(2_000);
    expect(ms).toBeLessThan(2_000);
    expect(scanHtml('<div><a href="http://blog.test/p/">x</a></div>', "http://evil.test/").complete).toBe(true);
  });

  it("a 1 MB post's teaser and text, and 64 KB of comment or 1 MB of post through the sanitizer, take bounded time", () => {
    const post = deep(1_000_000) + "<!--more-->rest";
    for (const fn of [(): unknown => splitMore(post), () => htmlToText(post), () => sanitizePostHtml(post), () => sanitizeCommentHtml(deep(64 * 1024) + "tail")]) {
      expect(timed(fn)[1]).toBeLessThan(2_000);
    }
    // Its text up to the limit survives, escaped; none of its markup does.
    expect(sanitizeCommentHtml("a < b <i>c</i>" + "<b>".repeat(HTML_MAX_DEPTH + 1) + "tail")).toBe("a &lt; b c");
  });

  it("real nesting is far below the limit", () => {
    expect(htmlTooDeep("<div>".repeat(60) + "<ul>" + "<li>item".repeat(5_000) + "</ul>")).toBe(false);
    expect(htmlTooDeep("<b>".repeat(HTML_MAX_DEPTH + 1))).toBe(true);
  });
});
