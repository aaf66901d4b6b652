import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";

/** Every executable <script> in the HTML carries the nonce that the CSP header allows. */
function checkNonces(html: string, csp: string) {
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'self'");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/type="application\/ld\+json"/.test(attrs));
  expect(scripts.length).toBeGreaterThan(0);
  for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test("reader pages allow only their own nonce'd scripts, with a fresh nonce per response even from the cache", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const res = await request.get("/");
    expect(res.status()).toBe(200);
    nonces.add(checkNonces(await res.text(), res.headers()["content-security-policy"]!));
  }
  // The second and third answers come from the page cache, each with its own nonce.
  expect(nonces.size).toBe(3);
});

test("a script that is not ours does not run, even one an administrator wrote into a post", async ({ page }) => {
  // Administrators keep their HTML as written (unfiltered_html), as in WordPress; the policy still
  // stops an inline script without this response's nonce from running for readers.
  await signInAs(page, "admin");
  await page.goto("/admin/posts/new/");
  const title = `CSP check ${Date.now().toString(36)}`;
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("button", { name: "HTML" }).click();
  await page.getByRole("textbox", { name: "Content", exact: true }).fill(`<p>Visible text.</p><script>window.__injected = true</script>`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  const href = (await page.getByRole("link", { name: "View post" }).getAttribute("href"))!;
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const res = await page.goto(href);
  expect(await res!.text()).toContain("<script>window.__injected = true</script>");
  await expect(page.getByText("Visible text.")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(errors.some((e) => /Content Security Policy/i.test(e))).toBe(true);
});

test("admin screens carry the same policy, and their scripts still work", async ({ page }) => {
  await signInAs(page, "admin");
  const res = await page.goto("/admin/posts/new/");
  checkNonces(await res!.text(), res!.headers()["content-security-policy"]!);
  // The visual editor is client-side JavaScript: it must have started.
  await expect(page.locator(".ProseMirror, [contenteditable=true]").first()).toBeVisible();
});
