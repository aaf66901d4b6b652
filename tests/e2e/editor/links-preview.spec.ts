// The editor's links, embeds, Preview, and nothing lost on the way out, as an author does them.
import { test, expect as baseExpect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import sharp from "sharp";
import { signInAs } from "../support/auth";

// Saves and page loads wait on a two-core machine shared by several builds.
const expect = baseExpect.configure({ timeout: 15_000 });

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const canvas = (page: Page) => page.getByRole("textbox", { name: "Content (visual editor)" });

async function typeInCanvas(page: Page, text: string) {
  await canvas(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(text);
}

/** A published post, through the editor; returns its permalink. */
async function publish(page: Page, title: string, text: string): Promise<string> {
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await typeInCanvas(page, text);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  return (await page.getByRole("link", { name: "View post" }).getAttribute("href"))!;
}

/** A saved draft, open in the editor. */
async function draft(page: Page, title: string, text: string) {
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await typeInCanvas(page, text);
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  return page.url().replace(/\?.*$/, "");
}

test("Ctrl+K links to a post found by title; new tab and nofollow only when chosen, on the site too", async ({ page }) => {
  test.setTimeout(150_000);
  await signInAs(page, "author");
  const targetTitle = unique("Linkable harvest notes");
  const targetUrl = await publish(page, targetTitle, "The post to link to.");

  await page.goto("/admin/posts/new/");
  const title = unique("Links");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await typeInCanvas(page, "Read ");
  await page.keyboard.press("ControlOrMeta+k");
  const dialog = page.getByRole("dialog", { name: "Add link" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("combobox", { name: "Link address or search" })).toBeFocused();
  await expect(dialog.getByRole("checkbox", { name: "Open in new tab" })).not.toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: "Mark as nofollow" })).not.toBeChecked();
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.keyboard.type(targetTitle.split(" ").slice(1).join(" "));
  await expect(dialog.getByRole("option", { name: new RegExp(targetTitle) })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  const internal = canvas(page).getByRole("link", { name: targetTitle });
  await expect(internal).toHaveAttribute("href", targetUrl);
  await expect(internal).not.toHaveAttribute("target", /.*/);
  await expect(internal).not.toHaveAttribute("rel", /.*/);

  // The cursor is after the link: typing goes on in plain text.
  await page.keyboard.type(" and the outside world.");
  await expect(canvas(page).getByRole("link", { name: targetTitle })).toHaveText(targetTitle);
  // Esc closes the field and gives the canvas back.
  await page.keyboard.press("ControlOrMeta+k");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.keyboard.type(" Also");

  // A link to elsewhere, from the toolbar button, opening in a new tab, marked nofollow.
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Shift+ArrowLeft");
  // The main toolbar's Link (the selection toolbar has one too).
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Link", exact: true }).click();
  await dialog.getByRole("combobox").fill("example.com/out");
  await dialog.getByRole("checkbox", { name: "Open in new tab" }).check();
  await dialog.getByRole("checkbox", { name: "Mark as nofollow" }).check();
  await dialog.getByRole("button", { name: "Apply" }).click();
  const outside = canvas(page).getByRole("link", { name: "Also" });
  await expect(outside).toHaveAttribute("href", "https://example.com/out");
  await expect(outside).toHaveAttribute("target", "_blank");
  await expect(outside).toHaveAttribute("rel", "noopener nofollow");

  // Editing an existing link offers its address and removal.
  await outside.click();
  await page.keyboard.press("ControlOrMeta+k");
  const edit = page.getByRole("dialog", { name: "Edit link" });
  await expect(edit.getByRole("combobox")).toHaveValue("https://example.com/out");
  await expect(edit.getByRole("checkbox", { name: "Open in new tab" })).toBeChecked();
  await edit.getByRole("button", { name: "Cancel" }).click();
  // A bad address is refused in the field, and nothing changes.
  await page.keyboard.press("ControlOrMeta+k");
  await edit.getByRole("combobox").fill("javascript:alert(1)");
  await page.keyboard.press("Enter");
  await expect(edit.getByRole("alert")).toContainText("Enter a web address");
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  await page.goto((await page.getByRole("link", { name: "View post" }).getAttribute("href"))!);
  const onSite = page.locator("article");
  await expect(onSite.getByRole("link", { name: targetTitle, exact: true })).toHaveAttribute("href", targetUrl);
  expect(await onSite.getByRole("link", { name: targetTitle, exact: true }).evaluate((a) => [a.getAttribute("target"), a.getAttribute("rel")])).toEqual([null, null]);
  expect(await onSite.getByRole("link", { name: "Also", exact: true }).evaluate((a) => [a.getAttribute("target"), a.getAttribute("rel")])).toEqual(["_blank", "noopener nofollow"]);
});

test("a YouTube URL on its own line becomes a player in the editor and on the site; the cursor lands after it", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "author");
  await page.goto("/admin/posts/new/");
  const title = unique("Embeds");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await typeInCanvas(page, "Watch this:");
  await page.keyboard.press("Enter");
  await page.keyboard.type("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  await page.keyboard.press("Enter");
  const player = canvas(page).locator('iframe[src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"]');
  await expect(player).toBeVisible();
  await expect(canvas(page).getByText("YouTube: https://www.youtube.com/watch?v=dQw4w9WgXcQ")).toBeVisible();
  // The next keys go into a new paragraph after the player, which stays.
  await page.keyboard.type("After the video.");
  await expect(canvas(page).locator("p", { hasText: "After the video." })).toBeVisible();
  await expect(player).toBeVisible();

  // Clicking the block selects it; typing then writes after it, never over it.
  await canvas(page).getByText("YouTube: https://www.youtube.com/watch?v=dQw4w9WgXcQ").click();
  await page.keyboard.type("Typed with the player selected.");
  await expect(player).toBeVisible();
  await expect(canvas(page).locator("p", { hasText: "Typed with the player selected." })).toBeVisible();
  await page.keyboard.press("ControlOrMeta+End");

  // Pasted alone on an empty line, a Vimeo URL becomes a player too.
  await page.keyboard.press("Enter");
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData("text/plain", "https://vimeo.com/76979871");
    document.querySelector(".ProseMirror")!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expect(canvas(page).locator('iframe[src="https://player.vimeo.com/video/76979871?dnt=1"]')).toBeVisible();

  await page.getByRole("button", { name: "HTML", exact: true }).click();
  await expect(page.getByRole("textbox", { name: "Content", exact: true })).toHaveValue(
    /<!-- wp:embed \{"url":"https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ","type":"video","providerNameSlug":"youtube"\} --><figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ<\/div><\/figure><!-- \/wp:embed -->/,
  );
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  const res = await page.goto((await page.getByRole("link", { name: "View post" }).getAttribute("href"))!);
  expect(res!.headers()["content-security-policy"]).toMatch(/frame-src 'self' https:\/\/www\.youtube-nocookie\.com /);
  // On the site each player is a preview until the reader asks for it (reading/embeds.spec.ts proves
  // that nothing reaches the provider before): a link to the video, then the sandboxed player.
  const preview = page.locator("article").getByRole("link", { name: /YouTube video/ });
  await expect(preview).toHaveAttribute("href", "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  await expect(page.locator("article").getByRole("link", { name: /Vimeo video/ })).toHaveCount(1);
  await page.route((u) => !u.href.startsWith(new URL(page.url()).origin), (route) => route.abort());
  await preview.click();
  const site = page.locator('article iframe[src^="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"]');
  await expect(site).toHaveAttribute("sandbox", /allow-scripts/);
  const box = (await site.boundingBox())!;
  expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.05);
  await expect(page.locator("article").getByText("After the video.")).toBeVisible();
});

