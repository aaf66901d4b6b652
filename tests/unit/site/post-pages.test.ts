// A post split by <!--nextpage-->, as WordPress serves it: each page at the permalink plus its
// number, "Pages: 1 2 3" under the content, /1/ and past-the-end numbers sent to the permalink,
// ?page=N with plain permalinks, and a listing, an excerpt or a description that reads page 1.
import { beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { updateOptions } from "@/db/queries/options";
import { PERMALINK_PRESETS } from "@/lib/content/permalinks";
import { contentPages } from "@/lib/content/format";
import { toPostView } from "@/lib/content/post-view";
import { OPTION_DEFAULTS } from "@/lib/options/defaults";
import { resolveQuery, resolveSegments } from "@/lib/site/resolve-path";
import { clearReadCache } from "@/lib/site/cache";
import { describePost, routeMetadata } from "@/lib/site/seo";
import { autoExcerpt } from "@/lib/wp-rest/format";
import type { PostCard } from "@/lib/site/reads";

const segs = (url: string) => url.split("/").filter(Boolean);
const stamp = { date: "2026-03-07 09:30:00", dateGmt: "2026-03-07 09:30:00" };
const SPLIT = "<p>Post Page 1</p>\n<!--nextpage-->\n<p>Post Page 2</p>\n<!--nextpage-->\n<p>Post Page 3</p>";
let split: { id: number }, aboutPage: { id: number };

beforeAll(async () => {
  await updateOptions({ permalink_structure: PERMALINK_PRESETS.day });
  const u = await makeUser("author");
  split = await makePost(u.id, { title: "Paginated", slug: "paginated", content: SPLIT, excerpt: "", ...stamp });
  await makePost(u.id, { title: "Whole", slug: "whole", content: "<p>One page</p>", ...stamp });
  aboutPage = await makePost(u.id, { type: "page", title: "Long page", slug: "long-page", content: "First<!--nextpage-->Second", ...stamp });
  clearReadCache();
});

describe("contentPages (setup_postdata's split)", () => {
  it("splits at each marker, drops the newlines around it, the nextpage block's delimiters and a leading marker", () => {
    expect(contentPages(SPLIT)).toEqual(["<p>Post Page 1</p>", "<p>Post Page 2</p>", "<p>Post Page 3</p>"]);
    expect(contentPages("<!-- wp:paragraph --><p>A</p><!-- /wp:paragraph -->\n\n<!-- wp:nextpage -->\n<!--nextpage-->\n<!-- /wp:nextpage -->\n\n<!-- wp:paragraph --><p>B</p><!-- /wp:paragraph -->"))
      .toEqual(["<!-- wp:paragraph --><p>A</p><!-- /wp:paragraph -->", "<!-- wp:paragraph --><p>B</p><!-- /wp:paragraph -->"]);
    expect(contentPages("<!--nextpage-->Only")).toEqual(["Only"]);
    expect(contentPages('<a title="<!--nextpage-->">x</a>')).toEqual(['<a title="<!--nextpage-->">x</a>']);
    expect(contentPages("No markers")).toEqual(["No markers"]);
  });
});

describe("addresses", () => {
  it("serves page 2 and 3 at the permalink plus the number, and sends /1/ and /4/ to the permalink", async () => {
    expect(await resolveSegments(segs("/2026/03/07/paginated/2/"))).toMatchObject({ kind: "single", post: { id: split.id }, page: 2 });
    expect(await resolveSegments(segs("/2026/03/07/paginated/3/"))).toMatchObject({ kind: "single", page: 3 });
    expect(await resolveSegments(segs("/2026/03/07/paginated/1/"))).toEqual({ kind: "redirect", to: "/2026/03/07/paginated/" });
    expect(await resolveSegments(segs("/2026/03/07/paginated/4/"))).toEqual({ kind: "redirect", to: "/2026/03/07/paginated/" });
    expect(await resolveSegments(segs("/2026/03/07/whole/2/"))).toEqual({ kind: "redirect", to: "/2026/03/07/whole/" });
    expect(await resolveSegments(segs("/long-page/2/"))).toMatchObject({ kind: "single", post: { id: aboutPage.id }, page: 2 });
    expect(await resolveSegments(segs("/2026/03/07/missing/2/"))).toBeNull();
  });

  it("takes ?page=N: kept with plain permalinks, sent to the pretty address otherwise", async () => {
    expect(await resolveQuery({ p: String(split.id), page: "2" })).toEqual({ kind: "redirect", to: "/2026/03/07/paginated/2/" });
    await updateOptions({ permalink_structure: "" });
    clearReadCache();
    try {
      expect(await resolveQuery({ p: String(split.id), page: "2" })).toMatchObject({ kind: "single", post: { id: split.id }, page: 2 });
      expect(await resolveQuery({ p: String(split.id), page: "9" })).toMatchObject({ kind: "single", post: { id: split.id } });
      expect((await resolveQuery({ p: String(split.id), page: "9" }) as { page?: number }).page).toBeUndefined();
    } finally {
      await updateOptions({ permalink_structure: PERMALINK_PRESETS.day });
      clearReadCache();
    }
  });
});

describe("what readers see", () => {
  const card = async (url: string) => ((await resolveSegments(segs(url))) as { post: PostCard }).post;

  it("shows the page asked for with links to the others, the current one unlinked", async () => {
    const p = await card("/2026/03/07/paginated/");
    const view = toPostView(p, [], OPTION_DEFAULTS, "full", { url: "/2026/03/07/paginated/", page: 2 });
    expect(view.contentHtml).toContain("Post Page 2");
    expect(view.contentHtml).not.toContain("Post Page 1");
    expect(view.contentHtml).not.toContain("Post Page 3");
    expect(view.contentHtml).toContain('<nav class="post-nav-links" aria-label="Pages of this post">Pages: <a href="/2026/03/07/paginated/" class="post-page-numbers">1</a> <span class="post-page-numbers current" aria-current="page">2</span> <a href="/2026/03/07/paginated/3/" class="post-page-numbers">3</a></nav>');
    const plainUrl = toPostView(p, [], OPTION_DEFAULTS, "full", { url: `/?p=${split.id}`, page: 1 });
    expect(plainUrl.contentHtml).toContain(`href="/?p=${split.id}&amp;page=2"`);
  });

  it("lists page 1 in archives, and excerpts and descriptions read page 1 only", async () => {
    const p = await card("/2026/03/07/paginated/");
    const teaser = toPostView(p, [], OPTION_DEFAULTS, "teaser", { url: "/2026/03/07/paginated/" });
    expect(teaser.contentHtml).toContain("Post Page 1");
    expect(teaser.contentHtml).not.toContain("Post Page 2");
    expect(describePost(p)).toBe("Post Page 1");
    expect(autoExcerpt(p.content)).toBe("Post Page 1");
    const whole = await card("/2026/03/07/whole/");
    expect(toPostView(whole, [], OPTION_DEFAULTS, "full", {}).contentHtml).not.toContain("post-nav-links");
  });

  it("titles page 2 \"… – Page 2\" with its own canonical address", async () => {
    const meta = await routeMetadata(await resolveSegments(segs("/2026/03/07/paginated/2/")));
    expect(String(meta.title)).toMatch(/^Paginated – Page 2 – /);
    expect(meta.alternates?.canonical).toBe("/2026/03/07/paginated/2/");
    const first = await routeMetadata(await resolveSegments(segs("/2026/03/07/paginated/")));
    expect(String(first.title)).toMatch(/^Paginated – (?!Page)/);
    expect(first.alternates?.canonical).toBe("/2026/03/07/paginated/");
  });
});
