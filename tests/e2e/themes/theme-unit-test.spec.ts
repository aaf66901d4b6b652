// Runs last in the chromium project (Playwright takes folders and files in name order; themes/ is the
// last folder and this file its last: tests/unit/architecture/test-layout.test.ts keeps it so): it
// imports the whole theme unit test into the shared e2e site, which moves the seed's posts off the
// home page that earlier specs read (to do: give it its own instance).
// Moving from WordPress for real: WordPress's own theme unit test export imports with its images
// downloaded (from a loopback copy of the old site), and its [caption] and [gallery] posts show
// figures and galleries from this site's /wp-content/uploads/, in both themes, on a phone and a desktop.
import { test, expect, type Page } from "@playwright/test";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import sharp from "sharp";
import { signInAs } from "../support/auth";
import { SHORTCODE_XSS_PAYLOADS } from "../support/xss-corpus";

// The old site's file host, served from loopback (OUTBOUND_ALLOW_HOSTS lets the e2e server reach it).
const OLD_FILES = "https://wpthemetestdata.files.wordpress.com";
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.FIDELITY_SHOTS;

let server: http.Server;
const images = new Map<string, Buffer>();

async function imageFor(urlPath: string): Promise<Buffer> {
  const hit = images.get(urlPath);
  if (hit) return hit;
  const sized = /-(\d+)x(\d+)\.\w+$/.exec(urlPath);
  const [width, height] = sized ? [Math.min(1600, Number(sized[1])), Math.min(1600, Number(sized[2]))] : [800, 600];
  let hue = 0;
  for (const c of urlPath) hue = (hue * 31 + c.charCodeAt(0)) % 360;
  const rgb = { r: 80 + (hue % 150), g: 60 + ((hue * 7) % 170), b: 90 + ((hue * 13) % 160) };
  const img = await sharp({ create: { width, height, channels: 3, background: rgb } }).jpeg({ quality: 70 }).toBuffer();
  images.set(urlPath, img);
  return img;
}

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (!/\.(jpe?g|png|gif)$/i.test(req.url!.split("?")[0]!)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    void imageFor(req.url!.split("?")[0]!).then((img) => res.writeHead(200, { "content-type": "image/jpeg" }).end(img));
  });
  await new Promise<void>((r) => server.listen(PORT, "127.0.0.1", r));
});
test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

async function activate(page: Page, label: string) {
  await page.goto("/admin/appearance/");
  const card = page.getByRole("listitem", { name: `${label} theme` });
  if (await card.getByText("(Active)").count()) return;
  await card.getByRole("button", { name: `Activate ${label}` }).click();
  await expect(page.getByText("New theme activated.")).toBeVisible();
}

