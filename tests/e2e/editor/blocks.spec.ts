import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "../support/auth";
import { wpBlockPosts, type BlockPost } from "../../fixtures/wp-block-posts";

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const canvas = (page: Page) => page.getByRole("textbox", { name: "Content (visual editor)" });
const source = (page: Page) => page.getByRole("textbox", { name: "Content", exact: true });
/** The posted field, hidden while the visual editor shows: what the server stored, or will get. */
const posted = (page: Page) => page.locator('textarea[name="content"]');

let posts: BlockPost[] = [];
test.beforeAll(async () => {
  posts = await wpBlockPosts();
});
const fixture = (title: string) => {
  const p = posts.find((x) => x.title === title);
  if (!p) throw new Error(`no theme unit test post "${title}"`);
  return p.content;
};

async function startPost(page: Page, title: string, html: string) {
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("button", { name: "HTML", exact: true }).click();
  await source(page).fill(html);
}

test("a WordPress block post opens in Visual with its blocks editable, unknown blocks as cards, and saves unchanged byte for byte", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, "admin");
  const content = `${fixture("Details")}\n\n${fixture("Latest posts")}`;
  await startPost(page, unique("Block post"), content);
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();

  // Opened again: Visual, with no warning, the blocks in the canvas.
  await page.reload();
  await expect(page.getByRole("button", { name: "Visual" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(/stays in HTML mode/)).toHaveCount(0);
  await expect(canvas(page).locator("summary").first()).toBeVisible();
  const card = canvas(page).locator('[data-wp-block="core/latest-posts"]').first();
  await expect(card.getByText("Latest posts block")).toBeVisible();
  expect(await posted(page).inputValue()).toBe(content);

  // Typing a letter and taking it back leaves the post as it was: every block keeps its source.
  const firstParagraph = canvas(page).locator("p").first();
  await firstParagraph.click();
  await page.keyboard.press("End");
  await page.keyboard.type("Z");
  await expect(firstParagraph).toContainText("Z");
  await page.keyboard.press("Backspace");
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.reload();
  expect(await posted(page).inputValue()).toBe(content);

  // An edit writes that block afresh, as WordPress's block markup, and leaves the others alone.
  await firstParagraph.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Edited.");
  await page.getByRole("button", { name: "HTML", exact: true }).click();
  const edited = await source(page).inputValue();
  expect(edited).toMatch(/<!-- wp:paragraph[^>]*-->\n<p>[^<]*Edited\.<\/p>\n<!-- \/wp:paragraph -->/);
  expect(edited).toContain(fixture("Latest posts").trim());
});

test("an unknown block is a card with a preview, editable as HTML", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, "admin");
  const shortcode = fixture("Shortcode");
  await startPost(page, unique("Card"), `<!-- wp:paragraph -->\n<p>Before the card.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:html -->\n<p class="raw"><strong>Raw words</strong></p>\n<!-- /wp:html -->\n\n${shortcode}`);
  await page.getByRole("button", { name: "Visual" }).click();
  const card = canvas(page).locator('[data-wp-block="core/html"]');
  await expect(card.getByText("Custom HTML block")).toBeVisible();
  await expect(card.frameLocator("iframe").getByText("Raw words")).toBeVisible();
  await card.getByRole("button", { name: "Edit as HTML" }).click();
  const field = card.getByRole("textbox", { name: "HTML of the Custom HTML block" });
  await expect(field).toHaveValue('<!-- wp:html -->\n<p class="raw"><strong>Raw words</strong></p>\n<!-- /wp:html -->');
  await field.fill('<!-- wp:html -->\n<p class="raw"><em>New words</em></p>\n<!-- /wp:html -->');
  await card.getByRole("button", { name: "Done" }).click();
  await expect(card.frameLocator("iframe").getByText("New words")).toBeVisible();
  await page.getByRole("button", { name: "HTML", exact: true }).click();
  await expect(source(page)).toHaveValue(`<!-- wp:paragraph -->\n<p>Before the card.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:html -->\n<p class="raw"><em>New words</em></p>\n<!-- /wp:html -->\n\n${shortcode}`);
});

