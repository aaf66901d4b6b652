// Feed readers resolve nothing against the site: every URL in an item's content must arrive
// absolute, and the audio and video it plays as enclosures. Checked by parsing what is served.
import { beforeAll, describe, expect, it } from "vitest";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parseDocument } from "htmlparser2";
import { makePost, makeUser } from "../support/factories";
import { insertComment } from "@/db/queries/comments";
import { OPTION_DEFAULTS } from "@/lib/options/defaults";
import { commentsRss, postsAtom, postsRss, recentCommentsCached } from "@/lib/site/feeds";
import { absolutizeHtml, mediaEnclosures } from "@/lib/site/feed-urls";
import { archivePage } from "@/lib/site/reads";
import { siteLanguageTag } from "@/lib/options/language";

const channel = { title: "Blog", link: "http://blog.test/", self: "http://blog.test/feed/", description: "A blog" };

const CONTENT = [
  `<p><img src="/wp-content/uploads/2025/02/a.jpg" srcset="/wp-content/uploads/2025/02/a-300x200.jpg 300w, /wp-content/uploads/2025/02/a.jpg 1024w" alt="A"></p>`,
  `<p><a href="/about/">About</a>, <a href='relative/page/'>relative</a>, <a href="#notes">notes</a>, <a href="https://example.org/x?a=1&amp;b=2">away</a>, <a href="mailto:me@example.org">mail</a></p>`,
  `<figure><video src="/wp-content/uploads/2025/02/clip.mp4" poster="/wp-content/uploads/2025/02/poster.jpg" controls></video></figure>`,
  `<audio controls><source src="/wp-content/uploads/2025/02/song.mp3" type="audio/mpeg"></audio>`,
  `<p>[audio mp3="/wp-content/uploads/2025/02/talk.mp3"]</p>`,
  `<p>Text that says src="/not-a-tag.jpg" stays text.</p>`,
].join("\n");

/** Every URL-valued attribute in `html`, as a reader's parser sees them. */
function urlsIn(html: string): string[] {
  const out: string[] = [];
  const walk = (nodes: ReturnType<typeof parseDocument>["children"]) => {
    for (const n of nodes) {
      if ("attribs" in n) {
        for (const [k, v] of Object.entries(n.attribs)) {
          if (["href", "src", "poster"].includes(k)) out.push(v);
          if (k === "srcset") out.push(...v.split(",").map((c) => c.trim().split(/\s+/)[0]!));
        }
      }
      if ("children" in n) walk(n.children as never);
    }
  };
  walk(parseDocument(html).children);
  return out;
}

let postId: number;
beforeAll(async () => {
  const u = await makeUser("author");
  const d = "2025-02-03 04:05:06";
  postId = (await makePost(u.id, { title: "Media post", slug: "media-post", content: CONTENT, date: d, dateGmt: d, modified: d, modifiedGmt: d })).id;
  await insertComment({ postId, status: "1", authorName: "Linker", content: `See <a href="/about/">about</a>`, date: d, dateGmt: d });
});

