// Appearance → Customize, as a site owner sets the site's identity and as readers then meet it in
// both themes: the preview shows unsaved changes to its editor alone, Publish shows them to all.
import { test, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import sharp from "sharp";
import { signInAs } from "../support/auth";

// Generous: uploads, thumbnails and two themes on a shared two-core machine.
test.describe.configure({ mode: "serial", timeout: 150_000 });

const stamp = Date.now();
const names = { logo: `e2e-logo-${stamp}`, icon: `e2e-icon-${stamp}`, header: `e2e-header-${stamp}` };
const RED = "#b3261e";

async function png(width: number, height: number, rgb: [number, number, number]) {
  return sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } }).png().toBuffer();
}

async function reader(browser: Browser, opts: { width?: number; dark?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 800 }, colorScheme: opts.dark ? "dark" : "light" });
  return { context, page: await context.newPage() };
}

const accentOf = (page: Page) => page.locator("[data-theme]").first().evaluate((el) => getComputedStyle(el).getPropertyValue("--accent").trim());
const titleFont = (page: Page) => page.locator("header p.font-heading").first().evaluate((el) => getComputedStyle(el).fontFamily);

async function activate(page: Page, theme: "Classic" | "Modern") {
  await page.goto("/admin/appearance/");
  const button = page.getByRole("button", { name: `Activate ${theme}` });
  if (await button.count()) {
    await button.click();
    await expect(page.getByText("New theme activated.")).toBeVisible();
  }
}

async function publish(page: Page) {
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published: visitors now see these changes." })).toBeVisible();
}

test("an administrator uploads and picks each image, a colour and fonts; the preview shows them before readers do", async ({ page, browser }) => {
  await signInAs(page, "admin");
  // Two images come from the library; the logo is uploaded from the Customize screen itself.
  for (const [name, w, h, rgb] of [[names.icon, 512, 512, [30, 160, 90]], [names.header, 1200, 300, [200, 120, 20]]] as const) {
    const res = await page.request.post("/admin/media/upload/", { multipart: { file: { name: `${name}.png`, mimeType: "image/png", buffer: await png(w, h, [...rgb]) } }, headers: { accept: "application/json" } });
    expect(res.status()).toBe(201);
  }
  await page.goto("/admin/appearance/");
  await page.getByRole("link", { name: "Customize" }).click();
  await expect(page.getByRole("heading", { name: "Customize" })).toBeVisible();
  const results = await new AxeBuilder({ page }).include("main").analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  // On a phone the controls stack above the preview, and nothing runs off the side.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.getByRole("link", { name: "Menus" })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByLabel("Upload a new logo").setInputFiles({ name: `${names.logo}.png`, mimeType: "image/png", buffer: await png(400, 120, [20, 40, 160]) });
  await expect(page.getByText(`Uploaded and chosen: ${names.logo.replace(/-/g, " ")}.`)).toBeVisible();
  await page.getByRole("group", { name: "Site Icon" }).getByRole("radio", { name: names.icon.replace(/-/g, " ") }).check();
  await page.getByRole("group", { name: "Header Image" }).getByRole("radio", { name: names.header.replace(/-/g, " ") }).check();
  await page.getByLabel("Accent Color").fill(RED);
  await page.getByRole("radio", { name: /Monospace headings, serif text/ }).check();

  // The preview shows the unsaved settings…
  // (Each change reloads the preview after a pause; on a busy machine a reload takes seconds.)
  const preview = page.frameLocator('iframe[title="Site preview"]');
  await expect(preview.locator("img.custom-logo")).toHaveAttribute("src", new RegExp(`${names.logo}\\.png$`), { timeout: 15_000 });
  await expect(preview.locator(".wp-custom-header img")).toHaveAttribute("src", new RegExp(`${names.header}\\.png$`), { timeout: 15_000 });
  await expect.poll(async () => preview.locator("[data-theme]").first().evaluate((el) => getComputedStyle(el).getPropertyValue("--accent").trim())).toBe(RED);
  await expect(page.getByText("The preview shows unsaved changes.")).toBeVisible();

  // …which a reader does not see, and a reader's page still comes from the page cache.
  const anon = await reader(browser);
  await anon.page.goto("/");
  await expect(anon.page.locator("img.custom-logo")).toHaveCount(0);
  expect(await accentOf(anon.page)).not.toBe(RED);
  expect((await anon.page.request.get("/")).headers()["x-inkwell-cache"]).toBe("hit");

  await publish(page);
  await anon.page.goto("/");
  await expect(anon.page.locator("img.custom-logo")).toHaveAttribute("src", new RegExp(`${names.logo}\\.png$`));
  // A logo without alt text of its own is named after the site, as WordPress's is.
  expect(await anon.page.locator("img.custom-logo").getAttribute("alt")).toBe(await anon.page.locator("header p.font-heading a").first().innerText());
  await expect(anon.page.locator(".wp-custom-header img")).toBeVisible();
  expect(await accentOf(anon.page)).toBe(RED);
  expect(await titleFont(anon.page)).toContain("ui-monospace");
  await expect(anon.page.locator('link[rel="icon"]')).toHaveAttribute("href", new RegExp(`${names.icon}(-150x150)?\\.png$`));
  await expect(anon.page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", new RegExp(`${names.icon}\\.png$`));
  // Published settings are content like any other: the next anonymous request is cached again.
  await anon.page.request.get("/");
  expect((await anon.page.request.get("/")).headers()["x-inkwell-cache"]).toBe("hit");
  await anon.context.close();
});

test("Modern shows the same identity, with the accent lightened for readers in dark mode", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await activate(page, "Modern");
  for (const dark of [false, true]) {
    const anon = await reader(browser, { width: 360, dark });
    await anon.page.goto("/");
    await expect(anon.page.locator('[data-theme="modern"] img.custom-logo')).toBeVisible();
    await expect(anon.page.locator('[data-theme="modern"] .wp-custom-header img')).toBeVisible();
    expect(await titleFont(anon.page)).toContain("ui-monospace");
    const accent = await accentOf(anon.page);
    if (dark) expect(accent).not.toBe(RED);
    else expect(accent).toBe(RED);
    // Nothing the logo or header image adds widens a phone's page.
    expect(await anon.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await anon.context.close();
  }
  await activate(page, "Classic");
});

test("a colour that is not one is refused with a clear message, and nothing typed is lost", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/appearance/customize/");
  await page.getByLabel("Accent Color").fill("#12zz45");
  await page.getByRole("radio", { name: /Serif throughout/ }).check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Not published: please correct the fields marked below.")).toBeVisible();
  await expect(page.getByText("Enter a hex colour such as #1a5e9a, or leave it empty for the theme's own colour.")).toBeVisible();
  await expect(page.getByLabel("Accent Color")).toHaveValue("#12zz45");
  await expect(page.getByLabel("Accent Color")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("radio", { name: /Serif throughout/ })).toBeChecked();

  // An image id that is not in the library (a forged form) is refused by name.
  await page.getByLabel("Accent Color").fill(RED);
  // Forged without events: the screen's live preview re-renders its own radios on a change.
  await page.locator("form[aria-label='Site identity']").evaluate((form) => {
    for (const r of form.querySelectorAll<HTMLInputElement>("input[name=site_icon]")) r.checked = false;
    form.append(Object.assign(document.createElement("input"), { type: "hidden", name: "site_icon", value: "987654" }));
  });
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("The chosen site icon is not an image in the media library: choose another, or none.")).toBeVisible();
});

