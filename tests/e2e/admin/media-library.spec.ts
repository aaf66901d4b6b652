import { test, expect } from "@playwright/test";
import sharp from "sharp";
import { signInAs } from "../support/auth";

async function pngBuffer(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } } }).png().toBuffer();
}

test("an author uploads an image: its sizes exist, are served as images, and go when it is deleted", async ({ page, request }) => {
  await signInAs(page, "author");
  await page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Media" }).click();
  await expect(page.getByRole("heading", { name: "Media Library" })).toBeVisible();
  const name = `e2e-sunset-${Date.now()}.png`;
  await page.getByLabel("Select Files").setInputFiles({ name, mimeType: "image/png", buffer: await pngBuffer(1200, 800) });
  const row = page.getByRole("list", { name: "Uploads" }).getByRole("listitem").filter({ hasText: name });
  await expect(row.getByRole("status")).toHaveText("Uploaded");
  await expect(row.getByRole("progressbar")).toHaveAttribute("value", "100");

  // The grid shows it; its page lists WordPress's sizes, each served with the right headers.
  const base = name.replace(/\.png$/, "");
  await page.getByRole("link", { name: new RegExp(base.replace(/-/g, " ")) }).first().click();
  await expect(page.getByRole("heading", { name: "Edit Media" })).toBeVisible();
  const sizes = page.getByRole("region", { name: "Sizes" });
  await expect(sizes.getByRole("link")).toHaveText(["thumbnail (150 × 150)", "medium (300 × 200)", "medium_large (768 × 512)", "large (1024 × 683)"]);
  const urls = [await page.getByRole("link", { name: /\/wp-content\/uploads\// }).getAttribute("href"), ...(await sizes.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href"))))];
  expect(urls[0]).toMatch(new RegExp(`^/wp-content/uploads/\\d{4}/\\d{2}/${base}\\.png$`));
  for (const url of urls) {
    const res = await request.get(url!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/png");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["content-disposition"]).toBeUndefined();
  }
  const thumb = await sharp(await (await request.get(urls[1]!)).body()).metadata();
  expect([thumb.width, thumb.height]).toEqual([150, 150]);

  // Alt text and caption are saved.
  await page.getByLabel("Alternative Text").fill("A blue test card");
  await page.getByLabel("Caption").fill("Made by the e2e test");
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("Media file updated.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Alternative Text")).toHaveValue("A blue test card");

  // Delete removes the files.
  await page.getByRole("button", { name: "Delete permanently" }).click();
  await expect(page.getByText("Media file permanently deleted.")).toBeVisible();
  for (const url of urls) expect((await request.get(url!)).status()).toBe(404);
});

test("a disguised or oversized upload is refused with a clear message", async ({ page }) => {
  await signInAs(page, "author");
  await page.goto("/admin/media/");
  await page.getByLabel("Select Files").setInputFiles({ name: "cute-cat.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<!doctype html><script>alert(document.cookie)</script>") });
  await expect(page.getByText(/“cute-cat\.jpg” has failed to upload\. .*not an image this site accepts/)).toBeVisible();
  await page.getByLabel("Select Files").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(11 * 1024 * 1024, 1) });
  await expect(page.getByText(/“huge\.png” has failed to upload\. The file is larger than the 10 MB limit\./)).toBeVisible();
});

test("the media list view shows uploads with their author", async ({ page }) => {
  await signInAs(page, "editor");
  await page.goto("/admin/media/");
  const name = `e2e-list-${Date.now()}.png`;
  await page.getByLabel("Select Files").setInputFiles({ name, mimeType: "image/png", buffer: await pngBuffer(100, 100) });
  await expect(page.getByRole("list", { name: "Uploads" }).getByRole("status")).toHaveText("Uploaded");
  await page.getByRole("navigation", { name: "View mode" }).getByRole("link", { name: "List" }).click();
  const row = page.getByRole("row").filter({ hasText: name.replace(/\.png$/, "") });
  await expect(row).toContainText("Editor Person");
  await expect(row).toContainText("(Unattached)");
});

test("uploads cannot be read outside their folder, and signed-out or lower roles cannot upload", async ({ request, page }) => {
  for (const p of ["/wp-content/uploads/%2e%2e/inkwell.db", "/wp-content/uploads/..%2f..%2finkwell.db", "/wp-content/uploads/%252e%252e/%252e%252e/package.json", "/wp-content/uploads/.%2e/.auth-secret", "/wp-content/uploads/2026/11/..%5c..%5cinkwell.db"]) {
    const res = await request.get(p);
    expect(res.status(), p).toBe(404);
  }
  const anon = await request.post("/admin/media/upload/", { multipart: { file: { name: "a.png", mimeType: "image/png", buffer: await pngBuffer(10, 10) } }, headers: { accept: "application/json" } });
  expect(anon.status()).toBe(401);
  await signInAs(page, "contributor");
  const res = await page.request.post("/admin/media/upload/", { multipart: { file: { name: "a.png", mimeType: "image/png", buffer: await pngBuffer(10, 10) } }, headers: { accept: "application/json" } });
  expect(res.status()).toBe(403);
  expect((await page.goto("/admin/media/"))?.status()).toBe(403);
});

test("an author may view an editor's upload but not change or delete it", async ({ page, browser }) => {
  // The editor uploads.
  await signInAs(page, "editor");
  await page.goto("/admin/media/");
  const name = `e2e-editors-${Date.now()}.png`;
  await page.getByLabel("Select Files").setInputFiles({ name, mimeType: "image/png", buffer: await pngBuffer(60, 60) });
  await expect(page.getByRole("list", { name: "Uploads" }).getByRole("status")).toHaveText("Uploaded");
  await page.getByRole("navigation", { name: "View mode" }).getByRole("link", { name: "List" }).click();
  await page.getByRole("link", { name: name.replace(/\.png$/, "").replace(/-/g, " ") }).click();
  await expect(page.getByRole("heading", { name: "Edit Media" })).toBeVisible();
  const itemUrl = page.url();
  expect(itemUrl).toMatch(/\/admin\/media\/\d+\/$/);

  const ctx = await browser.newContext();
  const author = await ctx.newPage();
  await signInAs(author, "author");
  await author.goto(itemUrl);
  await expect(author.getByText("You may view this file; only its uploader or an editor may change it.")).toBeVisible();
  await expect(author.getByRole("button", { name: "Update" })).toHaveCount(0);
  await expect(author.getByRole("button", { name: "Delete permanently" })).toHaveCount(0);
  await ctx.close();
});
