import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";

test("a visitor goes from the home page to the Hello world post", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "My Inkwell Blog" })).toBeVisible();
  await expect(page.getByText("Just another Inkwell site")).toBeVisible();
  await expect(page.getByText(/Powered by\s*Inkwell/)).toBeVisible();
  // Other specs publish posts before this one runs: the visitor pages back until the post shows.
  const post = page.getByRole("heading", { name: "Hello world!" }).getByRole("link");
  for (let i = 0; i < 20 && !(await post.count()); i++) await page.getByRole("link", { name: "← Older posts" }).click();
  await post.click();
  await expect(page).toHaveURL(/\/\d{4}\/\d{2}\/\d{2}\/hello-world\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Hello world!" })).toBeVisible();
  await expect(page.getByText("Welcome to Inkwell.")).toBeVisible();
  await expect(page.getByRole("link", { name: "admin" })).toBeVisible();
  await expect(page.getByText("Hi, this is a comment.")).toBeVisible();
});

test("the sample page lives at its own path", async ({ page }) => {
  const res = await page.goto("/sample-page/");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Sample Page" })).toBeVisible();
});

test("the site has an icon: /favicon.ico answers, and pages link it", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO header
  await page.goto("/");
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  const touch = await request.get((await page.locator('link[rel="apple-touch-icon"]').getAttribute("href"))!);
  expect(touch.headers()["content-type"]).toBe("image/png");
});

test("an unknown address answers 404 with a search form", async ({ page }) => {
  const res = await page.goto("/no/such/thing/");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("searchbox", { name: "Search for:" }).first()).toBeVisible();
});

test("the administrator signs in to the dashboard and out again", async ({ page }) => {
  await signInAs(page, "admin");
  const menu = page.getByRole("navigation", { name: "Admin menu" });
  for (const item of ["Dashboard", "Posts", "Media", "Pages", "Comments", "Appearance", "Users", "Tools", "Settings", "Profile"]) {
    // "Comments" may carry the awaiting-moderation count after its name.
    await expect(menu.getByRole("link", { name: new RegExp(`^${item}\\b`) }).first()).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "At a Glance" })).toContainText(/\d+ Posts?/);
  await page.getByRole("button", { name: "Log Out", exact: true }).click();
  await expect(page.getByText("You are now logged out.")).toBeVisible();
  await page.goto("/admin/");
  await expect(page).toHaveURL(/\/login\/$/);
});

test("a wrong password shows one error and creates no session", async ({ page, context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.7" });
  await page.goto("/login/");
  await page.getByLabel("Username or Email Address").fill("admin");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByText("The username, email address or password is incorrect.")).toBeVisible();
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name.includes("session-token"))).toBeUndefined();
  await page.goto("/admin/");
  await expect(page).toHaveURL(/\/login\/$/);
});

test("old WordPress addresses lead to the sign-in and the admin", async ({ page }) => {
  await page.goto("/wp-login.php");
  await expect(page).toHaveURL(/\/login\/$/);
  await page.goto("/wp-admin/");
  await expect(page).toHaveURL(/\/login\/$/);
});

test("a subscriber sees Dashboard and Profile only, and cannot open Posts", async ({ page }) => {
  await signInAs(page, "subscriber");
  const menu = page.getByRole("navigation", { name: "Admin menu" });
  await expect(menu.getByRole("link")).toHaveText(["Dashboard", "Profile"]);
  const res = await page.goto("/admin/posts/");
  expect(res?.status()).toBe(403);
  await expect(page.getByText("Sorry, you are not allowed to access this page.")).toBeVisible();
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signInAs(page, "editor");
  const session = (await context.cookies()).find((c) => c.name.includes("session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
});
