// <!--more--> and <!--nextpage--> in the visual editor: an imported classic post's markers survive
// editing (the editor used to drop them, as HTML comments, at the first keystroke), show as
// labelled lines, and the inserter's More and Page Break make them, as in WordPress.
import { test, expect, type Page } from "@playwright/test";
import { signInAs } from "../support/auth";

test.describe.configure({ timeout: 120_000 });

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const canvas = (page: Page) => page.getByRole("textbox", { name: "Content (visual editor)" });
const source = (page: Page) => page.getByRole("textbox", { name: "Content", exact: true });

async function htmlOf(page: Page): Promise<string> {
  await page.getByRole("button", { name: "HTML" }).click();
  const html = await source(page).inputValue();
  await page.getByRole("button", { name: "Visual" }).click();
  return html;
}

test("a classic post's more and page-break markers show as lines and survive an edit in the visual editor", async ({ page }) => {
  await signInAs(page, "author");
  const id = stamp();
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(`Markers ${id}`);
  // The visual editor has opened (it starts in Visual for a new post) before the switch to HTML.
  await expect(page.getByRole("button", { name: "Visual" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "HTML" }).click();
  await source(page).fill(`<p>Teaser ${id}.</p>\n<!--more Keep reading-->\n<p>Rest ${id}.</p>\n<!--nextpage-->\n<p>Page two ${id}.</p>`);
  await page.getByRole("button", { name: "Visual" }).click();
  await expect(page.getByText(/cannot be represented/)).toHaveCount(0);
  await expect(canvas(page).getByRole("separator", { name: "Read more: Keep reading" })).toBeVisible();
  await expect(canvas(page).getByRole("separator", { name: "Page break" })).toBeVisible();

  await canvas(page).getByText(`Rest ${id}.`).click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Edited.");
  const html = await htmlOf(page);
  expect(html).toContain(`Rest ${id}. Edited.`);
  expect(html).toMatch(new RegExp(`Teaser ${id}\\.</p>\\s*<!--more Keep reading-->\\s*<p>Rest ${id}\\. Edited\\.</p>\\s*<!--nextpage-->\\s*<p>Page two ${id}\\.</p>`));

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  await page.getByRole("link", { name: "View post" }).first().click();
  await expect(page.getByText(`Page two ${id}.`)).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Pages of this post" })).toContainText("Pages: 1 2");
});

test("the inserter's More and Page Break write WordPress's markers, and the site cuts and splits there", async ({ page }) => {
  await signInAs(page, "author");
  const id = stamp();
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(`Inserted markers ${id}`);
  await canvas(page).click();
  await page.keyboard.type(`Above ${id}.`);
  await page.keyboard.press("Enter");
  await page.keyboard.type("/more");
  await expect(page.getByRole("listbox", { name: "Blocks" }).getByRole("option", { name: "More", exact: true })).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.type(`Below ${id}.`);
  await page.keyboard.press("Enter");
  await page.keyboard.type("/page");
  await page.keyboard.press("Enter");
  await page.keyboard.type(`Second page ${id}.`);
  await expect(canvas(page).getByRole("separator", { name: "Read more" })).toBeVisible();
  await expect(canvas(page).getByRole("separator", { name: "Page break" })).toBeVisible();
  // A new post is classic content: the markers are written as the classic editor writes them.
  expect(await htmlOf(page)).toBe(`<p>Above ${id}.</p><!--more--><p>Below ${id}.</p><!--nextpage--><p>Second page ${id}.</p>`);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  await page.context().clearCookies();
  await page.goto("/");
  const main = page.getByRole("main");
  await expect(main.getByText(`Above ${id}.`)).toBeVisible();
  await expect(main.getByText(`Below ${id}.`)).toHaveCount(0);
  await main.getByRole("link", { name: new RegExp(`Continue reading Inserted markers ${id}`) }).click();
  await expect(page.getByText(`Below ${id}.`)).toBeVisible();
  await expect(page.getByText(`Second page ${id}.`)).toHaveCount(0);
  await page.getByRole("navigation", { name: "Pages of this post" }).getByRole("link", { name: "2" }).click();
  await expect(page.getByText(`Second page ${id}.`)).toBeVisible();
});

test("a block post's More and Page Break blocks open as lines and are saved back as written", async ({ page }) => {
  await signInAs(page, "author");
  const id = stamp();
  const content = `<!-- wp:paragraph -->\n<p>First ${id}.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:more {"customText":"Go on","noTeaser":true} -->\n<!--more Go on-->\n<!--noteaser-->\n<!-- /wp:more -->\n\n<!-- wp:paragraph -->\n<p>Second ${id}.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:nextpage -->\n<!--nextpage-->\n<!-- /wp:nextpage -->\n\n<!-- wp:paragraph -->\n<p>Third ${id}.</p>\n<!-- /wp:paragraph -->`;
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(`Block markers ${id}`);
  await expect(page.getByRole("button", { name: "Visual" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "HTML" }).click();
  await source(page).fill(content);
  await page.getByRole("button", { name: "Visual" }).click();
  await expect(canvas(page).getByRole("separator", { name: "Read more: Go on" })).toBeVisible();
  await expect(canvas(page).getByRole("separator", { name: "Page break" })).toBeVisible();
  expect(await htmlOf(page)).toBe(content);
  await canvas(page).getByText(`Third ${id}.`).click();
  await page.keyboard.press("End");
  await page.keyboard.type(" More words.");
  const edited = await htmlOf(page);
  expect(edited).toContain('<!-- wp:more {"customText":"Go on","noTeaser":true} -->\n<!--more Go on-->\n<!--noteaser-->\n<!-- /wp:more -->');
  expect(edited).toContain("<!-- wp:nextpage -->\n<!--nextpage-->\n<!-- /wp:nextpage -->");
  expect(edited).toContain(`Third ${id}. More words.`);
});
