import { describe, expect, it } from "vitest";
import { archivesHtml, categoriesHtml, recentCommentsHtml, tagCloudHtml } from "@/themes/shared/widgets/lists";

describe("sidebar widget HTML", () => {
  it("escapes every name and URL", () => {
    const html = recentCommentsHtml([{ author: `<img src=x onerror=alert(1)>`, post: { href: `/a/"onmouseover="x`, text: "Tom & Jerry <b>" } }]);
    expect(html).toBe(`<ul class="space-y-1"><li>&lt;img src=x onerror=alert(1)&gt; on <a class="underline" href="/a/&quot;onmouseover=&quot;x">Tom &amp; Jerry &lt;b&gt;</a></li></ul>`);
  });

  it("nests categories under their parents, hides empty leaves, keeps a parent whose child has posts", () => {
    const html = categoriesHtml([
      { id: 1, parentId: null, count: 0, text: "Parent", href: "/category/parent/" },
      { id: 2, parentId: 1, count: 3, text: "Child", href: "/category/parent/child/" },
      { id: 3, parentId: null, count: 0, text: "Empty", href: "/category/empty/" },
      { id: 4, parentId: 99, count: 1, text: "Orphan", href: "/category/orphan/" },
    ]);
    expect(html).toBe(
      `<ul class="space-y-1"><li><a class="underline" href="/category/parent/">Parent</a> <span class="text-muted">(0)</span>` +
        `<ul class="ml-4 mt-1 space-y-1"><li><a class="underline" href="/category/parent/child/">Child</a> <span class="text-muted">(3)</span></li></ul></li>` +
        `<li><a class="underline" href="/category/orphan/">Orphan</a> <span class="text-muted">(1)</span></li></ul>`,
    );
    expect(categoriesHtml([])).toBe(`<p class="text-muted">No categories.</p>`);
  });

  it("lists months with counts and sizes tags by count, sorted by name", () => {
    expect(archivesHtml([{ year: 2026, month: 3, count: 7 }])).toContain(`href="/2026/03/">March 2026</a> <span class="text-muted">(7)</span>`);
    const cloud = tagCloudHtml([
      { text: "zeta", count: 1, href: "/tag/zeta/" },
      { text: "alpha", count: 9, href: "/tag/alpha/" },
    ]);
    expect(cloud.indexOf("alpha")).toBeLessThan(cloud.indexOf("zeta"));
    expect(cloud).toContain(`style="font-size:1.70em" aria-label="alpha (9 items)"`);
    expect(cloud).toContain(`style="font-size:0.80em" aria-label="zeta (1 item)"`);
  });
});
