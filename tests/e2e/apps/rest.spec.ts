// Writing apps publish through the REST API with an application password, as with WordPress:
// the password made in Profile, then the `wpapi` client (which nobody here wrote) creates a post,
// uploads a picture with its alt text, edits the post to show it and deletes it; a reader's
// browser sees each step on the site. Then the app-approval screen apps send people to, and the
// admin's cookie with X-WP-Nonce as WordPress's own scripts use it.
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import sharp from "sharp";
import WPAPI from "wpapi";
import { signInAs } from "../support/auth";
import { E2E_USERS } from "../support/users";

const PORT = Number(process.env.E2E_PORT || 3100);
const BASE = `http://127.0.0.1:${PORT}`;
const stamp = Date.now().toString(36);

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include("main").analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function newAppPassword(page: Page, name: string): Promise<string> {
  await page.goto("/admin/profile/");
  const section = page.getByRole("region", { name: "Application Passwords" });
  await section.getByLabel("New Application Password Name").fill(name);
  await section.getByRole("button", { name: "Add New Application Password" }).click();
  const shown = section.getByLabel(`Your new password for ${name} is:`);
  await expect(shown).toBeVisible();
  const password = await shown.inputValue();
  expect(password).toMatch(/^([A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4}$/);
  return password;
}

test("an app with an application password publishes, uploads a picture, edits and deletes through wpapi", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signInAs(page, "author");
  const name = `wpapi ${stamp}`;
  const password = await newAppPassword(page, name);
  const section = page.getByRole("region", { name: "Application Passwords" });
  await expect(section.getByRole("row", { name: new RegExp(name) })).toContainText("—"); // never used yet
  expect(await seriousViolations(page)).toEqual([]);

  // The same password does not open the admin: it is for the APIs only.
  const other = await browser.newContext();
  const login = await other.newPage();
  await login.goto("/login/");
  await login.getByLabel("Username or Email Address").fill(E2E_USERS.author.login);
  await login.getByLabel("Password").fill(password);
  await login.getByRole("button", { name: "Log In" }).click();
  await expect(login.getByRole("alert")).toBeVisible();
  await other.close();

  // The app is given only the blog's address, as apps are: it finds the API through the home page's
  // Link header (rel="https://api.w.org/") and learns the routes from the wp-json/ index.
  const home = await page.request.head("/");
  expect(home.headers()["link"]).toContain(`<${BASE}/wp-json/>; rel="https://api.w.org/"`);
  const wp = (await WPAPI.discover(BASE)).auth({ username: E2E_USERS.author.login, password });
  const title = `Written in an app ${stamp}`;
  const post = await wp.posts().create({ title, content: "<p>Sent by a writing app.</p>", status: "publish" });
  expect(post).toMatchObject({ status: "publish", title: { raw: title } });

  const reader = await browser.newContext();
  const view = await reader.newPage();
  await view.goto(post.link);
  await expect(view.getByRole("heading", { name: title })).toBeVisible();
  await expect(view.getByText("Sent by a writing app.")).toBeVisible();

  const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: "#2a6" } }).png().toBuffer();
  const picture = await wp.media().file(png, `app-upload-${stamp}.png`).create({ title: "Green field", alt_text: "A green field under a clear sky", caption: "Seen from the train" });
  expect(picture).toMatchObject({ media_type: "image", alt_text: "A green field under a clear sky", caption: { raw: "Seen from the train" } });

  const edited = await wp.posts().id(post.id).update({
    content: `<p>Sent by a writing app, then edited.</p>\n<figure class="wp-block-image"><img src="${picture.source_url}" alt="${picture.alt_text}"/></figure>`,
    featured_media: picture.id,
  });
  expect(edited.featured_media).toBe(picture.id);
  await view.reload();
  await expect(view.getByText("Sent by a writing app, then edited.")).toBeVisible();
  const img = view.getByRole("img", { name: "A green field under a clear sky" }).first();
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);

  // The profile now says when and from where the password was last used.
  await page.reload();
  await expect(section.getByRole("row", { name: new RegExp(name) })).toContainText("127.0.0.1");

  const trashed = await wp.posts().id(post.id).delete();
  expect(trashed.status).toBe("trash");
  expect((await view.goto(post.link))?.status()).toBe(404);
  expect((await wp.posts().id(post.id).param("force", true).delete()).deleted).toBe(true);
  expect((await wp.media().id(picture.id).param("force", true).delete()).deleted).toBe(true);
  await reader.close();

  // Revoked in Profile, the password stops working at once, with WordPress's error.
  await section.getByRole("button", { name: `Revoke "${name}"` }).click();
  await expect(section.getByRole("status")).toHaveText("Application password revoked.");
  await expect(section.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
  const refused = await wp.posts().create({ title: "Too late" }).then(() => null, (e: { code: string; data: { status: number } }) => e);
  expect(refused).toMatchObject({ code: "incorrect_password", data: { status: 401 } });
});

