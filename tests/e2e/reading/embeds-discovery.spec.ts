// A provider the embeds module does not know (a Mastodon-style instance): the link stays a link
// until the job queue has looked it up through the SSRF-safe fetch; then readers get a
// click-to-load preview with the post's title, and the provider's own iframe only once they click.
import http from "node:http";
import sharp from "sharp";
import { test, expect, type APIRequestContext } from "@playwright/test";
import { EMBED_POSTS, EMBED_PROVIDER_PORT, EMBED_PROVIDER_URL } from "../support/embeds";

const PROVIDER = new URL(EMBED_PROVIDER_URL).origin;

async function linkOf(request: APIRequestContext, slug: string): Promise<string> {
  const [post] = (await (await request.get(`/wp-json/wp/v2/posts?slug=${slug}`)).json()) as { link: string }[];
  expect(post, `${slug} is seeded`).toBeTruthy();
  return post!.link;
}

test("a Mastodon-style link becomes a click-to-load card, with its thumbnail from our own media, once the job has found its oEmbed", async ({ page, request }) => {
  test.setTimeout(90_000);
  const seen: string[] = [];
  const thumbnail = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 30, g: 90, b: 160 } } }).jpeg().toBuffer();
  const provider = http.createServer((req, res) => {
    seen.push(req.url!);
    if (req.url === "/media/tides.jpg") {
      res.writeHead(200, { "content-type": "image/jpeg" });
      return res.end(thumbnail);
    }
    if (req.url === "/@ann/109") {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end(`<html><head><link rel="alternate" type="application/json+oembed" href="${PROVIDER}/api/oembed?url=${encodeURIComponent(EMBED_PROVIDER_URL)}"></head><body>toot</body></html>`);
    }
    if (req.url!.startsWith("/api/oembed")) {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ type: "rich", version: "1.0", title: "Ann's toot about tides", provider_name: "Social Example", height: 260, thumbnail_url: `${PROVIDER}/media/tides.jpg`,
        html: `<iframe src="${PROVIDER}/@ann/109/embed" width="400" height="260"></iframe><script src="${PROVIDER}/embed.js"></script>` }));
    }
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>Embedded toot</title><p>Ann: the tide is high</p>");
  });
  await new Promise<void>((r) => provider.listen(EMBED_PROVIDER_PORT, "127.0.0.1", r));
  try {
    const url = new URL(await linkOf(request, EMBED_POSTS.discovered.slug)).pathname;
    // What the reader's browser asks of the provider (the job's own requests come from the server).
    const fromBrowser: string[] = [];
    page.on("request", (r) => {
      if (r.url().startsWith(PROVIDER)) fromBrowser.push(r.url());
    });
    // The first reader sees the URL as written (as WordPress leaves a URL it cannot embed); reading
    // it asks the job queue, never the provider.
    await page.goto(url);
    await expect(page.locator(".entry-content").getByText(EMBED_PROVIDER_URL)).toBeVisible();
    await expect(page.locator(".wp-embed-preview")).toHaveCount(0);
    // The job runs within seconds; the page is rendered again once the cache has it.
    await expect.poll(async () => {
      await page.goto(url);
      return await page.locator(".wp-embed-preview").count();
    }, { timeout: 60_000, intervals: [1000, 2000] }).toBe(1);
    expect(seen.filter((u) => u.includes("/embed")).length, "nothing is framed before the click").toBe(0);
    // The provider's thumbnail, copied by the job into our uploads and shown from there.
    const img = page.locator(".wp-embed-preview img.wp-embed-preview__thumbnail");
    await expect(img).toHaveAttribute("src", /^\/wp-content\/uploads\/\d{4}\/\d{2}\/tides(-\d+)?\.jpg$/);
    await expect(img).toHaveAttribute("alt", "Ann's toot about tides");
    await expect(img).toHaveAttribute("width", "640");
    await expect(img).toHaveAttribute("loading", "lazy");
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(640);
    expect(seen.filter((u) => u === "/media/tides.jpg").length, "the job downloaded the thumbnail once").toBe(1);
    await page.waitForLoadState("networkidle");
    expect(fromBrowser, "the reader's browser asked the provider for nothing before the click").toEqual([]);
    const preview = page.getByRole("link", { name: /Ann's toot about tides/ });
    await expect(preview).toHaveAttribute("href", EMBED_PROVIDER_URL);
    await expect(page.getByText("Load from Social Example")).toBeVisible();
    const res = await request.get(url);
    expect(res.headers()["content-security-policy"]).toMatch(new RegExp(`frame-src [^;]*${PROVIDER.replace(/[.]/g, "\\.")}`));

    await preview.click();
    const frame = page.locator('.entry-content iframe[title="Ann\'s toot about tides"]');
    await expect(frame).toHaveAttribute("src", `${PROVIDER}/@ann/109/embed`);
    await expect(frame).toHaveAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox");
    await expect(page.frameLocator(".entry-content iframe").getByText("Ann: the tide is high")).toBeVisible();
    expect(seen).not.toContain("/embed.js");
  } finally {
    await new Promise<void>((r) => provider.close(() => r()));
  }
});