test("leaving by the admin menu autosaves first; offline, it asks and keeps the text", async ({ page, context }) => {
  test.setTimeout(120_000);
  await signInAs(page, "author");
  const url = await draft(page, unique("Leaving"), "Saved words.");
  await typeInCanvas(page, " Unsaved words one.");
  await page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto(url);
  await expect(page.getByText(/There is an autosave of this post that is more recent/)).toBeVisible();
  await page.getByRole("button", { name: "Restore the autosave" }).click();
  await expect(canvas(page)).toContainText("Saved words. Unsaved words one.");

  // Without a connection the autosave cannot be made: an in-page dialog asks, and Stay keeps everything.
  await context.setOffline(true);
  await typeInCanvas(page, " Offline words.");
  await page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Dashboard" }).click();
  const ask = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole("button", { name: "Stay on this page" })).toBeFocused();
  await ask.getByRole("button", { name: "Stay on this page" }).click();
  await expect(ask).toBeHidden();
  await expect(page).toHaveURL(url);
  await expect(canvas(page)).toContainText("Unsaved words one. Offline words.");
  await context.setOffline(false);
});

test("browser Back with unsaved changes autosaves before going back", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "author");
  const title = unique("Going back");
  await draft(page, title, "Saved text.");
  await page.goto("/admin/posts/");
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\/$/, { timeout: 20_000 });
  const url = page.url();
  await typeInCanvas(page, " Typed before Back.");
  await page.goBack();
  await expect(page).toHaveURL(/\/admin\/posts\/$/, { timeout: 20_000 });
  await page.goto(url);
  await expect(page.getByText(/There is an autosave of this post that is more recent/)).toBeVisible();
  await page.getByRole("button", { name: "Restore the autosave" }).click();
  await expect(canvas(page)).toContainText("Saved text. Typed before Back.");
});

