// Settings the public site honours: a static front page and posts page, featured images,
// "Discourage search engines", and registration. Every test restores the settings it changes.
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import sharp from "sharp";
import { signInAs } from "../support/auth";

const stamp = Date.now();
const featuredTitle = `Harbour at dawn ${stamp}`;

async function publish(page: Page, kind: "posts" | "pages", title: string, text: string) {
  await page.goto(`/admin/${kind}/new/`);
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  // Typed only once the editor took over the box (on a busy machine it hydrates late, and the keys
  // typed before went nowhere: the page was published empty, CI 8 December), and published only
  // once the text is in it.
  const editor = page.getByRole("textbox", { name: "Content (visual editor)" });
  await expect(editor).toHaveAttribute("contenteditable", "true");
  await editor.click();
  await page.keyboard.type(text);
  await expect(editor).toContainText(text);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
}

async function saveSettings(page: Page) {
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
}

test("a featured image shows on the post and in the listing, with alt text, dimensions and srcset", async ({ page }) => {
  await signInAs(page, "author");
  await page.goto("/admin/media/");
  const name = `e2e-harbour-${stamp}.png`;
  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 30, g: 90, b: 160 } } }).png().toBuffer();
  await page.getByLabel("Select Files").setInputFiles({ name, mimeType: "image/png", buffer: png });
  await expect(page.getByRole("list", { name: "Uploads" }).getByRole("listitem").filter({ hasText: name }).getByRole("status")).toHaveText("Uploaded");
  await page.getByRole("link", { name: new RegExp(`e2e harbour ${stamp}`) }).first().click();
  await page.getByLabel("Alternative Text").fill("Boats moored in a calm harbour");
  await page.getByLabel("Title").fill(`Harbour picture ${stamp}`);
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("Media file updated.")).toBeVisible();

  await page.goto("/admin/posts/new/");
  await page.getByRole("textbox", { name: "Title" }).fill(featuredTitle);
  await page.getByRole("textbox", { name: "Content (visual editor)" }).click();
  await page.keyboard.type("Morning light over the water.");
  await page.getByRole("combobox", { name: "Featured image" }).selectOption({ label: `Harbour picture ${stamp}` });
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  await page.getByRole("link", { name: "View post" }).click();

  const img = page.getByRole("main").getByRole("img", { name: "Boats moored in a calm harbour" });
  await expect(img).toBeVisible();
  await expect(img).toHaveAttribute("width", "1200");
  await expect(img).toHaveAttribute("height", "800");
  await expect(img).toHaveAttribute("src", /^\/wp-content\/uploads\/\d{4}\/\d{2}\/e2e-harbour-\d+\.png$/);
  const srcset = (await img.getAttribute("srcset")) ?? "";
  expect(srcset).toMatch(/-300x200\.png 300w/);
  expect(srcset).toMatch(/-1024x683\.png 1024w/);
  expect(srcset).not.toMatch(/150x150/);
  expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  // WCAG rules (the comment form's pre-existing h3 "Leave a Reply" trips the best-practice heading-order rule).
  const axe = await new AxeBuilder({ page }).include("main").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  await page.goto("/");
  const summary = page.getByRole("article").filter({ has: page.getByRole("heading", { name: featuredTitle }) });
  await expect(summary.getByRole("img", { name: "Boats moored in a calm harbour" })).toBeVisible();
});

test("Settings → Reading, a static page: / shows it with its comments, the posts page lists the posts", async ({ page }) => {
  await signInAs(page, "admin");
  const frontTitle = `Welcome aboard ${stamp}`;
  const blogTitle = `Ships log ${stamp}`;
  await publish(page, "pages", frontTitle, "This is our static front page.");
  await publish(page, "pages", blogTitle, "Not shown: this page lists the posts.");
  try {
    await page.goto("/admin/settings/reading/");
    await page.getByRole("radio", { name: "A static page (select below)" }).check();
    await page.getByLabel("Homepage", { exact: true }).selectOption({ label: frontTitle });
    await page.getByLabel("Posts page").selectOption({ label: blogTitle });
    await saveSettings(page);

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: frontTitle })).toBeVisible();
    await expect(page.getByText("This is our static front page.")).toBeVisible();
    await expect(page.locator("#comments, #respond").first()).toBeAttached();
    await expect(page.getByRole("heading", { name: featuredTitle })).toHaveCount(0);

    // The front page's own URL sends readers to /.
    const slug = `welcome-aboard-${stamp}`;
    const res = await page.request.get(`/${slug}/`, { maxRedirects: 0 });
    expect(res.status()).toBe(301);
    expect(new URL(res.headers().location!, "http://x").pathname).toBe("/");

    // The posts page lists the posts (newest first), under its own title.
    await page.goto(`/ships-log-${stamp}/`);
    await expect(page.getByRole("heading", { level: 1, name: blogTitle })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: featuredTitle })).toBeVisible();
    await expect(page.getByText("Not shown: this page lists the posts.")).toHaveCount(0);
    const postsUrl = new URL(page.url()).pathname;
    const paged = await page.request.get(`${postsUrl}page/2/`);
    expect([200, 404]).toContain(paged.status());
  } finally {
    await page.goto("/admin/settings/reading/");
    await page.getByRole("radio", { name: "Your latest posts" }).check();
    await page.getByLabel("Homepage", { exact: true }).selectOption("0");
    await page.getByLabel("Posts page").selectOption("0");
    await saveSettings(page);
  }
  await page.goto("/");
  await expect(page.getByRole("heading", { name: featuredTitle })).toBeVisible();
});

