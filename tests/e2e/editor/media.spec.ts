// Media inside the editor: the media dialog (upload with progress, library search, display
// settings), images that survive the next keystroke, galleries, files dropped or pasted on the
// canvas, the featured image, audio/video/PDF, and axe on the dialog.
import { test, expect, type Page, type Locator } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import sharp from "sharp";
import { signInAs } from "../support/auth";

// Uploads are resized with sharp on a machine shared by several builds: allow for it.
test.describe.configure({ timeout: 120_000 });
const slow = { timeout: 30_000 };

const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const png = (width: number, height: number, r = 20) => sharp({ create: { width, height, channels: 3, background: { r, g: 120, b: 200 } } }).png().toBuffer();
const canvas = (page: Page) => page.getByRole("textbox", { name: "Content (visual editor)" });

async function newPost(page: Page, title: string, text: string) {
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await canvas(page).click();
  await page.keyboard.type(text);
}

async function openAddMedia(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Add Media" }).click();
  const dialog = page.getByRole("dialog", { name: "Add media" });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function uploadInDialog(dialog: Locator, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await dialog.getByRole("tab", { name: "Upload files" }).click();
  await dialog.getByLabel("Select Files").setInputFiles(files);
}

async function publishAndView(page: Page) {
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published.")).toBeVisible(slow);
  await page.getByRole("link", { name: "View post" }).click();
}

/** Pastes (or drops) a file on the canvas as the browser does with a real clipboard or drag. */
async function sendFile(page: Page, how: "paste" | "drop", file: { name: string; type: string; buffer: Buffer }) {
  await canvas(page).evaluate(
    (el, { how, name, type, b64 }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type }));
      const last = el.lastElementChild!.getBoundingClientRect();
      const event = how === "paste"
        ? new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true })
        : new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true, clientX: last.left + 5, clientY: last.bottom - 5 });
      el.dispatchEvent(event);
    },
    { how, name: file.name, type: file.type, b64: file.buffer.toString("base64") },
  );
}

test("upload in the dialog with progress, set alt, caption, size, alignment and link: the site shows WordPress's markup", async ({ page }) => {
  await signInAs(page, "author");
  const title = unique("Harbour post");
  await newPost(page, title, "Before the picture.");
  const dialog = await openAddMedia(page);
  const name = `${unique("e2e-dialog-harbour")}.png`;
  await uploadInDialog(dialog, [{ name, mimeType: "image/png", buffer: await png(1200, 800) }]);
  // The upload shows its progress, then the new item is chosen in the library.
  await expect(dialog.getByRole("button", { name: name.replace(/\.png$/, "").replace(/-/g, " ") })).toHaveAttribute("aria-pressed", "true", slow);
  await dialog.getByRole("tab", { name: "Upload files" }).click();
  await expect(dialog.getByRole("progressbar", { name: `Uploading ${name}` })).toHaveAttribute("value", "100");
  await expect(dialog.getByRole("list", { name: "Uploads" }).getByRole("status")).toHaveText("Uploaded");
  await dialog.getByRole("tab", { name: "Media Library" }).click();

  // The alt text is never the file name: empty, with a hint, until the author writes one.
  const alt = dialog.getByLabel("Alternative Text");
  await expect(alt).toHaveValue("");
  await expect(alt).toHaveAccessibleDescription(/Describe the purpose of the image/);
  await alt.fill("Boats at rest in the harbour");
  await dialog.getByLabel("Caption").fill("Low tide, early morning");
  await dialog.getByLabel("Size").selectOption({ label: "Medium – 300 × 200" });
  await dialog.getByLabel("Alignment").selectOption("Center");
  await dialog.getByLabel("Link To").selectOption("Media File");
  await dialog.getByRole("button", { name: "Insert into post" }).click();
  // Closed at once, the caret in the post: a key typed now can never press Insert a second time.
  await expect(dialog).toBeHidden();
  await expect(canvas(page)).toBeFocused();

  // The canvas shows the picture and its caption, and the caret waits below it.
  const figure = canvas(page).locator("figure.wp-block-image");
  await expect(figure.getByRole("img", { name: "Boats at rest in the harbour" })).toBeVisible();
  await expect(figure.locator("figcaption")).toHaveText("Low tide, early morning");
  await page.keyboard.type("After the picture.");
  await expect(figure).toHaveCount(1);
  await expect(canvas(page).locator("figure.wp-block-image + p")).toHaveText("After the picture.");

  await publishAndView(page);
  const onSite = page.getByRole("main").locator("figure.wp-block-image.aligncenter.size-medium");
  const img = onSite.locator("a > img");
  await expect(img).toHaveAttribute("alt", "Boats at rest in the harbour");
  await expect(img).toHaveAttribute("class", /^wp-image-\d+$/);
  await expect(img).toHaveAttribute("src", /-300x200\.png$/);
  await expect(img).toHaveAttribute("width", "300");
  await expect(img).toHaveAttribute("height", "200");
  await expect(onSite.locator("a")).toHaveAttribute("href", new RegExp(`/wp-content/uploads/\\d{4}/\\d{2}/${name.replace(/\./g, "\\.")}$`));
  await expect(onSite.locator("figcaption.wp-element-caption")).toHaveText("Low tide, early morning");
  expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);

  // The alt text was saved on the attachment too.
  const id = (await img.getAttribute("class"))!.replace("wp-image-", "");
  const item = await (await page.request.get(`/admin/media/library/?id=${id}`)).json();
  expect(item.items[0].alt).toBe("Boats at rest in the harbour");
});

