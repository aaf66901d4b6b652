import { test, expect, type Page, type Browser } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "../support/auth";
import { discussionPost } from "../support/discussion";

// Data from tests/e2e/support/seed-reading.ts (all dated 2020-2021).

test("a visitor browses home → monthly archive → post → next post", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("region", { name: "Archives" }).getByRole("link", { name: "March 2020" }).click();
  await expect(page).toHaveURL(/\/2020\/03\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Month: March 2020" })).toBeVisible();
  await expect(page).toHaveTitle(/Month: March 2020/);
  // 12 posts, 10 per page: page 2 holds the two oldest.
  await page.getByRole("link", { name: "← Older posts" }).click();
  await expect(page).toHaveURL(/\/2020\/03\/page\/2\/$/);
  await page.getByRole("link", { name: "Reading walk 2", exact: true }).click();
  await expect(page).toHaveURL(/\/2020\/03\/02\/reading-walk-2\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Reading walk 2" })).toBeVisible();
  await expect(page.getByText("You can leave a response, or trackback from your own site.")).toBeVisible();
  await page.getByRole("navigation", { name: "Post navigation" }).getByRole("link", { name: /Reading walk 3/ }).click();
  await expect(page).toHaveURL(/\/2020\/03\/03\/reading-walk-3\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Reading walk 3" })).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/2020\/03\/03\/reading-walk-3\/$/);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute("href", /\/feed\/$/);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ "@type": "BlogPosting", headline: "Reading walk 3" });
});

test("a category archive includes its child category's posts", async ({ page }) => {
  await page.goto("/category/reading-parent/");
  await expect(page.getByRole("heading", { level: 1, name: "Category: Reading Parent" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Reading teaser post", exact: true })).toBeVisible();
  await expect(main.getByRole("link", { name: "Reading walk 12", exact: true })).toBeVisible();
  await page.getByRole("link", { name: /Continue reading Reading teaser post/ }).click();
  await expect(page.getByText("After the fold")).toBeVisible();
});

test("search finds ranked, highlighted results, and odd input finds nothing without an error", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("searchbox", { name: "Search for:" }).first();
  await box.fill("zanzibarquokka");
  await box.press("Enter");
  await expect(page).toHaveURL(/\?s=zanzibarquokka$/);
  await expect(page.getByRole("heading", { level: 1, name: "Search Results for: zanzibarquokka" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Reading teaser post" })).toBeVisible();
  await expect(page.locator("mark", { hasText: "zanzibarquokka" })).toBeVisible();
  const res = await page.goto(`/?s=${encodeURIComponent('"AND OR NEAR( title:* ^-')}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Nothing Found" })).toBeVisible();
  await page.goto("/search/zanzibarquokka/");
  await expect(page.getByRole("main").getByRole("link", { name: "Reading teaser post" })).toBeVisible();
});

test("a password-protected post asks for its password, then shows the content for 10 days", async ({ page, context }) => {
  await page.goto("/");
  await page.goto("/2020/04/02/reading-secret/");
  await expect(page.getByRole("heading", { level: 1, name: "Protected: Reading secret post" })).toBeVisible();
  await expect(page.getByText("The secret is tea.")).toHaveCount(0);
  await page.getByLabel("Password:").fill("wrong");
  await page.getByRole("button", { name: "Enter" }).click();
  await expect(page.getByText("That password is not correct.")).toBeVisible();
  await page.getByLabel("Password:").fill("opensesame");
  await page.getByRole("button", { name: "Enter" }).click();
  await expect(page.getByText("The secret is tea.")).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === "inkwell_postpass")!;
  const days = (cookie.expires * 1000 - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(9.9);
  expect(days).toBeLessThan(10.1);
  expect(cookie.httpOnly).toBe(true);
  // The same cookie lets the reader comment on it.
  await context.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.251" });
  await page.reload();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Tea Drinker");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill("tea@example.com");
  await page.getByRole("textbox", { name: "Comment", exact: true }).fill("Earl Grey, surely.");
  await page.waitForTimeout(2100); // the form refuses what a bot sends in under 2 s
  await page.getByRole("button", { name: "Post Comment" }).click();
  await expect(page.getByText("Your comment is awaiting moderation.")).toBeVisible();
  const feed = await (await page.request.get("/category/reading-parent/feed/")).text();
  expect(feed).toContain("There is no excerpt because this is a protected post.");
  expect(feed).not.toContain("The secret is tea.");
});

test("drafts and future posts are not public; a due scheduled post is; private posts only for editors", async ({ page, browser }) => {
  for (const url of ["/2020/04/04/reading-draft/", "/2099/01/01/reading-future/", "/2020/04/03/reading-private/"]) {
    expect((await page.goto(url))?.status(), url).toBe(404);
  }
  expect((await page.goto("/2021/01/01/reading-due/"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Reading due scheduled post" })).toBeVisible();
  const editor = await browser.newPage();
  await signInAs(editor, "editor");
  await editor.goto("/2020/04/03/reading-private/");
  await expect(editor.getByRole("heading", { level: 1, name: "Private: Reading private post" })).toBeVisible();
  await editor.close();
  const sub = await browser.newPage();
  await signInAs(sub, "subscriber");
  expect((await sub.goto("/2020/04/03/reading-private/"))?.status()).toBe(404);
  await sub.close();
});

test("WordPress's old and plain URLs answer with a 301 to the pretty one", async ({ request }) => {
  expect((await request.get("/2020/03/01/reading-walk-1/")).status()).toBe(200);
  for (const [from, to] of [
    ["/?m=202003", "/2020/03/"],
    ["/?feed=rss2", "/feed/"],
    ["/?cat=1", "/category/uncategorized/"],
    ["/reading-walk-1/", "/2020/03/01/reading-walk-1/"],
    ["/2020/03/reading-walk-1/", "/2020/03/01/reading-walk-1/"],
  ]) {
    const r = await request.get(from, { maxRedirects: 0 });
    expect(r.status(), from).toBe(301);
    expect(new URL(r.headers()["location"] ?? "", "http://x").pathname, from).toBe(to);
  }
  // Only the server marks a request as routed: a client sending the mark is routed all the same.
  const marked = await request.get("/?p=1", { maxRedirects: 0, headers: { "x-inkwell-routed": "1" } });
  expect(marked.status()).toBe(301);
  const feed = await request.get("/feed/");
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  expect((await request.get("/feed/atom/")).headers()["content-type"]).toContain("application/atom+xml");
  expect((await request.get("/sitemap.xml")).status()).toBe(200);
  expect(await (await request.get("/robots.txt")).text()).toContain("Sitemap:");
});

async function axeCheck(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function checkPages(browser: Browser, theme: string, schemes: ("light" | "dark")[]) {
  for (const scheme of schemes) {
    const ctx = await browser.newContext({ colorScheme: scheme });
    const page = await ctx.newPage();
    for (const url of ["/", "/2020/03/05/reading-walk-5/", "/category/reading-parent/", "/?s=reading", "/no-such-page/"]) {
      await page.goto(url);
      await expect(page.locator(`[data-theme="${theme}"]`)).toBeVisible();
      await axeCheck(page, `${theme} ${scheme} ${url}`);
    }
    await ctx.close();
  }
}

async function activate(page: Page, label: string) {
  await page.goto("/admin/appearance/");
  const card = page.getByRole("listitem", { name: `${label} theme` });
  if (await card.getByText("(Active)").count()) return;
  await card.getByRole("button", { name: `Activate ${label}` }).click();
  await expect(page.getByText("New theme activated.")).toBeVisible();
}

test("themes: preview before activating, activate, and both themes pass axe in light and dark", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAs(page, "admin");
  try {
    await page.goto("/admin/appearance/");
    await page.getByRole("listitem", { name: "Modern theme" }).getByRole("button", { name: "Live Preview Modern" }).click();
    await expect(page.getByRole("region", { name: "Theme preview" })).toContainText("Modern");
    await expect(page.locator('[data-theme="modern"]')).toBeVisible();
    // A visitor still sees the active theme while the admin previews.
    const visitor = await browser.newPage();
    await visitor.goto("/");
    await expect(visitor.locator('[data-theme="classic"]')).toBeVisible();
    await checkPages(browser, "classic", ["light"]);

    await activate(page, "Modern");
    await visitor.goto("/");
    await expect(visitor.locator('[data-theme="modern"]')).toBeVisible();
    await expect(visitor.getByText(/Powered by\s*Inkwell\s*\|\s*Designed by:\s*Inkwell Themes/)).toBeVisible();
    await visitor.close();
    // Modern follows the system's colour scheme: check both.
    await checkPages(browser, "modern", ["light", "dark"]);
  } finally {
    await activate(page, "Classic");
  }
});

test("Appearance → Widgets chooses which widgets show and in what order", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/appearance/widgets/");
  try {
    await page.getByLabel("Show Tag Cloud").check();
    await page.getByLabel("Position of Tag Cloud").fill("1");
    await page.getByLabel("Position of Search").fill("2");
    await page.getByLabel("Show Meta").uncheck();
    await page.getByRole("button", { name: "Save Widgets" }).click();
    await expect(page.getByText("Widgets saved.")).toBeVisible();
    const visitor = await browser.newPage();
    await visitor.goto("/");
    const sidebar = visitor.getByRole("complementary", { name: "Sidebar" });
    await expect(sidebar.getByRole("heading", { level: 2 }).first()).toHaveText("Tag Cloud");
    await expect(sidebar.getByRole("link", { name: /Reading Tag/ })).toBeVisible();
    await expect(sidebar.getByRole("heading", { name: "Meta" })).toHaveCount(0);
    await visitor.close();
  } finally {
    await page.goto("/admin/appearance/widgets/");
    await page.getByLabel("Show Tag Cloud").uncheck();
    await page.getByLabel("Show Meta").check();
    await page.getByLabel("Position of Meta").fill("99");
    await page.getByRole("button", { name: "Save Widgets" }).click();
    await expect(page.getByText("Widgets saved.")).toBeVisible();
  }
});

test("readable at 360 px and usable by keyboard", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  for (const url of ["/", "/2020/03/05/reading-walk-5/", "/category/reading-parent/"]) {
    await page.goto(url);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, url).toBeLessThanOrEqual(360);
  }
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#content$/);
  await ctx.close();
});

test("a cached post reaches the browser gzipped, with its avatars, and reads as the first rendering did", async ({ page, context }) => {
  const url = discussionPost("threads");
  const first = await page.goto(url);
  expect(first!.status()).toBe(200);
  const title = await page.getByRole("heading", { level: 1 }).textContent();
  const again = await page.goto(url);
  const headers = again!.headers();
  expect(headers["x-inkwell-cache"]).toBe("hit");
  expect(headers["content-encoding"]).toBe("gzip");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
  await expect(page.getByRole("article", { name: "Comment by Level 5 Larry" })).toBeVisible();
  // Avatars are files of this site, kept by the browser for a year, and they load.
  const avatar = page.locator("li.comment img").first();
  const src = await avatar.getAttribute("src");
  expect(src).toMatch(/^\/avatar\/[0-9a-f]{32}\.svg$/);
  await avatar.scrollIntoViewIfNeeded();
  await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const res = await context.request.get(src!);
  expect(res.headers()["content-type"]).toContain("image/svg+xml");
  expect(res.headers()["cache-control"]).toContain("immutable");
});

test("a post's comments and content travel once in its HTML, with no marker left, cached or not", async ({ page, request }) => {
  const url = discussionPost("threads");
  for (const headers of [{}, { cookie: "reader=1" }] as Record<string, string>[]) {
    const html = await (await request.get(url, { headers })).text();
    expect(html).not.toContain("<!--ink:");
    // The thread is in the page once, not a second time inside React's inline payload.
    expect(html.split("Comment at depth 3.").length - 1).toBe(1);
    expect(html).toContain('id="widget-archives"');
    // So is the post's JSON-LD, whole.
    expect(html.split("BlogPosting").length - 1).toBe(1);
    // Next's own 401 page (nothing calls unauthorized()) is not in every page's payload.
    expect(html).not.toContain("not authorized");
    expect(JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? "{}")).toMatchObject({ "@type": "BlogPosting", url: expect.stringContaining(url) });
  }
  // After hydration the thread is still there, and the reply link still moves the form.
  await page.goto(url);
  await expect(page.getByText("Comment at depth 3.")).toBeVisible();
  await page.getByRole("article", { name: "Comment by Level 2 Larry" }).getByRole("link", { name: /Reply/ }).click();
  await expect(page.getByRole("heading", { name: /Leave a Reply to Level 2 Larry/ })).toBeVisible();
  expect(page.url()).not.toContain("replytocom");
  await expect(page.getByText("Comment at depth 3.")).toBeVisible();
  expect(JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}")).toMatchObject({ "@type": "BlogPosting" });
});
