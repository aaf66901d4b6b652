// A session is good only while the password it signed in with is current: a new password, set
// by the user or by an administrator, signs out every other browser (a copied cookie included),
// and keeps the browser that set it signed in.
import { test, expect, type Browser, type Page } from "@playwright/test";
import { signInAs } from "../support/auth";

// Each test signs in three or four browsers (an argon2 hash each): 25-29 s of the default 30 on a
// quiet CI machine, so a busy one ran out of time.
test.describe.configure({ timeout: 90_000 });

async function signedInBrowser(browser: Browser, ip: string, login: string, password: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto("/login/");
  await page.getByLabel("Username or Email Address").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  return page;
}

async function expectSignedOut(page: Page) {
  await page.goto("/admin/");
  await expect(page).toHaveURL(/\/login\//);
  await expect(page.getByRole("button", { name: "Log In" })).toBeVisible();
}

async function addAuthor(page: Page, login: string, password: string) {
  await signInAs(page, "admin");
  await page.goto("/admin/users/new/");
  await page.getByLabel("Username (required)").fill(login);
  await page.getByLabel("Email (required)").fill(`${login}@example.com`);
  await page.getByLabel("Password (required)").fill(password);
  await page.getByLabel("Role").selectOption("author");
  await page.getByRole("button", { name: "Add New User" }).click();
  await expect(page.getByText("New user created.")).toBeVisible();
}

test("a new password signs out every other session, and an administrator's reset signs out all of them", async ({ page, browser }) => {
  const login = `sessions${Date.now()}`;
  await addAuthor(page, login, "sessions-password-1");

  // The same person is signed in on a laptop and a phone; someone has copied the phone's cookie.
  const laptop = await signedInBrowser(browser, "198.51.100.61", login, "sessions-password-1");
  const phone = await signedInBrowser(browser, "198.51.100.62", login, "sessions-password-1");
  const copied = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.66" } });
  await copied.addCookies(await phone.context().cookies());
  const thief = await copied.newPage();
  await thief.goto("/admin/");
  await expect(thief.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  // On the laptop they change their password.
  await laptop.goto("/admin/profile/");
  await laptop.getByLabel("Current Password", { exact: true }).fill("sessions-password-1");
  await laptop.getByLabel("New Password", { exact: true }).fill("sessions-password-2");
  await laptop.getByLabel("Repeat New Password").fill("sessions-password-2");
  await laptop.getByRole("button", { name: "Update Profile" }).click();
  await expect(laptop.getByText("Other browsers signed in as you have been signed out.")).toBeVisible();

  // The laptop stays signed in; the phone and the copied cookie are out.
  await laptop.goto("/admin/");
  await expect(laptop.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expectSignedOut(phone);
  await expectSignedOut(thief);

  // The administrator resets their password: the laptop is signed out too.
  await page.goto("/admin/users/");
  await page.getByRole("link", { name: `Edit ${login}` }).click();
  await page.getByLabel("New Password", { exact: true }).fill("sessions-password-3");
  await page.getByLabel("Repeat New Password").fill("sessions-password-3");
  await page.getByRole("button", { name: "Update User" }).click();
  await expect(page.getByText("User updated, with a new password.")).toBeVisible();
  await expectSignedOut(laptop);
  // The administrator's own session is untouched, and the new password signs in.
  await page.goto("/admin/");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await (await signedInBrowser(browser, "198.51.100.63", login, "sessions-password-3")).context().close();

  await Promise.all([laptop.context().close(), phone.context().close(), copied.close()]);
});

test("without JavaScript, a new password set on Profile keeps this browser signed in", async ({ page, browser }) => {
  const login = `nojs${Date.now()}`;
  await addAuthor(page, login, "nojs-password-1");
  const plain = await signedInBrowser(browser, "198.51.100.64", login, "nojs-password-1", false);
  await plain.goto("/admin/profile/");
  await plain.getByLabel("Current Password", { exact: true }).fill("nojs-password-1");
  await plain.getByLabel("New Password", { exact: true }).fill("nojs-password-2");
  await plain.getByLabel("Repeat New Password").fill("nojs-password-2");
  await plain.getByRole("button", { name: "Update Profile" }).click();
  await expect(plain).toHaveURL(/\/admin\/profile\/\?message=password-set$/);
  await expect(plain.getByText("Other browsers signed in as you have been signed out.")).toBeVisible();
  await plain.goto("/admin/");
  await expect(plain.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await plain.context().close();
});

test("Log Out Everywhere Else signs out the other browsers and keeps this one; an administrator's Log Out Everywhere signs out all", async ({ page, browser }) => {
  const login = `everywhere${Date.now()}`;
  await addAuthor(page, login, "everywhere-password-1");
  const laptop = await signedInBrowser(browser, "198.51.100.71", login, "everywhere-password-1");
  const phone = await signedInBrowser(browser, "198.51.100.72", login, "everywhere-password-1");

  // The phone is lost: from the laptop they log out everywhere else, without changing the password.
  await laptop.goto("/admin/profile/");
  const sessions = laptop.getByRole("form", { name: "Sessions" });
  await sessions.getByLabel("Your password").fill("everywhere-password-1");
  await sessions.getByRole("button", { name: "Log Out Everywhere Else" }).click();
  await expect(laptop.getByText("You are now logged out everywhere else. This browser stays signed in.")).toBeVisible();
  await laptop.goto("/admin/");
  await expect(laptop.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expectSignedOut(phone);
  // The password is unchanged: the phone, found again, signs in with it.
  const phoneAgain = await signedInBrowser(browser, "198.51.100.73", login, "everywhere-password-1");

  // The administrator logs them out of every location.
  await page.goto("/admin/users/");
  await page.getByRole("link", { name: `Edit ${login}` }).click();
  await page.getByRole("button", { name: "Log Out Everywhere" }).click();
  await expect(page.getByText(`${login} is now logged out everywhere.`)).toBeVisible();
  await expectSignedOut(laptop);
  await expectSignedOut(phoneAgain);
  await page.goto("/admin/");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  await Promise.all([laptop.context().close(), phone.context().close(), phoneAgain.context().close()]);
});

test("without JavaScript, Log Out Everywhere Else asks for the password again when it is wrong, then keeps this browser signed in", async ({ page, browser }) => {
  const login = `everywherenojs${Date.now()}`;
  await addAuthor(page, login, "everywhere-password-2");
  const plain = await signedInBrowser(browser, "198.51.100.74", login, "everywhere-password-2", false);
  const other = await signedInBrowser(browser, "198.51.100.75", login, "everywhere-password-2");
  await plain.goto("/admin/profile/");
  await plain.getByLabel("Your password").fill("not-my-password");
  await plain.getByRole("button", { name: "Log Out Everywhere Else" }).click();
  await expect(plain.getByText("That is not your password.")).toBeVisible();
  await other.goto("/admin/");
  await expect(other.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  await plain.getByLabel("Your password").fill("everywhere-password-2");
  await plain.getByRole("button", { name: "Log Out Everywhere Else" }).click();
  await expect(plain).toHaveURL(/\/admin\/profile\/\?message=sessions-ended$/);
  await expect(plain.getByText("You are now logged out everywhere else.")).toBeVisible();
  await plain.goto("/admin/");
  await expect(plain.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expectSignedOut(other);
  await Promise.all([plain.context().close(), other.context().close()]);
});
