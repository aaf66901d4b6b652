import { test, expect } from "@playwright/test";
import { signInAs } from "./support/auth";

test("the administrator renames the site: the home page shows it on the next request", async ({ page }) => {
  await signInAs(page, "admin");
  await page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "General Settings" })).toBeVisible();
  const title = page.getByLabel("Site Title");
  const original = await title.inputValue();
  const renamed = `Renamed Blog ${Date.now()}`;
  try {
    await title.fill(renamed);
    await page.getByRole("button", { name: "Save Changes" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("link", { name: renamed })).toBeVisible();
  } finally {
    await page.goto("/admin/settings/general/");
    await page.getByLabel("Site Title").fill(original);
    await page.getByRole("button", { name: "Save Changes" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
  }
});

test("invalid settings are refused beside their field and nothing is saved", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/settings/reading/");
  const perPage = page.getByLabel("Blog pages show at most");
  const before = await perPage.inputValue();
  await perPage.fill("0");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText("Settings not saved: please correct the fields marked below.")).toBeVisible();
  await expect(page.getByText("The number of posts per page must be at least 1.")).toBeVisible();
  await expect(perPage).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(page.getByLabel("Blog pages show at most")).toHaveValue(before);

  await page.goto("/admin/settings/permalinks/");
  await page.getByRole("radio", { name: "Custom Structure" }).check();
  await page.getByLabel("Permalink structure: custom").fill("/%year%/%title%/");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText(/Unknown tag: %title%/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("radio", { name: /^Day and name/ })).toBeChecked();
});

test("Discussion uses WordPress's labels and keeps what is saved", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/settings/discussion/");
  const box = page.getByLabel("Comment must be manually approved");
  const was = await box.isChecked();
  await box.setChecked(!was);
  await page.getByLabel("Levels deep").selectOption("7");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Comment must be manually approved")).toBeChecked({ checked: !was });
  await expect(page.getByLabel("Levels deep")).toHaveValue("7");
  // Restore for the specs that run after this one.
  await page.getByLabel("Comment must be manually approved").setChecked(was);
  await page.getByLabel("Levels deep").selectOption("5");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
});

test("editors and below cannot open Settings, and their posted forms get 403", async ({ page }) => {
  for (const who of ["editor", "author", "subscriber"] as const) {
    await page.context().clearCookies();
    await signInAs(page, who);
    await expect(page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
    for (const p of ["/admin/settings/general/", "/admin/settings/reading/", "/admin/settings/discussion/", "/admin/settings/permalinks/", "/admin/users/", "/admin/users/new/"]) {
      expect((await page.goto(p))?.status(), `${who} ${p}`).toBe(403);
    }
  }
});