test("an image block of a WordPress post is an image in the canvas, not a card, and stays an image block when edited", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, "admin");
  const image = '<!-- wp:image {"sizeSlug":"large","linkDestination":"none","className":"is-style-rounded"} -->\n<figure class="wp-block-image size-large is-style-rounded"><img src="/inkwell-missing-lake.jpg" alt="A lake"/><figcaption class="wp-element-caption">Lake</figcaption></figure>\n<!-- /wp:image -->';
  await startPost(page, unique("Image block"), `${image}\n\n<!-- wp:paragraph -->\n<p>After.</p>\n<!-- /wp:paragraph -->`);
  await page.getByRole("button", { name: "Visual" }).click();
  await expect(canvas(page).getByRole("img", { name: "A lake" })).toBeVisible();
  await expect(canvas(page).locator('[data-wp-block="core/image"]')).toHaveCount(0);
  // The caption is typed in place; the toolbar sets the alignment.
  await canvas(page).locator("figcaption").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" at dawn");
  // Clicking the picture selects the block and shows its toolbar, as in WordPress.
  await canvas(page).getByRole("img", { name: "A lake" }).click();
  await canvas(page).getByRole("toolbar", { name: "Image" }).getByRole("combobox", { name: "Align" }).selectOption({ label: "Right" });
  await page.getByRole("button", { name: "HTML", exact: true }).click();
  const out = await source(page).inputValue();
  expect(out).toMatch(/^<!-- wp:image \{[^}]*"align":"right"[^}]*\} -->\n<figure class="wp-block-image alignright size-large is-style-rounded"><img src="\/inkwell-missing-lake.jpg" alt="A lake"\/><figcaption class="wp-element-caption">Lake at dawn<\/figcaption><\/figure>\n<!-- \/wp:image -->/);
  expect(out).toContain('"className":"is-style-rounded"');
  expect(out).toContain("<!-- wp:paragraph -->\n<p>After.</p>\n<!-- /wp:paragraph -->");
});

// The theme unit test's posts for the blocks this editor edits, and a few it keeps as cards. (All
// 80 block posts take over five minutes here with a card preview each; the split of all of them is
// checked byte for byte in tests/unit/editor/blocks-roundtrip.test.ts.)
const ROUND_TRIP = ["Paragraph", "Heading", "List", "Quote", "Code", "Details", "Pullquote", "Table", "Buttons", "Columns", "Separator", "Shortcode", "Custom HTML", "More", "Page break", "Image", "Gallery", "Audio", "Video", "File"];

test("the theme unit test's block posts go through the visual editor unchanged", async ({ page }) => {
  test.setTimeout(300_000);
  await signInAs(page, "admin");
  await page.goto("/admin/posts/new/");
  const changed: string[] = [];
  const chosen = posts.filter((p) => ROUND_TRIP.includes(p.title) && p.file.startsWith("64-"));
  expect(chosen.length).toBe(ROUND_TRIP.length);
  // Three posts at a time, joined as WordPress joins blocks: fewer trips through the page, same check.
  for (let i = 0; i < chosen.length; i += 3) {
    const batch = chosen.slice(i, i + 3);
    const content = batch.map((p) => p.content).join("\n\n");
    await page.getByRole("button", { name: "HTML", exact: true }).click();
    await source(page).fill(content);
    await page.getByRole("button", { name: "Visual" }).click();
    await expect(page.getByRole("button", { name: "Visual" })).toHaveAttribute("aria-pressed", "true");
    await page.getByRole("button", { name: "HTML", exact: true }).click();
    const out = await source(page).inputValue();
    if (out !== content) {
      let at = 0;
      while (out[at] === content[at]) at++;
      let end = 0;
      const owner = batch.find((p) => (end += p.content.length + 2) > at);
      changed.push(`${owner?.file}: ${owner?.title}: ${JSON.stringify(content.slice(at - 100, at + 60))} became ${JSON.stringify(out.slice(at - 100, at + 60))}`);
    }
  }
  expect(changed).toEqual([]);
});

async function insert(page: Page, block: string) {
  await page.getByRole("combobox", { name: "Insert block" }).selectOption({ label: block });
}

