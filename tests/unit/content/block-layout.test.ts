// WordPress's layout support at render time (lib/content/block-layout.ts), with block markup taken
// as it is from WordPress's block test data (tests/fixtures/wxr/block-themes/64-block-test-data.xml).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderBlocks, renderContent } from "@/lib/content/blocks";
import { toPostView } from "@/lib/content/post-view";
import { OPTION_DEFAULTS } from "@/lib/options/defaults";

const DEFAULT_OPTIONS = OPTION_DEFAULTS as never;

const FIXTURE = readFileSync("tests/fixtures/wxr/block-themes/64-block-test-data.xml", "utf8");

/** The first block in the fixture that opens with `opener`, up to its own closer. */
function fixtureBlock(opener: string): string {
  const start = FIXTURE.indexOf(opener);
  if (start < 0) throw new Error(`not in the fixture: ${opener}`);
  const name = /<!-- wp:([a-z/-]+)/.exec(opener)![1];
  const tokens = new RegExp(`<!-- (/?)wp:${name}[ ]`, "g");
  tokens.lastIndex = start;
  let depth = 0;
  for (let m = tokens.exec(FIXTURE); m; m = tokens.exec(FIXTURE)) {
    const selfClosing = !m[1] && FIXTURE.slice(m.index, FIXTURE.indexOf("-->", m.index) + 3).endsWith("/-->");
    if (selfClosing) continue;
    depth += m[1] ? -1 : 1;
    if (!depth) return FIXTURE.slice(start, FIXTURE.indexOf("-->", m.index) + 3);
  }
  throw new Error("unclosed");
}

const classesOf = (html: string, cls: string) => {
  const tag = new RegExp(`<[a-z]+ class="([^"]*\\b${cls}\\b[^"]*)"`).exec(html);
  return tag ? tag[1].split(" ") : [];
};
const containerOf = (classes: string[]) => classes.find((c) => c.startsWith("wp-container-"));

