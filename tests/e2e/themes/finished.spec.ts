// The theme unit test's hardest posts read well in both themes, on a phone and a desktop, light and
// dark: nothing runs off the page, Classic keeps a 60–75 character measure beside its sidebar,
// headings step down from h1 to h6, tables have padded cells, captions look like captions, wide
// blocks break out of the measure, and axe finds nothing serious. The posts are imported (as
// copies with their own slugs and IDs) through Tools → Import and go to the Trash at the end.
import { test, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import sharp from "sharp";
import { signInAs } from "../support/auth";
import { E2E_DB } from "../support/linkbacks";

test.describe.configure({ mode: "serial" });

const OLD_FILES = "https://wpthemetestdata.files.wordpress.com";
const IMAGE_PORT = Number(process.env.E2E_PORT || 3100) + 61;
const STAMP = `tf${Date.now().toString(36)}`;
const ORIGIN = `http://127.0.0.1:${IMAGE_PORT}/${STAMP}`;
/** The theme unit test's posts that break themes, by WordPress ID. */
const POSTS = {
  longTitle: 1175, // "Taumatawhakatangihanga…": one 85-letter word as the title
  tags: 1178, // Markup: HTML Tags and Formatting
  textAlign: 1176,
  imageAlign: 1177,
  titleMarkup: 1173,
  gallery: 555, // Post Format: Gallery ([gallery] of attached images)
  blockImage: 1755,
  blockGallery: 1752,
  columns: 1743,
  cover: 1745,
  embeds: 1738,
} as const;
const ID_OFFSET = 800_000;

interface Copy {
  slug: string;
  url: string;
}
const copies = new Map<number, Copy>();

const field = (item: string, name: string) => new RegExp(`<wp:${name}>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</wp:${name}>`).exec(item)?.[1] ?? "";

/**
 * The chosen posts and their attachments as a WXR of their own: new IDs, slugs and old links (so
 * that theme-unit-test.spec.ts's import of the whole file later meets nothing of ours), written by admin,
 * without terms or comments (nothing else on the site changes), files on this spec's image server.
 */
function subsetWxr(): string {
  const xml = fs.readFileSync(path.join(process.cwd(), "tests/fixtures/wxr/themeunittestdata.wordpress.xml"), "utf8");
  const head = xml.slice(0, xml.indexOf("<item>")).replace(/<wp:(author|category|tag|term)>[\s\S]*?<\/wp:\1>/g, "");
  const items = xml.match(/<item>[\s\S]*?<\/item>/g)!;
  const wanted = new Set<number>(Object.values(POSTS));
  const chosen = items.filter((it) => {
    const id = Number(field(it, "post_id"));
    return (field(it, "post_type") === "post" && wanted.has(id)) || (field(it, "post_type") === "attachment" && wanted.has(Number(field(it, "post_parent"))));
  });
  const out = chosen.map((it) => {
    const id = Number(field(it, "post_id"));
    const slug = `${field(it, "post_name")}-${STAMP}`;
    if (field(it, "post_type") === "post") {
      const [y, m, d] = field(it, "post_date").slice(0, 10).split("-");
      copies.set(id, { slug, url: `/${y}/${m}/${d}/${slug}/` });
    }
    return it
      .replace(/<wp:comment>[\s\S]*?<\/wp:comment>/g, "")
      .replace(/<category [^>]*>[\s\S]*?<\/category>/g, "")
      .replace(/<dc:creator>[\s\S]*?<\/dc:creator>/, "<dc:creator><![CDATA[admin]]></dc:creator>")
      .replace(/<wp:post_name>[\s\S]*?<\/wp:post_name>/, `<wp:post_name><![CDATA[${slug}]]></wp:post_name>`)
      // The importer, as WordPress's, takes a post with the same type, title and date for one it
      // has: a copy's title differs, or theme-unit-test.spec.ts's import of the whole file would skip the original.
      .replace(/<\/title>/, " (copy)</title>")
      .replace(/\/<\/link>/, `-${STAMP}/</link>`)
      .replace(/(<guid[^>]*>)([^<]*)/, `$1$2&amp;copy=${STAMP}`)
      .replace(/<wp:post_id>(\d+)/, (_, n: string) => `<wp:post_id>${Number(n) + ID_OFFSET}`)
      .replace(/<wp:post_parent>([1-9]\d*)/, (_, n: string) => `<wp:post_parent>${Number(n) + ID_OFFSET}`)
      .replaceAll(OLD_FILES, ORIGIN);
  });
  return `${head}${out.join("\n")}\n</channel>\n</rss>\n`;
}

let server: http.Server;
test.beforeAll(async () => {
  // Stand-in pictures, sized by the name's -WxH as the old host's were (see theme-unit-test.spec.ts).
  server = http.createServer((req, res) => {
    const p = req.url!.split("?")[0]!;
    if (!/\.(jpe?g|png|gif)$/i.test(p)) return void res.writeHead(404).end();
    const sized = /-(\d+)x(\d+)\.\w+$/.exec(p);
    const [width, height] = sized ? [Math.min(1600, Number(sized[1])), Math.min(1600, Number(sized[2]))] : [800, 600];
    void sharp({ create: { width, height, channels: 3, background: { r: 120, g: 140, b: 170 } } }).jpeg({ quality: 60 }).toBuffer()
      .then((img) => res.writeHead(200, { "content-type": "image/jpeg" }).end(img));
  });
  await new Promise<void>((r) => server.listen(IMAGE_PORT, "127.0.0.1", r));
});

test.afterAll(async ({ browser }) => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  const r = spawnSync(path.join("node_modules", ".bin", "tsx"), ["tests/e2e/support/themes-cli.ts", ...[...copies.values()].map((c) => c.slug)], {
    env: { ...process.env, DATABASE_URL: E2E_DB, INKWELL_LOG: "off", INKWELL_JOBS: "off" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`themes-cli failed: ${r.stderr}`);
  const page = await browser.newPage();
  await signInAs(page, "admin");
  await activate(page, "Classic");
  await page.close();
});

async function activate(page: Page, label: "Classic" | "Modern") {
  await page.goto("/admin/appearance/");
  const card = page.getByRole("listitem", { name: `${label} theme` });
  if (await card.getByText("(Active)").count()) return;
  await card.getByRole("button", { name: `Activate ${label}` }).click();
  await expect(page.getByText("New theme activated.")).toBeVisible();
}

const url = (id: number) => copies.get(id)!.url;

/** Everything outside a scroll box that reaches past the viewport's edges, and the page's own width. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > vw) found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      let boxed = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") boxed = true;
      }
      const r = el.getBoundingClientRect();
      if (boxed || r.width === 0 || r.height === 0) continue;
      // Wholly off to the left is the off-screen way of hiding (it scrolls nothing); partly is cut off.
      if (r.right > vw + 1 || (r.left < -1 && r.right > 0)) found.push(`<${el.tagName.toLowerCase()} class="${el.className}"> spans ${Math.round(r.left)} to ${Math.round(r.right)}`);
    }
    return found.slice(0, 8);
  });
}

/** Characters per full line of the first long paragraph of the post's text, as laid out. */
function charsPerLine(page: Page) {
  return page.locator(".entry-content > p").filter({ hasText: /.{300}/ }).first().evaluate((p) => {
    const lines = new Map<number, number>();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.textContent!.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        const top = Math.round(rect.top);
        lines.set(top, (lines.get(top) ?? 0) + 1);
      }
    }
    const counts = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
    const full = counts.slice(0, -1);
    return full.reduce((a, b) => a + b, 0) / full.length;
  });
}