test("the library is searched on the server by title, file name and alt text", async ({ page }) => {
  await signInAs(page, "author");
  await newPost(page, unique("Search post"), "x");
  const dialog = await openAddMedia(page);
  const stem = unique("e2e-findme");
  // The upload is held until the search has answered without it: the library must search again
  // when the file lands (it once kept saying "0 items found").
  let searched!: () => void;
  const searchAnswered = new Promise<void>((resolve) => (searched = resolve));
  await page.route("**/admin/media/upload/", async (route) => {
    await searchAnswered;
    await route.continue();
  });
  await uploadInDialog(dialog, [{ name: `${stem}.png`, mimeType: "image/png", buffer: await png(40, 40) }]);
  await dialog.getByRole("tab", { name: "Media Library" }).click();
  const search = dialog.getByRole("searchbox", { name: "Search media" });
  await search.fill(stem.replace(/-/g, " "));
  await expect(dialog.getByRole("status").filter({ hasText: "found" })).toHaveText(/^0 items found for/, slow);
  searched();
  await expect(dialog.getByRole("status").filter({ hasText: "found" })).toHaveText(/^1 item found for/, slow);
  await expect(dialog.getByRole("list", { name: "Media items" }).getByRole("button")).toHaveCount(1);
  await search.fill("A single pixel");
  await expect(dialog.getByRole("list", { name: "Media items" }).getByRole("button", { name: "Writing test pixel" })).toBeVisible();
  await search.fill("nothing-is-called-this");
  await expect(dialog.getByText("No media items found.")).toBeVisible();
  await dialog.getByRole("button", { name: "Close dialog" }).click();
  await expect(dialog).toBeHidden();
});

test("an image is never lost to the next keystroke: typing on a selected image writes after it", async ({ page }) => {
  await signInAs(page, "author");
  await newPost(page, unique("Keep typing"), "Intro.");
  const dialog = await openAddMedia(page);
  await dialog.getByRole("searchbox", { name: "Search media" }).fill("Writing test pixel");
  await dialog.getByRole("button", { name: "Writing test pixel" }).click();
  await expect(dialog.getByLabel("Alternative Text")).toHaveValue("A single pixel");
  await dialog.getByRole("button", { name: "Insert into post" }).click();
  await page.keyboard.type("Right after.");
  const figure = canvas(page).locator("figure.wp-block-image");
  await expect(figure).toHaveCount(1);

  // Select the picture itself, then type and press Enter: the picture stays.
  await figure.getByRole("img", { name: "A single pixel" }).click();
  await expect(figure).toHaveClass(/is-selected/);
  await page.keyboard.type("More");
  await page.keyboard.press("Enter");
  await expect(figure.getByRole("img", { name: "A single pixel" })).toBeVisible();
  await expect(canvas(page).locator("figure.wp-block-image + p")).toHaveText("More");
  await expect(canvas(page).locator("figure.wp-block-image + p + p")).toHaveText("");
  await expect(canvas(page).locator("p").filter({ hasText: "Right after." })).toHaveCount(1);

  // Backspace at the start of the paragraph below selects the picture; a second one removes it.
  await canvas(page).locator("figure.wp-block-image + p").click();
  await page.keyboard.press("Home");
  await page.keyboard.press("Backspace");
  await expect(figure).toHaveClass(/is-selected/);
  await page.keyboard.press("Backspace");
  await expect(figure).toHaveCount(0);
});

