// The admin bar on the reader's pages: what each role is offered, on whose post, and that the
// cached page anonymous readers get never carries it.
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "../support/auth";
import { NAV_SEED } from "../support/nav";

const bar = (page: Page) => page.getByRole("navigation", { name: "Toolbar" });

test("an administrator gets the Dashboard, + New, Edit Post, moderation and the user menu", async ({ page }) => {
  test.setTimeout(120_000); // an axe run on a shared two-core machine
  await signInAs(page, "admin");
  await page.goto(NAV_SEED.authorPost.url);
  const toolbar = bar(page);
  await expect(toolbar.getByRole("link", { name: /Dashboard/ })).toHaveAttribute("href", "/admin/");
  await expect(toolbar.getByRole("link", { name: "Edit Post" })).toHaveAttribute("href", /^\/admin\/posts\/\d+\/$/);
  await expect(toolbar.getByRole("link", { name: /awaiting moderation/ })).toBeVisible();
  await toolbar.getByRole("button", { name: "+ New" }).click();
  for (const name of ["Post", "Media", "Page", "User"]) await expect(toolbar.getByRole("link", { name, exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(toolbar.getByRole("link", { name: "User", exact: true })).toBeHidden();
  const results = await new AxeBuilder({ page }).include("#wpadminbar").analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await toolbar.getByRole("link", { name: "Edit Post" }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\/$/);
  await page.goto("/category/uncategorized/");
  await expect(bar(page).getByRole("link", { name: "Edit Category" })).toHaveAttribute("href", /^\/admin\/categories\/\d+\/$/);
  await page.goto(NAV_SEED.page.url);
  await expect(bar(page).getByRole("link", { name: "Edit Page" })).toBeVisible();
  await bar(page).getByRole("button", { name: /^Howdy/ }).click();
  await expect(bar(page).getByRole("link", { name: "Edit Profile" })).toHaveAttribute("href", "/admin/profile/");
  await bar(page).getByRole("button", { name: "Log Out" }).click();
  await expect(page).toHaveURL(/\/login\/\?loggedout=true/);
});

test("an author may edit their own post only, and gets no User or Page in + New", async ({ page }) => {
  await signInAs(page, "author");
  await page.goto(NAV_SEED.authorPost.url);
  await expect(bar(page).getByRole("link", { name: "Edit Post" })).toBeVisible();
  await bar(page).getByRole("button", { name: "+ New" }).click();
  await expect(bar(page).getByRole("link", { name: "Post", exact: true })).toBeVisible();
  await expect(bar(page).getByRole("link", { name: "Media", exact: true })).toBeVisible();
  await expect(bar(page).getByRole("link", { name: "Page", exact: true })).toHaveCount(0);
  await expect(bar(page).getByRole("link", { name: "User", exact: true })).toHaveCount(0);
  await expect(bar(page).getByRole("link", { name: /awaiting moderation/ })).toHaveCount(0);
  await page.goto(NAV_SEED.adminPost.url);
  await expect(bar(page).getByRole("link", { name: /Dashboard/ })).toBeVisible();
  await expect(bar(page).getByRole("link", { name: "Edit Post" })).toHaveCount(0);
});

test("a subscriber gets the Dashboard and the user menu only", async ({ page }) => {
  await signInAs(page, "subscriber");
  await page.goto(NAV_SEED.adminPost.url);
  await expect(bar(page).getByRole("link", { name: /Dashboard/ })).toBeVisible();
  await expect(bar(page).getByRole("button", { name: "+ New" })).toHaveCount(0);
  await expect(bar(page).getByRole("link", { name: "Edit Post" })).toHaveCount(0);
  await bar(page).getByRole("button", { name: /^Howdy, Subscriber Person/ }).click();
  await expect(bar(page).getByRole("link", { name: "Edit Profile" })).toBeVisible();
});

test("on a phone the bar folds behind one button", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, "admin");
  await page.goto(NAV_SEED.adminPost.url);
  const toggle = bar(page).getByRole("button", { name: "Toolbar", exact: true });
  await expect(toggle).toBeVisible();
  await expect(bar(page).getByRole("link", { name: "Edit Post" })).toBeHidden();
  await toggle.click();
  await expect(bar(page).getByRole("link", { name: "Edit Post" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("anonymous readers get the cached page, which never carries anyone's bar", async ({ page, browser }) => {
  // A signed-in visit first: its page must not be what anonymous readers are served.
  await signInAs(page, "admin");
  await page.goto(NAV_SEED.adminPost.url);
  await expect(bar(page)).toBeVisible();
  const anon = await browser.newContext();
  const first = await anon.request.get(NAV_SEED.adminPost.url);
  const second = await anon.request.get(NAV_SEED.adminPost.url);
  expect(second.headers()["x-inkwell-cache"]).toBe("hit");
  for (const res of [first, second]) {
    const html = await res.text();
    expect(html).not.toContain("wpadminbar");
    expect(html).not.toContain("Howdy");
  }
  const reader = await anon.newPage();
  await reader.goto(NAV_SEED.adminPost.url);
  await expect(reader.getByRole("heading", { name: NAV_SEED.adminPost.title })).toBeVisible();
  await expect(bar(reader)).toHaveCount(0);
  // The bar's data is for signed-in users only.
  expect((await anon.request.get("/api/admin-bar?path=/")).status()).toBe(401);
  await anon.close();
});
