// Without JavaScript, "Reply" and a refused comment land on the comment route's own pages: they
// must look like the rest of the site (the active theme's header, menus, sidebar and footer), show
// the comment being answered, and keep every word the visitor typed.
import { expect, test, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { asVisitor, discussionPost, likeAPerson } from "../support/discussion";
import { signInAs } from "../support/auth";

// axe runs twice per theme on a busy machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });

async function noJsVisitor(browser: Browser, n: number, width = 1280) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
  await asVisitor(context, n);
  return { context, page: await context.newPage() };
}

/**
 * axe on the reply page at `url` and on the page a refusal answers from it. These pages run no
 * script (their CSP says script-src 'none'), axe included: Playwright's bypassCSP lets it in.
 */
async function seriousViolations(browser: Browser, url: string, colorScheme: "light" | "dark" = "light") {
  const context = await browser.newContext({ bypassCSP: true, colorScheme });
  await asVisitor(context, 44);
  const page = await context.newPage();
  const found: string[] = [];
  const check = async (what: string) => {
    const results = await new AxeBuilder({ page }).analyze();
    for (const v of results.violations) if (v.impact === "serious" || v.impact === "critical") found.push(`${what} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  };
  await page.goto(url);
  await check("reply page");
  await page.locator("#commentform").evaluate((f) => f.setAttribute("novalidate", ""));
  await Promise.all([page.waitForResponse((r) => r.url().endsWith("/wp-comments-post.php") && r.status() >= 400), page.getByRole("button", { name: "Post Comment" }).click()]);
  await expect(page.getByRole("alert")).toBeVisible();
  await check("refused page");
  await context.close();
  return found;
}

async function expectInTheme(page: Page, theme: "classic" | "modern") {
  await expect(page.locator(`[data-theme="${theme}"]`)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Primary" })).toBeVisible();
  await expect(page.getByText(/Powered by\s*Inkwell/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Skip to content" })).toHaveAttribute("href", "#content");
  if (theme === "classic") await expect(page.getByRole("complementary", { name: "Sidebar" })).toBeVisible();
}

async function activate(page: Page, theme: "Classic" | "Modern") {
  await page.goto("/admin/appearance/");
  const button = page.getByRole("button", { name: `Activate ${theme}` });
  if (await button.count()) {
    await button.click();
    await expect(page.getByText("New theme activated.")).toBeVisible();
  }
}

test("Reply opens a page in the theme that shows the comment being answered above the form", async ({ browser }) => {
  const { context, page } = await noJsVisitor(browser, 41);
  await page.goto(discussionPost("threads"));
  const larry = page.getByRole("article", { name: "Comment by Level 3 Larry" });
  const when = await larry.locator("time").first().textContent();
  await larry.getByRole("link", { name: "Reply to Level 3 Larry" }).click();
  await expect(page).toHaveURL(/\/wp-comments-post\.php\?replytocom=\d+$/);
  await expectInTheme(page, "classic");
  await expect(page).toHaveTitle(/^Leave a Reply to Level 3 Larry – /);
  await expect(page.getByRole("heading", { level: 1, name: "Leave a Reply to Level 3 Larry" })).toBeVisible();
  const answered = page.getByRole("figure", { name: /Level 3 Larry wrote on/ });
  await expect(answered.locator("blockquote")).toHaveText("Comment at depth 3.");
  // The same date the post page shows under the comment.
  expect(when?.trim()).toBeTruthy();
  await expect(answered.locator("time")).toHaveText(when!.trim());
  await expect(answered.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  await expect(page.getByRole("link", { name: "Cancel reply" })).toHaveAttribute("href", /#comment-\d+$/);
  expect(await seriousViolations(browser, page.url())).toEqual([]);
  // It fits a phone.
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await context.close();
});

test("a refused reply comes back in the theme with the reason, the comment answered and everything typed", async ({ browser }) => {
  const { context, page } = await noJsVisitor(browser, 42);
  await page.goto(discussionPost("threads"));
  await page.getByRole("article", { name: "Comment by Level 2 Larry" }).getByRole("link", { name: "Reply to Level 2 Larry" }).click();
  await page.getByRole("textbox", { name: "Website", exact: true }).fill("https://nameless.example/");
  await page.getByRole("textbox", { name: "Comment", exact: true }).fill("Words sent without a name.\nSecond line & <b>markup</b>.");
  await page.getByLabel("Save my name, email, and website in this browser for the next time I comment.").check();
  await likeAPerson(page);
  // Let the server judge the missing name and email, not the browser.
  await page.locator("#commentform").evaluate((f) => f.setAttribute("novalidate", ""));
  const [refused] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/wp-comments-post.php") && r.request().method() === "POST"), page.getByRole("button", { name: "Post Comment" }).click()]);
  expect(refused.status()).toBe(400);
  expect(refused.headers()["content-security-policy"]).toContain("script-src 'none'");
  await expectInTheme(page, "classic");
  await expect(page).toHaveTitle(/^Comment Submission Failure – /);
  await expect(page.getByRole("alert")).toHaveText("Error: Please fill the required fields.");
  await expect(page.getByRole("figure", { name: /Level 2 Larry wrote on/ }).locator("blockquote")).toHaveText("Comment at depth 2.");
  await expect(page.getByRole("textbox", { name: "Comment", exact: true })).toHaveValue("Words sent without a name.\nSecond line & <b>markup</b>.");
  await expect(page.getByRole("textbox", { name: "Website", exact: true })).toHaveValue("https://nameless.example/");
  await expect(page.getByLabel("Save my name, email, and website in this browser for the next time I comment.")).toBeChecked();

  // Fixed and sent again from the same page, the reply lands under its parent.
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Second Try Sam");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill("sam@example.com");
  await likeAPerson(page);
  const [ok] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/wp-comments-post.php") && r.request().method() === "POST"), page.getByRole("button", { name: "Post Comment" }).click()]);
  expect(ok.status()).toBe(303);
  await page.waitForURL(/#comment-\d+$/);
  await expect(page.locator(new URL(page.url()).hash)).toContainText("Words sent without a name.");
  await context.close();
});

test("the pages follow the active theme: Modern once it is activated", async ({ browser, page: admin }) => {
  await signInAs(admin, "admin");
  try {
    await activate(admin, "Modern");
    const { context, page } = await noJsVisitor(browser, 43);
    await page.goto(discussionPost("threads"));
    await page.getByRole("article", { name: "Comment by Level 1 Larry" }).getByRole("link", { name: "Reply to Level 1 Larry" }).click();
    await expectInTheme(page, "modern");
    await expect(page.getByRole("figure", { name: /Level 1 Larry wrote on/ }).locator("blockquote")).toHaveText("Comment at depth 1.");
    expect(await seriousViolations(browser, page.url(), "light")).toEqual([]);
    expect(await seriousViolations(browser, page.url(), "dark")).toEqual([]);
    await context.close();
  } finally {
    await activate(admin, "Classic");
  }
});

test("the theme's empty page around the form is not a public page", async ({ request }) => {
  const res = await request.get("/wp-comments-post.php/form/");
  expect(res.status()).toBe(404);
  expect(await res.text()).not.toContain("inkwell:comment-form");
});