async function seriousViolations(browser: Browser, path: string, colorScheme: "light" | "dark") {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(path);
  const results = await new AxeBuilder({ page }).analyze();
  await context.close();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${path} (${colorScheme}) ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("the theme unit test's hardest posts arrive through Tools → Import", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "admin");
  await page.goto("/admin/tools/import/");
  // The page also has the live-site form, with its own download box.
  await expect(page.getByRole("form", { name: "From an export file" }).getByRole("checkbox", { name: "Download and import file attachments" })).toBeChecked();
  await page.getByLabel("WXR file (.xml)").setInputFiles({ name: "theme-unit-subset.xml", mimeType: "text/xml", buffer: Buffer.from(subsetWxr()) });
  await page.getByRole("button", { name: "Upload file and import" }).click();
  const run = page.getByRole("button", { name: "Run the import" });
  const done = page.getByText("Import finished.");
  await expect(run.or(done)).toBeVisible({ timeout: 60_000 });
  if (await run.isVisible()) await run.click();
  await expect(done).toBeVisible({ timeout: 120_000 });
  expect(copies.size).toBe(Object.keys(POSTS).length);
  for (const id of Object.values(POSTS)) {
    const r = await page.request.get(url(id));
    expect(r.status(), url(id)).toBe(200);
  }
});

