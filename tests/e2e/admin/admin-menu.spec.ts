// The admin menu on a phone, as WordPress folds it below 782 px: hidden behind the bar's Menu
// toggle, opened by it (a button with JavaScript, a link to the menu without), and its links work;
// on a wide screen it stays open beside every screen, as before.
import { test, expect, type Page } from "@playwright/test";
import { signInAs } from "../support/auth";
import { E2E_USERS } from "../support/users";

const menu = (page: Page) => page.getByRole("navigation", { name: "Admin menu" });

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the menu is folded; the Menu button opens and closes it, and a link in it goes to its screen", async ({ page }) => {
    await signInAs(page, "admin");
    await expect(menu(page)).toBeHidden();
    const toggle = page.getByRole("button", { name: "Menu" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(menu(page)).toBeVisible();
    await toggle.click();
    await expect(menu(page)).toBeHidden();
    // Escape folds it too.
    await toggle.click();
    await page.keyboard.press("Escape");
    await expect(menu(page)).toBeHidden();

    await toggle.click();
    await menu(page).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { name: "General Settings" })).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/settings\/general\/$/);
    // The next screen starts with the menu folded again.
    await expect(menu(page)).toBeHidden();
    await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the Menu link shows the menu, and its links work", async ({ page }) => {
      await page.goto("/login/");
      await page.getByLabel("Username or Email Address").fill(E2E_USERS.admin.login);
      await page.getByLabel("Password").fill(E2E_USERS.admin.password);
      await page.getByRole("button", { name: "Log In" }).click();
      await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
      await expect(menu(page)).toBeHidden();
      await page.getByRole("link", { name: "Menu" }).click();
      await expect(page).toHaveURL(/#adminmenu$/);
      await expect(menu(page)).toBeVisible();
      await menu(page).getByRole("link", { name: "Profile" }).click();
      await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
      await expect(menu(page)).toBeHidden();
    });
  });
});

test("at 1280 px the menu is open beside the screen and the Menu toggle is not shown", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, "admin");
  await expect(menu(page)).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  const nav = await menu(page).boundingBox();
  const main = await page.getByRole("main").boundingBox();
  expect(nav && main && nav.x + nav.width <= main.x).toBe(true);
  await menu(page).getByRole("link", { name: "Posts" }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Posts");
});
