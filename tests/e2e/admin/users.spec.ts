import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";

async function signIn(page: import("@playwright/test").Page, login: string, password: string) {
  await page.goto("/login/");
  await page.getByLabel("Username or Email Address").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log In" }).click();
}

test("the administrator adds a user, who signs in and changes their password with the current one", async ({ page, context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.41" });
  const login = `newbie${Date.now()}`;
  await signInAs(page, "admin");
  await page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Users" }).click();
  await page.getByRole("link", { name: "Add New User" }).click();
  await page.getByLabel("Username (required)").fill(login);
  await page.getByLabel("Email (required)").fill(`${login}@example.com`);
  await page.getByLabel("Display name").fill("New Writer");
  await page.getByLabel("Password (required)").fill("first-password-1");
  await page.getByLabel("Role").selectOption("author");
  await page.getByRole("button", { name: "Add New User" }).click();
  await expect(page.getByText("New user created.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: login });
  await expect(row.getByLabel(`Role of ${login}`, { exact: true })).toHaveValue("author");
  await expect(row.getByRole("cell").last()).toHaveText("0");

  // The new user signs in.
  await page.getByRole("button", { name: "Log Out", exact: true }).click();
  await signIn(page, login, "first-password-1");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("Howdy, New Writer (Author)")).toBeVisible();

  // A new password needs the current one.
  await page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Profile" }).click();
  await page.getByLabel("New Password", { exact: true }).fill("second-password-2");
  await page.getByLabel("Repeat New Password").fill("second-password-2");
  await page.getByRole("button", { name: "Update Profile" }).click();
  await expect(page.getByText("Enter your current password to set a new one.")).toBeVisible();
  await page.getByLabel("Current Password", { exact: true }).fill("not-my-password");
  await page.getByLabel("New Password", { exact: true }).fill("second-password-2");
  await page.getByLabel("Repeat New Password").fill("second-password-2");
  await page.getByRole("button", { name: "Update Profile" }).click();
  await expect(page.getByText("Your current password is incorrect.")).toBeVisible();
  await page.getByLabel("Current Password", { exact: true }).fill("first-password-1");
  await page.getByLabel("New Password", { exact: true }).fill("second-password-2");
  await page.getByLabel("Repeat New Password").fill("second-password-2");
  await page.getByLabel("Display name publicly as").fill("Renamed Writer");
  await page.getByRole("button", { name: "Update Profile" }).click();
  await expect(page.getByText("Profile updated. Your new password is set.")).toBeVisible();
  await expect(page.getByText("Howdy, Renamed Writer (Author)")).toBeVisible();

  await page.getByRole("button", { name: "Log Out", exact: true }).click();
  await signIn(page, login, "first-password-1");
  await expect(page.getByText("The username, email address or password is incorrect.")).toBeVisible();
  await signIn(page, login, "second-password-2");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test("the administrator changes a role, resets a password and deletes a user, attributing their posts to another", async ({ page }) => {
  const login = `leaver${Date.now()}`;
  await signInAs(page, "admin");
  await page.goto("/admin/users/new/");
  await page.getByLabel("Username (required)").fill(login);
  await page.getByLabel("Email (required)").fill(`${login}@example.com`);
  await page.getByLabel("Password (required)").fill("leaver-password-1");
  await page.getByLabel("Role").selectOption("subscriber");
  await page.getByRole("button", { name: "Add New User" }).click();
  await expect(page.getByText("New user created.")).toBeVisible();

  const row = page.getByRole("row").filter({ hasText: login });
  await row.getByLabel(`Role of ${login}`, { exact: true }).selectOption("contributor");
  await row.getByRole("button", { name: `Change role of ${login}` }).click();
  await expect(page.getByText("Changed roles.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: login }).getByLabel(`Role of ${login}`, { exact: true })).toHaveValue("contributor");

  // The administrator sets them a new password (they forgot theirs).
  await page.getByRole("link", { name: `Edit ${login}` }).click();
  await page.getByLabel("New Password", { exact: true }).fill("leaver-password-2");
  await page.getByLabel("Repeat New Password").fill("leaver-password-2");
  await page.getByRole("button", { name: "Update User" }).click();
  await expect(page.getByText("User updated, with a new password.")).toBeVisible();

  // They write a draft, so that there is content to attribute.
  await page.getByRole("button", { name: "Log Out", exact: true }).click();
  await page.goto("/login/");
  await page.getByLabel("Username or Email Address").fill(login);
  await page.getByLabel("Password").fill("leaver-password-2");
  await page.getByRole("button", { name: "Log In" }).click();
  await page.getByLabel("Title").fill(`Draft by ${login}`);
  await page.getByRole("button", { name: "Save Draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.getByRole("button", { name: "Log Out", exact: true }).click();

  await signInAs(page, "admin");
  await page.goto("/admin/users/");
  await page.getByRole("link", { name: `Delete ${login}` }).click();
  await expect(page.getByText("This user has 1 post or page.")).toBeVisible();
  await page.getByLabel("Attribute all content to:").selectOption({ label: "editor (Editor Person)" });
  await page.getByRole("button", { name: "Confirm Deletion" }).click();
  await expect(page.getByText("User deleted.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: login })).toHaveCount(0);

  // The draft now belongs to the editor: it shows in their Quick Draft list.
  await page.getByRole("button", { name: "Log Out", exact: true }).click();
  await signInAs(page, "editor");
  await expect(page.getByRole("region", { name: "Quick Draft" })).toContainText(`Draft by ${login}`);
});

test("an editor cannot open Users (403) but can open their Profile", async ({ page }) => {
  await signInAs(page, "editor");
  // The editor sees no Users menu, and the screen answers 403.
  await expect(page.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  expect((await page.goto("/admin/users/"))?.status()).toBe(403);
  expect((await page.goto("/admin/users/new/"))?.status()).toBe(403);
  // The profile works for everyone.
  expect((await page.goto("/admin/profile/"))?.status()).toBe(200);
});
