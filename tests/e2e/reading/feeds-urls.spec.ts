// What a feed reader and a search console meet: feeds parsed as a reader parses them, every URL
// in their content absolute, the site's language declared; WordPress's sitemap addresses answered.
import { expect, test } from "@playwright/test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parseDocument } from "htmlparser2";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { E2E_DB } from "../support/linkbacks";

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

function feedsCli<T>(...args: string[]): T {
  const r = spawnSync(path.join("node_modules", ".bin", "tsx"), ["tests/e2e/support/feeds-cli.ts", ...args], { env: { ...process.env, DATABASE_URL: E2E_DB, INKWELL_LOG: "off", INKWELL_JOBS: "off" }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`feeds-cli ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as T;
}

const CONTENT = `<p><img src="/wp-content/uploads/2001/01/feed-check.jpg" srcset="/wp-content/uploads/2001/01/feed-check-300x200.jpg 300w, /wp-content/uploads/2001/01/feed-check.jpg 1024w" alt="Check"> <a href="/sample-page/">a page</a> and <a href="notes/">notes</a>.</p><audio controls src="/wp-content/uploads/2001/01/feed-check.mp3"></audio>`;

test("every feed parses, declares the site's language and carries only absolute URLs", async ({ request, baseURL }) => {
  const post = feedsCli<{ id: number; categoryFeed: string }>("publish-old", "--title", "Feed URL check", "--slug", "feed-url-check", "--category", "Feed URL check", "--content", CONTENT);
  try {
    let seen = 0;
    for (const path of ["/feed/", "/feed/atom/", "/comments/feed/", post.categoryFeed, post.categoryFeed.replace(/feed\/$/, "feed/atom/")]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const feed = parseFeed(await res.text());
      expect(feed.language, path).toBe("en-US");
      expect(feed.items.length, path).toBeGreaterThan(0);
      for (const item of feed.items) {
        for (const u of urlsIn(`${item.content ?? ""}${item.description ?? ""}`)) {
          seen++;
          expect(u, `${path} ${item.title}`).toMatch(/^(https?:|mailto:|tel:|data:)/);
        }
        for (const m of item.media) expect(m.url).toMatch(/^https?:/);
      }
    }
    expect(seen).toBeGreaterThanOrEqual(10);

    // The check post's own item, as a reader gets it.
    const item = parseFeed(await (await request.get(post.categoryFeed)).text()).items.find((i) => i.title === "Feed URL check")!;
    const origin = new URL(item.url!).origin;
    expect(origin).toBe(new URL(baseURL!).origin);
    expect(urlsIn(item.content!)).toEqual([
      `${origin}/wp-content/uploads/2001/01/feed-check.jpg`,
      `${origin}/wp-content/uploads/2001/01/feed-check-300x200.jpg`,
      `${origin}/wp-content/uploads/2001/01/feed-check.jpg`,
      `${origin}/sample-page/`,
      `${item.url}notes/`,
      `${origin}/wp-content/uploads/2001/01/feed-check.mp3`,
    ]);
    expect(item.media.map((m) => m.url)).toEqual([`${origin}/wp-content/uploads/2001/01/feed-check.mp3`]);

    // Settings → General → Site Language, as the feeds declare it.
    feedsCli("option", "--name", "WPLANG", "--value", JSON.stringify("de_DE"));
    try {
      expect(parseFeed(await (await request.get("/feed/")).text()).language).toBe("de-DE");
      expect(parseFeed(await (await request.get("/feed/atom/")).text()).language).toBe("de-DE");
    } finally {
      feedsCli("option", "--name", "WPLANG", "--value", JSON.stringify(""));
    }
  } finally {
    feedsCli("trash", "--id", String(post.id));
  }
});

test("WordPress's sitemap addresses lead to Inkwell's sitemaps", async ({ request }) => {
  for (const [from, to] of [
    ["/wp-sitemap.xml", "/sitemap.xml"],
    ["/wp-sitemap-posts-post-1.xml", "/sitemaps/posts-1.xml"],
    ["/wp-sitemap-posts-page-1.xml", "/sitemaps/pages-1.xml"],
    ["/wp-sitemap-taxonomies-category-1.xml", "/sitemaps/categories-1.xml"],
    ["/wp-sitemap-taxonomies-post_tag-2.xml", "/sitemaps/tags-2.xml"],
    ["/wp-sitemap-users-1.xml", "/sitemap.xml"],
  ]) {
    const res = await request.get(from!, { maxRedirects: 0 });
    expect(res.status(), from).toBe(301);
    expect(new URL(res.headers().location!, "http://x").pathname, from).toBe(to);
  }
  const followed = await request.get("/wp-sitemap.xml");
  expect(followed.status()).toBe(200);
  expect(await followed.text()).toContain("<sitemapindex");
});
