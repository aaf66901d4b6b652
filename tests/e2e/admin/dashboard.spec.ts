import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";

test("a contributor saves a Quick Draft and sees it under Your Recent Drafts", async ({ page }) => {
  await signInAs(page, "contributor");
  const quick = page.getByRole("region", { name: "Quick Draft" });
  const title = `Quick idea ${Date.now()}`;
  await quick.getByLabel("Title").fill(title);
  await quick.getByLabel("Content").fill("First line <script>x</script>\n\nSecond paragraph");
  await quick.getByRole("button", { name: "Save Draft" }).click();
  await expect(quick.getByText("Draft saved.")).toBeVisible();
  await expect(quick).toContainText(title);
  await expect(quick).toContainText("First line <script>x</script> Second paragraph");
  // An empty draft is refused beside the title.
  await quick.getByRole("button", { name: "Save Draft" }).click();
  await expect(quick.getByText("Write a title or some content first.")).toBeVisible();
  // A draft is not on the site.
  await page.goto(`/?s=${encodeURIComponent(title)}`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("the dashboard shows At a Glance and Activity with moderation links for editors", async ({ page }) => {
  await signInAs(page, "editor");
  await expect(page.getByRole("region", { name: "At a Glance" })).toContainText(/\d+ Posts?/);
  await expect(page.getByRole("region", { name: "At a Glance" }).getByRole("link", { name: /in moderation/ })).toHaveAttribute("href", "/admin/comments/?comment_status=moderated");
  const activity = page.getByRole("region", { name: "Activity" });
  await expect(activity.getByRole("heading", { name: "Recently Published" })).toBeVisible();
  await expect(activity.getByRole("link", { name: /^Manage the comment from/ }).first()).toHaveAttribute("href", /^\/admin\/comments\//);
  // Other tests publish posts too: whichever is newest leads the list, and its link opens it.
  const href = await activity.getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\//);
  const res = await page.goto(href!);
  expect(res?.status()).toBe(200);
});

test("a subscriber's dashboard has At a Glance but no Activity or Quick Draft", async ({ page }) => {
  await signInAs(page, "subscriber");
  await expect(page.getByRole("region", { name: "At a Glance" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Activity" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Quick Draft" })).toHaveCount(0);
});

test("titles with entities and markup read as text on the dashboard, as in the rest of the admin", async ({ page }) => {
  await signInAs(page, "author");
  const stamp = Date.now().toString(36);
  const quick = page.getByRole("region", { name: "Quick Draft" });
  await quick.getByLabel("Title").fill(`Fish &amp; Chips <em>${stamp}</em>`);
  await quick.getByRole("button", { name: "Save Draft" }).click();
  await expect(quick.getByText("Draft saved.")).toBeVisible();
  await expect(quick.getByText(`Fish & Chips ${stamp}`, { exact: true })).toBeVisible();
  await expect(quick).not.toContainText("&amp;");
  await expect(quick).not.toContainText("<em>");
});
