// Holes found from outside in the sign-in and writing paths: a redirect target that leaves the
// site, a session that outlives Log Out, and a post an editor took down that its contributor could
// put back. Each is tried as the attacker would: over HTTP or in the browser.
import { test, expect, type Browser, type Page } from "@playwright/test";
import { signInAs } from "../support/auth";

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

// Each as a browser would send it after decoding the query: TAB, CR/LF, backslash, protocol-relative,
// absolute, and the same again percent-encoded once more.
const HOSTILE_TARGETS = [
  "/\t/evil.example/",
  "/\r\n/evil.example/",
  "/\\evil.example/",
  "\\\\evil.example/",
  "//evil.example/",
  "https://evil.example/",
  "/%2F%2Fevil.example/",
  "/%5Cevil.example/",
  "/%09/evil.example/",
];

async function contextPage(browser: Browser, ip: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  // Were a redirect to leave the site, the browser would land here instead of failing on DNS.
  await context.route((url) => url.hostname === "evil.example", (route) => route.fulfill({ status: 200, contentType: "text/plain", body: "evil" }));
  return context.newPage();
}

test("a redirect_to with a TAB (or any other way off the site) keeps a signed-in user on this site", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const page = await contextPage(browser, "198.51.100.81");
  await signInAs(page, "author");
  const site = new URL(baseURL!).host;
  for (const target of HOSTILE_TARGETS) {
    const address = `/login/?redirect_to=${encodeURIComponent(target)}`;
    // Over HTTP: the Location header, resolved as a browser would, names this site.
    const res = await page.request.get(address, { maxRedirects: 0 });
    const location = res.headers()["location"];
    expect(location, JSON.stringify(target)).toBeTruthy();
    expect(new URL(location!, baseURL).host, JSON.stringify(target)).toBe(site);
    // In Chromium: following it stays here.
    await page.goto(address);
    expect(new URL(page.url()).host, JSON.stringify(target)).toBe(site);
  }
  await page.context().close();
});

test("after Log Out, a cookie copied before it opens neither the Dashboard nor any action", async ({ browser }) => {
  const page = await contextPage(browser, "198.51.100.83");
  await signInAs(page, "author");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const asThief = { headers: { cookie, "x-forwarded-for": "203.0.113.83" }, maxRedirects: 0 };
  // The copy works while its owner is signed in.
  expect((await page.request.fetch("/admin/", { ...asThief, method: "GET" })).status()).toBe(200);

  await page.getByRole("button", { name: "Log Out", exact: true }).click();
  await expect(page.getByText("You are now logged out.")).toBeVisible();

  const thief = await browser.newContext();
  const dashboard = await thief.request.get("/admin/", asThief);
  expect(dashboard.status()).toBe(307);
  expect(dashboard.headers()["location"]).toMatch(/\/login\//);
  const upload = await thief.request.post("/admin/media/upload/", { ...asThief, headers: { ...asThief.headers, accept: "application/json" }, multipart: { file: { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("x") } } });
  expect(upload.status()).toBe(401);
  await Promise.all([thief.close(), page.context().close()]);
});

test("a contributor cannot restore or delete a post an editor published and then trashed", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const title = unique("Taken down");
  const contributor = await contextPage(browser, "198.51.100.84");
  await signInAs(contributor, "contributor");
  await contributor.goto("/admin/posts/new/");
  await contributor.getByRole("textbox", { name: "Title" }).fill(title);
  await contributor.getByRole("button", { name: "Submit for Review" }).click();
  await expect(contributor.getByText("Submitted for review.")).toBeVisible();
  const id = Number(/\/admin\/posts\/(\d+)\//.exec(contributor.url())![1]);

  const editor = await contextPage(browser, "198.51.100.85");
  await signInAs(editor, "editor");
  await editor.goto(`/admin/posts/${id}/`);
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByText("Published.")).toBeVisible();
  await editor.goto(`/admin/posts/?s=${encodeURIComponent(title)}`);
  await editor.getByRole("button", { name: `Move “${title}” to the Trash` }).click();
  await expect(editor.getByText(/moved to the Trash/)).toBeVisible();

  // The Trash view renders each row's Restore and Delete forms; the contributor posts them as a
  // plain form would, then the post must still be in the Trash, unpublished.
  for (const action of ["restore", "delete"]) {
    await contributor.goto(`/admin/posts/?view=trash&s=${encodeURIComponent(title)}`);
    const answer = contributor.waitForResponse((r) => r.request().method() === "POST");
    await contributor.evaluate((form) => (document.getElementById(form) as HTMLFormElement).submit(), `${action}-${id}`);
    expect((await answer).status(), action).not.toBe(303);
    await editor.goto(`/admin/posts/?view=trash&s=${encodeURIComponent(title)}`);
    await expect(editor.getByRole("row").filter({ hasText: title }), action).toHaveCount(1);
  }
  expect((await request.get(`/?p=${id}`, { maxRedirects: 0 })).status()).toBe(404);
  await contributor.goto(`/admin/posts/?view=trash&s=${encodeURIComponent(title)}`);
  await expect(contributor.getByRole("row").filter({ hasText: title }).getByRole("button", { name: "Restore" })).toHaveCount(0);
  await Promise.all([contributor.context().close(), editor.context().close()]);
});
