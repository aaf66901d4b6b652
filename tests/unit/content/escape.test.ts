// The one escaper every hand-built piece of HTML and XML uses (lib/content/escape.ts).
import { describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/content/escape";

describe("escapeHtml", () => {
  it("escapes the five characters that end a text node or a quoted attribute, as esc_attr writes them", () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#039;y&#039;&gt;Tom &amp; Jerry&lt;/a&gt;");
  });

  it("escapes an ampersand once, even where it already starts an entity (the text is raw, not HTML)", () => {
    expect(escapeHtml("&amp; &#039;")).toBe("&amp;amp; &amp;#039;");
  });

  it("leaves everything else as it is, astral characters included", () => {
    const s = "Café — “quotes” 😀 \u00a0 tab\there";
    expect(escapeHtml(s)).toBe(s);
  });
});
