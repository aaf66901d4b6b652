// The <!--more--> teaser cut, as an author meets it: only a real comment cuts, never the text of
// an attribute, and a cut never takes the theme's markup with it.
import { test, expect, type Page } from "@playwright/test";
import { signInAs } from "../support/auth";

const stamp = Date.now().toString(36);

async function publishHtml(page: Page, title: string, html: string) {
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("button", { name: "HTML" }).click();
  await page.getByRole("textbox", { name: "Content", exact: true }).fill(html);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
}

test("a more marker inside an attribute does not cut the home page; a real one still does", async ({ page }) => {
  await signInAs(page, "author");
  const trick = `Attribute trick ${stamp}`;
  const real = `Real more ${stamp}`;
  await publishHtml(page, trick, `<p>Before <a href="https://example.com/kept" title="<!--more-->">kept link ${stamp}</a> after the link ${stamp}.</p><p>Second paragraph ${stamp}.</p>`);
  await publishHtml(page, real, `<p>Above the fold ${stamp}.</p><!--more--><p>Below the fold ${stamp}.</p>`);

  await page.context().clearCookies();
  await page.goto("/");
  const main = page.getByRole("main");
  const link = main.getByRole("link", { name: `kept link ${stamp}` });
  await expect(link).toHaveAttribute("href", "https://example.com/kept");
  await expect(link).toHaveAttribute("title", "<!--more-->");
  await expect(main.getByText(`after the link ${stamp}.`)).toBeVisible();
  await expect(main.getByText(`Second paragraph ${stamp}.`)).toBeVisible();
  await expect(main.getByRole("link", { name: `Continue reading ${trick}` })).toHaveCount(0);
  // The theme's own markup after the posts is still there, outside the post.
  await expect(page.getByRole("complementary", { name: "Sidebar" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText(/Powered by\s*Inkwell/);
  await expect(main.getByRole("complementary")).toHaveCount(0);

  await expect(main.getByText(`Above the fold ${stamp}.`)).toBeVisible();
  await expect(main.getByText(`Below the fold ${stamp}.`)).toHaveCount(0);
  await main.getByRole("link", { name: new RegExp(`Continue reading ${real}`) }).click();
  await expect(page.getByText(`Below the fold ${stamp}.`)).toBeVisible();
});

test("a post split by <!--nextpage--> shows one page at a time with links to the others, as WordPress", async ({ page }) => {
  await signInAs(page, "author");
  const title = `Paged ${stamp}`;
  await publishHtml(page, title, `<p>First page ${stamp}.</p>\n<!--nextpage-->\n<p>Second page ${stamp}.</p>\n<!--nextpage-->\n<p>Third page ${stamp}.</p>`);
  await page.getByRole("link", { name: "View post" }).first().click();
  const permalink = new URL(page.url()).pathname;

  await page.context().clearCookies();
  await page.goto(permalink);
  const main = page.getByRole("main");
  await expect(main.getByText(`First page ${stamp}.`)).toBeVisible();
  await expect(main.getByText(`Second page ${stamp}.`)).toHaveCount(0);
  const pages = main.getByRole("navigation", { name: "Pages of this post" });
  await expect(pages).toContainText("Pages: 1 2 3");
  await pages.getByRole("link", { name: "2" }).click();
  await expect(page).toHaveURL(new RegExp(`${permalink}2/$`));
  await expect(page).toHaveTitle(new RegExp(`^${title} – Page 2 – `));
  await expect(main.getByText(`Second page ${stamp}.`)).toBeVisible();
  await expect(main.getByText(`First page ${stamp}.`)).toHaveCount(0);
  await expect(pages.locator('[aria-current="page"]')).toHaveText("2");
  // The home page lists the first page only; a number past the last page goes to the post.
  await page.goto("/");
  await expect(page.getByRole("main").getByText(`First page ${stamp}.`)).toBeVisible();
  await expect(page.getByRole("main").getByText(`Third page ${stamp}.`)).toHaveCount(0);
  await page.goto(`${permalink}9/`);
  await expect(page).toHaveURL(new RegExp(`${permalink}$`));
});
