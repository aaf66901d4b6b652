// Post titles are HTML, as WordPress keeps them (lib/content/title.ts): an imported `Media &amp; Text`
// reads "Media & Text" on the page, in the document title, feeds (escaped once) and REST; a title's
// inline markup shows in its heading; nothing else of a hostile title gets through.
import { beforeAll, describe, expect, it } from "vitest";
import { parseFeed } from "@rowanmanning/feed-parser";
import { makePost, makeUser } from "../support/factories";
import { titleForEditing, titleHtml, titleText } from "@/lib/content/title";
import { toPostView } from "@/lib/content/post-view";
import { OPTION_DEFAULTS } from "@/lib/options/defaults";
import { commentsRss, postsAtom, postsRss } from "@/lib/site/feeds";
import { insertComment } from "@/db/queries/comments";
import { listRecentApprovedComments } from "@/db/queries/feeds";
import { postById } from "@/lib/site/reads";
import { routeMetadata } from "@/lib/site/seo";
import { formatRestPost } from "@/lib/wp-rest/format";
import { getRestPost } from "@/db/queries/wp-rest";

const channel = { title: "Blog", link: "http://blog.test/", self: "http://blog.test/feed/", description: "A blog" };
let entity: number, markup: number;

beforeAll(async () => {
  const u = await makeUser("author");
  const d = { date: "2024-02-05 10:00:00", dateGmt: "2024-02-05 10:00:00" };
  entity = (await makePost(u.id, { ...d, slug: "media-text", title: "Media &amp; Text", content: "<p>x</p>" })).id;
  markup = (await makePost(u.id, { ...d, slug: "title-with-markup", title: "Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>", content: "<p>y</p>" })).id;
});

describe("a title as text and as HTML", () => {
  it("decodes entities once and drops tags for text; keeps inline markup for the heading", () => {
    expect(titleText("Media &amp; Text")).toBe("Media & Text");
    expect(titleHtml("Media &amp; Text")).toBe("Media &amp; Text");
    expect(titleText("Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>")).toBe("Markup: Title With Markup");
    expect(titleHtml("Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>")).toBe("Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>");
    // A title typed with a bare & or < is text, escaped once.
    expect(titleText("Tom & Jerry")).toBe("Tom & Jerry");
    expect(titleHtml("Tom & Jerry")).toBe("Tom &amp; Jerry");
    expect(titleHtml("1 < 2")).toBe("1 &lt; 2");
    // An escaped tag stays text: decoded once for text, still escaped in HTML.
    expect(titleText("&lt;script&gt;")).toBe("<script>");
    expect(titleHtml("&lt;script&gt;")).toBe("&lt;script&gt;");
  });

  it("shows the editor's field the title as text when it has no markup, as WordPress's edit screen does", () => {
    expect(titleForEditing("Media &amp; Text")).toBe("Media & Text");
    expect(titleForEditing("Caf&eacute; &#8220;quoted&#8221;")).toBe("Café “quoted”");
    expect(titleForEditing("Plain title")).toBe("Plain title");
    // Markup stays as written, so that saving it unchanged keeps it.
    expect(titleForEditing("Title <em>With</em> &amp; Markup")).toBe("Title <em>With</em> &amp; Markup");
  });

  it("lets nothing hostile through", () => {
    const hostile = [
      `<img src=x onerror=alert(1)>Hi<script>alert(1)</script>`,
      `<em onclick="alert(1)" style="color:red">Hi</em>`,
      `<a href="javascript:alert(1)">Hi</a>`,
      `<svg><script>alert(1)</script></svg>Hi`,
      `<iframe src="https://evil.test/"></iframe>Hi`,
      `<style>body{display:none}</style>Hi`,
    ];
    for (const t of hostile) {
      const html = titleHtml(t);
      expect(html).not.toMatch(/<(script|img|a|svg|iframe|style)\b|on\w+=|javascript:|style=/i);
      expect(html.replace(/<\/?em>/g, "")).toBe("Hi");
      expect(titleText(t)).toBe("Hi");
    }
  });
});

describe("where titles show", () => {
  it("the reader's view has the text and the heading's HTML", async () => {
    const p = (await postById(entity))!;
    const view = toPostView(p, [], OPTION_DEFAULTS, "full");
    expect(view.title).toBe("Media & Text");
    expect(view.titleHtml).toBe("Media &amp; Text");
    const m = toPostView((await postById(markup))!, [], OPTION_DEFAULTS, "full");
    expect(m.title).toBe("Markup: Title With Markup");
    expect(m.titleHtml).toBe("Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>");
    // The protected prefix is text, escaped with it.
    expect(toPostView({ ...p, password: "pw" }, [], OPTION_DEFAULTS, "full").titleHtml).toBe("Protected: Media &amp; Text");
  });

  it("the document's <title> and the share cards are the text", async () => {
    const meta = await routeMetadata({ kind: "single", post: (await postById(entity))! });
    expect(String(meta.title)).toMatch(/^Media & Text – /);
    expect((meta.openGraph as { title?: string }).title).toBe("Media & Text");
    const tagged = await routeMetadata({ kind: "single", post: (await postById(markup))! });
    expect(String(tagged.title)).toMatch(/^Markup: Title With Markup – /);
  });

  it("feeds escape the text once", async () => {
    const posts = [(await postById(entity))!, (await postById(markup))!];
    const rss = await postsRss(channel, posts, OPTION_DEFAULTS);
    expect(rss).not.toContain("&amp;amp;");
    expect(rss).not.toContain("<em>With");
    expect(parseFeed(rss).items.map((i) => i.title)).toEqual(["Media & Text", "Markup: Title With Markup"]);
    const atom = await postsAtom({ ...channel, self: "http://blog.test/feed/atom/" }, posts, OPTION_DEFAULTS);
    expect(atom).not.toContain("&amp;amp;");
    expect(parseFeed(atom).items.map((i) => i.title)).toEqual(["Media & Text", "Markup: Title With Markup"]);
  });

  it("the comments feed names the post by its title's text", async () => {
    await insertComment({ postId: entity, status: "1", authorName: "Ada", authorEmail: "ada@example.com", content: "Nice.", date: "2024-02-06 10:00:00", dateGmt: "2024-02-06 10:00:00" });
    const rss = await commentsRss(channel, await listRecentApprovedComments(10), OPTION_DEFAULTS);
    expect(rss).not.toContain("&amp;amp;");
    expect(parseFeed(rss).items.map((i) => i.title)).toContain("Comment on Media & Text by Ada");
  });

  it("REST's title.rendered is the sanitized HTML, as WordPress's", async () => {
    const rest = await formatRestPost((await getRestPost("post", entity))!, { link: "http://blog.test/2024/02/05/media-text/" });
    expect((rest.title as { rendered: string }).rendered).toBe("Media &amp; Text");
    const tagged = await formatRestPost((await getRestPost("post", markup))!, { link: "http://blog.test/2024/02/05/title-with-markup/" });
    expect((tagged.title as { rendered: string }).rendered).toBe("Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>");
  });
});
