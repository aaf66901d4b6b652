import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";

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
    // exact: the admin bar, once it loads, has a "<site name> Dashboard" link too.
    await expect(page.getByRole("link", { name: renamed, exact: true })).toBeVisible();
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

test("editors and below cannot open Settings or Users (403)", async ({ page }) => {
  for (const who of ["editor", "author", "subscriber"] as const) {
    await page.context().clearCookies();
    await signInAs(page, who);
    await expect(page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
    for (const p of ["/admin/settings/general/", "/admin/settings/reading/", "/admin/settings/discussion/", "/admin/settings/permalinks/", "/admin/users/", "/admin/users/new/"]) {
      expect((await page.goto(p))?.status(), `${who} ${p}`).toBe(403);
    }
  }
});

test("a Settings form posted by an editor is refused, a signed-out post goes to sign-in, and nothing is saved", async ({ page, browser }) => {
  // The administrator's form, as the browser would post it (React's hidden action fields included).
  await signInAs(page, "admin");
  await page.goto("/admin/settings/general/");
  const fields = await page.locator("form").filter({ has: page.getByRole("button", { name: "Save Changes" }) }).evaluate((form) =>
    [...new FormData(form as HTMLFormElement).entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  expect(fields.some(([k]) => k.startsWith("$ACTION"))).toBe(true);
  const multipart = Object.fromEntries(fields.map(([k, v]) => [k, k === "blogname" ? "Hijacked by a lower role" : v]));

  const ctx = await browser.newContext();
  const editor = await ctx.newPage();
  await signInAs(editor, "editor");
  const res = await editor.request.post("/admin/settings/general/", { multipart, headers: { origin: new URL(page.url()).origin } });
  // requireCapability() calls forbidden(); for a form posted without JavaScript, Next 16.4
  // answers that with its not-found page (action-handler.js: MPA actions → type 'not-found').
  expect([403, 404]).toContain(res.status());
  expect(await res.text()).not.toContain("Settings saved.");
  await ctx.close();

  const anon = await browser.newContext();
  const res2 = await anon.request.post("/admin/settings/general/", { multipart, headers: { origin: new URL(page.url()).origin }, maxRedirects: 0 });
  expect([303, 307]).toContain(res2.status());
  expect(res2.headers()["location"]).toMatch(/\/login\/$/);
  await anon.close();

  await page.goto("/");
  await expect(page.getByText("Hijacked by a lower role")).toHaveCount(0);
});
