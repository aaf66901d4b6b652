// The conversation coming home, end to end against the built server: a second server (an
// independent Fedify, tests/e2e/support/fedi-remote.mjs) replies to a post, likes and boosts it.
// The reply waits in Comments marked "Fediverse" (its author has no approved comment yet), is
// approved there, then shows on the post with its author's profile link and avatar copied into
// the site's uploads, under "1 boost · 2 likes", in both themes; screenshots at 360 and 1280 px,
// light and dark, go to test-results/fediverse-replies/.
import { test, expect, type Page } from "@playwright/test";
import { signInAs } from "../support/auth";
import { blogActorUrl, fediRemoteForSpec } from "../support/fedi-remote";
import { discussionPost } from "../support/discussion";

test.describe.configure({ mode: "serial", timeout: 90_000 });

// E2E_PORT + 42: publishing.spec.ts uses it too (specs run one at a time).
const REMOTE = fediRemoteForSpec(42);
const REMOTE_PORT = new URL(REMOTE).port;
const SHOTS = "test-results/fediverse-replies";

async function activate(page: Page, theme: "Classic" | "Modern") {
  await page.goto("/admin/appearance/");
  const button = page.getByRole("button", { name: `Activate ${theme}` });
  if (await button.count()) {
    await button.click();
    await expect(page.getByText("New theme activated.")).toBeVisible();
  }
}

const TEXT = "Brewed it twice, as you said: much better.";

test("a fediverse reply is approved in Comments and shows on the post with likes and boosts, in both themes", async ({ browser, request, baseURL }) => {
  const blog = await blogActorUrl(request, baseURL!);
  // A post of its own (tests/e2e/support/seed-discussion.ts), so no other spec's thread changes.
  const link = discussionPost("fediverse");
  const postUrl = new URL(link, baseURL).href;
  const q = (as: string) => `as=${as}&target=${encodeURIComponent(postUrl)}&blog=${encodeURIComponent(blog)}`;
  expect((await request.post(`${REMOTE}/test/reply?${q("alice")}&content=${encodeURIComponent(`<p>${TEXT} <script>alert(1)</script></p>`)}`)).status()).toBe(204);
  for (const as of ["alice", "bob"]) expect((await request.post(`${REMOTE}/test/like?${q(as)}`)).status()).toBe(204);
  expect((await request.post(`${REMOTE}/test/announce?${q("bob")}`)).status()).toBe(204);

  // Held: Alice has no approved comment here yet. The administrator approves it without JavaScript.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const admin = await context.newPage();
  await signInAs(admin, "admin");
  const row = admin.getByRole("row", { name: "Comment by Alice Fediverse" }).filter({ hasText: TEXT });
  await expect(async () => {
    await admin.goto("/admin/comments/");
    await expect(row).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(row).toContainText("Fediverse");
  await expect(row).toContainText(`@alice@127.0.0.1:${REMOTE_PORT}`);
  // Held unless the site's settings let a first comment through (other specs may change them).
  if (await row.getByText("Pending").count()) {
    await row.getByRole("button", { name: "Approve comment by Alice Fediverse" }).click();
    await expect(admin.getByRole("status")).toHaveText("1 comment approved.");
  }

  for (const theme of ["Classic", "Modern"] as const) {
    await activate(admin, theme);
    for (const width of [360, 1280]) {
      for (const colorScheme of ["light", "dark"] as const) {
        const reader = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await reader.newPage();
        await page.goto(link);
        await expect(page.getByText("From the fediverse: 1 boost · 2 likes")).toBeVisible();
        const comment = page.locator("li", { hasText: TEXT }).last();
        await expect(comment).toBeVisible();
        await expect(comment.getByRole("link", { name: "Alice Fediverse", exact: true })).toHaveAttribute("href", `${REMOTE}/@alice`);
        // The avatar is the site's own copy, never the other server's address.
        const src = await comment.locator("img").first().getAttribute("src");
        expect(src).toMatch(/^\/wp-content\/uploads\/\d{4}\/\d{2}\/alice-150x150\.png$/);
        expect(await comment.innerHTML()).not.toContain("<script");
        await comment.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/${theme.toLowerCase()}-${width}-${colorScheme}.png`, fullPage: true });
        await reader.close();
      }
    }
  }
  await activate(admin, "Classic");
  await context.close();
});

test("Settings → Discussion lists blocked servers and accounts, without JavaScript, and says what is wrong with a line", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  await signInAs(page, "admin");
  await page.goto("/admin/settings/discussion/");
  const servers = page.getByLabel(/Blocked servers/);
  const accounts = page.getByLabel(/Blocked accounts/);
  await servers.fill("https://spam.example/");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByText("Write one server name per line, such as spam.example.")).toBeVisible();
  await page.getByLabel(/Blocked servers/).fill("spam.example\n\n  bad.example ");
  await page.getByLabel(/Blocked accounts/).fill("@troll@mastodon.example");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(servers).toHaveValue("spam.example\nbad.example");
  await expect(accounts).toHaveValue("@troll@mastodon.example");
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await servers.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/settings-blocks-${width}.png` });
  }
  await servers.fill("");
  await accounts.fill("");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(servers).toHaveValue("");
  await context.close();
});

test("a flood of inbox POSTs from one server is held back with 429 while readers still get their pages", async ({ request, baseURL }) => {
  const inbox = `${await blogActorUrl(request, baseURL!)}/inbox`;
  const statuses: number[] = [];
  // 300 a minute per signing host (lib/federation/http.ts INBOX_RATE); a bounded loop just past it.
  for (let i = 0; i < 302; i++) {
    const res = await request.post(inbox, { headers: { "content-type": "application/activity+json", signature: `keyId="https://flood.example/actor#key",signature="x${i}"` }, data: "{}" });
    statuses.push(res.status());
  }
  expect(statuses.slice(-2)).toEqual([429, 429]);
  const page = await request.get(discussionPost("fediverse"));
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain("Discussion fediverse");
});