test("Revoke all application passwords asks first, then every one of them is refused and none is shown as usable", async ({ page, request }) => {
  // The subscriber's passwords: no other test uses them, so revoking all cannot pull one from under another test.
  await signInAs(page, "subscriber");
  const names = [`all one ${stamp}`, `all two ${stamp}`];
  const passwords = [await newAppPassword(page, names[0]), await newAppPassword(page, names[1])];
  const me = (password: string) => request.get("/wp-json/wp/v2/users/me", {
    // Its own loopback address (application passwords need HTTPS or this machine): the refusals below
    // must not count toward other tests' lockout of 127.0.0.1.
    headers: { authorization: `Basic ${Buffer.from(`${E2E_USERS.subscriber.login}:${password}`).toString("base64")}`, "x-forwarded-for": "127.0.0.61" },
  });
  for (const password of passwords) expect((await me(password)).status()).toBe(200);
  const section = page.getByRole("region", { name: "Application Passwords" });

  // Dismissing WordPress's question changes nothing.
  page.once("dialog", (d) => { expect(d.message()).toBe("Are you sure you want to revoke all passwords? This action cannot be undone."); void d.dismiss(); });
  await section.getByRole("button", { name: "Revoke all application passwords" }).click();
  await expect(section.getByRole("row", { name: new RegExp(names[0]) })).toBeVisible();
  expect((await me(passwords[0])).status()).toBe(200);

  page.once("dialog", (d) => void d.accept());
  await section.getByRole("button", { name: "Revoke all application passwords" }).click();
  await expect(section.getByRole("status")).toHaveText("All application passwords revoked.");
  await expect(section.getByRole("row")).toHaveCount(0);
  // The second password, still on screen before, is no longer offered as one to save.
  await expect(section.getByLabel(`Your new password for ${names[1]} is:`)).toHaveCount(0);
  await expect(section.getByLabel("New Application Password Name")).toHaveValue("");
  for (const password of passwords) {
    const refused = await me(password);
    expect(refused.status()).toBe(401);
    expect((await refused.json()).code).toBe("incorrect_password");
  }
});

test("an author's app cannot edit an editor's post, and a contributor's cannot publish", async ({ page, request }) => {
  await signInAs(page, "contributor");
  const password = await newAppPassword(page, `limits ${stamp}`);
  const auth = { authorization: `Basic ${Buffer.from(`${E2E_USERS.contributor.login}:${password}`).toString("base64")}` };
  const publish = await request.post("/wp-json/wp/v2/posts", { headers: auth, data: { title: "Straight out", status: "publish" } });
  expect(publish.status()).toBe(403);
  expect(await publish.json()).toEqual({ code: "rest_cannot_publish", message: "Sorry, you are not allowed to publish posts in this post type.", data: { status: 403 } });
  const [first] = await (await request.get("/wp-json/wp/v2/posts?per_page=1")).json();
  const edit = await request.post(`/wp-json/wp/v2/posts/${first.id}`, { headers: auth, data: { title: "Mine now" } });
  expect(edit.status()).toBe(403);
  expect((await edit.json()).code).toBe("rest_cannot_edit");
  const broken = await request.post("/wp-json/wp/v2/posts", { headers: { ...auth, "content-type": "application/json" }, data: '{"title": ' });
  expect(broken.status()).toBe(400);
  expect((await broken.json()).code).toBe("rest_invalid_json");
  // A body past the route's limit is cut by the server before the route reads it, answered in the API's shape.
  const huge = await request.post("/wp-json/wp/v2/posts", { headers: { ...auth, "content-type": "application/json" }, data: JSON.stringify({ title: "Big", content: "x".repeat(3 * 1024 * 1024) }) });
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toMatchObject({ code: "rest_request_too_large", data: { status: 413 } });
  const mine = await (await request.get("/wp-json/wp/v2/posts?status=draft,pending&search=Big", { headers: auth })).json();
  expect(mine).toEqual([]);
});

