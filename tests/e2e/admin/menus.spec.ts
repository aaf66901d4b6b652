// Appearance → Menus, as a site owner builds one, and as readers meet it in both themes: on a
// wide screen by pointer and keyboard, and on a phone behind its Menu button.
import { test, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "../support/auth";
import { NAV_SEED } from "../support/nav";

test.describe.configure({ mode: "serial" });

async function reader(browser: Browser, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  return { context, page: await context.newPage() };
}

const primary = (page: Page) => page.getByRole("navigation", { name: "Primary" });

async function activate(page: Page, theme: "Classic" | "Modern") {
  await page.goto("/admin/appearance/");
  const button = page.getByRole("button", { name: `Activate ${theme}` });
  if (await button.count()) {
    await button.click();
    await expect(page.getByText("New theme activated.")).toBeVisible();
  }
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include("main").analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("with no menu assigned, the header lists the published top-level pages", async ({ browser }) => {
  const { context, page } = await reader(browser);
  await page.goto("/");
  const nav = primary(page);
  await expect(nav.getByRole("link", { name: NAV_SEED.page.title })).toHaveAttribute("href", NAV_SEED.page.url);
  await expect(nav.getByRole("link", { name: "Sample Page" })).toBeVisible();
  // wp_page_menu's fallback here lists the top level only.
  await expect(nav.getByRole("link", { name: NAV_SEED.childPage.title })).toHaveCount(0);
  await context.close();
});

test("an administrator builds a menu, nests an item by keyboard, and puts it in the header", async ({ page }) => {
  test.setTimeout(120_000); // two axe runs on a shared two-core machine
  await signInAs(page, "admin");
  await page.goto("/admin/appearance/");
  await page.getByRole("link", { name: "Menus" }).click();
  await expect(page.getByRole("heading", { name: "Create a new menu" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // An empty name is refused, and says why.
  await page.getByLabel("Menu Name").fill("   ");
  await page.getByRole("button", { name: "Create Menu" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please enter a menu name." })).toBeVisible();

  await page.getByLabel("Menu Name").fill("Main menu");
  await page.getByRole("button", { name: "Create Menu" }).click();
  await expect(page.getByRole("status")).toContainText("The menu has been created.");

  // A page, a category and a custom link.
  await page.getByRole("checkbox", { name: NAV_SEED.page.title }).check();
  await page.getByRole("button", { name: "Add to Menu (Pages)" }).click();
  await expect(page.getByRole("status")).toContainText("1 item added to the menu.");
  await page.locator("summary", { hasText: "Categories" }).click();
  await page.getByRole("checkbox", { name: "Uncategorized" }).check();
  await page.getByRole("button", { name: "Add to Menu (Categories)" }).click();
  const items = page.getByRole("list", { name: "Items of Main menu" }).getByRole("listitem");
  // The page comes back with the panels as the server renders them: wait for it before opening one.
  await expect(items).toHaveCount(2);
  await page.locator("summary", { hasText: "Custom Links" }).click();
  // A script URL is refused, and what was typed comes back.
  await page.getByLabel("URL").fill("javascript:alert(1)");
  await page.getByLabel("Link Text").fill("WordPress");
  await page.getByRole("button", { name: "Add to Menu (Custom Links)" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That URL cannot be used" })).toBeVisible();
  await expect(page.getByLabel("Link Text")).toHaveValue("WordPress");
  await page.getByLabel("URL").fill("https://wordpress.org/");
  await page.getByRole("button", { name: "Add to Menu (Custom Links)" }).click();
  await expect(items).toHaveCount(3);
  expect(await seriousViolations(page)).toEqual([]);

  // Keyboard only: open the WordPress item, then "Under Uncategorized".
  await items.filter({ hasText: "WordPress" }).locator("summary").focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Under Uncategorized: WordPress" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: "Items of Main menu" }).getByRole("listitem").filter({ hasText: "WordPress" })).toContainText("sub item of Uncategorized");

  await page.getByRole("checkbox", { name: "Primary (header)" }).check();
  // The move above already said "updated": wait for this save's own answer.
  const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/appearance/menus"));
  await page.getByRole("button", { name: "Save Menu", exact: true }).click();
  await saved;
  await expect(page.getByRole("status")).toContainText("The menu has been updated.");
  await expect(page.getByRole("checkbox", { name: "Primary (header)" })).toBeChecked();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Primary (header)" })).toBeChecked();
});

for (const theme of ["Classic", "Modern"] as const) {
  test(`${theme}: readers open the submenu by pointer and by keyboard, and Esc closes it`, async ({ page, browser }) => {
    await signInAs(page, "admin");
    await activate(page, theme);
    const { context, page: r } = await reader(browser);
    await r.goto("/");
    // The cached page shows the new menu too (menu writes move the content version).
    const again = await r.request.get("/");
    expect(await again.text()).toContain("Uncategorized submenu");
    const nav = primary(r);
    await expect(nav.getByRole("link", { name: NAV_SEED.page.title })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Sample Page" })).toHaveCount(0);
    const sub = nav.getByRole("link", { name: "WordPress" });
    const toggle = nav.getByRole("button", { name: "Uncategorized submenu" });
    await expect(sub).toBeHidden();

    await nav.getByRole("link", { name: "Uncategorized" }).hover();
    await expect(sub).toBeVisible();
    await r.mouse.move(5, 700);
    await expect(sub).toBeHidden();

    await nav.getByRole("link", { name: "Uncategorized" }).focus();
    await r.keyboard.press("Tab");
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await r.keyboard.press("Enter");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(sub).toBeVisible();
    await r.keyboard.press("Tab");
    await expect(sub).toBeFocused();
    await expect(sub).toHaveAttribute("href", "https://wordpress.org/");
    await r.keyboard.press("Escape");
    await expect(sub).toBeHidden();
    await expect(toggle).toBeFocused();
    await context.close();
  });

  test(`${theme}: on a phone the menu sits behind its Menu button`, async ({ page, browser }) => {
    await signInAs(page, "admin");
    await activate(page, theme);
    const { context, page: r } = await reader(browser, 360);
    await r.goto("/");
    const nav = primary(r);
    const menu = nav.getByRole("button", { name: "Menu", exact: true });
    await expect(menu).toBeVisible();
    await expect(nav.getByRole("link", { name: NAV_SEED.page.title })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: NAV_SEED.page.title })).toBeVisible();
    await nav.getByRole("button", { name: "Uncategorized submenu" }).click();
    await expect(nav.getByRole("link", { name: "WordPress" })).toBeVisible();
    // Nothing runs past the phone's width.
    expect(await r.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
}

test("without JavaScript the menu's links are all reachable", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const r = await context.newPage();
  await r.goto("/");
  const nav = primary(r);
  await expect(nav.getByRole("button", { name: "Menu", exact: true })).toBeHidden();
  await expect(nav.getByRole("link", { name: NAV_SEED.page.title })).toBeVisible();
  await expect(nav.getByRole("link", { name: "WordPress" })).toBeVisible();
  await context.close();
});

test("a menu in a WXR file arrives with its nesting, and can be shown in the footer", async ({ page, browser }) => {
  const stamp = Date.now();
  const wxr = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old blog</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>3</wp:author_id><wp:author_login>nav-old-${stamp}</wp:author_login><wp:author_email>nav-old-${stamp}@example.com</wp:author_email><wp:author_display_name>Old Menu Author</wp:author_display_name></wp:author>
<wp:term><wp:term_id>9</wp:term_id><wp:term_taxonomy>nav_menu</wp:term_taxonomy><wp:term_slug>old-footer-${stamp}</wp:term_slug><wp:term_name><![CDATA[Old footer ${stamp}]]></wp:term_name></wp:term>
<item><title>About ${stamp}</title><dc:creator>nav-old-${stamp}</dc:creator><wp:post_id>${stamp}</wp:post_id><wp:post_date>2019-05-04 10:00:00</wp:post_date><wp:post_date_gmt>2019-05-04 10:00:00</wp:post_date_gmt>
<wp:post_name>about-${stamp}</wp:post_name><wp:status>publish</wp:status><wp:post_type>page</wp:post_type><wp:post_parent>0</wp:post_parent>
<content:encoded><![CDATA[<p>About us.</p>]]></content:encoded></item>
<item><title></title><wp:post_id>${stamp + 1}</wp:post_id><wp:status>publish</wp:status><wp:menu_order>1</wp:menu_order><wp:post_type>nav_menu_item</wp:post_type>
<category domain="nav_menu" nicename="old-footer-${stamp}"><![CDATA[Old footer ${stamp}]]></category>
<wp:postmeta><wp:meta_key>_menu_item_type</wp:meta_key><wp:meta_value>post_type</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_menu_item_object</wp:meta_key><wp:meta_value>page</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_menu_item_object_id</wp:meta_key><wp:meta_value>${stamp}</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_menu_item_menu_item_parent</wp:meta_key><wp:meta_value>0</wp:meta_value></wp:postmeta></item>
<item><title>Old friends</title><wp:post_id>${stamp + 2}</wp:post_id><wp:status>publish</wp:status><wp:menu_order>2</wp:menu_order><wp:post_type>nav_menu_item</wp:post_type>
<category domain="nav_menu" nicename="old-footer-${stamp}"><![CDATA[Old footer ${stamp}]]></category>
<wp:postmeta><wp:meta_key>_menu_item_type</wp:meta_key><wp:meta_value>custom</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_menu_item_object</wp:meta_key><wp:meta_value>custom</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_menu_item_url</wp:meta_key><wp:meta_value>https://friends.example/</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_menu_item_menu_item_parent</wp:meta_key><wp:meta_value>${stamp + 1}</wp:meta_value></wp:postmeta></item>
</channel></rss>`;
  await signInAs(page, "admin");
  await page.goto("/admin/tools/import/");
  await page.getByLabel("WXR file (.xml)").setInputFiles({ name: "old-menu.xml", mimeType: "text/xml", buffer: Buffer.from(wxr) });
  await page.getByRole("button", { name: "Upload file and import" }).click();
  await expect(page.getByRole("heading", { name: "Assign Authors" })).toBeVisible();
  await page.getByRole("button", { name: "Run the import" }).click();
  await expect(page.getByText("Import finished.")).toBeVisible();
  const table = page.getByRole("table", { name: "What arrived" });
  await expect(table.getByRole("row", { name: /^Menus 1 0$/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /^Menu items 2 0$/ })).toBeVisible();

  await page.goto("/admin/appearance/menus/");
  await page.getByLabel("Select a menu to edit:").selectOption({ label: `Old footer ${stamp}` });
  await page.getByRole("button", { name: "Select" }).click();
  const items = page.getByRole("list", { name: `Items of Old footer ${stamp}` }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(`About ${stamp}`);
  await expect(items.nth(1)).toContainText(`sub item of About ${stamp}`);
  await page.getByRole("checkbox", { name: "Footer" }).check();
  await page.getByRole("button", { name: "Save Menu", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("The menu has been updated.");

  const { context, page: r } = await reader(browser);
  await r.goto("/");
  const footer = r.getByRole("navigation", { name: "Footer" });
  await expect(footer.getByRole("link", { name: `About ${stamp}` })).toHaveAttribute("href", `/about-${stamp}/`);
  await expect(footer.getByRole("link", { name: "Old friends" })).toHaveAttribute("href", "https://friends.example/");
  await context.close();
  await activate(page, "Classic");
});
