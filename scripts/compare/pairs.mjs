// Screenshot pairs of the same theme unit test pages on the loopback WordPress (Twenty Twenty-Three,
// wordpress.sh) and Inkwell (inkwell.sh), for docs/themes.md.
//   node scripts/compare/pairs.mjs capture wordpress|classic|modern [page ...]   full-page shots at
//       360 and 1280 px (Modern light and dark) into RAW, overflow flagged; for classic or modern,
//       switch Inkwell's theme first (inkwell.sh theme NAME)
//   node scripts/compare/pairs.mjs compose [OUT]   one WebP per page and width: WordPress | Classic |
//       Modern light | Modern dark, side by side, into docs/themes/ (or OUT)
//   PAIRS_SET=blocks: the block-editor posts of the 64 block test data (docs/blocks-compared.md)
//       instead of the theme pages; RAW=/tmp/… keeps their shots apart
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const WP = process.env.WP_URL ?? "http://127.0.0.1:8190";
const INK = process.env.INK_URL ?? "http://127.0.0.1:4610";
const RAW = process.env.RAW ?? "/tmp/inkwell-compare-shots";

const THEME_PAGES = {
  "long-title": "/2009/10/05/title-should-not-overflow-the-content-area/",
  "html-tags": "/2013/01/11/markup-html-tags-and-formatting/",
  "text-alignment": "/2013/01/09/markup-text-alignment/",
  "image-alignment": "/2013/01/10/markup-image-alignment/",
  "title-with-markup": "/2013/01/05/markup-title-with-markup/",
  "post-format-gallery": "/2010/09/10/post-format-gallery/",
  "block-image": "/2018/11/03/block-image/",
  "block-gallery": "/2018/11/03/block-gallery/",
  "block-columns": "/2018/11/02/column-blocks/",
  "block-cover": "/2018/11/03/block-cover/",
  "template-comments": "/2012/01/03/template-comments/",
  "page-with-children": "/about/",
  home: "/",
  category: "/category/markup/",
  search: "/?s=alignment",
  "404": "/this-page-does-not-exist/",
};

// One post per core block (tests/fixtures/wxr/block-themes/64-block-test-data.xml), all of 2024-02-05.
const BLOCK_PAGES = Object.fromEntries(
  ["columns", "group", "row", "stack", "cover", "buttons", "gallery", "image", "quote", "pullquote", "table", "separator", "spacer", "media-text", "file", "code", "preformatted", "verse", "details"]
    .map((slug) => [slug, `/2024/02/05/${slug}/`]),
);

export const PAGES = process.env.PAIRS_SET === "blocks" ? BLOCK_PAGES : THEME_PAGES;

const [cmd, arg] = process.argv.slice(2);
if (cmd === "capture") {
  // As /work/shared/tools/shots.mjs does (full page, overflow flagged), in one browser, with the
  // lazy images loaded so that both sides show their pictures, and only the schemes a side has.
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const { chromium } = require("playwright-core");
  const base = arg === "wordpress" ? WP : INK;
  const schemes = arg === "modern" ? ["light", "dark"] : ["light"];
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking"] });
  const only = process.argv.slice(4);
  for (const width of [360, 1280]) for (const scheme of schemes) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await ctx.newPage();
    for (const [name, p] of Object.entries(PAGES)) {
      if (only.length && !only.includes(name)) continue;
      await page.goto(base + p, { waitUntil: "load" }).catch(() => {});
      await page.evaluate(async () => {
        for (const img of Array.from(document.images)) img.loading = "eager";
        await Promise.all(Array.from(document.images).map((i) => (i.complete ? null : new Promise((r) => { i.onload = i.onerror = r; setTimeout(r, 3000); }))));
      });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      const dir = path.join(RAW, arg, name);
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, `shot-${width}-${scheme}.png`), fullPage: true });
      if (overflow > 1) console.log(`${arg} ${name} ${width} ${scheme}: overflows by ${overflow} px`);
    }
    await ctx.close();
  }
  await browser.close();
} else if (cmd === "compose") {
  const out = arg ?? "docs/themes";
  fs.mkdirSync(out, { recursive: true });
  const columns = [["WordPress 6.1 · Twenty Twenty-Three", "wordpress", "light"], ["Inkwell · Classic", "classic", "light"], ["Inkwell · Modern", "modern", "light"], ["Inkwell · Modern, dark", "modern", "dark"]];
  for (const name of Object.keys(PAGES)) {
    for (const width of [360, 1280]) {
      const scale = width === 1280 ? 0.5 : 1;
      const colW = Math.round(width * scale);
      const maxH = width === 1280 ? 1800 : 3000;
      const gap = 16, label = 28;
      const tiles = [];
      for (const [i, [title, side, scheme]] of columns.entries()) {
        const file = path.join(RAW, side, name, `shot-${width}-${scheme}.png`);
        if (!fs.existsSync(file)) continue;
        const img = sharp(file).resize({ width: colW });
        const { data, info } = await img.toBuffer({ resolveWithObject: true });
        const h = Math.min(info.height, maxH);
        const cropped = await sharp(data).extract({ left: 0, top: 0, width: info.width, height: h }).toBuffer();
        tiles.push({ title, x: i * (colW + gap), buf: cropped, h });
      }
      if (!tiles.length) continue;
      const W = columns.length * colW + (columns.length - 1) * gap;
      const H = label + Math.max(...tiles.map((t) => t.h));
      const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
      const svg = `<svg width="${W}" height="${label}" xmlns="http://www.w3.org/2000/svg"><rect width="100%" height="100%" fill="#222"/>${tiles
        .map((t) => `<text x="${t.x + 6}" y="19" font-family="DejaVu Sans, sans-serif" font-size="${width === 1280 ? 15 : 12}" fill="#fff">${esc(t.title)}</text>`).join("")}</svg>`;
      await sharp({ create: { width: W, height: H, channels: 3, background: "#888" } })
        .composite([{ input: Buffer.from(svg), left: 0, top: 0 }, ...tiles.map((t) => ({ input: t.buf, left: t.x, top: label }))])
        .webp({ quality: 50 })
        .toFile(path.join(out, `${name}-${width}.webp`));
    }
  }
  const total = fs.readdirSync(out).reduce((n, f) => n + fs.statSync(path.join(out, f)).size, 0);
  console.log(`${out}: ${(total / 1e6).toFixed(1)} MB`);
} else {
  console.error("usage: pairs.mjs capture wordpress|classic|modern | compose [OUT]");
  process.exit(2);
}