test("offline, the tab is lost: the browser's copy is offered when the post is opened again", async ({ page, context }) => {
  test.setTimeout(120_000);
  await signInAs(page, "author");
  const url = await draft(page, unique("Offline"), "On the server.");
  await context.setOffline(true);
  await typeInCanvas(page, " Only in this browser.");
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("inkwell-backup:post:")).map((k) => localStorage.getItem(k)).join(""))).toContain("Only in this browser.");
  // The tab crashes or is closed while the connection is down: no save reaches the server.
  await page.close({ runBeforeUnload: false });
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByText(/The backup of this post in your browser is different from the version below/)).toBeVisible({ timeout: 20_000 });
  await expect(canvas(again)).toContainText("On the server.");
  await expect(canvas(again)).not.toContainText("Only in this browser.");
  await again.getByRole("button", { name: "Restore the backup" }).click();
  await expect(canvas(again)).toContainText("On the server. Only in this browser.");
  // Saved, the copy is no longer needed: the next visit offers nothing.
  await again.getByRole("button", { name: "Save Draft" }).click();
  await expect(again.getByText("Draft saved.")).toBeVisible();
  await again.goto(url);
  await expect(canvas(again)).toContainText("On the server. Only in this browser.");
  await expect(again.getByText(/The backup of this post in your browser/)).toHaveCount(0);
});

test("Preview shows the unsaved title, terms and featured image on the site's own page, only to its editors", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signInAs(page, "editor");
  const png = await sharp({ create: { width: 320, height: 180, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer();
  const up = await page.request.post("/admin/media/upload/", { multipart: { file: { name: "preview-cover.png", mimeType: "image/png", buffer: png } }, headers: { accept: "application/json" } });
  expect(up.status()).toBe(201);
  const image = (await up.json()) as { id: number; url: string };

  await draft(page, unique("Before preview"), "Saved body.");
  const title = unique("Previewed title");
  const category = unique("Preview category");
  const tag = unique("previewtag");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await typeInCanvas(page, " Unsaved body.");
  await page.getByLabel("Add New Category").fill(category);
  await page.getByRole("button", { name: "Add Category" }).click();
  await expect(page.getByRole("checkbox", { name: category })).toBeChecked();
  await page.getByRole("combobox", { name: "Tags" }).fill(tag);
  await page.getByRole("combobox", { name: "Featured image" }).selectOption(String(image.id));
  await page.getByRole("textbox", { name: "Excerpt" }).fill("An unsaved excerpt.");

  const [preview] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("button", { name: "Preview" }).click()]);
  await preview.waitForURL(/\/\?p=\d+&preview=true$/);
  const previewUrl = preview.url();
  await expect(preview.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(preview.getByText("Saved body. Unsaved body.")).toBeVisible();
  await expect(preview.getByRole("link", { name: category })).toBeVisible();
  await expect(preview.getByRole("link", { name: tag })).toBeVisible();
  await expect(preview.locator(`img[src="${image.url}"]`)).toBeVisible();
  await expect(preview.getByText("Excerpt: An unsaved excerpt.")).toBeVisible();
  // The site's own layout, not the admin's.
  await expect(preview.getByText(/Powered by\s*Inkwell/)).toBeVisible();
  await expect(preview.getByRole("navigation", { name: "Admin menu" })).toHaveCount(0);
  const res = await preview.request.get(previewUrl);
  expect(res.headers()["cache-control"]).toMatch(/no-store|private/);
  expect(res.headers()["x-inkwell-cache"]).toBeUndefined();
  await preview.close();

  // The saved post is unchanged: no tag, the old title.
  const id = /p=(\d+)/.exec(previewUrl)![1];
  await page.goto(`/admin/preview/${id}/`);
  await expect(page).toHaveURL(previewUrl);

  const anon = await browser.newContext();
  expect((await anon.request.get(previewUrl)).status()).toBe(404);
  const subscriber = await anon.newPage();
  await signInAs(subscriber, "subscriber").catch(() => undefined);
  const seen = await subscriber.goto(previewUrl);
  expect(seen!.status()).toBe(404);
  await expect(subscriber.getByText(title)).toHaveCount(0);
  await anon.close();
});
