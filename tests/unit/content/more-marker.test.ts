// WordPress's marker comments are found by an HTML parser, never by searching the text: a marker
// in an attribute, a script or escaped text is not one, and a cut closes what it leaves open.
import { describe, expect, it } from "vitest";
import { fullContent, splitMore } from "@/lib/content/format";
import { findMarkers } from "@/lib/content/markers";
import { sanitizePostHtml } from "@/lib/content/sanitize";
import { htmlToText } from "@/lib/content/html-text";
import { autoExcerpt } from "@/lib/wp-rest/format";
import { describePost } from "@/lib/site/seo";

const TRICK = '<p>Before <a href="https://example.com/" title="<!--more-->">kept</a> after.</p><p>Rest.</p>';

describe("the more marker", () => {
  it("is not found inside an attribute, a script, or as escaped text", () => {
    for (const html of [TRICK, '<script>"<!--more-->"</script>x', "x &lt;!--more--&gt; y", "<textarea><!--more--></textarea>"]) {
      expect(findMarkers(html)).toEqual([]);
      expect(splitMore(html)).toEqual({ teaser: html, hasMore: false });
      expect(fullContent(html, 7)).toBe(html);
    }
  });

  it("cuts at a real comment and closes the elements it leaves open", () => {
    expect(splitMore("<p>Intro</p><!--more--><p>Rest</p>")).toEqual({ teaser: "<p>Intro</p>", hasMore: true });
    expect(splitMore('<div><p>a <a href="/x">b<!--more Read on-->c</a></p></div><footer>theme</footer>').teaser).toBe('<div><p>a <a href="/x">b</a></p></div>');
    expect(fullContent('<p>a</p><!--more--><p title="<!--more-->">b</p>', 7)).toBe('<p>a</p><span id="more-7"></span><p title="<!--more-->">b</p>');
  });

  it("an author's real markers survive sanitizing; the attribute and text forms stay inert", () => {
    expect(sanitizePostHtml("<p>a</p><!--more--><p>b</p><!--nextpage--><!--noteaser-->")).toBe("<p>a</p><!--more--><p>b</p><!--nextpage--><!--noteaser-->");
    expect(splitMore(sanitizePostHtml(TRICK)).hasMore).toBe(false);
    expect(sanitizePostHtml("x &lt;!--more--&gt; y")).toBe("x &lt;!--more--&gt; y");
    expect(sanitizePostHtml("<!-- a plain comment -->ok")).toBe("ok");
    // The text after the name cannot end the comment early and smuggle markup out.
    const sneaky = sanitizePostHtml("<!--more x--!><img src=x onerror=alert(1)>-->");
    expect(sneaky).not.toMatch(/onerror/);
    expect(findMarkers(sneaky).map((m) => m.name)).toEqual(["more"]);
  });

  it("excerpts, descriptions and search text read the attribute as an attribute", () => {
    const html = '<p>One <a title="<!-- x >">two</a> three</p><!--more--><p>four</p>';
    expect(htmlToText(html)).toBe("One two three four");
    expect(autoExcerpt(html)).toBe("One two three four");
    expect(autoExcerpt("<p>5 &lt; 6 &amp; <b>bold</b></p>")).toBe("5 &lt; 6 &amp; bold");
    expect(describePost({ excerpt: "", content: html, password: "" })).toBe("One two three");
  });
});
