// The site-admin forms work before (or without) JavaScript: plain form posts.
import { test, expect } from "@playwright/test";
import sharp from "sharp";
import { E2E_USERS } from "../support/users";

test.use({ javaScriptEnabled: false });

async function signInNoJs(page: import("@playwright/test").Page, who: keyof typeof E2E_USERS) {
  await page.goto("/login/");
  await page.getByLabel("Username or Email Address").fill(E2E_USERS[who].login);
  await page.getByLabel("Password").fill(E2E_USERS[who].password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

test("without JavaScript, a setting is saved and an error is shown beside its field", async ({ page }) => {
  await signInNoJs(page, "admin");
  await page.goto("/admin/settings/general/");
  const tagline = page.getByLabel("Tagline");
  const original = await tagline.inputValue();
  try {
    await tagline.fill("Tagline saved without JavaScript");
    await page.getByRole("button", { name: "Save Changes" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
    await page.goto("/");
    await expect(page.getByText("Tagline saved without JavaScript")).toBeVisible();
    await page.goto("/admin/settings/general/");
    await page.getByLabel("Timezone").selectOption("UTC");
    await page.getByRole("radio", { name: "Custom:" }).first().check();
    await page.getByLabel("Date Format: custom").fill("");
    await page.getByRole("button", { name: "Save Changes" }).click();
    await expect(page.getByText("Choose or type a date format.")).toBeVisible();
  } finally {
    await page.goto("/admin/settings/general/");
    await page.getByLabel("Tagline").fill(original);
    await page.getByRole("button", { name: "Save Changes" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
  }
});

test("without JavaScript, the upload form still uploads", async ({ page }) => {
  await signInNoJs(page, "author");
  await page.goto("/admin/media/");
  const name = `nojs-${Date.now()}.png`;
  const buffer = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#884422" } }).png().toBuffer();
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: "image/png", buffer });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("File uploaded.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Media items" }).getByRole("img", { name: name.replace(/\.png$/, "").replace(/-/g, " ") })).toBeVisible();
});
