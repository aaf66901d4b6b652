import { beforeAll, describe, expect, it } from "vitest";
import { parseFeed } from "@rowanmanning/feed-parser";
import { makePost, makeUser } from "../support/factories";
import { insertTerm } from "@/db/queries/terms";
import { insertPost } from "@/db/queries/posts";
import { insertComment } from "@/db/queries/comments";
import { OPTION_DEFAULTS } from "@/lib/options/defaults";
import { commentsRss, postsAtom, postsRss, recentCommentsCached } from "@/lib/site/feeds";
import { archivePage } from "@/lib/site/reads";

const channel = { title: "Blog", link: "http://blog.test/", self: "http://blog.test/feed/", description: "A blog" };
let postId: number;

beforeAll(async () => {
  const u = await makeUser("author");
  const cat = await insertTerm({ taxonomy: "category", name: "News", slug: "news" });
  const d = "2025-02-03 04:05:06";
  postId = (await insertPost({ type: "post", status: "publish", title: "Feed post & more", slug: "feed-post", content: "<p>Body \u0001with <em>markup</em></p>", authorId: u.id, date: d, dateGmt: d, modified: d, modifiedGmt: d }, [cat.id])).id;
  await makePost(u.id, { title: "Protected feed post", slug: "pfp", password: "pw", content: "<p>never in a feed</p>", date: "2025-01-01 00:00:00", dateGmt: "2025-01-01 00:00:00" });
  await insertComment({ postId, status: "1", authorName: "Reader", content: "Nice <b>one</b>", date: d, dateGmt: d });
  await insertComment({ postId, status: "0", authorName: "Held", content: "held back", date: d, dateGmt: d });
});

describe("RSS 2.0", () => {
  it("parses, with title, link, date, author, categories, content and comment links", async () => {
    const posts = (await archivePage({ kind: "home" }, 1, 10)).items;
    const xml = await postsRss(channel, posts, OPTION_DEFAULTS);
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe("rss");
    expect(feed.title).toBe("Blog");
    const item = feed.items.find((i) => i.title === "Feed post & more")!;
    expect(item.url).toBe("http://blog.test/2025/02/03/feed-post/");
    expect(item.published?.toISOString()).toBe("2025-02-03T04:05:06.000Z");
    expect(item.authors[0]?.name).toMatch(/^author \d+$/);
    expect(item.categories.map((c) => c.label)).toEqual(["News"]);
    expect(item.content).toContain("<em>markup</em>");
    expect(xml).toContain("<wfw:commentRss>http://blog.test/2025/02/03/feed-post/feed/</wfw:commentRss>");
    expect(xml).toContain("<slash:comments>1</slash:comments>");
    expect(xml).toMatch(/xmlns:wfw=/);
    expect(xml).toMatch(/xmlns:slash=/);
    expect(xml).not.toMatch(/\u0001/);
  });

  it("says a protected post is protected and leaks none of it", async () => {
    const xml = await postsRss(channel, (await archivePage({ kind: "home" }, 1, 10)).items, OPTION_DEFAULTS);
    const item = parseFeed(xml).items.find((i) => i.title === "Protected feed post")!;
    expect(item.description).toBe("There is no excerpt because this is a protected post.");
    expect(xml).not.toContain("never in a feed");
  });
});

describe("Atom", () => {
  it("parses, with entries and their content", async () => {
    const feed = parseFeed(await postsAtom({ ...channel, self: "http://blog.test/feed/atom/" }, (await archivePage({ kind: "home" }, 1, 10)).items, OPTION_DEFAULTS));
    expect(feed.meta.type).toBe("atom");
    const entry = feed.items.find((i) => i.title === "Feed post & more")!;
    expect(entry.url).toBe("http://blog.test/2025/02/03/feed-post/");
    expect(entry.content).toContain("<em>markup</em>");
    expect(entry.authors[0]?.name).toMatch(/author/);
  });
});

describe("comments feed", () => {
  it("lists approved comments only, each linking to its anchor", async () => {
    const feed = parseFeed(await commentsRss({ ...channel, title: "Comments for Blog" }, await recentCommentsCached(10), OPTION_DEFAULTS));
    expect(feed.items.map((i) => i.title)).toEqual(["Comment on Feed post & more by Reader"]);
    expect(feed.items[0]!.url).toMatch(/\/2025\/02\/03\/feed-post\/#comment-\d+$/);
    expect(feed.items[0]!.content).toContain("<b>one</b>");
  });
});