for (const theme of ["Classic", "Modern"] as const) {
  test(`${theme}: every post fits a phone and a desktop, with its typography finished`, async ({ browser, page }) => {
    test.setTimeout(420_000);
    await signInAs(page, "admin");
    await activate(page, theme);
    const schemes = theme === "Modern" ? (["light", "dark"] as const) : (["light"] as const);

    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: schemes.at(-1) });
      const reader = await context.newPage();
      for (const id of Object.values(POSTS)) {
        await reader.goto(url(id));
        await expect(reader.locator("h1.entry-title")).toBeVisible();
        // Every picture at its real size: lazy ones are loaded now rather than when scrolled to.
        await reader.evaluate(() => Promise.all(Array.from(document.images).map((i) => {
          i.loading = "eager";
          return i.complete ? null : new Promise((r) => { i.onload = i.onerror = r; setTimeout(r, 5000); });
        })));
        expect.soft(await overflowing(reader), `${theme} ${url(id)} at ${width} px`).toEqual([]);
      }

      // The long word of the title wraps inside the content column instead of running under the sidebar.
      await reader.goto(url(POSTS.longTitle));
      const title = await reader.locator("h1.entry-title").boundingBox();
      const column = await reader.locator("main").boundingBox();
      expect(title!.x + title!.width).toBeLessThanOrEqual(column!.x + column!.width + 1);

      await reader.goto(url(POSTS.tags));
      // A type scale: each heading level smaller than the one above it, and h1 above the text.
      const sizes = await reader.locator(".entry-content").evaluate((c) =>
        ["h1", "h2", "h3", "h4", "h5", "h6", "p"].map((t) => parseFloat(getComputedStyle(c.querySelector(t)!).fontSize)));
      for (let i = 1; i < 6; i++) expect(sizes[i - 1], `h${i} larger than h${i + 1} (${sizes.join(", ")})`).toBeGreaterThan(sizes[i]!);
      expect(sizes[0]).toBeGreaterThan(sizes[6]! * 1.5);
      const cell = await reader.locator(".entry-content td").first().evaluate((td) => {
        const s = getComputedStyle(td);
        return { padding: parseFloat(s.paddingLeft), border: parseFloat(s.borderBottomWidth) };
      });
      expect(cell.padding).toBeGreaterThan(0);
      expect(cell.border).toBeGreaterThan(0);
      const dd = await reader.locator(".entry-content dd").first().evaluate((el) => parseFloat(getComputedStyle(el).marginLeft));
      expect(dd).toBeGreaterThan(0);
      // Code scrolls inside its box, not the page.
      const pre = await reader.locator(".entry-content pre").first().evaluate((el) => getComputedStyle(el).overflowX);
      expect(["auto", "scroll"]).toContain(pre);

      await reader.goto(url(POSTS.blockImage));
      const caption = await reader.locator(".entry-content figcaption").first().evaluate((el) => {
        const c = getComputedStyle(el);
        const p = getComputedStyle(el.closest(".entry-content")!.querySelector(":scope > p")!);
        return { differs: c.fontSize !== p.fontSize || c.color !== p.color || c.fontStyle !== p.fontStyle, size: parseFloat(c.fontSize), body: parseFloat(p.fontSize) };
      });
      expect(caption.differs).toBe(true);
      expect(caption.size).toBeLessThanOrEqual(caption.body);
      if (width === 1280) {
        const measure = (await reader.locator(".entry-content > p").first().boundingBox())!.width;
        const wide = (await reader.locator(".entry-content > .alignwide").first().boundingBox())!.width;
        expect(wide, "a wide image is wider than the text").toBeGreaterThan(measure + 40);
        if (theme === "Classic") {
          // Classic's column keeps a comfortable measure beside the sidebar.
          await reader.goto(url(POSTS.textAlign));
          const cpl = await charsPerLine(reader);
          expect(cpl, `characters per line: ${cpl}`).toBeGreaterThanOrEqual(60);
          expect(cpl, `characters per line: ${cpl}`).toBeLessThanOrEqual(75);
        }
      } else {
        // On a phone floats give up their side and take the whole width.
        await reader.goto(url(POSTS.imageAlign));
        const floats = await reader.locator(".entry-content :is(.alignleft, .alignright)").evaluateAll((els) => els.map((e) => getComputedStyle(e).float));
        expect(floats.length).toBeGreaterThan(0);
        expect(new Set(floats)).toEqual(new Set(["none"]));
      }
      await context.close();
    }

    const found: string[] = [];
    for (const scheme of schemes) {
      for (const id of [POSTS.tags, POSTS.imageAlign, POSTS.blockImage, POSTS.gallery, POSTS.cover]) found.push(...(await seriousViolations(browser, url(id), scheme)));
    }
    expect(found).toEqual([]);
  });
}
