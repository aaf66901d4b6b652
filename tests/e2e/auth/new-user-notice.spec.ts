// WordPress's new user notices end to end, on an Inkwell whose mail goes to a real SMTP server on
// loopback: a user added with "Send the new user an email about their account" follows the link
// in their "Login Details" mail to set a password and signs in with it; a registration mails the
// new reader and the site's administrator. Its own server, so the shared site is untouched.
import { test, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mailedInstance } from "../support/mail-instance";

const PORT = Number(process.env.E2E_PORT || 3100) + 155;
test.describe.configure({ mode: "serial" });

const site = mailedInstance(PORT);

async function signIn(browser: Browser, login: string, password: string, js = true): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await page.goto(`${site.inst.url}/login/`);
  await page.getByLabel("Username or Email Address").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  return page;
}

/** Follows the mail's link, as its reader would, and chooses a password there (without JavaScript). */
async function setPasswordFromMail(browser: Browser, text: string, password: string) {
  const link = /http:\/\/\S+\/reset-password\/\S+/.exec(text)![0];
  expect(new URL(link).origin).toBe(site.inst.url);
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Confirm new password").fill(password);
  await page.getByRole("button", { name: "Save Password" }).click();
  await expect(page.getByText("Your password has been reset.")).toBeVisible();
  // The link is spent.
  await page.goto(link);
  await expect(page.getByText("Your password reset link appears to be invalid or has expired.")).toBeVisible();
}

test("a user added with the notice box ticked sets a password from the mailed link and signs in", async ({ browser }) => {
  test.setTimeout(120_000);
  // The plainest browser: Add New works without JavaScript, the box ticked by default.
  const admin = await signIn(browser, "admin", "instance-admin-password", false);
  await admin.goto(`${site.inst.url}/admin/users/new/`);
  await expect(admin.getByRole("checkbox", { name: "Send the new user an email about their account" })).toBeChecked();
  // axe needs scripts: the same screen in a browser with JavaScript.
  const withJs = await signIn(browser, "admin", "instance-admin-password");
  await withJs.goto(`${site.inst.url}/admin/users/new/`);
  await expect(withJs.getByRole("checkbox", { name: "Send the new user an email about their account" })).toBeChecked();
  const axe = await new AxeBuilder({ page: withJs }).include("main").analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await admin.getByLabel("Username (required)").fill("welcomed");
  await admin.getByLabel("Email (required)").fill("welcomed@example.com");
  await admin.getByLabel("Password (required)").fill("a password the admin chose");
  await admin.getByLabel("Role").selectOption("author");
  await admin.getByRole("button", { name: "Add New User" }).click();
  await expect(admin.getByText("New user created. An email with a link to set their password is on its way to them")).toBeVisible();

  const mail = await site.smtp.waitFor((m) => m.to.includes("welcomed@example.com") && m.subject.endsWith("Login Details"));
  expect(mail.text).toContain("Username: welcomed");
  await setPasswordFromMail(browser, mail.text, "chosen from the welcome mail");
  await signIn(browser, "welcomed", "chosen from the welcome mail");

  // Unticked: no mail. Administrators see what became of the notice.
  await admin.goto(`${site.inst.url}/admin/users/new/`);
  await admin.getByLabel("Username (required)").fill("unwelcomed");
  await admin.getByLabel("Email (required)").fill("unwelcomed@example.com");
  await admin.getByLabel("Password (required)").fill("a password the admin chose");
  await admin.getByRole("checkbox", { name: "Send the new user an email about their account" }).uncheck();
  await admin.getByRole("button", { name: "Add New User" }).click();
  await expect(admin.getByText("New user created.")).toBeVisible();
  await expect(admin.getByText("An email with a link")).toHaveCount(0);
  await admin.goto(`${site.inst.url}/admin/tools/`);
  const row = admin.getByRole("row").filter({ hasText: "welcomed@example.com" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("New user's login details");
  await expect(row).toContainText("Sent");
  expect(site.smtp.mails.some((m) => m.to.includes("unwelcomed@example.com"))).toBe(false);
});

test("a registration mails the new reader their login details and the administrator the news", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signIn(browser, "admin", "instance-admin-password");
  await admin.goto(`${site.inst.url}/admin/settings/general/`);
  await admin.getByLabel("Anyone can register").check();
  await admin.getByRole("button", { name: "Save Changes" }).click();
  await expect(admin.getByText("Settings saved.")).toBeVisible();

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${site.inst.url}/register/`);
  await reader.getByLabel("Username").fill("newreader");
  await reader.getByLabel("Email").fill("newreader@example.com");
  await reader.getByLabel("Password").fill("the reader's own password");
  await reader.getByRole("button", { name: "Register" }).click();
  await expect(reader.getByText("Registration complete.")).toBeVisible();

  const news = await site.smtp.waitFor((m) => m.to.includes("admin@example.com") && m.subject.endsWith("New User Registration"));
  expect(news.text).toContain("Username: newreader");
  expect(news.text).toContain("Email: newreader@example.com");
  const details = await site.smtp.waitFor((m) => m.to.includes("newreader@example.com") && m.subject.endsWith("Login Details"));
  await setPasswordFromMail(browser, details.text, "set again from the mail");
  await signIn(browser, "newreader", "set again from the mail");
});
