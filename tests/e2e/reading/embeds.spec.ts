// Embeds as a reader meets them: a link to another of the site's posts, alone on its line,
// shows that post's card (WordPress's wp-embed), and every post advertises its oEmbed endpoint
// so other sites, and WordPress itself, can embed it.
import { test, expect, type APIRequestContext } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { EMBED_POSTS, EMBED_SPOTIFY, EMBED_YOUTUBE } from "../support/embeds";

async function linkOf(request: APIRequestContext, slug: string): Promise<string> {
  const res = await request.get(`/wp-json/wp/v2/posts?slug=${slug}`);
  const [post] = (await res.json()) as { link: string }[];
  expect(post, `${slug} is seeded`).toBeTruthy();
  return post!.link;
}

test("a link to another of the site's posts on its own line shows that post's card", async ({ page, request }) => {
  test.setTimeout(60_000);
  const host = await linkOf(request, EMBED_POSTS.host.slug);
  const target = await linkOf(request, EMBED_POSTS.target.slug);
  await page.goto(new URL(host).pathname);
  await expect(page.getByText("Before the card.")).toBeVisible();
  const frame = page.locator("iframe.wp-embedded-content");
  await expect(frame).toHaveAttribute("src", `${target}embed/`);
  await expect(frame).toHaveAttribute("title", new RegExp(`^“${EMBED_POSTS.target.title}” — `));
  const card = page.frameLocator("iframe.wp-embedded-content");
  await expect(card.getByRole("link", { name: EMBED_POSTS.target.title, exact: true })).toBeVisible();
  await expect(card.getByText(EMBED_POSTS.target.excerpt)).toBeVisible();
  // The URL itself is not printed as text any more.
  await expect(page.getByText(/\?p=\d+/)).toHaveCount(0);
  // The card is a document of its own (checked below); axe cannot run in a frame without scripts.
  const axe = await new AxeBuilder({ page }).include("main").exclude("iframe.wp-embedded-content").analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // Clicking the card's title opens the post in the reader's window.
  await card.getByRole("link", { name: EMBED_POSTS.target.title, exact: true }).click();
  await expect(page).toHaveURL(target);
  await expect(page.getByRole("heading", { level: 1, name: EMBED_POSTS.target.title })).toBeVisible();

  await page.goto(`${new URL(target).pathname}embed/`);
  const cardAxe = await new AxeBuilder({ page }).analyze();
  expect(cardAxe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await expect(page.locator(".wp-embed")).toHaveCSS("background-color", "rgb(255, 255, 255)");
  // A reader whose system prefers dark gets the card dark too, still readable.
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator(".wp-embed")).toHaveCSS("background-color", "rgb(29, 35, 39)");
  await expect(page.locator(".wp-embed-heading a")).toHaveCSS("color", "rgb(240, 240, 241)");
  const darkAxe = await new AxeBuilder({ page }).analyze();
  expect(darkAxe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

test("every post advertises its oEmbed JSON and XML, which describe it; its embed view may be framed anywhere", async ({ page, request }) => {
  const target = await linkOf(request, EMBED_POSTS.target.slug);
  await page.goto(new URL(target).pathname);
  const jsonHref = await page.locator('head link[rel="alternate"][type="application/json+oembed"]').getAttribute("href");
  const xmlHref = await page.locator('head link[rel="alternate"][type="text/xml+oembed"]').getAttribute("href");
  expect(jsonHref).toContain(`/wp-json/oembed/1.0/embed?url=${encodeURIComponent(target)}`);
  expect(xmlHref).toBe(`${jsonHref}&format=xml`);

  const json = await request.get(new URL(jsonHref!).pathname + new URL(jsonHref!).search);
  expect(json.status()).toBe(200);
  expect(await json.json()).toMatchObject({ version: "1.0", type: "rich", title: EMBED_POSTS.target.title, width: 600, height: 338 });
  const xml = await request.get(new URL(xmlHref!).pathname + new URL(xmlHref!).search);
  expect(xml.headers()["content-type"]).toMatch(/^text\/xml/);
  expect(await xml.text()).toContain(`<title>${EMBED_POSTS.target.title}</title>`);

  const view = await request.get(`${new URL(target).pathname}embed/`);
  expect(view.status()).toBe(200);
  expect(view.headers()["x-frame-options"]).toBeUndefined();
  expect(view.headers()["content-security-policy"]).toContain("frame-ancestors *");
  // Every other page still refuses to be framed by another site.
  const post = await request.get(new URL(target).pathname);
  expect(post.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  expect((await request.get("/?p=987654&embed=true")).status()).toBe(404);
});

test("a provider's player shows as a preview, and nothing reaches the provider until the reader clicks play", async ({ page, request }) => {
  const url = await linkOf(request, EMBED_POSTS.players.slug);
  const origin = new URL(url).origin;
  const thirdParty: string[] = [];
  // Every request off this site is recorded and refused (the test machine has no internet anyway).
  await page.route((u) => u.origin !== origin, async (route) => {
    thirdParty.push(route.request().url());
    await route.abort();
  });
  await page.goto(new URL(url).pathname);
  const video = page.getByRole("link", { name: /YouTube video/ });
  await expect(video).toHaveAttribute("href", EMBED_YOUTUBE);
  await expect(page.getByRole("link", { name: /Spotify player/ })).toHaveAttribute("href", EMBED_SPOTIFY);
  await expect(page.locator(".entry-content iframe")).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  expect(thirdParty).toEqual([]);
  const axe = await new AxeBuilder({ page }).include("main").analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // By keyboard: focus the preview and press Enter; the player takes its place and plays.
  await video.focus();
  await page.keyboard.press("Enter");
  const player = page.locator('.entry-content iframe[title="Embedded YouTube video"]');
  await expect(player).toHaveAttribute("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
  await expect(player).toHaveAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation");
  await expect.poll(() => thirdParty.some((u) => u.startsWith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"))).toBe(true);
  expect(thirdParty.every((u) => u.startsWith("https://www.youtube-nocookie.com/"))).toBe(true);
  // The other player is still only a preview.
  await expect(page.getByRole("link", { name: /Spotify player/ })).toBeVisible();
  expect(page.url()).toBe(url);
});

test("without JavaScript the preview is a plain link to the provider's page", async ({ browser, request }) => {
  const url = await linkOf(request, EMBED_POSTS.players.slug);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const thirdParty: string[] = [];
  await page.route((u) => u.origin !== new URL(url).origin, async (route) => {
    thirdParty.push(route.request().url());
    await route.fulfill({ status: 200, contentType: "text/html", body: "<title>Provider</title>" });
  });
  await page.goto(new URL(url).pathname);
  await expect(page.locator(".entry-content iframe")).toHaveCount(0);
  expect(thirdParty).toEqual([]);
  await page.getByRole("link", { name: /YouTube video/ }).click();
  await expect(page).toHaveURL(EMBED_YOUTUBE);
  await context.close();
});
