// WordPress block markup in and out of the visual editor's document, without a browser: the
// split into top-level blocks, the fresh markup of each editable block, and the rule that an
// unchanged block is written back as it was. The trip through the real editor (which needs a
// DOM) is in tests/e2e/editor/blocks.spec.ts.
import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { parse } from "@wordpress/block-serialization-default-parser";
import { renderContent, splitBlocks } from "@/lib/content/blocks";
import { sanitizePostHtml } from "@/lib/content/sanitize";
import { blockMarkup, serializeBlocks } from "@/components/admin/editor/blocks/serialize";
import { wpBlockPosts } from "../../fixtures/wp-block-posts";

const text = (t: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const p = (t: string): JSONContent => ({ type: "paragraph", content: [text(t)] });

describe("splitting stored content into top-level blocks", () => {
  it("gives back every theme unit test block post byte for byte, block by block as WordPress's parser sees them", async () => {
    const posts = await wpBlockPosts();
    expect(posts.length).toBeGreaterThanOrEqual(70);
    for (const post of posts) {
      const segs = splitBlocks(post.content);
      expect(segs.map((s) => s.source).join(""), post.title).toBe(post.content);
      const named = parse(post.content).filter((b) => b.blockName !== null);
      expect(segs.filter((s) => s.name).map((s) => s.name), post.title).toEqual(named.map((b) => b.blockName));
    }
  });

  it("keeps whitespace between blocks with the block after it, and classic HTML between blocks as its own part", () => {
    const content = "<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n<p>Typed in the classic editor</p>\n\n<!-- wp:separator /-->\n";
    const segs = splitBlocks(content);
    expect(segs.map((s) => [s.name, s.source])).toEqual([
      ["core/paragraph", "<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->"],
      [null, "\n\n<p>Typed in the classic editor</p>\n\n"],
      ["core/separator", "<!-- wp:separator /-->\n"],
    ]);
    expect(segs[0].html).toBe("<p>One</p>");
  });
});

describe("fresh block markup, as WordPress 6.x writes it", () => {
  const cases: [string, JSONContent, string][] = [
    ["paragraph with marks", { type: "paragraph", content: [text("Hi "), text("bold", [{ type: "bold" }]), text(" & "), text("link", [{ type: "link", attrs: { href: "https://a.test/?x=1&y=2" } }])] },
      '<!-- wp:paragraph -->\n<p>Hi <strong>bold</strong> &amp; <a href="https://a.test/?x=1&amp;y=2">link</a></p>\n<!-- /wp:paragraph -->'],
    ["heading 3", { type: "heading", attrs: { level: 3 }, content: [text("Title")] }, '<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Title</h3>\n<!-- /wp:heading -->'],
    ["ordered list with a nested list", { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [p("a"), { type: "bulletList", content: [{ type: "listItem", content: [p("b")] }] }] }, { type: "listItem", content: [p("c")] }] },
      '<!-- wp:list {"ordered":true} -->\n<ol class="wp-block-list"><!-- wp:list-item -->\n<li>a<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>b</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list --></li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>c</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->'],
    ["quote with cite", { type: "blockquote", content: [p("Words"), { type: "quoteCite", content: [text("Someone")] }] },
      '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>Words</p>\n<!-- /wp:paragraph --><cite>Someone</cite></blockquote>\n<!-- /wp:quote -->'],
    ["pullquote", { type: "pullquote", content: [p("Loud"), { type: "quoteCite", content: [text("Me")] }] },
      '<!-- wp:pullquote -->\n<figure class="wp-block-pullquote"><blockquote><p>Loud</p><cite>Me</cite></blockquote></figure>\n<!-- /wp:pullquote -->'],
    ["code with a language", { type: "codeBlock", attrs: { language: "php" }, content: [text('echo "<b>";\n')] },
      '<!-- wp:code {"language":"php"} -->\n<pre class="wp-block-code"><code lang="php" class="language-php">echo "&lt;b&gt;";\n</code></pre>\n<!-- /wp:code -->'],
    ["table with a header row", { type: "table", content: [{ type: "tableRow", content: [{ type: "tableHeader", content: [p("H")] }] }, { type: "tableRow", content: [{ type: "tableCell", content: [p("D")] }] }] },
      '<!-- wp:table -->\n<figure class="wp-block-table"><table><thead><tr><th>H</th></tr></thead><tbody><tr><td>D</td></tr></tbody></table></figure>\n<!-- /wp:table -->'],
    ["buttons", { type: "buttons", content: [{ type: "button", attrs: { href: "https://x.test/" }, content: [text("Go")] }] },
      '<!-- wp:buttons -->\n<div class="wp-block-buttons"><!-- wp:button -->\n<div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="https://x.test/">Go</a></div>\n<!-- /wp:button --></div>\n<!-- /wp:buttons -->'],
    ["columns", { type: "columns", content: [{ type: "column", content: [p("L")] }, { type: "column", content: [p("R")] }] },
      '<!-- wp:columns -->\n<div class="wp-block-columns"><!-- wp:column -->\n<div class="wp-block-column"><!-- wp:paragraph -->\n<p>L</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column -->\n\n<!-- wp:column -->\n<div class="wp-block-column"><!-- wp:paragraph -->\n<p>R</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column --></div>\n<!-- /wp:columns -->'],
    ["separator", { type: "horizontalRule" }, '<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity"/>\n<!-- /wp:separator -->'],
    ["details", { type: "details", content: [{ type: "detailsSummary", content: [text("More")] }, { type: "detailsContent", content: [p("Hidden")] }] },
      '<!-- wp:details -->\n<details class="wp-block-details"><summary>More</summary><!-- wp:paragraph -->\n<p>Hidden</p>\n<!-- /wp:paragraph --></details>\n<!-- /wp:details -->'],
  ];
  it.each(cases)("%s", (_name, node, expected) => {
    expect(blockMarkup(node)).toBe(expected);
  });

  it("is read back by WordPress's parser as the same blocks", () => {
    const out = serializeBlocks({ type: "doc", content: cases.map(([, node]) => node) });
    const blocks = parse(out).filter((b) => b.blockName);
    expect(blocks.map((b) => b.blockName)).toEqual(["core/paragraph", "core/heading", "core/list", "core/quote", "core/pullquote", "core/code", "core/table", "core/buttons", "core/columns", "core/separator", "core/details"]);
    expect(blocks[1].attrs).toEqual({ level: 3 });
    expect(blocks[8].innerBlocks.map((b) => b.innerBlocks[0].blockName)).toEqual(["core/paragraph", "core/paragraph"]);
    expect(parse(out).filter((b) => !b.blockName).every((b) => b.innerHTML === "\n\n")).toBe(true);
  });

  it("writes images and galleries as WordPress's image and gallery blocks, read back by its parser", () => {
    const image: JSONContent = { type: "imageFigure", attrs: { id: 7, src: "/wp-content/uploads/a-1024x768.jpg", alt: 'A "cat"', width: 1024, height: 768, sizeSlug: "large", align: "center", href: "" }, content: [text("Our "), text("cat", [{ type: "italic" }])] };
    expect(blockMarkup(image)).toBe('<!-- wp:image {"align":"center","id":7,"sizeSlug":"large","linkDestination":"none"} -->\n<figure class="wp-block-image aligncenter size-large"><img src="/wp-content/uploads/a-1024x768.jpg" alt="A &quot;cat&quot;" class="wp-image-7" width="1024" height="768"/><figcaption class="wp-element-caption">Our <em>cat</em></figcaption></figure>\n<!-- /wp:image -->');
    const linked: JSONContent = { type: "imageFigure", attrs: { id: 8, src: "/b.jpg", alt: "", sizeSlug: "full", align: "none", href: "https://x.test/" } };
    const gallery: JSONContent = { type: "imageGallery", attrs: { columns: 2, crop: true }, content: [image, linked] };
    const out = serializeBlocks({ type: "doc", content: [gallery] });
    const [block] = parse(out);
    expect(block.blockName).toBe("core/gallery");
    expect(block.attrs).toEqual({ columns: 2, linkTo: "none" });
    expect(block.innerBlocks.map((b) => [b.blockName, b.attrs])).toEqual([
      ["core/image", { id: 7, sizeSlug: "large", linkDestination: "none" }],
      ["core/image", { id: 8, sizeSlug: "full", linkDestination: "custom" }],
    ]);
    expect(block.innerBlocks[1].innerHTML).toBe('\n<figure class="wp-block-image size-full"><a href="https://x.test/"><img src="/b.jpg" alt="" class="wp-image-8"/></a></figure>\n');
    expect(out).toContain('<figure class="wp-block-gallery has-nested-images columns-2 is-cropped"><!-- wp:image');
    // What a reader gets: no delimiters, the figures as written.
    expect(renderContent(out)).not.toContain("<!--");
  });

  it("keeps an image's classes it does not edit, but not its old alignment or size", () => {
    const node: JSONContent = { type: "imageFigure", attrs: { id: 3, src: "/c.jpg", alt: "c", sizeSlug: "medium", align: "right", href: "/c.jpg", wpAttrs: { id: 3, sizeSlug: "large", align: "left", linkDestination: "media", className: "is-style-rounded" }, wpClass: "wp-block-image alignleft size-large is-style-rounded" } };
    const [block] = parse(blockMarkup(node) ?? "");
    expect(block.attrs).toEqual({ id: 3, sizeSlug: "medium", align: "right", linkDestination: "media", className: "is-style-rounded" });
    expect(block.innerHTML).toContain('<figure class="wp-block-image alignright size-medium is-style-rounded">');
  });

  it("keeps the inline style of an edited block (a custom colour), escaped", () => {
    const node: JSONContent = { type: "paragraph", attrs: { wpAttrs: { style: { color: { text: "#c00" } } }, wpClass: "has-text-color", wpStyle: 'color:#c00"' }, content: [text("Red")] };
    expect(blockMarkup(node)).toBe('<!-- wp:paragraph {"style":{"color":{"text":"#c00"}}} -->\n<p class="has-text-color" style="color:#c00&quot;">Red</p>\n<!-- /wp:paragraph -->');
  });

  it("keeps a details block open by default when it was", () => {
    const node: JSONContent = { type: "details", attrs: { wpAttrs: { showContent: true } }, content: [{ type: "detailsSummary", content: [text("S")] }, { type: "detailsContent", content: [p("B")] }] };
    expect(blockMarkup(node)).toBe('<!-- wp:details {"showContent":true} -->\n<details class="wp-block-details" open><summary>S</summary><!-- wp:paragraph -->\n<p>B</p>\n<!-- /wp:paragraph --></details>\n<!-- /wp:details -->');
  });

  it("keeps attributes and classes it does not edit, and escapes attributes as WordPress does", () => {
    const node: JSONContent = { type: "paragraph", attrs: { wpAttrs: { align: "center", note: "a--b <c>" }, wpClass: "has-text-align-center" }, content: [text("x")] };
    expect(blockMarkup(node)).toBe('<!-- wp:paragraph {"align":"center","note":"a\\u002d\\u002db \\u003cc\\u003e"} -->\n<p class="has-text-align-center">x</p>\n<!-- /wp:paragraph -->');
  });
});

