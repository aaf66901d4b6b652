// The admin's list tables as people use them: select all from the header or the footer,
// shift-click a range, the Comments column, and on a phone one column per row with its own
// "Show more details" toggle (which works without JavaScript too), with nothing wider than the screen.
import { test, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "../support/auth";
import { LISTS_SEED } from "../support/admin-lists";

const LIST_SCREENS = [
  "/admin/posts/", "/admin/pages/", "/admin/comments/", "/admin/media/?mode=list", "/admin/users/",
  "/admin/categories/", "/admin/tags/", "/admin/", "/admin/settings/permalinks/",
];
const rangeList = `/admin/posts/?view=draft&s=${encodeURIComponent(LISTS_SEED.rangeStem)}`;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include("main").analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function admin(browser: Browser, opts: { width: number; javaScriptEnabled?: boolean }) {
  const context = await browser.newContext({ viewport: { width: opts.width, height: 800 }, javaScriptEnabled: opts.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await signInAs(page, "admin");
  return { context, page };
}

const rowBoxes = (page: Page) => page.getByRole("checkbox", { name: new RegExp(`^Select ${LISTS_SEED.rangeStem} \\d$`) });

test("select all from the header or the footer, and shift-click a range", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, "admin");
  await page.goto(rangeList);
  const boxes = rowBoxes(page);
  await expect(boxes).toHaveCount(LISTS_SEED.rangeCount);
  const [head, foot] = [page.getByRole("checkbox", { name: "Select All" }).first(), page.getByRole("checkbox", { name: "Select All" }).last()];
  await expect(page.getByRole("checkbox", { name: "Select All" })).toHaveCount(2);

  await head.check();
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  await expect(foot).toBeChecked();
  await foot.uncheck();
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();
  await expect(head).not.toBeChecked();

  // The list is newest first: Range pick 5 … 1. Click the first, shift-click the fourth.
  const all = await boxes.all();
  await all[0]!.click();
  await all[3]!.click({ modifiers: ["Shift"] });
  for (const box of all.slice(0, 4)) await expect(box).toBeChecked();
  await expect(all[4]!).not.toBeChecked();
  await expect(head).not.toBeChecked();
  // A shift-click that unchecks takes the range with it.
  await all[1]!.click();
  await all[2]!.click({ modifiers: ["Shift"] });
  await expect(all[0]!).toBeChecked();
  await expect(all[1]!).not.toBeChecked();
  await expect(all[2]!).not.toBeChecked();
  await expect(all[3]!).toBeChecked();
  // Checking the last box by hand completes the set: both select-all boxes follow.
  await all[1]!.check();
  await all[2]!.check();
  await all[4]!.check();
  await expect(head).toBeChecked();
  await expect(foot).toBeChecked();

  // What was selected is what the bulk action gets.
  await head.uncheck();
  await all[0]!.click();
  await all[1]!.click({ modifiers: ["Shift"] });
  await page.getByLabel("Bulk actions").selectOption("edit");
  await page.getByText("Bulk Edit options").click();
  await page.getByLabel("Status").selectOption("pending");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("2 posts updated.")).toBeVisible();
  await page.goto(`/admin/posts/?view=pending&s=${encodeURIComponent(LISTS_SEED.rangeStem)}`);
  await expect(rowBoxes(page)).toHaveCount(2);
  // Put them back as drafts for a second run on the same site.
  await page.getByRole("checkbox", { name: "Select All" }).first().check();
  await page.getByLabel("Bulk actions").selectOption("edit");
  await page.getByText("Bulk Edit options").click();
  await page.getByLabel("Status").selectOption("draft");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("2 posts updated.")).toBeVisible();
});

test("Bulk Edit's categories scroll inside a bounded box", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto(rangeList);
  await page.getByText("Bulk Edit options").click();
  const group = page.getByRole("group", { name: "Add categories" });
  const last = group.getByRole("checkbox", { name: `Shelf ${LISTS_SEED.shelfCount}` });
  const box = last.locator("xpath=ancestor::div[1]");
  const size = await box.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight }));
  expect(size.client).toBeLessThanOrEqual(200);
  expect(size.scroll).toBeGreaterThan(size.client);
  await last.check();
  await expect(last).toBeInViewport();
});

