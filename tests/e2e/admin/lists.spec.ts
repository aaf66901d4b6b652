import { test, expect, type Page } from "@playwright/test";
import { signInAs } from "../support/auth";

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function publishPost(page: Page, title: string, opts: { category?: string } = {}) {
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("textbox", { name: "Content (visual editor)" }).click();
  await page.keyboard.type(`Body of ${title}.`);
  if (opts.category) {
    const box = page.getByRole("region", { name: "Categories" });
    await box.getByLabel("Uncategorized", { exact: true }).uncheck();
    await box.getByLabel(opts.category, { exact: true }).check();
  }
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
}

test("posts list: search, quick edit, bulk trash, restore and delete permanently", async ({ page }) => {
  // Many steps through several screens (two browsers here and there): 13–15 s alone, near 30 s
  // while the PostgreSQL project runs beside this one.
  test.setTimeout(60_000);
  await signInAs(page, "editor");
  const stem = unique("Listed");
  await publishPost(page, `${stem} one`);
  await publishPost(page, `${stem} two`);

  await page.goto("/admin/posts/");
  await page.getByRole("searchbox", { name: "Search Posts" }).fill(stem);
  await page.getByRole("button", { name: "Search Posts" }).click();
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(4); // header, two posts, footer

  await page.getByRole("link", { name: `Quick Edit “${stem} one”` }).click();
  const quick = page.getByRole("group", { name: "Quick Edit" });
  await quick.getByLabel("Title").fill(`${stem} uno`);
  await quick.getByLabel("Status").selectOption("draft");
  await quick.getByRole("button", { name: "Update" }).click();
  await expect(page.getByRole("link", { name: `${stem} uno`, exact: true })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: `${stem} uno` })).toContainText("— Draft");

  await page.getByLabel(`Select ${stem} uno`).check();
  await page.getByLabel(`Select ${stem} two`).check();
  await page.getByLabel("Bulk actions").selectOption("trash");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("2 posts moved to the Trash.")).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(3); // header, "No posts found.", footer

  await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: /Trash/ }).click();
  await expect(page).toHaveURL(/view=trash/);
  await page.getByRole("searchbox", { name: "Search Posts" }).fill(stem);
  await page.getByRole("button", { name: "Search Posts" }).click();
  await expect(table.getByRole("row")).toHaveCount(4); // header, two posts, footer
  await table.getByRole("row").filter({ hasText: `${stem} uno` }).getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("1 post restored from the Trash.")).toBeVisible();
  await page.goto(`/admin/posts/?view=trash&s=${encodeURIComponent(stem)}`);
  await table.getByRole("row").filter({ hasText: `${stem} two` }).getByRole("button", { name: "Delete Permanently" }).click();
  await expect(page.getByText("1 post permanently deleted.")).toBeVisible();

  await page.goto(`/admin/posts/?s=${encodeURIComponent(stem)}`);
  await expect(table.getByRole("row")).toHaveCount(3); // header, one post, footer
  await expect(table).toContainText(`${stem} uno`);
  await expect(table.getByRole("row").filter({ hasText: `${stem} uno` })).toContainText("— Draft");
});