describe("block layouts as WordPress renders them", () => {
  it("a row justified right gets WordPress's classes and a generated justify-content rule", () => {
    const { html, css } = renderBlocks(fixtureBlock('<!-- wp:group {"layout":{"type":"flex","flexWrap":"nowrap","justifyContent":"right"}} -->'));
    const classes = classesOf(html, "wp-block-group");
    expect(classes).toEqual(expect.arrayContaining(["wp-block-group", "is-content-justification-right", "is-nowrap", "is-layout-flex", "wp-block-group-is-layout-flex"]));
    const container = containerOf(classes)!;
    expect(container).toMatch(/^wp-container-core-group-is-layout-[0-9a-f]{8}$/);
    expect(css).toBe(`.${container}{flex-wrap:nowrap;justify-content:flex-end;}`);
    expect(html).not.toContain("<!--");
    expect(html).toContain("<p>A second paragraph inside a row.</p>");
  });

  it("a stack is a vertical flex column, its justification the cross axis", () => {
    const { html, css } = renderBlocks(fixtureBlock('<!-- wp:group {"layout":{"type":"flex","orientation":"vertical","justifyContent":"right"}} -->'));
    const classes = classesOf(html, "wp-block-group");
    expect(classes).toEqual(expect.arrayContaining(["is-vertical", "is-content-justification-right", "is-layout-flex", "wp-block-group-is-layout-flex"]));
    expect(css).toBe(`.${containerOf(classes)}{flex-direction:column;align-items:flex-end;}`);
    // A stack without justification: WordPress's flex-start.
    const plain = renderBlocks(fixtureBlock('<!-- wp:group {"layout":{"type":"flex","orientation":"vertical"}} -->'));
    expect(plain.css).toMatch(/\{flex-direction:column;align-items:flex-start;\}$/);
  });

  it("buttons centred; buttons without a layout are a flex row with no generated rule", () => {
    const centred = renderBlocks(fixtureBlock('<!-- wp:buttons {"layout":{"type":"flex","justifyContent":"center"}} -->'));
    const classes = classesOf(centred.html, "wp-block-buttons");
    expect(classes).toEqual(expect.arrayContaining(["is-content-justification-center", "is-layout-flex", "wp-block-buttons-is-layout-flex"]));
    expect(centred.css).toBe(`.${containerOf(classes)}{justify-content:center;}`);
    // The button inside is no layout container.
    expect(classesOf(centred.html, "wp-block-button")).toEqual(["wp-block-button"]);

    const plain = renderBlocks("<!-- wp:buttons -->\n<div class=\"wp-block-buttons\"><!-- wp:button -->\n<div class=\"wp-block-button\"><a class=\"wp-block-button__link wp-element-button\">One</a></div>\n<!-- /wp:button --></div>\n<!-- /wp:buttons -->");
    expect(classesOf(plain.html, "wp-block-buttons")).toEqual(["wp-block-buttons", "is-layout-flex", "wp-block-buttons-is-layout-flex"]);
    expect(plain.css).toBe("");
  });

  it("columns are flex without wrapping, and their two-sided block gap is one gap rule", () => {
    const { html, css } = renderBlocks(fixtureBlock('<!-- wp:columns {"style":{"spacing":{"blockGap":{"top":"var:preset|spacing|50","left":"var:preset|spacing|50"}}}} -->'));
    const classes = classesOf(html, "wp-block-columns");
    expect(classes).toEqual(expect.arrayContaining(["is-layout-flex", "wp-block-columns-is-layout-flex"]));
    expect(classes).not.toContain("is-nowrap");
    expect(css).toContain(`.${containerOf(classes)}{flex-wrap:nowrap;gap:var(--wp--preset--spacing--50) var(--wp--preset--spacing--50);}`);
    // Each column is a flow container.
    expect(classesOf(html, "wp-block-column")).toEqual(expect.arrayContaining(["is-layout-flow", "wp-block-column-is-layout-flow"]));
  });

  it("a grid with a column count; without one, WordPress's auto-fill by a minimum width", () => {
    const counted = renderBlocks('<!-- wp:group {"layout":{"type":"grid","columnCount":3}} -->\n<div class="wp-block-group"><!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:group -->');
    const classes = classesOf(counted.html, "wp-block-group");
    expect(classes).toEqual(expect.arrayContaining(["is-layout-grid", "wp-block-group-is-layout-grid"]));
    expect(counted.css).toBe(`.${containerOf(classes)}{grid-template-columns:repeat(3, minmax(0, 1fr));}`);
    const auto = renderBlocks('<!-- wp:group {"layout":{"type":"grid","minimumColumnWidth":"10rem"},"style":{"spacing":{"blockGap":"var:preset|spacing|40"}}} -->\n<div class="wp-block-group"></div>\n<!-- /wp:group -->');
    expect(auto.css).toMatch(/\{grid-template-columns:repeat\(auto-fill, minmax\(min\(10rem, 100%\), 1fr\)\);container-type:inline-size;gap:var\(--wp--preset--spacing--40\);\}$/);
  });

  it("nested groups each get their own classes and rules; the same layout twice shares one class", () => {
    const row = '<!-- wp:group {"layout":{"type":"flex","flexWrap":"nowrap","justifyContent":"right"}} -->\n<div class="wp-block-group"><!-- wp:paragraph -->\n<p>x</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:group -->';
    const src = `<!-- wp:group {"style":{"spacing":{"blockGap":"var:preset|spacing|50"}},"backgroundColor":"pale-cyan-blue","layout":{"type":"constrained"}} -->\n<div class="wp-block-group has-pale-cyan-blue-background-color has-background">${row}\n\n${row}</div>\n<!-- /wp:group -->`;
    const { html, css } = renderBlocks(src);
    const outer = classesOf(html, "has-pale-cyan-blue-background-color");
    expect(outer).toEqual(expect.arrayContaining(["is-layout-constrained", "wp-block-group-is-layout-constrained"]));
    const outerContainer = containerOf(outer)!;
    expect(css).toContain(`.${outerContainer} > *{margin-block-start:0;margin-block-end:0;}.${outerContainer} > * + *{margin-block-start:var(--wp--preset--spacing--50);margin-block-end:0;}`);
    const inner = [...html.matchAll(/class="wp-block-group ([^"]*is-layout-flex[^"]*)"/g)].map((m) => containerOf(m[1].split(" ")));
    expect(inner).toHaveLength(2);
    expect(inner[0]).toBe(inner[1]);
    expect(inner[0]).not.toBe(outerContainer);
    expect(css.split(`.${inner[0]}{`)).toHaveLength(2); // its rule once
  });

  it("a group with no layout attribute is a flow layout, with no rule; the classes land on the cover's inner container", () => {
    const { html, css } = renderBlocks('<!-- wp:group -->\n<div class="wp-block-group"><!-- wp:paragraph -->\n<p>x</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:group -->');
    expect(html.trim()).toBe('<div class="wp-block-group is-layout-flow wp-block-group-is-layout-flow">\n<p>x</p>\n</div>');
    expect(css).toBe("");
    const cover = renderBlocks(fixtureBlock('<!-- wp:cover {"url":"https://wpthemetestdata.files.wordpress.com/2008/06/dsc20050102_192118_51.jpg","id":761,"dimRatio":50,"contentPosition":"top left","layout":{"type":"constrained"}} -->'));
    expect(classesOf(cover.html, "wp-block-cover__inner-container")).toEqual(["wp-block-cover__inner-container", "is-layout-constrained", "wp-block-cover-is-layout-constrained"]);
    expect(classesOf(cover.html, "wp-block-cover")).not.toContain("is-layout-constrained");
  });

  it("values that are not plain CSS never reach the stylesheet", () => {
    for (const gap of ["1em;}</style><script>alert(1)</script>", "url(https://x.test/a)", "expression(alert(1))", "1em /* x */", '1em"']) {
      const src = `<!-- wp:group ${JSON.stringify({ style: { spacing: { blockGap: gap } }, layout: { type: "flex", justifyContent: "x\"><script>" } })} -->\n<div class="wp-block-group"></div>\n<!-- /wp:group -->`;
      const { html, css } = renderBlocks(src);
      expect(css).toBe("");
      expect(html).not.toContain("<script");
      expect(html).toContain("is-content-justification-x-script");
    }
    const size = renderBlocks('<!-- wp:group {"layout":{"type":"constrained","contentSize":"min(40rem, 100%)"}} -->\n<div class="wp-block-group"></div>\n<!-- /wp:group -->');
    expect(size.css).toContain("max-width:min(40rem, 100%);");
  });

  it("reaches the reader's view as a style beside the content, and feeds and REST keep the classes only", () => {
    const content = fixtureBlock('<!-- wp:buttons {"layout":{"type":"flex","justifyContent":"center"}} -->');
    const view = toPostView(
      { id: 7, type: "post", title: "Buttons", slug: "buttons", content, date: "2024-02-05 10:00:00", dateGmt: "2024-02-05 10:00:00", sticky: false, commentCount: 0, commentStatus: "open", authorName: "a", authorNicename: "a" },
      [],
      DEFAULT_OPTIONS,
      "full",
    );
    expect(view.contentHtml).toContain("is-content-justification-center");
    expect(view.contentHtml).not.toContain("<style");
    expect(view.blockCss).toMatch(/^\.wp-container-core-buttons-is-layout-[0-9a-f]{8}\{justify-content:center;\}$/);
    expect(renderContent(content)).toContain("wp-block-buttons-is-layout-flex");
    // A classic post has none.
    expect(toPostView({ ...{ id: 8, type: "post", title: "c", slug: "c", content: "Hello\n\nWorld", date: "2024-02-05 10:00:00", dateGmt: "2024-02-05 10:00:00", sticky: false, commentCount: 0, commentStatus: "open", authorName: "a", authorNicename: "a" } } as const, [], DEFAULT_OPTIONS, "full").blockCss).toBeUndefined();
  });
});

