// Tools → Import → "From a WordPress site": an administrator imports a live WordPress by its
// address (answers recorded from a real WordPress 6.1, replayed from loopback; OUTBOUND_ALLOW_HOSTS
// lets the e2e server reach it), follows the progress, assigns the author, reads the posts, and
// imports again without adding anything. Only two posts of the recording are served, so the
// shared e2e site does not fill up with the whole theme unit test.
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "../support/auth";
import { RECORDED_APP_PASSWORD, RECORDED_USER, startWpReplay, type Replay } from "../../fixtures/wp-rest/replay";

// "Template: Comments" (20 comments, threaded, one held) and "Markup: Title With Special Characters", with their terms.
const POSTS = new Set([1148, 1174]);
const TERMS = new Set([1, 16, 32, 52, 81, 108, 119, 136, 163, 168]);
const COMMENTS = 20;
let wp: Replay;
const SHOTS = process.env.LIVE_IMPORT_SHOTS;

/** With LIVE_IMPORT_SHOTS=folder, the screen at a phone's and a desktop's width, light and dark, for a person to look at. */
async function shots(page: Page, name: string) {
  if (!SHOTS) return;
  const size = page.viewportSize();
  for (const width of [360, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), `${name} at ${width} px overflows`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/${name}-${width}-${colorScheme}.png`, fullPage: true });
    }
  }
  if (size) await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: "light" });
}

test.beforeAll(async () => {
  wp = await startWpReplay({
    route: (p) => (p.startsWith("/a-shop/") ? { headers: { "content-type": "text/html; charset=UTF-8" }, body: "<!doctype html><title>A shop</title>" } : undefined),
    filter(route, items) {
      const posts = (rows: Record<string, unknown>[]) => rows.filter((r) => POSTS.has(r.id as number));
      if (route === "/wp/v2/posts") return posts(items);
      if (route === "/wp/v2/comments") return items.filter((c) => POSTS.has(c.post as number));
      if (route === "/wp/v2/categories" || route === "/wp/v2/tags") return items.filter((t) => TERMS.has(t.id as number));
      if (route === "/wp/v2/users") return items.filter((u) => u.id === 2);
      return [];
    },
  });
});
test.afterAll(() => wp.close());

async function fromSite(page: Page, address: string, withPassword = true) {
  await page.goto("/admin/tools/import/");
  const form = page.getByRole("region", { name: "From a WordPress site" });
  await form.getByLabel("Site address").fill(address);
  if (withPassword) {
    await form.getByLabel("Username (optional)").fill(RECORDED_USER);
    await form.getByLabel("Application password (optional)").fill(RECORDED_APP_PASSWORD);
  }
  // The e2e site keeps its own title and permalinks.
  await form.getByLabel("Copy the site's settings").uncheck();
  await form.getByRole("button", { name: "Import from site" }).click();
  await expect(page).toHaveURL(/\/admin\/tools\/import\/\?job=/);
}

test("an administrator imports a live WordPress site by its address, and importing it again adds nothing", async ({ page }) => {
  // Two imports, each with its progress page, author form and report (and screenshots when asked).
  test.setTimeout(SHOTS ? 180_000 : 90_000);
  await signInAs(page, "admin");
  await page.goto("/admin/tools/import/");
  expect((await new AxeBuilder({ page }).include("main").analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await shots(page, "import-form");

  await fromSite(page, wp.origin);
  await expect(page.getByRole("heading", { name: `Importing ${wp.origin}` })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
  await expect(page.getByText("The site is read: assign its authors below.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Assign Authors" })).toBeVisible();
  await shots(page, "import-site-authors");
  await page.getByLabel("Theme Buster (themedemos), 2 posts").selectOption("admin");
  await page.getByRole("button", { name: "Run the import" }).click();
  await expect(page.getByText("Import finished.")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("value", "100");
  const table = page.getByRole("table", { name: "What arrived" });
  await expect(table.getByRole("row", { name: /^Posts 2 0$/ })).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(`^Comments ${COMMENTS} 0$`) })).toBeVisible();
  await expect(page.getByText("1 author(s) matched to existing users.")).toBeVisible();
  await expect(page.getByText(/Read without a username/)).toHaveCount(0);
  expect((await new AxeBuilder({ page }).include("main").analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await shots(page, "import-site-done");

  // Readers see the post at its old permalink, with its threaded comments.
  await page.goto("/2012/01/03/template-comments/");
  await expect(page.getByRole("heading", { level: 1, name: "Template: Comments" })).toBeVisible();
  await expect(page.locator(".children .comment").first()).toBeVisible();
  await page.goto("/2013/01/05/title-with-special-characters/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:'\"?,.>");

  // The same site again: every post and comment is already there.
  await fromSite(page, wp.origin);
  await page.getByRole("button", { name: "Run the import" }).click();
  await expect(page.getByText("Import finished.")).toBeVisible();
  const again = page.getByRole("table", { name: "What arrived" });
  await expect(again.getByRole("row", { name: /^Posts 0 2$/ })).toBeVisible();
  await expect(again.getByRole("row", { name: new RegExp(`^Comments 0 ${COMMENTS}$`) })).toBeVisible();
});

test("a site that is not WordPress gets one message, without JavaScript too, and nothing is imported", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, "admin");
  await fromSite(page, `${wp.origin}/a-shop`, false);
  // Without JavaScript the page refreshes itself until the import ends.
  await expect(page.getByText("Import failed.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/does not look like a WordPress site: it has no REST API .* Nothing from the site was imported\./)).toBeVisible();
  await shots(page, "import-site-failed");
  // A form mistake stays on the form, with the address kept.
  await page.goto("/admin/tools/import/");
  const form = page.getByRole("region", { name: "From a WordPress site" });
  await form.getByLabel("Site address").fill("https://old.example");
  await form.getByLabel("Username (optional)").fill("someone");
  await form.getByRole("button", { name: "Import from site" }).click();
  await expect(page.getByText("Enter the application password for that username, or leave both empty.")).toBeVisible();
  await expect(page.getByRole("region", { name: "From a WordPress site" }).getByLabel("Site address")).toHaveValue("https://old.example");
  await context.close();
});
