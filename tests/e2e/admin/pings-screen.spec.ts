// A post's pings screen (/admin/pings/<id>/, linked from the editor).
import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";

test("a post's pings screen names the post by its title's text", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/posts/new/");
  // A title with an entity and inline markup, as a WordPress export carries it.
  await page.getByRole("textbox", { name: "Title" }).fill("Fish &amp; Chips <em>tonight</em>");
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\/\?saved=draft/);
  const id = /\/admin\/posts\/(\d+)\//.exec(page.url())![1];
  await page.goto(`/admin/pings/${id}/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pings sent for “Fish & Chips tonight”");
});
