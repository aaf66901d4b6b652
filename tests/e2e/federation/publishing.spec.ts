// Publishing to the fediverse and the follow widget, against the built server: a real second
// server (tests/e2e/support/fedi-remote.mjs) follows the blog; a post published through XML-RPC
// reaches its inbox as a Create, and the post's Pings screen shows the delivery. The "Follow me
// on the fediverse" widget, turned on under Appearance → Widgets, shows the handle (a Copy button
// with JavaScript, plain text without) and its form sends a reader to their server, or says why not.
import { test, expect, type APIRequestContext } from "@playwright/test";
import { signInAs } from "../support/auth";
import { blogActorUrl, fediRemoteForSpec } from "../support/fedi-remote";
import { E2E_USERS } from "../support/users";

test.describe.configure({ mode: "serial", timeout: 60_000 });

// E2E_PORT + 42: followers.spec.ts uses +41.
const REMOTE = fediRemoteForSpec(42);
const REMOTE_PORT = new URL(REMOTE).port;


const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
async function newPost(request: APIRequestContext, title: string) {
  const { login, password } = E2E_USERS.admin;
  const body = `<?xml version="1.0"?><methodCall><methodName>wp.newPost</methodName><params><param><value><int>1</int></value></param><param><value><string>${login}</string></value></param><param><value><string>${password}</string></value></param><param><value><struct><member><name>post_title</name><value><string>${xml(title)}</string></value></member><member><name>post_status</name><value><string>publish</string></value></member><member><name>post_content</name><value><string>${xml("<p>Out to the fediverse.</p>")}</string></value></member></struct></value></param></params></methodCall>`;
  const res = await request.post("/xmlrpc.php", { data: body, headers: { "content-type": "text/xml" } });
  const id = /<string>(\d+)<\/string>/.exec(await res.text())?.[1];
  expect(id).toBeTruthy();
  return Number(id);
}

test("a published post reaches a follower, and its Pings screen shows the delivery", async ({ page, request, baseURL }) => {
  const actor = await blogActorUrl(request, baseURL!);
  expect((await request.post(`${REMOTE}/test/follow?as=bob&target=${encodeURIComponent(actor)}`)).status()).toBe(204);
  const title = `Fediverse post ${Date.now()}`;
  // The Follow is accepted in the background: wait until Bob is a follower, then publish.
  await signInAs(page, "admin");
  await expect(async () => {
    await page.goto("/admin/users/followers/");
    await expect(page.getByRole("row", { name: new RegExp(`@bob@127.0.0.1:${REMOTE_PORT}`) })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const id = await newPost(request, title);
  await expect(async () => {
    const got = (await (await request.get(`${REMOTE}/test/received`)).json()) as { type: string; name?: string }[];
    expect(got.some((r) => r.type === "Create" && r.name === title)).toBe(true);
  }).toPass({ timeout: 20_000 });

  await page.goto(`/admin/pings/${id}/`);
  const section = page.getByRole("region", { name: "Fediverse deliveries" });
  const row = section.getByRole("row", { name: new RegExp(`127\\.0\\.0\\.1:${REMOTE_PORT}`) });
  await expect(row).toContainText("Published");
  await expect(row).toContainText("Delivered");

  // Users → Followers lists the post among those sent, linking to its results.
  await page.goto("/admin/users/followers/");
  const sent = page.getByRole("region", { name: "Posts sent to followers" });
  await sent.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/pings/${id}/$`));
});

test("the follow widget: handle and Copy with JavaScript; without it plain text, and the form sends the reader on or says why not", async ({ browser }) => {
  const admin = await browser.newContext({ javaScriptEnabled: false });
  const page = await admin.newPage();
  await signInAs(page, "admin");
  await page.goto("/admin/appearance/widgets/");
  await page.getByRole("checkbox", { name: "Show Follow me on the fediverse" }).check();
  await page.getByRole("button", { name: "Save Widgets" }).click();
  await expect(page.getByRole("checkbox", { name: "Show Follow me on the fediverse" })).toBeChecked();
  await admin.close();

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const reader = await noJs.newPage();
  await reader.goto("/");
  const widget = reader.getByRole("region", { name: "Follow me on the fediverse" });
  await expect(widget.getByText(/^@127\.0\.0\.1@127\.0\.0\.1:\d+$/)).toBeVisible();
  await expect(widget.getByRole("button", { name: /Copy/ })).toHaveCount(0);
  // A private address is refused with a page that says so.
  await widget.getByLabel("Follow from your server").fill("10.0.0.8");
  await widget.getByRole("button", { name: "Follow" }).click();
  await expect(reader.getByText("10.0.0.8 is not a public server.")).toBeVisible();
  // A server without a subscribe template: its /authorize_interaction with the blog's handle.
  await reader.goto("/");
  await reader.getByLabel("Follow from your server").fill(REMOTE);
  await reader.getByRole("button", { name: "Follow" }).click();
  await expect(reader).toHaveURL(new RegExp(`^${REMOTE}/authorize_interaction\\?uri=127\\.0\\.0\\.1%40127\\.0\\.0\\.1%3A\\d+$`));
  await noJs.close();

  const withJs = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page2 = await withJs.newPage();
  await page2.goto("/");
  const w2 = page2.getByRole("region", { name: "Follow me on the fediverse" });
  const copy = w2.getByRole("button", { name: /^Copy @127\.0\.0\.1@/ });
  await copy.click();
  await expect(copy).toHaveText("Copied");
  expect(await page2.evaluate(() => navigator.clipboard.readText())).toMatch(/^@127\.0\.0\.1@127\.0\.0\.1:\d+$/);
  await withJs.close();
});
