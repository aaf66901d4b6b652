import { test, expect, type Page } from "@playwright/test";
import { signInAs } from "../support/auth";

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function typeInVisualEditor(page: Page, text: string) {
  const editor = page.getByRole("textbox", { name: "Content (visual editor)" });
  await editor.click();
  await page.keyboard.type(text);
}

test("write, save a draft, preview, publish: the post is on the site", async ({ page, context }) => {
  await signInAs(page, "author");
  await page.goto("/admin/posts/new/");
  const title = unique("Field notes");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await typeInVisualEditor(page, "The first paragraph of my notes.");
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\/\?saved=draft/);
  await expect(page.getByText("Status: Draft")).toBeVisible();

  // Preview shows unsaved changes in the theme, without publishing them.
  await typeInVisualEditor(page, " Unsaved words.");
  const [preview] = await Promise.all([context.waitForEvent("page"), page.getByRole("button", { name: "Preview" }).click()]);
  await preview.waitForURL(/\/\?p=\d+&preview=true$/);
  await expect(preview.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(preview.getByText("Unsaved words.")).toBeVisible();
  await expect(preview.getByText(/Powered by\s*Inkwell/)).toBeVisible();
  await preview.close();
  const slug = await page.getByLabel("Slug").inputValue();
  const today = new Date().toISOString().slice(0, 10).replaceAll("-", "/");
  expect((await page.request.get(`/${today}/${slug}/`)).status()).toBe(404);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  const link = page.getByRole("link", { name: "View post" });
  const href = await link.getAttribute("href");
  expect(href).toMatch(new RegExp(`/\\d{4}/\\d{2}/\\d{2}/${slug}/$`));
  await page.goto(href!);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("The first paragraph of my notes. Unsaved words.")).toBeVisible();
});

/** "YYYY-MM-DDTHH:MM:SS" in UTC (the e2e site's time zone) for a datetime-local input. */
const utcInput = (d: Date) => d.toISOString().slice(0, 19);

async function newPost(page: Page, title: string, text: string) {
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await typeInVisualEditor(page, text);
}