test("several images make a gallery with its columns and crop", async ({ page }) => {
  await signInAs(page, "author");
  await newPost(page, unique("Gallery post"), "Three views:");
  const dialog = await openAddMedia(page);
  const stem = unique("e2e-gallery");
  await uploadInDialog(dialog, await Promise.all([1, 2, 3].map(async (n) => ({ name: `${stem}-${n}.png`, mimeType: "image/png", buffer: await png(600, 400, n * 60) }))));
  await expect(dialog.getByRole("heading", { name: "Gallery of 3 images" })).toBeVisible(slow);
  await dialog.getByLabel("Columns").selectOption("2");
  await dialog.getByLabel("Crop images to fit").uncheck();
  await dialog.getByRole("button", { name: "Insert gallery" }).click();
  const gallery = canvas(page).locator("figure.wp-block-gallery");
  await expect(gallery).toHaveClass("wp-block-gallery has-nested-images columns-2");
  await expect(gallery.locator("figure.wp-block-image img")).toHaveCount(3);
  await page.keyboard.type("Below the gallery.");

  await publishAndView(page);
  const onSite = page.getByRole("main").locator("figure.wp-block-gallery.has-nested-images.columns-2");
  await expect(onSite).not.toHaveClass(/is-cropped/);
  await expect(onSite.locator("> figure.wp-block-image > img[class^='wp-image-']")).toHaveCount(3);
  // Two columns on the page, as chosen.
  const boxes = await onSite.locator("> figure").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  expect(boxes[0]).toBe(boxes[1]);
  expect(boxes[2]).toBeGreaterThan(boxes[0]!);
});

test("an image pasted or dropped on the canvas uploads in place; a refused file says so and changes nothing", async ({ page }) => {
  await signInAs(page, "author");
  await newPost(page, unique("Paste post"), "Pasted below.");
  await sendFile(page, "paste", { name: "pasted-shot.png", type: "image/png", buffer: await png(500, 300) });
  const figures = canvas(page).locator("figure.wp-block-image img");
  await expect(figures).toHaveCount(1, slow);
  await expect(figures.first()).toHaveAttribute("src", /\/wp-content\/uploads\/\d{4}\/\d{2}\/pasted-shot(-\d+)?\.png$/);
  await expect(figures.first()).toHaveAttribute("alt", "");
  await page.keyboard.type("Typed after the paste.");
  await expect(canvas(page).locator("figure.wp-block-image + p")).toHaveText("Typed after the paste.");

  await sendFile(page, "drop", { name: "dropped.png", type: "image/png", buffer: await png(300, 300, 200) });
  await expect(figures).toHaveCount(2, slow);

  await page.getByRole("button", { name: "HTML" }).click();
  const before = await page.getByRole("textbox", { name: "Content", exact: true }).inputValue();
  await page.getByRole("button", { name: "Visual" }).click();
  await sendFile(page, "paste", { name: "cute-cat.png", type: "image/png", buffer: Buffer.from("<!doctype html><script>alert(1)</script>") });
  await expect(page.getByRole("alert").filter({ hasText: "“cute-cat.png” has failed to upload." })).toContainText(/not an image this site accepts/, slow);
  await sendFile(page, "drop", { name: "huge.png", type: "image/png", buffer: Buffer.alloc(11 * 1024 * 1024, 1) });
  await expect(page.getByRole("alert").filter({ hasText: "“huge.png” is larger than the 10 MB limit." })).toBeVisible();
  await expect(figures).toHaveCount(2);
  await page.getByRole("button", { name: "HTML" }).click();
  await expect(page.getByRole("textbox", { name: "Content", exact: true })).toHaveValue(before);
});

test("the featured image is uploaded and set from the same dialog", async ({ page }) => {
  await signInAs(page, "author");
  await newPost(page, unique("Featured post"), "With a featured image.");
  await page.getByRole("button", { name: "Set featured image" }).click();
  const dialog = page.getByRole("dialog", { name: "Featured image" });
  const name = `${unique("e2e-featured")}.png`;
  await uploadInDialog(dialog, [{ name, mimeType: "image/png", buffer: await png(800, 600, 90) }]);
  await expect(dialog.getByRole("heading", { name: "Attachment details" })).toBeVisible(slow);
  await dialog.getByRole("button", { name: "Set featured image" }).click();
  await expect(dialog).toBeHidden();
  const select = page.getByRole("combobox", { name: "Featured image" });
  await expect(select.locator("option:checked")).toHaveText(name.replace(/\.png$/, "").replace(/-/g, " "));
  await expect(page.getByRole("button", { name: "Replace featured image" })).toBeVisible();
  await publishAndView(page);
  await expect(page.getByRole("main").locator(`img[src*="${name.replace(/\.png$/, "")}"]`).first()).toBeVisible();
});

