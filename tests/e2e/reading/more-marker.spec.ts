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