describe("saving the document", () => {
  const source = '<!-- wp:paragraph {"fontSize":"large"} -->\n<p class="has-large-font-size">Kept  as   written</p>\n<!-- /wp:paragraph -->';
  const opened = (): JSONContent => {
    const node: JSONContent = { type: "paragraph", attrs: { wpAttrs: { fontSize: "large" }, wpClass: "has-large-font-size" }, content: [text("Kept as written")] };
    node.attrs = { ...node.attrs, wpSource: source, wpFresh: blockMarkup(node) };
    return node;
  };
  const card: JSONContent = { type: "wpRaw", attrs: { name: "core/latest-posts", source: '\n\n<!-- wp:latest-posts {"postsToShow":3} /-->\n' } };

  it("writes unchanged blocks and cards back as their source, byte for byte", () => {
    expect(serializeBlocks({ type: "doc", content: [opened(), card] })).toBe(source + '\n\n<!-- wp:latest-posts {"postsToShow":3} /-->\n');
  });

  it("writes an edited block as fresh block markup that keeps its settings", () => {
    const edited = opened();
    edited.content = [text("Kept as rewritten")];
    const out = serializeBlocks({ type: "doc", content: [edited, p("New")] });
    expect(out).toBe('<!-- wp:paragraph {"fontSize":"large"} -->\n<p class="has-large-font-size">Kept as rewritten</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>New</p>\n<!-- /wp:paragraph -->');
    expect(parse(out).filter((b) => b.blockName).map((b) => [b.blockName, b.attrs])).toEqual([["core/paragraph", { fontSize: "large" }], ["core/paragraph", {}]]);
  });

  it("saves an emptied editor as empty content, and leaves out the empty paragraph the editor keeps at the end", () => {
    expect(serializeBlocks({ type: "doc", content: [{ type: "paragraph" }] })).toBe("");
    expect(serializeBlocks({ type: "doc", content: [opened(), card, { type: "paragraph" }] })).toBe(source + '\n\n<!-- wp:latest-posts {"postsToShow":3} /-->\n');
  });
});