test("a post scheduled a few seconds ahead appears at its time, not before", async ({ page }) => {
  await signInAs(page, "author");
  const title = unique("Scheduled");
  await newPost(page, title, "Written for later.");
  await page.getByLabel(/Publish on/).fill(utcInput(new Date(Date.now() + 6_000)));
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByText("Scheduled.")).toBeVisible();
  await expect(page.getByText("Status: Scheduled")).toBeVisible();
  const slug = await page.getByLabel("Slug").inputValue();
  const date = (await page.getByLabel(/Published on/).inputValue()).slice(0, 10).replaceAll("-", "/");
  const url = `/${date}/${slug}/`;
  expect((await page.request.get(url)).status()).toBe(404);
  await expect.poll(async () => (await page.request.get(url)).status(), { timeout: 20_000, intervals: [1_000] }).toBe(200);
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("a contributor submits for review, an editor publishes", async ({ page, browser }) => {
  await signInAs(page, "contributor");
  const title = unique("Guest column");
  await newPost(page, title, "Please consider my column.");
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await page.getByRole("button", { name: "Submit for Review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  await expect(page.getByText("Status: Pending Review")).toBeVisible();

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signInAs(editor, "editor");
  await editor.goto("/admin/posts/?view=pending");
  await editor.getByRole("link", { name: `Edit “${title}”`, exact: true }).click();
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByText("Published.")).toBeVisible();
  await editor.getByRole("link", { name: "View post" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(editor.getByText("Please consider my column.")).toBeVisible();
  await editorContext.close();
});

test("autosave keeps the text through a reload, and leaving with unsaved changes warns", async ({ page }) => {
  await signInAs(page, "author");
  const title = unique("Autosaved");
  await newPost(page, title, "Saved words.");
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();

  await typeInVisualEditor(page, " Words only the autosave has.");
  // Leaving now would lose them: the browser asks first.
  const dialog = new Promise<string>((resolve) => page.once("dialog", async (d) => { resolve(d.type()); await d.dismiss(); }));
  void page.goto("/admin/").catch(() => {});
  expect(await dialog).toBe("beforeunload");

  // The tab is hidden (switching away): autosave runs.
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect(page.getByText(/Autosaved at/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/There is an autosave of this post/)).toBeVisible();
  await page.getByRole("button", { name: "Restore the autosave" }).click();
  await expect(page.getByRole("textbox", { name: "Content (visual editor)" })).toContainText("Saved words. Words only the autosave has.");
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Content (visual editor)" })).toContainText("Words only the autosave has.");
});

test("two people edit the same post: the later save is told of the conflict", async ({ page, browser }) => {
  // Many steps through several screens (two browsers here and there): 13–15 s alone, near 30 s
  // while the PostgreSQL project runs beside this one.
  test.setTimeout(60_000);
  await signInAs(page, "editor");
  const title = unique("Contested");
  await newPost(page, title, "Original text.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  const editUrl = page.url().replace(/\?.*$/, "");

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin");
  await admin.goto(editUrl);
  await page.goto(editUrl);

  await admin.getByRole("textbox", { name: "Title" }).fill(`${title} (admin)`);
  await admin.getByRole("button", { name: "Update" }).click();
  await expect(admin.getByText("Updated.")).toBeVisible();

  await page.getByRole("textbox", { name: "Title" }).fill(`${title} (editor)`);
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "while you were editing" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue(`${title} (editor)`);
  // Nothing was overwritten yet.
  await admin.reload();
  await expect(admin.getByRole("textbox", { name: "Title" })).toHaveValue(`${title} (admin)`);

  await page.getByLabel("Overwrite the other version with mine").check();
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("Updated.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue(`${title} (editor)`);
  await adminContext.close();
});

test("revisions: a list, a side-by-side diff, and restore", async ({ page }) => {
  await signInAs(page, "author");
  // A title with markup, as imported posts have: the revisions screen names the post by its text.
  const title = unique("Revised <em>again</em>");
  await newPost(page, title, "First version.");
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  const editor = page.getByRole("textbox", { name: "Content (visual editor)" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Second version.");
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();

  await page.getByRole("link", { name: "Revisions (2)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Compare Revisions of “${title.replace(/<\/?em>/g, "")}”`);
  await page.getByRole("navigation", { name: "Revisions" }).getByRole("link").nth(1).click();
  const diff = page.getByRole("region", { name: "Differences" });
  await expect(diff.locator("del")).toContainText("First version.");
  await expect(diff.locator("ins")).toContainText("Second version.");
  await page.getByRole("button", { name: "Restore This Revision" }).click();
  await expect(page.getByText("Restored the revision.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Content (visual editor)" })).toHaveText("First version.");
  await expect(page.getByRole("link", { name: "Revisions (3)" })).toBeVisible();
});

test("an author cannot edit others' posts", async ({ page, browser }) => {
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signInAs(editor, "editor");
  const title = unique("Editor's own");
  await newPost(editor, title, "Not for authors.");
  await editor.getByRole("button", { name: "Save Draft" }).click();
  await expect(editor.getByText("Draft saved.")).toBeVisible();
  const editUrl = editor.url().replace(/\?.*$/, "");
  await editorContext.close();

  await signInAs(page, "author");
  await page.goto(`/admin/posts/?s=${encodeURIComponent(title)}`);
  await expect(page.getByText(title)).toBeVisible();
  await expect(page.getByRole("link", { name: `Edit “${title}”`, exact: true })).toHaveCount(0);
  const res = await page.goto(editUrl);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Sorry, you are not allowed to access this page." })).toBeVisible();
});

test("bad input: a duplicate slug gets a message beside the field and nothing is saved; a contributor's script is removed", async ({ page }) => {
  await signInAs(page, "contributor");
  const title = unique("Tricky");
  await newPost(page, title, "x");
  await page.getByRole("button", { name: "HTML" }).click();
  await page.getByRole("textbox", { name: "Content", exact: true }).fill(`<p>Safe words.</p><script>alert(1)</script><p onclick="alert(2)">Click</p>`);
  await page.getByLabel("Slug").fill("hello-world");
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByLabel("Slug")).toHaveAccessibleDescription(/already used by another post/);
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue(title);
  await page.getByLabel("Slug").fill("");
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expect(page.getByText("Some HTML was removed")).toBeVisible();
  await page.getByRole("button", { name: "HTML" }).click();
  const html = await page.getByRole("textbox", { name: "Content", exact: true }).inputValue();
  expect(html).toContain("Safe words.");
  expect(html).not.toContain("<script");
  expect(html).not.toContain("onclick");
});

test("images from the media library: insert one into the content and choose a featured image", async ({ page }) => {
  await signInAs(page, "author");
  const title = unique("With picture");
  await newPost(page, title, "Look:");
  await page.getByRole("button", { name: "Add Media" }).click();
  const dialog = page.getByRole("dialog", { name: "Add media" });
  await dialog.getByRole("searchbox", { name: "Search media" }).fill("Writing test pixel");
  await dialog.getByRole("button", { name: "Writing test pixel" }).click();
  await dialog.getByRole("button", { name: "Insert into post" }).click();
  await page.getByRole("combobox", { name: "Featured image" }).selectOption({ label: "Writing test pixel" });
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Featured image" })).toHaveValue(/\d+/);
  await page.getByRole("link", { name: "View post" }).click();
  await expect(page.getByRole("img", { name: "A single pixel" })).toBeVisible();
});

test("HTML the visual editor cannot represent stays raw, and switching to Visual asks first", async ({ page }) => {
  await signInAs(page, "editor");
  const title = unique("Raw HTML");
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("button", { name: "HTML" }).click();
  const raw = `<div class="callout" data-kind="note"><p>Kept as written.</p></div>`;
  await page.getByRole("textbox", { name: "Content", exact: true }).fill(raw);
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expect(page.getByText(/stays in HTML mode to keep it intact/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Content", exact: true })).toHaveValue(raw);

  page.once("dialog", (d) => { expect(d.message()).toMatch(/cannot be represented in the visual editor/); void d.dismiss(); });
  await page.getByRole("button", { name: "Visual" }).click();
  await expect(page.getByRole("textbox", { name: "Content", exact: true })).toHaveValue(raw);
  await expect(page.getByRole("button", { name: "HTML" })).toHaveAttribute("aria-pressed", "true");
});

test("autosave runs every 60 seconds: a new post becomes a draft without pressing anything", async ({ page }) => {
  await page.clock.install();
  await signInAs(page, "author");
  const title = unique("Timed autosave");
  await newPost(page, title, "Typed and left alone.");
  await expect(page.getByText(/Autosaved at/)).toHaveCount(0);
  await page.clock.fastForward(61_000);
  await expect(page.getByText(/Autosaved at/)).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\/$/);
  await page.goto(`/admin/posts/?view=draft&s=${encodeURIComponent(title)}`);
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
});
