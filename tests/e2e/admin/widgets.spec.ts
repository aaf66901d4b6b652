// Appearance → Widgets: the Text, Custom HTML, Pages, Navigation Menu, Calendar and Image widgets,
// as an administrator sets them up (with and without JavaScript) and readers meet them in both
// themes; and what a lower role cannot do with them.
import { test, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "../support/auth";
import { NAV_SEED } from "../support/nav";
import { WIDGETS_SEED } from "../support/widgets";

test.describe.configure({ mode: "serial" });

const NEW_WIDGETS = ["Text", "Custom HTML", "Pages", "Navigation Menu", "Calendar", "Image"] as const;
// SHOTS_DIR=/some/dir keeps screenshots of the sidebar and the screen for a person to look at.
const SHOTS = process.env.SHOTS_DIR;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include("main").analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function activate(page: Page, theme: "Classic" | "Modern") {
  await page.goto("/admin/appearance/");
  const button = page.getByRole("button", { name: `Activate ${theme}` });
  if (await button.count()) {
    await button.click();
    await expect(page.getByText("New theme activated.")).toBeVisible();
  }
}

const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

async function save(page: Page) {
  await page.getByRole("button", { name: "Save Widgets" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Widgets saved." })).toBeVisible();
}

/** What a signed-out reader sees in the sidebar; checked at 1280 and 360 px, with screenshots. */
async function readerSees(browser: Browser, theme: string, samplePageId: number) {
  for (const width of [1280, 360]) {
    // Classic has one colour scheme; Modern follows the reader's system.
    for (const colorScheme of theme === "modern" ? (["light", "dark"] as const) : (["light"] as const)) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await ctx.newPage();
      await page.goto("/");
      const sidebar = page.getByRole("complementary", { name: "Sidebar" });
      const text = sidebar.getByRole("region", { name: "About this blog" });
      await expect(text.getByText("Written by hand.")).toBeVisible();
      await expect(text.locator("p")).toHaveCount(2); // paragraphs made from blank lines, as WordPress's wpautop does
      await expect(sidebar.getByRole("region", { name: "Hand-written HTML" }).locator("em")).toHaveText("markup");
      const pages = sidebar.getByRole("region", { name: "Pages" });
      await expect(pages.getByRole("listitem").filter({ hasText: NAV_SEED.page.title }).getByRole("link", { name: NAV_SEED.childPage.title })).toHaveAttribute("href", NAV_SEED.childPage.url);
      await expect(pages.getByRole("link", { name: "Sample Page" })).toHaveCount(0);
      expect(await pages.locator(`li.page-item-${samplePageId}`).count()).toBe(0);
      const menu = sidebar.getByRole("region", { name: "Find your way" });
      await expect(menu.getByRole("link", { name: NAV_SEED.page.title })).toHaveAttribute("href", NAV_SEED.page.url);
      const calendar = sidebar.getByRole("region", { name: "Calendar" });
      const now = new Date();
      await expect(calendar.locator("caption")).toHaveText(`${MONTHS[now.getUTCMonth()]} ${now.getUTCFullYear()}`);
      await expect(calendar.getByRole("columnheader", { name: "Monday" })).toHaveText("M");
      await expect(calendar.locator("#today")).toHaveText(String(now.getUTCDate()));
      await expect(calendar.getByRole("navigation", { name: "Previous and next months" }).getByRole("link", { name: /^Previous month: / })).toHaveAttribute("href", /^\/\d{4}\/\d{2}\/$/);
      const image = sidebar.getByRole("region", { name: "A picture" });
      await expect(image.getByRole("link", { name: "A blue field" })).toHaveAttribute("href", "https://wordpress.org/");
      await expect(image.getByText("Seen from the sidebar")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${theme} at ${width}`).toBeLessThanOrEqual(width);
        if (SHOTS) await sidebar.screenshot({ path: `${SHOTS}/${theme}-${width}-${colorScheme}.png` });
      if (width === 1280 && colorScheme === "light") {
        // The day links of the calendar lead to day archives, the month links to month archives.
        await calendar.getByRole("link", { name: /^Previous month: / }).click();
        await expect(page.getByRole("heading", { level: 1, name: /^Month: / })).toBeVisible();
      }
      await ctx.close();
    }
  }
}

test("an administrator adds each new widget to the sidebar and readers see them in both themes", async ({ page, browser, request }) => {
  test.setTimeout(360_000); // twelve page loads and an axe run on a shared two-core machine
  const samplePageId = ((await (await request.get("/wp-json/wp/v2/pages?slug=sample-page")).json()) as { id: number }[])[0]!.id;
  await signInAs(page, "admin");
  // A menu of its own for the Navigation Menu widget ("create a new menu": other specs' menus may exist).
  await page.goto("/admin/appearance/menus/?action=new");
  await page.getByLabel("Menu Name").fill("Widgets menu");
  await page.getByRole("button", { name: "Create Menu" }).click();
  await expect(page.getByRole("status")).toContainText("The menu has been created.");
  await page.getByRole("checkbox", { name: NAV_SEED.page.title }).check();
  await page.getByRole("button", { name: "Add to Menu (Pages)" }).click();
  await expect(page.getByRole("status")).toContainText("1 item added to the menu.");

  await page.goto("/admin/appearance/widgets/");
  await expect(page.getByRole("heading", { level: 1, name: "Widgets" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  try {
    for (const [i, name] of NEW_WIDGETS.entries()) {
      await page.getByRole("checkbox", { name: `Show ${name}` }).check();
      await page.getByRole("spinbutton", { name: `Position of ${name}` }).fill(String(i + 1));
    }
    await group(page, "Text").getByLabel("Title").fill("About this blog");
    await group(page, "Text").getByLabel("Content").fill("Written by hand.\n\nA second <strong>paragraph</strong>.");
    await group(page, "Custom HTML").getByLabel("Title").fill("Hand-written HTML");
    await group(page, "Custom HTML").getByLabel("Content").fill(`<p class="note">Custom <em>markup</em></p>`);
    await group(page, "Pages").getByLabel("Sort by").selectOption({ label: "Page order" });
    await group(page, "Pages").getByLabel("Exclude").fill(String(samplePageId));
    await group(page, "Navigation Menu").getByLabel("Title").fill("Find your way");
    await group(page, "Navigation Menu").getByLabel("Select Menu").selectOption({ label: "Widgets menu" });
    await group(page, "Calendar").getByLabel("Title").fill("Calendar");
    const image = group(page, "Image");
    await image.getByLabel("Title").fill("A picture");
    await image.getByLabel("Image", { exact: true }).selectOption({ label: WIDGETS_SEED.image.title });
    await image.getByLabel("Alternative Text").fill("A blue field");
    await image.getByLabel("Caption").fill("Seen from the sidebar");
    await image.getByLabel("Link To").selectOption({ label: "Custom URL" });

    // Bad input is refused field by field, and nothing typed is lost.
    await image.getByLabel("URL", { exact: true }).fill("javascript:alert(1)");
    await group(page, "Pages").getByLabel("Exclude").fill("sample page");
    await page.getByRole("button", { name: "Save Widgets" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Widgets not saved" })).toHaveText("Widgets not saved: please correct the fields marked below.");
    await expect(image.getByLabel("URL", { exact: true })).toHaveAccessibleDescription(/Enter a link that starts with http:\/\/, https:\/\/ or \//);
    await expect(group(page, "Pages").getByLabel("Exclude")).toHaveAccessibleDescription(/Enter page IDs as numbers separated by commas/);
    await expect(group(page, "Text").getByLabel("Content")).toHaveValue("Written by hand.\n\nA second <strong>paragraph</strong>.");
    await expect(page.getByRole("checkbox", { name: "Show Calendar" })).toBeChecked();

    await image.getByLabel("URL", { exact: true }).fill("https://wordpress.org/");
    await group(page, "Pages").getByLabel("Exclude").fill(String(samplePageId));
    await save(page);
    await expect(group(page, "Image").getByLabel("Alternative Text")).toHaveValue("A blue field");
    await expect(page.getByRole("checkbox", { name: "Show Image" })).toBeChecked();
    // The screen itself on a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 360, height: 800 });
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save Widgets" }) });
    expect(await form.evaluate((f) => Math.max(...[...f.querySelectorAll("*")].map((e) => e.getBoundingClientRect().right)))).toBeLessThanOrEqual(360);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/admin-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    await activate(page, "Classic");
    await readerSees(browser, "classic", samplePageId);
    await activate(page, "Modern");
    await readerSees(browser, "modern", samplePageId);
  } finally {
    await activate(page, "Classic");
    await page.goto("/admin/appearance/widgets/");
    for (const name of NEW_WIDGETS) await page.getByRole("checkbox", { name: `Show ${name}` }).uncheck();
    await save(page);
  }
});

test("the Calendar of a cached page links today's date once a post is published today", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signInAs(page, "admin");
  await page.goto("/admin/appearance/widgets/");
  await page.getByRole("checkbox", { name: "Show Calendar" }).check();
  await save(page);
  const now = new Date();
  const today = `${MONTHS[now.getUTCMonth()]} ${now.getUTCDate()}, ${now.getUTCFullYear()}`;
  const ctx = await browser.newContext();
  const reader = await ctx.newPage();
  const dayLink = reader.getByRole("region", { name: "Calendar" }).getByRole("link", { name: `Posts published on ${today}` });
  try {
    await reader.goto("/");
    const cached = await reader.goto("/");
    expect(cached!.headers()["x-inkwell-cache"]).toBe("hit");
    const before = await dayLink.count();
    // Published today: the page the cache held must now link today's archive.
    await page.goto("/admin/posts/new/");
    const title = `Widgets calendar post ${Date.now()}`;
    await page.getByRole("textbox", { name: "Title" }).fill(title);
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("Published.")).toBeVisible();
    await reader.goto("/");
    await expect(dayLink).toHaveCount(1);
    await dayLink.click();
    const d = (n: number) => String(n).padStart(2, "0");
    await expect(reader).toHaveURL(new RegExp(`/${now.getUTCFullYear()}/${d(now.getUTCMonth() + 1)}/${d(now.getUTCDate())}/$`));
    await expect(reader.getByRole("main").getByRole("heading", { name: title })).toBeVisible();
    // To the Trash, so that other specs' home pages are as they were.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Move to Trash" }).click();
    await expect(page).toHaveURL(/\/admin\/posts\//);
    if (before === 0) {
      await reader.goto("/");
      await expect(dayLink).toHaveCount(0);
    }
  } finally {
    await ctx.close();
    await page.goto("/admin/appearance/widgets/");
    await page.getByRole("checkbox", { name: "Show Calendar" }).uncheck();
    await save(page);
  }
});

test("without JavaScript an administrator saves a widget's settings", async ({ browser }) => {
  test.setTimeout(90_000);
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await signInAs(page, "admin");
  await page.goto("/admin/appearance/widgets/");
  await group(page, "Calendar").getByLabel("Title").fill("Days with posts");
  await page.getByRole("button", { name: "Save Widgets" }).click();
  await expect(page.getByText("Widgets saved.")).toBeVisible();
  await page.goto("/admin/appearance/widgets/");
  await expect(group(page, "Calendar").getByLabel("Title")).toHaveValue("Days with posts");
  // A bad position comes back with its reason, still without JavaScript.
  await page.getByRole("spinbutton", { name: "Position of Calendar" }).fill("0");
  await page.getByRole("button", { name: "Save Widgets" }).click();
  await expect(page.getByText("Enter a position from 1 to 99.")).toBeVisible();
  await expect(group(page, "Calendar").getByLabel("Title")).toHaveValue("Days with posts");
  await ctx.close();
});

test("an author cannot open Widgets, and a widgets form posted by an author changes nothing", async ({ page, browser, request }) => {
  test.setTimeout(90_000);
  // The administrator's form, as the browser would post it, with a script in the Custom HTML widget.
  await signInAs(page, "admin");
  await page.goto("/admin/appearance/widgets/");
  const fields = await page.locator("form").filter({ has: page.getByRole("button", { name: "Save Widgets" }) }).evaluate((form) =>
    [...new FormData(form as HTMLFormElement).entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  expect(fields.some(([k]) => k.startsWith("$ACTION"))).toBe(true);
  const multipart = {
    ...Object.fromEntries(fields),
    "show-custom-html": "on",
    "order-custom-html": "1",
    "custom-html-title": "Injected by an author",
    "custom-html-content": `<img src="x" onerror="alert(1)"><script>alert(2)</script>`,
  };
  const ctx = await browser.newContext();
  const author = await ctx.newPage();
  await signInAs(author, "author");
  expect((await author.goto("/admin/appearance/widgets/"))?.status()).toBe(403);
  const res = await author.request.post("/admin/appearance/widgets/", { multipart, headers: { origin: new URL(page.url()).origin } });
  // requireCapability() calls forbidden(); a form posted without JavaScript gets the not-found page.
  expect([403, 404]).toContain(res.status());
  expect(await res.text()).not.toContain("Widgets saved.");
  await ctx.close();
  const html = await (await request.get("/")).text();
  expect(html).not.toContain("Injected by an author");
  expect(html).not.toContain("onerror");
});