test("pages: parent and order, and the list is a tree", async ({ page }) => {
  await signInAs(page, "editor");
  const parent = unique("Parent page");
  const child = unique("Child page");
  await page.goto("/admin/pages/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(parent);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();

  await page.goto("/admin/pages/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(child);
  await page.getByLabel("Parent").selectOption({ label: parent });
  await page.getByLabel("Order").fill("3");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  await expect(page.getByLabel("Parent")).toHaveValue(/\d+/);

  await page.goto("/admin/pages/");
  const rows = page.getByRole("table").getByRole("row");
  const titles = await rows.allInnerTexts();
  const pi = titles.findIndex((t) => t.includes(parent));
  const ci = titles.findIndex((t) => t.includes(child));
  expect(pi).toBeGreaterThan(0);
  expect(ci).toBe(pi + 1);
  expect(titles[ci]).toContain(`— ${child}`);
  // The child lives on the site under its own slug.
  await page.getByRole("link", { name: `View “${child}”` }).click();
  await expect(page.getByRole("heading", { level: 1, name: child })).toBeVisible();
});

test("categories and tags: add, rename, delete moves posts to the default category, which cannot be deleted", async ({ page }) => {
  // Many steps through several screens (two browsers here and there): 13–15 s alone, near 30 s
  // while the PostgreSQL project runs beside this one.
  test.setTimeout(60_000);
  await signInAs(page, "editor");
  const name = unique("Travel");
  await page.goto("/admin/categories/");
  await expect(page.getByRole("row").filter({ hasText: "Uncategorized" }).getByText("Default category")).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete “Uncategorized”" })).toHaveCount(0);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Add New Category" }).click();
  await expect(page.getByText(`Category added: ${name}`)).toBeVisible();
  // A second one with the same slug is refused beside the field.
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Add New Category" }).click();
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription(/already used/);

  await page.getByRole("link", { name: `Edit “${name}”` }).click();
  await expect(page.getByRole("heading", { name: "Edit Category" })).toBeVisible();
  await page.getByLabel("Name").fill(`${name} Guides`);
  await page.getByLabel("Description").fill("Where we went.");
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText(`Category updated: ${name} Guides`)).toBeVisible();

  const post = unique("Trip report");
  await publishPost(page, post, { category: `${name} Guides` });
  await page.goto("/admin/categories/");
  await expect(page.getByRole("row").filter({ hasText: `${name} Guides` })).toContainText("Where we went.");
  await expect(page.getByRole("row").filter({ hasText: `${name} Guides` }).getByRole("cell").last()).toHaveText("1");
  await page.getByRole("button", { name: `Delete “${name} Guides”` }).click();
  await expect(page.getByText("Category deleted. 1 post moved to the default category.")).toBeVisible();
  await page.goto(`/admin/posts/?s=${encodeURIComponent(post)}`);
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: post })).toContainText("Uncategorized");

  const tag = unique("roadtrip");
  await page.goto("/admin/tags/");
  await page.getByLabel("Name").fill(tag);
  await page.getByRole("button", { name: "Add New Tag" }).click();
  await expect(page.getByText(`Tag added: ${tag}`)).toBeVisible();
  await page.goto("/admin/posts/new/");
  await expect(page.locator(`datalist#tag-suggestions option[value="${tag}"]`)).toHaveCount(1);
});

test("without JavaScript an author still writes and publishes through the plain form", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login/");
  await page.getByLabel("Username or Email Address").fill("author");
  await page.getByLabel("Password").fill("e2e-password-123");
  await page.getByRole("button", { name: "Log In" }).click();
  await page.goto("/admin/posts/new/");
  const title = unique("Plain form");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("textbox", { name: "Content", exact: true }).fill("<p>Written without scripts.</p>");
  await page.getByRole("combobox", { name: "Tags" }).fill("plain, forms");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  await page.getByRole("link", { name: "View post" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Written without scripts.")).toBeVisible();
  await context.close();
});

test("subscribers get 403 on the writing screens; contributors get none of the category screens", async ({ page, browser }) => {
  await signInAs(page, "subscriber");
  for (const path of ["/admin/posts/", "/admin/posts/new/", "/admin/pages/", "/admin/categories/", "/admin/tags/"]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
  }
  const ctx = await browser.newContext();
  const contributor = await ctx.newPage();
  await signInAs(contributor, "contributor");
  expect((await contributor.goto("/admin/posts/"))?.status()).toBe(200);
  expect((await contributor.goto("/admin/pages/new/"))?.status()).toBe(403);
  expect((await contributor.goto("/admin/categories/"))?.status()).toBe(403);
  await ctx.close();
});