test("insert a table, code with a language, buttons, columns and details; the published post shows them styled, also at 360 px", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "author");
  const title = unique("Blocks");
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await canvas(page).click();
  await page.keyboard.type("Intro words.");
  await page.keyboard.press("Enter");

  await insert(page, "Table");
  await page.keyboard.type("Name");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Score");
  await page.keyboard.press("Tab");
  await page.getByRole("button", { name: "Delete column" }).click();
  await canvas(page).locator("table td").first().click();
  await page.keyboard.type("Ada");
  await page.getByRole("button", { name: "Add row" }).click();
  await expect(canvas(page).locator("table tr")).toHaveCount(4);
  await expect(canvas(page).locator("table tr").first().locator("th")).toHaveCount(2);
  await canvas(page).locator("p").filter({ hasText: "Intro words." }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");

  await insert(page, "Code");
  await page.getByRole("combobox", { name: "Language" }).selectOption("php");
  await canvas(page).locator("pre").click();
  await page.keyboard.type('echo "hi";');
  await expect(canvas(page).locator("pre code.language-php")).toHaveText('echo "hi";');
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");

  await insert(page, "Buttons");
  await page.keyboard.type("Join us");
  await page.getByRole("textbox", { name: "Button link" }).fill("https://example.com/join");
  await canvas(page).locator("p").filter({ hasText: "Intro words." }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await insert(page, "Columns");
  await page.keyboard.type("Left column");
  await page.getByRole("button", { name: "Add column" }).click();
  await expect(canvas(page).locator(".wp-block-column")).toHaveCount(3);
  await page.getByRole("button", { name: "Remove column" }).click();
  await expect(canvas(page).locator(".wp-block-column")).toHaveCount(2);
  await canvas(page).locator(".wp-block-column").nth(1).click();
  await page.keyboard.type("Right column");

  await canvas(page).locator("p").filter({ hasText: "Intro words." }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await insert(page, "Details");
  await page.keyboard.type("Read more");
  await canvas(page).locator('[data-type="detailsContent"] p').click();
  await page.keyboard.type("Hidden words.");

  const axe = await new AxeBuilder({ page }).include("form").analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  const href = await page.getByRole("link", { name: "View post" }).getAttribute("href");

  // Reopened, the post is in Visual (the blocks survive the editor), and the site shows them.
  await page.reload();
  await expect(page.getByRole("button", { name: "Visual" })).toHaveAttribute("aria-pressed", "true");
  await page.goto(href!);
  const article = page.locator(".entry-content");
  const th = article.locator("figure.wp-block-table th").first();
  await expect(th).toHaveText("Name");
  expect(await th.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("solid");
  await expect(article.locator("pre code.language-php")).toHaveText('echo "hi";');
  const button = article.getByRole("link", { name: "Join us" });
  await expect(button).toHaveAttribute("href", "https://example.com/join");
  expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
  const columns = article.locator(".wp-block-columns");
  await expect(columns.locator(".wp-block-column")).toHaveCount(2);
  const [left, right] = await columns.locator(".wp-block-column").evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
  expect(right.left).toBeGreaterThan(left.right - 1);
  await expect(article.locator("details.wp-block-details summary")).toHaveText("Read more");
  await expect(article.getByText("Hidden words.")).toBeHidden();
  await article.locator("details.wp-block-details summary").click();
  await expect(article.getByText("Hidden words.")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("wp:");

  // At 360 px the columns stack and nothing is wider than the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  const [l2, r2] = await columns.locator(".wp-block-column").evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
  expect(r2.top).toBeGreaterThanOrEqual(l2.bottom);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("block settings and the card are usable at 360 px with the keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, "editor");
  await startPost(page, unique("Narrow"), `<!-- wp:paragraph -->\n<p>Hello</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:latest-posts /-->`);
  await page.getByRole("button", { name: "Visual" }).click();
  // By keyboard from the start of the content (a click may land on the floating format toolbar,
  // which shows over the first line when the editor already has a selection).
  await canvas(page).focus();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  const menu = page.getByRole("combobox", { name: "Insert block" });
  await menu.focus();
  await menu.selectOption({ label: "Table" });
  await expect(page.getByRole("button", { name: "Add row" })).toBeVisible();
  const box = await page.getByRole("button", { name: "Delete table" }).boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  const card = canvas(page).locator('[data-wp-block="core/latest-posts"]');
  await card.getByRole("button", { name: "Edit as HTML" }).focus();
  await page.keyboard.press("Enter");
  await expect(card.getByRole("textbox", { name: "HTML of the Latest posts block" })).toHaveValue("<!-- wp:latest-posts /-->");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