test("Discourage search engines: every public page says noindex, nofollow", async ({ page }) => {
  await signInAs(page, "admin");
  const robots = () => page.locator('meta[name="robots"][content*="nofollow"]');
  await page.goto("/");
  await expect(robots()).toHaveCount(0);
  try {
    await page.goto("/admin/settings/reading/");
    await page.getByLabel("Discourage search engines from indexing this site").check();
    await saveSettings(page);
    for (const url of ["/", "/no-such-page-anywhere/", "/?s=harbour"]) {
      await page.goto(url);
      await expect(robots(), url).toHaveAttribute("content", "noindex, nofollow");
    }
    expect(await (await page.request.get("/robots.txt")).text()).toMatch(/Disallow: \/\s*$/m);
  } finally {
    await page.goto("/admin/settings/reading/");
    await page.getByLabel("Discourage search engines from indexing this site").uncheck();
    await saveSettings(page);
  }
  await page.goto("/");
  await expect(robots()).toHaveCount(0);
});

test("registration: on, a visitor registers, signs in and gets the default role; off, a 403 message", async ({ page, browser }) => {
  // Four browser contexts and four password hashes: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  await signInAs(page, "admin");
  const visitor = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.61" } });
  const v = await visitor.newPage();
  try {
    await page.goto("/admin/settings/general/");
    await page.getByLabel("Anyone can register").check();
    await page.getByLabel("New User Default Role").selectOption("author");
    await saveSettings(page);

    await v.goto("/login/");
    await v.getByRole("link", { name: "Register" }).click();
    await expect(v).toHaveURL(/\/register\/$/);
    await v.goto("/wp-login.php?action=register");
    await expect(v).toHaveURL(/\/register\/(\?.*)?$/);

    const login = `newcomer${stamp}`;
    await v.getByLabel("Username").fill(login);
    await v.getByLabel("Email").fill(`${login}@example.com`);
    await v.getByLabel("Password").fill("short");
    await v.getByRole("button", { name: "Register" }).click();
    await expect(v.getByLabel("Password")).toHaveAccessibleDescription(/At least 8 characters\..*Use at least 8 characters\./);
    await expect(v.getByLabel("Username")).toHaveValue(login);
    await v.getByLabel("Password").fill("a long enough password");
    await v.getByRole("button", { name: "Register" }).click();
    await expect(v.getByText("Registration complete. You can log in now.")).toBeVisible();

    await v.getByLabel("Username or Email Address").fill(login);
    await v.getByLabel("Password").fill("a long enough password");
    await v.getByRole("button", { name: "Log In" }).click();
    await expect(v.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    // An author may write posts (a subscriber could not).
    await v.goto("/admin/posts/new/");
    await expect(v.getByRole("textbox", { name: "Title" })).toBeVisible();

    // The same username again: the error sits beside the field.
    const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.62" } });
    const o = await other.newPage();
    await o.goto("/register/");
    await o.getByLabel("Username").fill(login);
    await o.getByLabel("Email").fill(`other${stamp}@example.com`);
    await o.getByLabel("Password").fill("a long enough password");
    await o.getByRole("button", { name: "Register" }).click();
    await expect(o.getByLabel("Username")).toHaveAccessibleDescription("This username is already registered. Please choose another one.");
    await other.close();

    // Without JavaScript the form still works (a plain form post to the server action).
    const nojs = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.63" } });
    const n = await nojs.newPage();
    await n.goto("/register/");
    await n.getByLabel("Username").fill(`nojs${stamp}`);
    await n.getByLabel("Email").fill(`nojs${stamp}@example.com`);
    await n.getByLabel("Password").fill("a long enough password");
    await n.getByRole("button", { name: "Register" }).click();
    await expect(n.getByText("Registration complete. You can log in now.")).toBeVisible();
    await nojs.close();
  } finally {
    await page.goto("/admin/settings/general/");
    await page.getByLabel("Anyone can register").uncheck();
    await page.getByLabel("New User Default Role").selectOption("subscriber");
    await saveSettings(page);
  }
  const closed = await v.request.get("/register/");
  expect(closed.status()).toBe(403);
  const anon = await browser.newPage();
  await anon.goto("/register/");
  await expect(anon.getByText("User registration is currently not allowed.")).toBeVisible();
  await anon.goto("/login/");
  await expect(anon.getByRole("link", { name: "Register" })).toHaveCount(0);
  await anon.close();
  await visitor.close();
});

test("Default Avatar: Mystery Person shows WordPress's silhouette for every commenter; Identicon draws one per commenter", async ({ page }) => {
  await signInAs(page, "admin");
  const chooseAvatar = async (name: string) => {
    await page.goto("/admin/settings/discussion/");
    await page.getByRole("radio", { name }).check();
    await saveSettings(page);
  };
  const commentAvatar = async () => {
    await page.goto("/?s=%22Hello+world%22");
    await page.getByRole("link", { name: "Hello world!" }).first().click();
    await expect(page.getByText("Hi, this is a comment.")).toBeVisible();
    const img = page.locator("li.comment img").first();
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    return img.getAttribute("src");
  };
  try {
    await chooseAvatar("Mystery Person");
    expect(await commentAvatar()).toBe("/avatar/mystery.svg");
  } finally {
    await chooseAvatar("Identicon (Generated)");
  }
  expect(await commentAvatar()).toMatch(/^\/avatar\/[0-9a-f]{32}\.svg$/);
});