test("Posts has a Comments column: approved and held counts, each leading to those comments", async ({ page }) => {
  await signInAs(page, "admin");
  const c = LISTS_SEED.counted;
  await page.goto(`/admin/posts/?s=${encodeURIComponent(c.title)}`);
  const row = page.getByRole("row").filter({ hasText: c.title });
  await expect(page.getByRole("columnheader", { name: "Comments" }).first()).toBeVisible();
  // A post from another year shows its year, as every date in the lists does.
  await expect(row).toContainText("2030/01/01 at 10:00 am");
  await expect(row.getByRole("link", { name: `${c.approved} approved comments` })).toHaveAttribute("href", /comment_status=approved/);
  await row.getByRole("link", { name: `${c.pending} pending comment` }).click();
  await expect(page.getByRole("heading", { name: `Comments on “${c.title}”` })).toBeVisible();
  await expect(page.getByRole("row", { name: /Comment by Counter held/ })).toHaveCount(c.pending);
  await expect(page.getByRole("row", { name: /Comment by Counter approved/ })).toHaveCount(0);
  await page.goBack();
  await row.getByRole("link", { name: `${c.approved} approved comments` }).click();
  await expect(page.getByRole("row", { name: /Comment by Counter approved/ })).toHaveCount(c.approved);
  // A post without comments says so to a screen reader instead of showing a bare zero.
  await page.goto(rangeList);
  await expect(page.getByRole("row").filter({ hasText: `${LISTS_SEED.rangeStem} 1` }).getByText("No approved comments")).toBeAttached();
});

test("on a phone each row shows its primary column, and its toggle shows the rest, by pointer and by keyboard", async ({ browser }) => {
  const { context, page } = await admin(browser, { width: 360 });
  await page.goto(rangeList);
  const row = page.getByRole("row").filter({ hasText: `${LISTS_SEED.rangeStem} 2` });
  const date = row.getByRole("cell").filter({ hasText: "Last Modified" });
  await expect(row.getByRole("link", { name: `${LISTS_SEED.rangeStem} 2`, exact: true })).toBeVisible();
  await expect(row.getByRole("checkbox", { name: `Select ${LISTS_SEED.rangeStem} 2` })).toBeVisible();
  await expect(date).toBeHidden();
  const toggle = row.getByRole("checkbox", { name: `Show more details: ${LISTS_SEED.rangeStem} 2` });
  await toggle.click();
  await expect(date).toBeVisible();
  await expect(row.getByRole("cell").filter({ hasText: "No approved comments" })).toBeVisible();
  // The other rows stay collapsed.
  await expect(page.getByRole("row").filter({ hasText: `${LISTS_SEED.rangeStem} 3` }).getByRole("cell").filter({ hasText: "Last Modified" })).toBeHidden();
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(date).toBeHidden();

  // The other list screens collapse the same way.
  await page.goto("/admin/users/");
  const me = page.getByRole("row").filter({ hasText: "admin@example.com" });
  await expect(me.getByRole("cell").filter({ hasText: "admin@example.com" })).toBeHidden();
  await me.getByRole("checkbox", { name: /^Show more details: admin$/ }).click();
  await expect(me.getByRole("cell").filter({ hasText: "admin@example.com" })).toBeVisible();
  await context.close();
});

test("on a phone an empty list still says so", async ({ browser }) => {
  const { context, page } = await admin(browser, { width: 360 });
  await page.goto("/admin/posts/?s=no-post-is-called-this");
  await expect(page.getByRole("cell", { name: "No posts found." })).toBeVisible();
  await context.close();
});

test("without JavaScript the details still open, and no select-all box pretends to work", async ({ browser }) => {
  const { context, page } = await admin(browser, { width: 360, javaScriptEnabled: false });
  await page.goto(rangeList);
  await expect(page.getByRole("checkbox", { name: "Select All" })).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: `${LISTS_SEED.rangeStem} 1` });
  const date = row.getByRole("cell").filter({ hasText: "Last Modified" });
  await expect(date).toBeHidden();
  await row.getByRole("checkbox", { name: /^Show more details/ }).click();
  await expect(date).toBeVisible();
  await context.close();
});

for (const width of [360, 1280]) {
  test(`no admin list screen is wider than a ${width} px screen, and axe finds nothing serious`, async ({ browser }) => {
    test.setTimeout(180_000);
    const { context, page } = await admin(browser, { width });
    for (const url of LIST_SCREENS) {
      await page.goto(url);
      await expect(page.locator("main h1")).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${url} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page), url).toEqual([]);
    }
    // An opened row is checked too.
    await page.goto(rangeList);
    if (width === 360) await page.getByRole("checkbox", { name: `Show more details: ${LISTS_SEED.rangeStem} 3` }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
}