test("without JavaScript the form publishes, and the preview then shows the saved site", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, "admin");
  await page.goto("/admin/appearance/customize/");
  await expect(page.getByLabel("Upload a new logo")).toHaveCount(0);
  await page.getByLabel("Accent Color").fill("#0a6b3d");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: visitors now see these changes.")).toBeVisible();
  const preview = page.frameLocator('iframe[title="Site preview"]');
  await expect.poll(() => preview.locator("[data-theme]").first().evaluate((el) => getComputedStyle(el).getPropertyValue("--accent").trim())).toBe("#0a6b3d");
  await context.close();
});

test("only users who may edit theme options get the screen or a preview", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "editor");
  await page.goto("/admin/appearance/customize/");
  await expect(page.getByRole("heading", { name: "Sorry, you are not allowed to access this page." })).toBeVisible();
  // A draft cookie an editor forges is ignored: the saved accent shows.
  await context.addCookies([{ name: "inkwell_customize_preview", value: encodeURIComponent(JSON.stringify({ accent_color: "#ff00ff" })), url: page.url() }]);
  await page.goto("/");
  expect(await accentOf(page)).toBe("#0a6b3d");
  await expect(page.getByRole("region", { name: "Customize preview" })).toHaveCount(0);
  await context.close();
});

test.afterAll(async ({ browser }) => {
  test.setTimeout(150_000);
  // Other specs read the seed's look: put every setting back to the theme's own.
  const page = await browser.newPage();
  await signInAs(page, "admin");
  await page.goto("/admin/appearance/customize/");
  for (const group of ["Logo", "Site Icon", "Header Image"]) await page.getByRole("group", { name: group }).getByRole("radio", { name: "None" }).check();
  await page.getByLabel("Accent Color").fill("");
  await page.getByRole("radio", { name: "The theme's own" }).check();
  await publish(page);
  await page.close();
});