async function expectLocalImagesLoaded(page: Page, selector: string, min: number) {
  const imgs = page.locator(selector);
  await expect.poll(() => imgs.count()).toBeGreaterThanOrEqual(min);
  for (const img of await imgs.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect(img).toHaveAttribute("src", /^\/wp-content\/uploads\/\d{4}\/\d{2}\//);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  }
}

test("the theme unit test export imports with its images, and its captions and galleries render as WordPress's", async ({ page, browser }) => {
  test.setTimeout(400_000);
  const fixture = fs.readFileSync(path.join(process.cwd(), "tests/fixtures/wxr/theme-unit-test-data.xml"), "utf8").replaceAll(OLD_FILES, ORIGIN);
  await signInAs(page, "admin");
  await page.goto("/admin/tools/import/");
  // The page also has the live-site form, with its own download box.
  const download = page.getByRole("form", { name: "From an export file" }).getByRole("checkbox", { name: "Download and import file attachments" });
  await expect(download).toBeChecked();
  await page.getByLabel("WXR file (.xml)").setInputFiles({ name: "theme-unit-test-data.xml", mimeType: "text/xml", buffer: Buffer.from(fixture) });
  await page.getByRole("button", { name: "Upload file and import" }).click();
  await page.getByRole("button", { name: "Run the import" }).click({ timeout: 60_000 });
  await expect(page.getByText("Import finished.")).toBeVisible({ timeout: 300_000 });
  // The file has 37 attachments; its audio and video are not served by this old site.
  await expect(page.getByText(/^35 downloaded into the media library, 2 failed\.$/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "stlouisblues.mp3: The old site answered HTTP 404." })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "2014-slider-mobile-behavior.mov: The old site answered HTTP 404." })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("value", "100");

  try {
    for (const theme of ["Classic", "Modern"]) {
      await activate(page, theme);
      for (const width of [360, 1280]) {
        // Modern follows the reader's colour scheme: it is checked dark.
        const reader = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme === "Modern" ? "dark" : "light" });
        // The old permalinks lead to the imported posts.
        await reader.goto("/2010/09/10/post-format-gallery/");
        const gallery = reader.locator(".entry-content .gallery.gallery-columns-3").first();
        await expect(gallery).toBeVisible();
        await expect(reader.locator(".entry-content")).not.toContainText("[gallery");
        await expectLocalImagesLoaded(reader, ".entry-content .gallery-columns-3 .gallery-item img", 3);
        // Laid out as a grid: three across on a desktop, two on a phone, never wider than the page.
        const boxes = await gallery.locator(".gallery-item").evaluateAll((els) => els.slice(0, 3).map((e) => e.getBoundingClientRect().top));
        expect(boxes[0]).toBe(boxes[1]);
        if (width >= 1280) expect(boxes[2]).toBe(boxes[0]);
        else expect(boxes[2]).toBeGreaterThan(boxes[0]!);
        expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        if (SHOTS) await reader.screenshot({ path: `${SHOTS}/gallery-${theme.toLowerCase()}-${width}.png`, fullPage: false });

        await reader.goto("/2010/08/06/post-format-image-linked/");
        const figure = reader.locator(".entry-content figure.wp-caption.aligncenter");
        await expect(figure).toBeVisible();
        await expect(figure.locator("figcaption.wp-caption-text")).toHaveText(/^Chunk of resinous blackboy husk/);
        await expect(figure.getByRole("link")).toHaveAttribute("href", /^\/wp-content\/uploads\/2013\/09\//);
        await expectLocalImagesLoaded(reader, ".entry-content figure.wp-caption img", 1);
        await expect(reader.locator(".entry-content")).not.toContainText("[caption");
        const fig = (await figure.boundingBox())!;
        expect(fig.x + fig.width).toBeLessThanOrEqual(width);
        if (SHOTS) {
          await figure.scrollIntoViewIfNeeded();
          await reader.screenshot({ path: `${SHOTS}/caption-${theme.toLowerCase()}-${width}.png` });
        }
        await reader.close();
      }
    }
  } finally {
    await activate(page, "Classic");
  }
});

test("hostile shortcodes in an imported post render inert", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const body = SHORTCODE_XSS_PAYLOADS.map((p, i) => `Case ${i}\n\n${p}`).join("\n\n");
  const wxr = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Shortcode corpus ${stamp}</title><content:encoded><![CDATA[${body}]]></content:encoded><wp:post_id>${stamp}</wp:post_id>
<wp:post_date>2021-03-04 10:00:00</wp:post_date><wp:post_name>shortcode-corpus-${stamp}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>`;
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await signInAs(page, "admin");
  await page.goto("/admin/tools/import/");
  await page.getByLabel("WXR file (.xml)").setInputFiles({ name: "corpus.xml", mimeType: "text/xml", buffer: Buffer.from(wxr) });
  await page.getByRole("button", { name: "Upload file and import" }).click();
  await expect(page.getByText("Import finished.")).toBeVisible({ timeout: 60_000 });
  await page.goto(`/2021/03/04/shortcode-corpus-${stamp}/`);
  await expect(page.locator(".entry-content")).toContainText(`Case ${SHORTCODE_XSS_PAYLOADS.length - 1}`);
  await expect(page.locator(".entry-content")).toContainText("[gallery]");
  for (const el of await page.locator(".entry-content *").all()) await el.hover({ force: true, timeout: 1000 }).catch(() => {});
  const findings = await page.locator(".entry-content").evaluate((root) => {
    const bad: string[] = [];
    for (const el of Array.from(root.querySelectorAll("*"))) {
      if (["SCRIPT", "IFRAME", "OBJECT", "EMBED"].includes(el.tagName) || el.tagName.toLowerCase() === "svg") bad.push(el.tagName);
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) bad.push(`${el.tagName} ${attr.name}`);
        if (["href", "src", "poster"].includes(attr.name) && /^\s*(javascript|vbscript|data:text)/i.test(attr.value)) bad.push(`${el.tagName} ${attr.name}`);
      }
    }
    return bad;
  });
  expect(findings).toEqual([]);
  expect(dialogs).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