describe("feed content URLs", () => {
  it("RSS: every img src/srcset, a href, video poster and source src is absolute, against the item's permalink", async () => {
    const feed = parseFeed(await postsRss(channel, (await archivePage({ kind: "home" }, 1, 10)).items, OPTION_DEFAULTS));
    const item = feed.items.find((i) => i.title === "Media post")!;
    const origin = new URL(item.url!).origin;
    const urls = urlsIn(item.content!);
    // 13: the [audio] shortcode is rendered as the reader's page has it (its player's source and fallback link).
    expect(urls.length).toBe(13);
    for (const u of urls) expect(u, u).toMatch(/^(https?|mailto):/);
    expect(urls).toContain(`${origin}/wp-content/uploads/2025/02/a.jpg`);
    expect(urls).toContain(`${origin}/wp-content/uploads/2025/02/a-300x200.jpg`);
    expect(urls).toContain(`${origin}/wp-content/uploads/2025/02/poster.jpg`);
    expect(urls.filter((u) => u.startsWith(`${origin}/wp-content/uploads/2025/02/talk.mp3`))).toHaveLength(2);
    expect(item.content).not.toContain("[audio");
    expect(urls).toContain(`${item.url}relative/page/`);
    expect(urls).toContain(`${item.url}#notes`);
    expect(urls).toContain("https://example.org/x?a=1&b=2");
    expect(item.content).toContain(`src="/not-a-tag.jpg" stays text`);
  });

  it("RSS and Atom: the audio and video the post plays are enclosures, once each", async () => {
    const posts = (await archivePage({ kind: "home" }, 1, 10)).items;
    for (const xml of [await postsRss(channel, posts, OPTION_DEFAULTS), await postsAtom({ ...channel, self: "http://blog.test/feed/atom/" }, posts, OPTION_DEFAULTS)]) {
      const item = parseFeed(xml).items.find((i) => i.title === "Media post")!;
      const origin = new URL(item.url!).origin;
      expect(item.media.map((m) => [m.url, m.mimeType])).toEqual([
        [`${origin}/wp-content/uploads/2025/02/clip.mp4`, "video/mp4"],
        [`${origin}/wp-content/uploads/2025/02/song.mp3`, "audio/mpeg"],
        [`${origin}/wp-content/uploads/2025/02/talk.mp3`, "audio/mpeg"],
      ]);
      for (const u of urlsIn(item.content!)) expect(u).toMatch(/^(https?|mailto):/);
    }
  });

  it("comments feed: links in comments are absolute", async () => {
    const feed = parseFeed(await commentsRss(channel, await recentCommentsCached(10), OPTION_DEFAULTS));
    const item = feed.items.find((i) => i.title === "Comment on Media post by Linker")!;
    expect(urlsIn(item.content!)).toEqual([`${new URL(item.url!).origin}/about/`]);
  });

  it("leaves absolute URLs, data: and text alone, and never breaks on odd markup", () => {
    expect(absolutizeHtml(`<img src="data:image/png;base64,xx"><a href=/x>y</a> a < b`, "https://s.test/p/")).toBe(`<img src="data:image/png;base64,xx"><a href="https://s.test/x">y</a> a < b`);
    expect(absolutizeHtml(`<!-- <img src="/c.jpg"> --><code>&lt;img src="/d.jpg"&gt;</code>`, "https://s.test/")).toBe(`<!-- <img src="/c.jpg"> --><code>&lt;img src="/d.jpg"&gt;</code>`);
    expect(absolutizeHtml(`<a title="/t" href="/a?x=1&amp;y=&quot;2&quot;">`, "https://s.test/")).toBe(`<a title="/t" href="https://s.test/a?x=1&amp;y=%222%22">`);
    expect(mediaEnclosures(`<a href="/doc.pdf">pdf</a><a href="/song.ogg?v=2">ogg</a>`, "https://s.test/")).toEqual([{ url: "https://s.test/song.ogg?v=2", type: "audio/ogg", length: 0 }]);
  });
});

describe("feed language", () => {
  it("declares the site's language (WPLANG), en-US when none is set", async () => {
    const posts = (await archivePage({ kind: "home" }, 1, 10)).items;
    expect(parseFeed(await postsRss(channel, posts, OPTION_DEFAULTS)).language).toBe("en-US");
    const de = { ...OPTION_DEFAULTS, WPLANG: "de_DE" };
    expect(parseFeed(await postsRss(channel, posts, de)).language).toBe("de-DE");
    expect(parseFeed(await commentsRss(channel, await recentCommentsCached(10), de)).language).toBe("de-DE");
    expect(parseFeed(await postsAtom({ ...channel, self: "http://blog.test/feed/atom/" }, posts, { ...OPTION_DEFAULTS, WPLANG: "ja" })).language).toBe("ja");
    expect(siteLanguageTag({ WPLANG: "<script>" })).toBe("en-US");
  });
});