test("audio, video and PDF files upload, insert as players and a download link, and are served safely", async ({ page, browser }) => {
  // Two users, three uploads and a settings round trip: the longest test here.
  test.setTimeout(240_000);
  // WordPress allows these by default; Inkwell asks the administrator first (Settings → Media).
  await signInAs(page, "admin");
  await page.goto("/admin/settings/media/");
  for (const label of ["PDF documents (.pdf)", "MP3 audio (.mp3)", "MP4 video (.mp4)"]) await page.getByLabel(label).check();
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible(slow);

  const author = await browser.newPage();
  try {
    await signInAs(author, "author");
    await newPost(author, unique("Files post"), "Listen, watch, read.");
    const stem = unique("e2e-media");
    const mp3 = Buffer.concat([Buffer.from("ID3\x03\x00\x00\x00\x00\x00\x00", "latin1"), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(400)]);
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42\x00\x00\x00\x00mp42isom", "latin1"), Buffer.alloc(200)]);
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1");
    for (const [file, label] of [[{ name: `${stem}.mp3`, mimeType: "audio/mpeg", buffer: mp3 }, "audio"], [{ name: `${stem}.mp4`, mimeType: "video/mp4", buffer: mp4 }, "video"], [{ name: `${stem}.pdf`, mimeType: "application/pdf", buffer: pdf }, "pdf"]] as const) {
      const dialog = await openAddMedia(author);
      await uploadInDialog(dialog, [file]);
      await expect(dialog.getByRole("heading", { name: "Attachment details" })).toBeVisible(slow);
      await dialog.getByRole("button", { name: "Insert into post" }).click();
      await expect(dialog, label).toBeHidden();
    }
    const c = canvas(author);
    await expect(c.locator("figure.wp-block-audio audio[controls]")).toHaveAttribute("src", new RegExp(`${stem}\\.mp3$`));
    await expect(c.locator("figure.wp-block-video video[controls]")).toHaveAttribute("src", new RegExp(`${stem}\\.mp4$`));
    await expect(c.locator(".wp-block-file a.wp-block-file__button")).toHaveText("Download");
    await author.keyboard.type("The end.");

    await publishAndView(author);
    const main = author.getByRole("main");
    const audio = main.locator("figure.wp-block-audio > audio[controls]");
    const video = main.locator("figure.wp-block-video > video[controls]");
    await expect(audio).toHaveCount(1);
    await expect(video).toHaveCount(1);
    const file = main.locator("div.wp-block-file");
    await expect(file.getByRole("link", { name: stem.replace(/-/g, " ") })).toHaveAttribute("href", new RegExp(`${stem}\\.pdf$`));
    await expect(file.getByRole("link", { name: "Download" })).toHaveAttribute("download", "");

    // Served with their own type, never sniffed, the PDF as a download.
    const head = async (sel: Locator, attr: string) => (await author.request.get((await sel.getAttribute(attr))!)).headers();
    const a = await head(audio, "src");
    expect([a["content-type"], a["x-content-type-options"]]).toEqual(["audio/mpeg", "nosniff"]);
    const v = await head(video, "src");
    expect([v["content-type"], v["x-content-type-options"]]).toEqual(["video/mp4", "nosniff"]);
    const p = await head(file.getByRole("link", { name: "Download" }), "href");
    expect([p["content-type"], p["x-content-type-options"]]).toEqual(["application/pdf", "nosniff"]);
    expect(p["content-disposition"]).toMatch(/^attachment;/);
  } finally {
    await author.close();
    await page.goto("/admin/settings/media/");
    for (const label of ["PDF documents (.pdf)", "MP3 audio (.mp3)", "MP4 video (.mp4)"]) await page.getByLabel(label).uncheck();
    await page.getByRole("button", { name: "Save Changes" }).click();
  }
});

test("the media dialog: named controls, focus kept inside, Esc closes, no serious axe violation, usable at 360 px", async ({ page }) => {
  await signInAs(page, "author");
  await page.setViewportSize({ width: 360, height: 740 });
  await newPost(page, unique("A11y post"), "x");
  const dialog = await openAddMedia(page);
  await dialog.getByRole("searchbox", { name: "Search media" }).fill("Writing test pixel");
  await dialog.getByRole("button", { name: "Writing test pixel" }).click();
  await expect(dialog.getByLabel("Alternative Text")).toBeFocused();
  // Tabbing never leaves the dialog (the page behind is inert).
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("dialog[open]") || document.activeElement === document.body)).toBe(true);
  }
  const results = await new AxeBuilder({ page }).include("dialog[open]").analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const box = await dialog.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(360);
  await expect(dialog.getByRole("button", { name: "Insert into post" })).toBeInViewport();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Add Media" })).toBeFocused();
});
