// WordPress's "Lost your password?" end to end, on an Inkwell whose mail goes to a real SMTP
// server on loopback: ask, receive the mail, follow its link, set a password (without
// JavaScript; the strength meter needs it), sign in with it, and find the old session ended.
import { test, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mailedInstance } from "../support/mail-instance";
import { signInAs } from "../support/auth";

const PORT = Number(process.env.E2E_PORT || 3100) + 150;
const CHECK_EMAIL = "Check your email for the confirmation link, then visit the login page.";
const INVALID_LINK = "Your password reset link appears to be invalid or has expired.";
test.describe.configure({ mode: "serial" });

const site = mailedInstance(PORT);

async function expectNoSeriousAxe(page: Page) {
  const results = await new AxeBuilder({ page }).include("main").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), page.url()).toEqual([]);
}

async function signIn(browser: Browser, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${site.inst.url}/login/`);
  await page.getByLabel("Username or Email Address").fill("admin");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  return page;
}

async function askForLink(page: Page, who: string) {
  await page.goto(`${site.inst.url}/login/`);
  await page.getByRole("link", { name: "Lost your password?" }).click();
  await page.getByLabel("Username or Email Address").fill(who);
  await page.getByRole("button", { name: "Get New Password" }).click();
  await expect(page.getByText(CHECK_EMAIL)).toBeVisible();
}

test("a lost password is reset through the mailed link, which works once and ends every old session", async ({ browser }) => {
  test.setTimeout(90_000);
  const laptop = await signIn(browser, "instance-admin-password");

  // WordPress's address for the screen leads to it.
  const wp = await fetch(`${site.inst.url}/wp-login.php?action=lostpassword`, { redirect: "manual" });
  expect(new URL(wp.headers.get("location")!, site.inst.url).pathname).toBe("/lost-password/");

  // Without JavaScript, as the plainest browser would; an unknown address gets the same answer.
  const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await askForLink(noJs, "nobody-here@example.com");
  await askForLink(noJs, "admin@example.com");
  const mail = await site.smtp.waitFor((m) => m.to.includes("admin@example.com") && m.subject.includes("Password Reset"));
  const link = /http:\/\/\S+/.exec(mail.text)![0];
  expect(new URL(link).origin).toBe(site.inst.url);

  // With JavaScript the form has a strength meter; both screens pass axe.
  const js = await (await browser.newContext()).newPage();
  await js.goto(`${site.inst.url}/lost-password/`);
  await expectNoSeriousAxe(js);
  await js.goto(link);
  await js.getByLabel("New password", { exact: true }).fill("password");
  await expect(js.getByText("Strength: Very weak")).toBeVisible();
  await js.getByLabel("New password", { exact: true }).fill("correct horse battery staple 7");
  await expect(js.getByText(/Strength: (Strong|Very strong)/)).toBeVisible();
  await expectNoSeriousAxe(js);

  // Mismatched confirmation: told so, nothing changed, the link still good.
  await noJs.goto(link);
  await noJs.getByLabel("New password", { exact: true }).fill("reset-password-e2e-1");
  await noJs.getByLabel("Confirm new password").fill("something else");
  await noJs.getByRole("button", { name: "Save Password" }).click();
  await expect(noJs.getByText("The passwords do not match.")).toBeVisible();
  await noJs.getByLabel("New password", { exact: true }).fill("reset-password-e2e-1");
  await noJs.getByLabel("Confirm new password").fill("reset-password-e2e-1");
  await noJs.getByRole("button", { name: "Save Password" }).click();
  await expect(noJs.getByText("Your password has been reset.")).toBeVisible();

  // The link is spent; the old password and the old session are gone; the new password signs in.
  await noJs.goto(link);
  await expect(noJs.getByText(INVALID_LINK)).toBeVisible();
  await laptop.goto(`${site.inst.url}/admin/`);
  await expect(laptop).toHaveURL(/\/login\//);
  const fresh = await signIn(browser, "reset-password-e2e-1");
  expect(site.smtp.mails.some((m) => m.to.includes("nobody-here@example.com"))).toBe(false);

  // Administrators see what became of the mail.
  await fresh.goto(`${site.inst.url}/admin/tools/`);
  const row = fresh.getByRole("row").filter({ hasText: "Password reset" }).first();
  await expect(row).toContainText("admin@example.com");
  await expect(row).toContainText("Sent");
});

test("a forged or mangled link changes nothing and gets the same calm answer", async ({ browser }) => {
  // Five page loads and a sign-in: over 30 s once on a machine at load 18.
  test.setTimeout(60_000);
  const page = await (await browser.newContext()).newPage();
  for (const query of ["key=forged&login=admin", "login=admin", "key=" + "x".repeat(500) + "&login=admin", "key=abc&login=nobody"]) {
    await page.goto(`${site.inst.url}/reset-password/?${query}`);
    await expect(page.getByText(INVALID_LINK)).toBeVisible();
  }
  const res = await fetch(`${site.inst.url}/wp-login.php?action=rp&key=forged&login=admin`, { redirect: "manual" });
  expect(new URL(res.headers.get("location")!, site.inst.url).pathname).toBe("/reset-password/");
  await signIn(browser, "reset-password-e2e-1");
});

test("an administrator sends a reset link from Edit User", async ({ browser }) => {
  const admin = await signIn(browser, "reset-password-e2e-1");
  await admin.goto(`${site.inst.url}/admin/users/new/`);
  await admin.getByLabel("Username (required)").fill("forgetful");
  await admin.getByLabel("Email (required)").fill("forgetful@example.com");
  await admin.getByLabel("Password (required)").fill("forgetful-password-1");
  await admin.getByRole("button", { name: "Add New User" }).click();
  await expect(admin.getByText("New user created.")).toBeVisible();
  await admin.goto(`${site.inst.url}/admin/users/`);
  await admin.getByRole("link", { name: "Edit forgetful" }).click();
  await admin.getByRole("button", { name: "Send Reset Link" }).click();
  await expect(admin.getByText("A password reset link is on its way to forgetful.")).toBeVisible();
  const mail = await site.smtp.waitFor((m) => m.to.includes("forgetful@example.com") && m.subject.includes("Password Reset"));
  expect(mail.text).toContain("Username: forgetful");
});

test("without SMTP_URL the admin says mail is not configured", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/tools/");
  await expect(page.getByText("Mail is not configured")).toBeVisible();
});
