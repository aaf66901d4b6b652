import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "../support/auth";

test("the site-admin screens have no serious accessibility violations", async ({ page }) => {
  test.setTimeout(120_000); // twelve axe runs on a shared two-core machine
  await signInAs(page, "admin");
  for (const path of ["/admin/", "/admin/settings/general/", "/admin/settings/reading/", "/admin/settings/discussion/", "/admin/settings/media/", "/admin/settings/permalinks/", "/admin/users/", "/admin/users/new/", "/admin/profile/", "/admin/media/", "/admin/media/?mode=list", "/admin/tools/"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).include("main").analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), path).toEqual([]);
  }
});