describe("block posts on the site", () => {
  it("shows no delimiters and adds no paragraphs, as WordPress's do_blocks", () => {
    const content = '<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:latest-posts /-->\n\n<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->';
    expect(renderContent(content)).toBe("\n<p>One</p>\n\n\n\n\n\n<!--more-->\n");
    // Classic content gets WordPress's own wpautop, trailing newline included.
    expect(renderContent("one\n\ntwo")).toBe("<p>one</p>\n<p>two</p>\n");
  });

  it("keeps block delimiters through the sanitizer for authors, but nothing that could end a comment early", () => {
    const post = '<!-- wp:code {"language":"js"} -->\n<pre class="wp-block-code"><code lang="js" class="language-js">x</code></pre>\n<!-- /wp:code -->';
    expect(sanitizePostHtml(post)).toBe(post);
    const sneaky = sanitizePostHtml('<!-- wp:paragraph {"a":"--><img src=x onerror=alert(1)>"} --><p>x</p><!-- /wp:paragraph -->');
    expect(sneaky).not.toContain("onerror");
    expect(sanitizePostHtml('<!-- wp:x {"a":"<b>"} --><p>y</p>')).toBe("<p>y</p>");
    expect(sanitizePostHtml('<div class="wp-block-columns"><div class="wp-block-column"><p>a</p></div></div><details class="wp-block-details"><summary>s</summary></details>')).toBe(
      '<div class="wp-block-columns"><div class="wp-block-column"><p>a</p></div></div><details class="wp-block-details"><summary>s</summary></details>',
    );
  });
});