test("Profile's application passwords and the approval screen work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto("/login/");
  await page.getByLabel("Username or Email Address").fill(E2E_USERS.author.login);
  await page.getByLabel("Password").fill(E2E_USERS.author.password);
  await page.getByRole("button", { name: "Log In" }).click();
  await page.waitForURL(/\/admin\//);
  const name = `No script ${stamp}`;
  await page.goto("/admin/profile/");
  const section = page.getByRole("region", { name: "Application Passwords" });
  await section.getByRole("button", { name: "Add New Application Password" }).click();
  await expect(section.getByText("An application name is required to create an application password.")).toBeVisible();
  await section.getByLabel("New Application Password Name").fill(name);
  await section.getByRole("button", { name: "Add New Application Password" }).click();
  await expect(section.getByLabel(`Your new password for ${name} is:`)).toHaveValue(/^([A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4}$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await section.getByRole("button", { name: `Revoke "${name}"` }).click();
  await expect(section.getByRole("status")).toHaveText("Application password revoked.");
  await expect(section.getByRole("button", { name: `Revoke "${name}"` })).toHaveCount(0);
  await page.goto("/wp-admin/authorize-application.php?app_name=Plain%20form");
  await page.getByRole("button", { name: "Yes, I approve of this connection" }).click();
  await expect(page.getByLabel("Your new password for Plain form is:")).toHaveValue(/^([A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4}$/);
  await context.close();
});

test("an app asks for a password through authorize-application.php, and the person approves or refuses", async ({ page, request }) => {
  await signInAs(page, "editor");
  const back = `${BASE}/app-callback-${stamp}/`;
  const ask = (extra = "") => `/wp-admin/authorize-application.php?app_name=${encodeURIComponent("Desk Writer")}&success_url=${encodeURIComponent(back)}${extra}`;

  await page.goto(ask(`&reject_url=${encodeURIComponent(back + "?no=1")}`));
  await expect(page.getByText("Would you like to give “Desk Writer” access to your account?")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "No, I do not approve of this connection" }).click();
  await page.waitForURL((u) => u.pathname === new URL(back).pathname);
  expect(new URL(page.url()).searchParams.get("success")).toBe("false");

  await page.goto(ask());
  await page.getByRole("button", { name: "Yes, I approve of this connection" }).click();
  await page.waitForURL((u) => u.pathname === new URL(back).pathname);
  const handed = new URL(page.url()).searchParams;
  expect(handed.get("user_login")).toBe(E2E_USERS.editor.login);
  expect(handed.get("site_url")).toBe(BASE);
  const me = await request.get("/wp-json/wp/v2/users/me?context=edit", {
    headers: { authorization: `Basic ${Buffer.from(`${handed.get("user_login")}:${handed.get("password")}`).toString("base64")}` },
  });
  expect(await me.json()).toMatchObject({ username: E2E_USERS.editor.login, roles: ["editor"] });

  // An address that is not safe to send a password to is refused before anything is asked.
  await page.goto(`/wp-admin/authorize-application.php?app_name=X&success_url=${encodeURIComponent("http://example.com/cb")}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The URL must be served over a secure connection.");
  await expect(page.getByRole("button", { name: /approve/ })).toHaveCount(0);
});

test("the admin's own scripts write with the cookie and X-WP-Nonce, and a cookie alone is nobody", async ({ page }) => {
  await signInAs(page, "editor");
  const result = await page.evaluate(async () => {
    const nonce = await (await fetch("/wp-admin/admin-ajax.php?action=rest-nonce")).text();
    const post = (body: unknown, headers: Record<string, string>) =>
      fetch("/wp-json/wp/v2/posts", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    const without = await post({ title: "No nonce" }, {});
    const withNonce = await post({ title: "Draft from a script" }, { "x-wp-nonce": nonce });
    const created = await withNonce.json();
    const gone = await fetch(`/wp-json/wp/v2/posts/${created.id}?force=true`, { method: "DELETE", headers: { "x-wp-nonce": nonce } });
    const wrong = await post({ title: "Bad nonce" }, { "x-wp-nonce": "0123456789" });
    return { without: without.status, status: withNonce.status, created, gone: gone.status, wrong: [wrong.status, (await wrong.json()).code] };
  });
  expect(result.without).toBe(401);
  expect(result.status).toBe(201);
  expect(result.created).toMatchObject({ status: "draft", title: { raw: "Draft from a script" } });
  expect(result.gone).toBe(200);
  expect(result.wrong).toEqual([403, "rest_cookie_invalid_nonce"]);
});
