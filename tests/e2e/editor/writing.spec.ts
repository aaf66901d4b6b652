// The writing canvas and the flow of writing, as a writer meets them: the theme's typography,
// Markdown shortcuts, the "/" inserter, the selection toolbar, block moves, Ctrl+S, word count,
// distraction-free mode, pasting from Google Docs and Word, and hostile paste.
import fs from "node:fs";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "../support/auth";
import { XSS_PAYLOADS } from "../support/xss-corpus";

// Typing whole paragraphs on a shared two-core machine takes its time.
test.describe.configure({ timeout: 120_000 });

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const clipboard = (name: string) => fs.readFileSync(path.join(process.cwd(), "tests/fixtures/clipboard", name), "utf8");
const canvas = (page: Page) => page.getByRole("textbox", { name: "Content (visual editor)" });
const css = (page: Page, selector: string, prop: string) =>
  canvas(page).locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);

async function newPost(page: Page, who: "author" | "editor" | "contributor" | "admin" = "author") {
  await signInAs(page, who);
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(unique("Canvas"));
  await canvas(page).click();
}

/** What a browser's paste of copied content delivers to the page. */
async function paste(page: Page, html: string, text = "") {
  await canvas(page).evaluate((el, [h, t]) => {
    const data = new DataTransfer();
    data.setData("text/html", h!);
    data.setData("text/plain", t!);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, [html, text]);
}

async function htmlSource(page: Page) {
  await page.getByRole("button", { name: "HTML" }).click();
  const html = await page.getByRole("textbox", { name: "Content", exact: true }).inputValue();
  await page.getByRole("button", { name: "Visual" }).click();
  return html;
}

test("Markdown shortcuts turn into blocks and marks that look as they will on the site", async ({ page }) => {
  await newPost(page);
  const k = page.keyboard;
  await k.type("# Big title");
  await k.press("Enter");
  await k.type("Body text with **bold** and _soft_ and `code` words.");
  await k.press("Enter");
  await k.type("###### Smallest heading");
  await k.press("Enter");
  await k.type("- first");
  await k.press("Enter");
  await k.type("second");
  await k.press("Enter");
  await k.press("Enter");
  await k.type("1. one");
  await k.press("Enter");
  await k.press("Enter");
  await k.type("> quoted");
  await k.press("Enter");
  await k.press("Enter");
  await k.type("---");
  await k.type("```js");
  await k.press("Enter");
  await k.type("let x = 1;");
  await k.press("Enter");
  await k.press("Enter");
  await k.press("Enter");
  // A writer's pause: the history groups keys typed within 500 ms, so Undo below takes back only
  // this last sentence (typed at machine speed, everything since "---" was one undo step).
  await page.waitForTimeout(700);
  await k.type("See https://example.org/docs for more ");

  const c = canvas(page);
  await expect(c.getByRole("heading", { level: 1, name: "Big title" })).toBeVisible();
  await expect(c.getByRole("heading", { level: 6, name: "Smallest heading" })).toBeVisible();
  // The canvas wears the site's content typography, not the admin's plain text.
  const body = parseFloat(await css(page, "p", "font-size"));
  expect(parseFloat(await css(page, "h1", "font-size"))).toBeGreaterThan(body * 1.5);
  expect(await css(page, "h1", "font-weight")).toBe("700");
  expect(await css(page, "h1", "font-family")).toContain("Trebuchet MS"); // Classic's heading font
  expect(await css(page, "p", "font-family")).toContain("Georgia"); // Classic's body font
  expect(await css(page, "strong", "font-weight")).toBe("700");
  await expect(c.locator("strong")).toHaveText("bold");
  expect(await css(page, "em", "font-style")).toBe("italic");
  expect(await css(page, "p code", "font-family")).toMatch(/monospace|Menlo|Consolas/);
  await expect(c.locator("ul > li")).toHaveText(["first", "second"]);
  expect(await css(page, "ul", "list-style-type")).toBe("disc");
  expect(await css(page, "ol", "list-style-type")).toBe("decimal");
  expect(await css(page, "blockquote", "border-left-style")).toBe("solid");
  await expect(c.locator("blockquote")).toHaveText("quoted");
  await expect(c.locator("hr")).toHaveCount(1);
  await expect(c.locator("pre code")).toHaveText("let x = 1;");
  expect(await css(page, "pre", "background-color")).not.toBe("rgba(0, 0, 0, 0)");
  const link = c.getByRole("link", { name: "https://example.org/docs" });
  await expect(link).toBeVisible();
  expect(await link.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe("underline");
  expect(await link.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(26, 94, 154)"); // Classic's accent

  // The title is set as the theme sets a post's title.
  const title = page.getByRole("textbox", { name: "Title" });
  expect(await title.evaluate((el) => getComputedStyle(el).fontFamily)).toContain("Trebuchet MS");
  expect(await title.evaluate((el) => getComputedStyle(el).fontSize)).toBe("30px");

  // Undo takes the last change back.
  await k.press("ControlOrMeta+z");
  const html = await htmlSource(page);
  expect(html).toContain("<h1>Big title</h1>");
  expect(html).toContain("<h6>Smallest heading</h6>");
  expect(html).toMatch(/<pre><code class="language-js">let x = 1;<\/code><\/pre>/);
});

async function activateTheme(page: Page, label: string) {
  await page.goto("/admin/appearance/");
  const card = page.getByRole("listitem", { name: `${label} theme` });
  if (await card.getByText("(Active)").count()) return;
  await card.getByRole("button", { name: `Activate ${label}` }).click();
  await expect(page.getByText("New theme activated.")).toBeVisible();
}

test.describe("with the Modern theme active", () => {
  // Whatever happens in the test, the site goes back to Classic for the tests after it.
  test.afterEach(async ({ browser }) => {
    const page = await browser.newPage();
    await signInAs(page, "admin");
    await activateTheme(page, "Classic");
    await page.close();
  });

  test("the dark variant of the active theme carries into the canvas", async ({ browser, page }) => {
    await signInAs(page, "admin");
    await activateTheme(page, "Modern");
    const ctx = await browser.newContext({ colorScheme: "dark", storageState: await page.context().storageState() });
    const dark = await ctx.newPage();
    await dark.goto("/admin/posts/new/");
    await canvas(dark).click();
    await dark.keyboard.type("## Night writing");
    await expect(canvas(dark).getByRole("heading", { level: 2, name: "Night writing" })).toBeVisible();
    const surface = dark.locator(".editor-canvas");
    expect(await surface.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(22, 22, 26)");
    expect(await css(dark, "h2", "color")).toBe("rgb(236, 236, 241)");
    expect(await css(dark, "h2", "font-family")).toContain("system-ui");
    expect(await dark.getByRole("textbox", { name: "Title" }).evaluate((el) => getComputedStyle(el).fontWeight)).toBe("800");
    await ctx.close();
  });
});

test("the / inserter lists every kind of block, filters as you type, and inserts with Enter", async ({ page }) => {
  await newPost(page);
  await page.keyboard.type("/");
  const list = page.getByRole("listbox", { name: "Blocks" });
  await expect(list).toBeVisible();
  for (const label of ["Paragraph", "Heading 1", "Heading 6", "Bulleted list", "Numbered list", "Quote", "Code", "Separator"]) {
    await expect(list.getByRole("option", { name: label, exact: true })).toBeVisible();
  }
  await page.keyboard.type("quo");
  // Quote by its name first, then Pullquote (whose keywords include "quote").
  await expect(list.getByRole("option")).toHaveText(["Quote", "Pullquote"]);
  await page.keyboard.press("Enter");
  await expect(list).toBeHidden();
  await page.keyboard.type("Said well.");
  await expect(canvas(page).locator("blockquote")).toHaveText("Said well.");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("/h3");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Section");
  await expect(canvas(page).getByRole("heading", { level: 3, name: "Section" })).toBeVisible();
  await expect(canvas(page)).not.toContainText("/");
  // Nothing matches: it says so, and Escape leaves the text as typed.
  await page.keyboard.press("Enter");
  await page.keyboard.type("/zzzz");
  await expect(page.getByText("No block matches.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(canvas(page)).toContainText("/zzzz");
});

test("the selection toolbar formats selected words and sets the heading level", async ({ page }) => {
  await newPost(page);
  await page.keyboard.type("Make this stronger");
  await canvas(page).getByText("Make this stronger").dblclick({ position: { x: 5, y: 5 } });
  const bar = page.getByRole("toolbar", { name: "Selected text" });
  await expect(bar).toBeVisible();
  await bar.getByRole("button", { name: "Bold" }).click();
  await expect(bar.getByRole("button", { name: "Bold" })).toHaveAttribute("aria-pressed", "true");
  await bar.getByRole("button", { name: "Italic" }).click();
  await bar.getByRole("button", { name: "Strikethrough" }).click();
  await expect(canvas(page).locator("s")).toHaveText("Make");
  expect(await css(page, "s", "text-decoration-line")).toBe("line-through");
  expect(await css(page, "s", "font-weight")).toBe("700");
  expect(await css(page, "s", "font-style")).toBe("italic");
  await bar.getByLabel("Text style").selectOption("Heading 3");
  await expect(canvas(page).getByRole("heading", { level: 3 })).toContainText("Make this stronger");
  for (const name of ["Link", "Inline code"]) await expect(bar.getByRole("button", { name })).toBeVisible();
  await page.keyboard.press("End");
  await expect(bar).toBeHidden();
});

test("blocks move and go by keyboard and from the block handle's menu", async ({ page }) => {
  await newPost(page);
  for (const t of ["One", "Two", "Three"]) {
    await page.keyboard.type(t);
    await page.keyboard.press("Enter");
  }
  await page.keyboard.press("Backspace");
  const blocks = canvas(page).locator(":scope > *");
  await expect(blocks).toHaveText(["One", "Two", "Three"]);
  await page.keyboard.press("Alt+Shift+ArrowUp");
  await expect(blocks).toHaveText(["One", "Three", "Two"]);
  await page.keyboard.press("Alt+Shift+ArrowUp");
  await expect(blocks).toHaveText(["Three", "One", "Two"]);
  // The cursor stayed in the moved block: typing goes on where it was.
  await page.keyboard.type("!");
  await expect(blocks).toHaveText(["Three!", "One", "Two"]);
  await page.keyboard.press("Alt+Shift+ArrowDown");
  await expect(blocks).toHaveText(["One", "Three!", "Two"]);
  await page.keyboard.press("Alt+Shift+Z");
  await expect(blocks).toHaveText(["One", "Two"]);

  // The handle: Alt+F10 reaches it, its menu works by keyboard.
  await page.keyboard.press("Alt+F10");
  const handle = page.getByRole("button", { name: /^Block \d of 2: options$/ });
  await expect(handle).toBeFocused();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Block options" });
  // The cursor went to the block before the removed one: the first, which cannot move up.
  await expect(menu.getByRole("menuitem", { name: /Move up/ })).toBeDisabled();
  await expect(menu.getByRole("menuitem", { name: /Move down/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(blocks).toHaveText(["Two", "One"]);
  // And by mouse: hover the first block, open its handle, delete it.
  await canvas(page).getByText("Two").hover();
  await page.getByRole("button", { name: "Block 1 of 2: options" }).click();
  await page.getByRole("menuitem", { name: /Delete block/ }).click();
  await expect(blocks).toHaveText(["One"]);
});

test("Ctrl+S saves the draft without a browser dialog; word count and reading time follow the text", async ({ page }) => {
  await newPost(page);
  await page.keyboard.type("One two three four five six seven eight nine ten.");
  await expect(page.getByText("10 words · reading time under a minute")).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.type("Eleven.");
  await expect(page.getByText("11 words · reading time under a minute")).toBeVisible();
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\/\?saved=draft/);
  await expect(canvas(page)).toContainText("Eleven.");
});

test("distraction-free mode hides the admin chrome and side panels, and is remembered", async ({ page }) => {
  await newPost(page);
  const menu = page.getByRole("navigation", { name: "Admin menu" });
  const publish = page.getByRole("heading", { name: "Publish" });
  await expect(menu).toBeVisible();
  const toggle = page.getByRole("button", { name: "Distraction-free" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(menu).toBeHidden();
  await expect(publish).toBeHidden();
  await expect(page.getByText(/^Howdy,/)).toBeHidden();
  await expect(canvas(page)).toBeVisible();
  await page.reload();
  await expect(menu).toBeHidden();
  await canvas(page).click();
  await page.keyboard.press("ControlOrMeta+Shift+Backslash");
  await expect(menu).toBeVisible();
  await expect(publish).toBeVisible();
  await expect(page.getByRole("button", { name: "Distraction-free" })).toHaveAttribute("aria-pressed", "false");
});

test("pasting from Google Docs keeps headings, lists, links, emphasis and tables, and drops Docs' styling", async ({ page }) => {
  await newPost(page);
  await paste(page, clipboard("google-docs.html"), "Trip notes from Lisbon");
  const c = canvas(page);
  await expect(c.getByRole("heading", { level: 2, name: "Trip notes from Lisbon" })).toBeVisible();
  await expect(c.locator("strong")).toHaveText(["number 28 tram"]);
  await expect(c.locator("em")).toHaveText(["packed"]);
  await expect(c.getByRole("link", { name: "tourist office" })).toHaveAttribute("href", "https://www.visitlisboa.com/en");
  await expect(c.locator("ul > li")).toHaveText(["Pastéis de nata in Belém", "Fado in Alfama"]);
  await expect(c).toContainText("Monday");
  await expect(c).toContainText("6.80 €");
  // Docs' wrapper <b style="font-weight:normal"> does not make everything bold.
  expect(await c.getByText("We took the").evaluate((el) => getComputedStyle(el).fontWeight)).toBe("400");
  expect(await css(page, "h2", "font-family")).toContain("Trebuchet MS");
  const html = await htmlSource(page);
  for (const gone of ["style=", "docs-internal-guid", "<span", "<b ", "dir=", "<meta", "font-weight"]) expect(html).not.toContain(gone);
});

test("pasting from Word keeps headings, bulleted and numbered lists, links and emphasis, and drops mso markup", async ({ page }) => {
  await newPost(page);
  await paste(page, clipboard("word.html"), "Quarterly garden report");
  const c = canvas(page);
  await expect(c.getByRole("heading", { level: 1, name: "Quarterly garden report" })).toBeVisible();
  await expect(c.getByRole("heading", { level: 2, name: "Next steps" })).toBeVisible();
  await expect(c.locator("ul > li")).toHaveText(["Water in the morning", "Mulch in June"]);
  await expect(c.locator("ol > li")).toHaveText(["Order seeds", "Build the cold frame"]);
  await expect(c.locator("strong")).toHaveText("very well");
  await expect(c.locator("em")).toHaveText("less so");
  await expect(c.getByRole("link", { name: /seed\s+catalogue/ })).toHaveAttribute("href", "https://example.org/seed-catalogue");
  await expect(c).toContainText("Tomatoes");
  const html = await htmlSource(page);
  for (const gone of ["mso", "Mso", "o:p", "<span", "style=", "·", "@font-face", "StartFragment"]) expect(html).not.toContain(gone);
  // Word's classes go; the only class left is the table block's own (WordPress's wp-block-table figure).
  expect(html.match(/class="[^"]*"/g) ?? []).toEqual(['class="wp-block-table"']);
});

test("pasted XSS never runs and never reaches the saved HTML", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await newPost(page, "admin");
  await page.keyboard.type("Before the paste.");
  await page.keyboard.press("Enter");
  await paste(page, XSS_PAYLOADS.join("\n<p>sep</p>\n"), "plain");
  await expect(canvas(page)).toContainText("js link");
  await page.waitForTimeout(300); // any onerror/onload would have fired by now
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const html = await htmlSource(page);
  expect(html).toContain("Before the paste.");
  // Judged as a browser parses it: no dangerous element, no handler, no script URL survives.
  const found = await page.evaluate((h) => {
    const doc = new DOMParser().parseFromString(h, "text/html");
    const bad: string[] = [];
    doc.body.querySelectorAll("script, iframe, object, embed, style, form, base, link, meta, svg, math").forEach((el) => bad.push(el.tagName));
    doc.body.querySelectorAll("*").forEach((el) => {
      for (const a of el.attributes) {
        if (a.name.startsWith("on") || a.name === "style" || /^\s*(javascript|data:text)/i.test(a.value.replace(/[\s\u0000-\u001f]/g, ""))) bad.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    });
    return bad;
  }, html);
  expect(found).toEqual([]);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  await page.getByRole("link", { name: "View post" }).click();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // The corpus leaves images without alt text: to the Trash, so that the home page the reading
  // specs check with axe is not this test's leftovers.
  await page.goBack();
  await page.getByRole("button", { name: "Move to Trash" }).click();
  await expect(page).toHaveURL(/\/admin\/posts\//);
});

test("at 360 px the editor fits, and axe finds nothing serious with the inserter and toolbar open", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await newPost(page);
  await page.keyboard.type("A short line to select");
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await fits()).toBe(true);
  const axe = async (label: string) => {
    let builder = new AxeBuilder({ page }).include("main");
    // The floating toolbar and the inserter may sit outside main (portals): check them too.
    for (const sel of [".bubble-toolbar", ".slash-menu"]) if (await page.locator(sel).count()) builder = builder.include(sel);
    const results = await builder.analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), label).toEqual([]);
  };
  await axe("editor");
  await page.keyboard.press("Shift+Home");
  await expect(page.getByRole("toolbar", { name: "Selected text" })).toBeVisible();
  expect(await fits()).toBe(true);
  await axe("selection toolbar");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("/");
  await expect(page.getByRole("listbox", { name: "Blocks" })).toBeVisible();
  expect(await fits()).toBe(true);
  await axe("inserter");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Alt+F10");
  await expect(page.getByRole("button", { name: /^Block \d+ of \d+: options$/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu", { name: "Block options" })).toBeVisible();
  expect(await fits()).toBe(true);
  await axe("block menu");
});

test("a long title wraps at 360 px instead of running off the screen, and Enter in the title goes on to the text", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, "author");
  await page.goto("/admin/posts/new/");
  const title = page.getByRole("textbox", { name: "Title" });
  const oneLine = (await title.boundingBox())!.height;
  await title.fill(`Antidisestablishmentarianism and a title long enough to need three lines at this width ${unique("Wrap")}`);
  // Every word of it is on screen: the field grew downwards rather than scrolling sideways.
  await expect.poll(async () => (await title.boundingBox())!.height).toBeGreaterThan(oneLine * 2);
  expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await title.press("End");
  await title.press("Enter");
  await expect(canvas(page)).toBeFocused();
  await page.keyboard.type("First words.");
  await expect(canvas(page)).toContainText("First words.");
  expect(await title.inputValue()).not.toContain("\n");
});

test("two posts with the same title both publish, the second at -2 as in WordPress; a refused save on a phone shows the field that needs attention", async ({ page }) => {
  await signInAs(page, "author");
  const title = unique("Weekly links");
  const links: string[] = [];
  for (let i = 0; i < 2; i++) {
    await page.goto("/admin/posts/new/");
    await page.getByRole("textbox", { name: "Title" }).fill(title);
    await canvas(page).click();
    await page.keyboard.type(`Issue ${i + 1}.`);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByText("Published.")).toBeVisible();
    links.push((await page.getByRole("link", { name: "View post" }).getAttribute("href"))!);
  }
  expect(links[1]).toBe(links[0]!.replace(/\/$/, "-2/"));

  // A slug typed by hand that another post has is the writer's to change: at 360 px the Publish
  // button is far below it, so the refusal brings the field into view with the focus on it.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(unique("Typed slug"));
  await page.getByRole("textbox", { name: "Slug" }).fill(new URL(links[0]!, "http://x").pathname.split("/").filter(Boolean).pop()!);
  await canvas(page).click();
  await page.keyboard.type("Words.");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const slug = page.getByRole("textbox", { name: "Slug" });
  await expect(slug).toBeFocused();
  await expect(slug).toBeInViewport();
  await expect(page.getByText(/is already used by another post/)).toBeInViewport();
});

test("Tab in the title goes on to the text, as in WordPress's classic editor; Shift+Tab still goes back", async ({ page }) => {
  await signInAs(page, "author");
  await page.goto("/admin/posts/new/");
  const title = page.getByRole("textbox", { name: "Title" });
  await title.fill(unique("Tab on"));
  await title.press("Tab");
  await expect(canvas(page)).toBeFocused();
  await page.keyboard.type("Typed after Tab.");
  await expect(canvas(page)).toContainText("Typed after Tab.");
  expect(await title.inputValue()).not.toContain("\t");
  await title.focus();
  await title.press("Shift+Tab");
  await expect(title).not.toBeFocused();
  await expect(canvas(page)).not.toBeFocused();
});

test("a classic post as WordPress stores it (blank-line paragraphs, headings, lists, a table) opens in Visual and reads the same", async ({ page }) => {
  await signInAs(page, "author");
  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(unique("Classic"));
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const classic = "First paragraph, typed in the classic editor.\n\nSecond paragraph.\n<h2>A heading</h2>\n<ul>\n<li>First point</li>\n<li>Second point</li>\n</ul>\n<table><thead><tr><th>Name</th></tr></thead><tbody><tr><td>Value</td></tr></tbody></table>\n<hr>\n\n<a href=\"/wp-content/uploads/lake.jpg\"><img class=\"alignright size-medium wp-image-5\" src=\"/wp-content/uploads/lake-300x200.jpg\" alt=\"A lake\" width=\"300\" height=\"200\"></a>\n\nThe end.";
  await page.getByRole("button", { name: "HTML", exact: true }).click();
  await page.getByRole("textbox", { name: "Content", exact: true }).fill(classic);
  await page.getByRole("button", { name: "Visual" }).click();
  await expect(page.getByRole("button", { name: "Visual" })).toHaveAttribute("aria-pressed", "true");
  expect(dialogs).toEqual([]);
  // Blank lines are paragraphs, as WordPress shows them.
  await expect(canvas(page).locator("p").first()).toHaveText("First paragraph, typed in the classic editor.");
  await expect(canvas(page).locator("p").nth(1)).toHaveText("Second paragraph.");
  await expect(canvas(page).getByRole("heading", { name: "A heading", level: 2 })).toBeVisible();
  await expect(canvas(page).getByRole("listitem")).toHaveText(["First point", "Second point"]);
  await expect(canvas(page).getByRole("cell", { name: "Value" })).toBeVisible();
  // The picture keeps its place (alignright) and its link to the full file.
  await expect(canvas(page).locator('a[href="/wp-content/uploads/lake.jpg"] > img.alignright.wp-image-5')).toHaveAttribute("alt", "A lake");

  // Saved as it was typed (nothing was edited), and opened again: Visual, without a note.
  await page.getByRole("button", { name: "HTML", exact: true }).click();
  await page.getByRole("textbox", { name: "Content", exact: true }).fill(classic);
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Visual" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(/stays in HTML mode/)).toHaveCount(0);
  await expect(canvas(page).getByRole("listitem")).toHaveText(["First point", "Second point"]);
  // As the server stored it (its sanitizer writes void elements as <hr />, as WordPress does).
  expect(await page.locator('textarea[name="content"]').inputValue()).toBe(classic.replace("<hr>", "<hr />").replace('height="200">', 'height="200" />'));

  // HTML the editor has no place for still keeps the post in HTML mode, untouched.
  const styled = '<p>Words</p>\n<div class="callout">A box the editor has no block for</div>';
  await page.getByRole("button", { name: "HTML", exact: true }).click();
  await page.getByRole("textbox", { name: "Content", exact: true }).fill(styled);
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByText(/stays in HTML mode/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Content", exact: true })).toHaveValue(styled);
  await page.getByRole("button", { name: "Move to Trash" }).click();
  await expect(page).toHaveURL(/\/admin\/posts\//);
});
