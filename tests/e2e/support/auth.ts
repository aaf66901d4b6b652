import { expect, type Page } from "@playwright/test";
import { E2E_USERS } from "./users";

/** Signs in through the real form, as a person would. */
export async function signInAs(page: Page, who: keyof typeof E2E_USERS) {
  const u = E2E_USERS[who];
  await page.goto("/login/");
  await page.getByLabel("Username or Email Address").fill(u.login);
  await page.getByLabel("Password").fill(u.password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}