describe("the cover's focal point", () => {
  // As WordPress 6.x saves a cover with a focal point, and as it is stored for an author whose
  // styles the sanitizer removed.
  const saved = `<!-- wp:cover {"url":"/wp-content/uploads/sea.jpg","id":5,"dimRatio":50,"focalPoint":{"x":0.29,"y":0.68},"layout":{"type":"constrained"}} -->
<div class="wp-block-cover"><span aria-hidden="true" class="wp-block-cover__background has-background-dim"></span><img class="wp-block-cover__image-background wp-image-5" alt="" src="/wp-content/uploads/sea.jpg" style="object-position:29% 68%" data-object-fit="cover" data-object-position="29% 68%"/><div class="wp-block-cover__inner-container"><!-- wp:paragraph -->
<p>Sea</p>
<!-- /wp:paragraph --></div></div>
<!-- /wp:cover -->`;

  it("is object-position on the picture, as WordPress writes it, whether or not the stored style survived", () => {
    const kept = renderBlocks(saved).html;
    expect(kept).toContain('style="object-position:29% 68%"');
    expect(kept.match(/object-position:/g)).toHaveLength(1);
    const stripped = renderBlocks(saved.replace(' style="object-position:29% 68%"', "")).html;
    expect(stripped).toMatch(/<img style="object-position:29% 68%" class="wp-block-cover__image-background wp-image-5"/);
  });

  it("is background-position on a fixed background; a focal point that is not numbers changes nothing", () => {
    const parallax = `<!-- wp:cover {"url":"/a.jpg","hasParallax":true,"focalPoint":{"x":1.5,"y":0}} -->
<div class="wp-block-cover has-parallax"><span aria-hidden="true" class="wp-block-cover__background has-background-dim"></span><div role="img" class="wp-block-cover__image-background has-parallax" style="background-image:url(/a.jpg)"></div><div class="wp-block-cover__inner-container"></div></div>
<!-- /wp:cover -->`;
    expect(renderBlocks(parallax).html).toContain('style="background-image:url(/a.jpg);background-position:100% 0%"');
    const bad = saved.replace('{"x":0.29,"y":0.68}', '{"x":"0.2;color:red","y":"x"}').replace(' style="object-position:29% 68%"', "");
    expect(renderBlocks(bad).html).not.toContain("style=");
  });
});
