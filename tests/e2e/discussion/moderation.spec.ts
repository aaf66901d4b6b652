import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../support/auth";
import { asVisitor, discussionPost, likeAPerson } from "../support/discussion";

async function postComment(page: Page, name: string, email: string, text: string) {
  await page.goto(discussionPost("moderation"));
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("textbox", { name: "Comment", exact: true }).fill(text);
  await likeAPerson(page);
  await page.getByRole("button", { name: "Post Comment" }).click();
  await expect(page.locator("li.comment", { hasText: text })).toContainText("Your comment is awaiting moderation.");
}

test("a visitor's comment waits for a moderator, then everyone sees it", async ({ page, context, browser }) => {
  const text = `Pending until approved ${Date.now()}`;
  await asVisitor(context, 31);
  await postComment(page, "Patient Pat", "pat@example.com", text);

  // Another reader sees nothing of it yet.
  const reader = await browser.newContext();
  await asVisitor(reader, 32);
  const readerPage = await reader.newPage();
  await readerPage.goto(discussionPost("moderation"));
  await expect(readerPage.getByText(text)).toHaveCount(0);

  const mod = await browser.newContext();
  await asVisitor(mod, 33);
  const admin = await mod.newPage();
  await signInAs(admin, "admin");
  // The dashboard says what is waiting.
  await expect(admin.getByRole("region", { name: "Discussion" }).getByRole("link", { name: "A comment by Patient Pat on “Discussion moderation” is waiting for your approval." }).first()).toBeVisible();
  const menuItem = admin.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Comments", exact: true });
  await expect(menuItem).toHaveAccessibleDescription(/^\d+ Comments? in moderation$/);
  await menuItem.click();
  await admin.getByRole("link", { name: /Pending/ }).click();
  await expect(admin).toHaveURL(/comment_status=moderated/);
  const row = admin.getByRole("row", { name: "Comment by Patient Pat" }).filter({ hasText: text });
  await expect(row).toContainText("Pending");
  await row.getByRole("button", { name: "Approve comment by Patient Pat" }).click();
  await expect(admin.getByRole("status")).toHaveText("1 comment approved.");
  await expect(admin.getByRole("row", { name: "Comment by Patient Pat" }).filter({ hasText: text })).toHaveCount(0);

  await readerPage.reload();
  const shown = readerPage.locator("li.comment", { hasText: text });
  await expect(shown).toBeVisible();
  await expect(shown).not.toContainText("awaiting moderation");
  await page.reload();
  await expect(page.locator("li.comment", { hasText: text })).not.toContainText("awaiting moderation");
  await reader.close();
  await mod.close();
});

test("moderators reply in place, edit, and move comments through spam and trash in bulk", async ({ page, context, browser }) => {
  // Many steps through several screens (two browsers here and there): 13–15 s alone, near 30 s
  // while the PostgreSQL project runs beside this one.
  test.setTimeout(60_000);
  const stamp = Date.now();
  const text = `Bulk me ${stamp}`;
  await asVisitor(context, 34);
  await postComment(page, "Bulk Betty", `betty${stamp}@example.com`, text);

  const mod = await browser.newContext();
  await asVisitor(mod, 35);
  const admin = await mod.newPage();
  await signInAs(admin, "editor");
  await admin.goto(`/admin/comments/?s=${encodeURIComponent(String(stamp))}`);
  const row = admin.getByRole("row", { name: "Comment by Bulk Betty" });
  await expect(row).toHaveCount(1);

  // Reply in place: approves the held parent too ("Approve and Reply").
  await row.getByText("Reply", { exact: true }).click();
  await row.getByLabel("Reply to Bulk Betty").fill(`Thanks, Betty ${stamp}`);
  await row.getByRole("button", { name: "Approve and Reply" }).click();
  await expect(admin.getByRole("status")).toHaveText("Reply posted.");
  await expect(admin.getByRole("row", { name: "Comment by Editor Person" }).filter({ hasText: `Thanks, Betty ${stamp}` })).toContainText("In reply to Bulk Betty");

  // Quick Edit.
  const betty = admin.getByRole("row", { name: "Comment by Bulk Betty" });
  await betty.getByText("Quick Edit").click();
  await betty.getByLabel("Comment text").fill(`${text} (edited)`);
  await betty.getByRole("button", { name: "Update Comment" }).click();
  await expect(admin.getByRole("status")).toHaveText("Comment updated.");
  await expect(admin.getByRole("row", { name: "Comment by Bulk Betty" })).toContainText("(edited)");

  // Bulk: both to spam, then back, then to the trash and restored.
  const bulk = async (action: string) => {
    for (const who of ["Bulk Betty", "Editor Person"]) await admin.getByRole("checkbox", { name: `Select comment by ${who}` }).check();
    await admin.getByLabel("Select bulk action").selectOption({ label: action });
    await admin.getByRole("button", { name: "Apply" }).click();
  };
  await bulk("Mark as Spam");
  await expect(admin.getByRole("status")).toHaveText("2 comments marked as spam.");
  await expect(admin.getByRole("row", { name: /Comment by/ })).toHaveCount(0);
  await admin.getByRole("link", { name: /^Spam \(\d+\)/ }).click();
  await expect(admin.getByRole("row", { name: /Comment by/ })).toHaveCount(2);
  await bulk("Not Spam");
  await expect(admin.getByRole("status")).toHaveText("2 comments restored from the spam.");
  await admin.getByRole("link", { name: /^All \(\d+\)/ }).click();
  await bulk("Move to Trash");
  await expect(admin.getByRole("status")).toHaveText("2 comments moved to the Trash.");
  await admin.getByRole("link", { name: /^Trash \(\d+\)/ }).click();
  await admin.getByRole("row", { name: "Comment by Bulk Betty" }).getByRole("button", { name: "Restore comment by Bulk Betty" }).click();
  await expect(admin.getByRole("status")).toHaveText("1 comment restored from the Trash.");
  await admin.getByRole("row", { name: "Comment by Editor Person" }).getByRole("button", { name: "Delete Permanently comment by Editor Person" }).click();
  await expect(admin.getByRole("status")).toHaveText("1 comment permanently deleted.");

  // Betty's comment came back approved (it was approved by the reply), the reply is gone for good.
  const reader = await browser.newContext();
  await asVisitor(reader, 36);
  const readerPage = await reader.newPage();
  await readerPage.goto(discussionPost("moderation"));
  await expect(readerPage.locator("li.comment", { hasText: `${text} (edited)` })).toBeVisible();
  await expect(readerPage.getByText(`Thanks, Betty ${stamp}`)).toHaveCount(0);
  await reader.close();
  await mod.close();
});

test("an author sees only comments on their own posts", async ({ page }) => {
  await signInAs(page, "author");
  await page.goto("/admin/comments/");
  await expect(page.getByRole("heading", { name: "Comments" })).toBeVisible();
  // The discussion posts belong to the administrator: none of their comments are listed.
  await expect(page.getByRole("row", { name: "Comment by Patient Pat" })).toHaveCount(0);
  await expect(page.getByRole("row", { name: "Comment by Level 1 Larry" })).toHaveCount(0);
});
