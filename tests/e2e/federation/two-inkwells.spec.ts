// Issue #25's proof: two Inkwell servers from the build, on loopback, federating with signatures
// enforced throughout (nothing is switched off; OUTBOUND_ALLOW_HOSTS only lets each reach the
// other's loopback address). B's administrator follows A from Users → Following (accepted by A),
// A publishes → B's Reader has the post, A edits → B's item is updated, B replies from the Reader
// → A holds a comment, approved → shown on A's post, B likes → A's post shows "1 like", B trashes
// its reply → A's comment is gone, A trashes the post → gone from B's Reader.
import fs from "node:fs";
import { test, expect, type APIRequestContext, type Page } from "@playwright/test";
import { startInstance, type Instance } from "../support/instance";

test.describe.configure({ mode: "serial", timeout: 180_000 });

// E2E_PORT + 41 and + 42 are the other federation specs'; these two are this spec's own.
const A_PORT = Number(process.env.E2E_PORT || 3100) + 43;
const B_PORT = Number(process.env.E2E_PORT || 3100) + 44;
const ENV = { OUTBOUND_ALLOW_HOSTS: "127.0.0.1", INKWELL_JOB_POLL_MS: "300", INKWELL_JOB_BACKOFF_MS: "1000" };
const PASSWORD = "instance-admin-password";
const SHOTS = "test-results/two-inkwells";
let a: Instance;
let b: Instance;

test.beforeAll(async () => {
  [a, b] = await Promise.all([startInstance(A_PORT, ENV), startInstance(B_PORT, ENV)]);
});
test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  // What each server logged, for a failure's post-mortem.
  fs.mkdirSync(SHOTS, { recursive: true });
  if (a) fs.writeFileSync(`${SHOTS}/a.log`, a.output());
  if (b) fs.writeFileSync(`${SHOTS}/b.log`, b.output());
});

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const member = (name: string, value: string) => `<member><name>${name}</name><value><string>${xml(value)}</string></value></member>`;
async function xmlrpc(request: APIRequestContext, site: Instance, method: string, params: string): Promise<string> {
  const body = `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params><param><value><int>1</int></value></param><param><value><string>admin</string></value></param><param><value><string>${PASSWORD}</string></value></param>${params}</params></methodCall>`;
  const res = await request.post(`${site.url}/xmlrpc.php`, { data: body, headers: { "content-type": "text/xml" } });
  const text = await res.text();
  expect(text).not.toContain("<fault>");
  return text;
}

async function signIn(page: Page, site: Instance) {
  await page.goto(`${site.url}/login/`);
  await page.getByLabel("Username or Email Address").fill("admin");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

/** Reloads `url` until `check` passes (deliveries run from the job queues of both servers). */
async function until(page: Page, url: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto(url);
    await check();
  }).toPass({ timeout: 45_000 });
}

test("two Inkwells federate: follow, publish, edit, reply, like, delete", async ({ browser, request }) => {
  const stamp = Date.now();
  const aHost = `127.0.0.1:${A_PORT}`;
  const bContext = await browser.newContext({ javaScriptEnabled: false });
  const pb = await bContext.newPage();
  const aContext = await browser.newContext({ javaScriptEnabled: false });
  const pa = await aContext.newPage();
  await signIn(pb, b);
  await signIn(pa, a);

  // A has answered WebFinger once (its federation is built at the first request; a loaded
  // machine may take longer than B's lookup waits).
  expect((await request.get(`${a.url}/.well-known/webfinger?resource=${encodeURIComponent(`acct:127.0.0.1@${aHost}`)}`)).status()).toBe(200);
  // B follows A by its handle (the site's host, as WordPress's plugin names its blog profile).
  await pb.goto(`${b.url}/admin/users/following/`);
  await pb.getByLabel("Follow an account").fill(`@127.0.0.1@${aHost}`);
  await pb.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(pb.getByRole("status")).toContainText(`Follow request sent to @127.0.0.1@${aHost}`);
  const row = pb.getByRole("row", { name: new RegExp(`@127\\.0\\.0\\.1@127\\.0\\.0\\.1:${A_PORT}`) });
  await until(pb, `${b.url}/admin/users/following/`, () => expect(row).toContainText("Following", { timeout: 1000 }));
  // …and A lists B among its followers.
  await until(pa, `${a.url}/admin/users/followers/`, () => expect(pa.getByRole("row", { name: new RegExp(`@127\\.0\\.0\\.1@127\\.0\\.0\\.1:${B_PORT}`) })).toBeVisible({ timeout: 1000 }));

  // A publishes: B's Reader has it.
  const title = `Tea from A ${stamp}`;
  const created = await xmlrpc(request, a, "wp.newPost", `<param><value><struct>${member("post_title", title)}${member("post_status", "publish")}${member("post_content", "<p>Sencha, steeped twice.</p>")}</struct></value></param>`);
  const postId = /<string>(\d+)<\/string>/.exec(created)![1]!;
  const item = pb.getByRole("article", { name: title });
  await until(pb, `${b.url}/admin/reader/`, () => expect(item).toContainText("Sencha, steeped twice.", { timeout: 1000 }));

  // A edits: B's item follows.
  const edited = `${title}, revised`;
  await xmlrpc(request, a, "wp.editPost", `<param><value><int>${postId}</int></value></param><param><value><struct>${member("post_title", edited)}${member("post_content", "<p>Three times now.</p>")}</struct></value></param>`);
  const editedItem = pb.getByRole("article", { name: edited });
  await until(pb, `${b.url}/admin/reader/`, () => expect(editedItem).toContainText("Three times now.", { timeout: 1000 }));
  await expect(pb.getByRole("article", { name: title, exact: true })).toHaveCount(0);
  const permalink = (await editedItem.getByRole("link", { name: /^View original/ }).getAttribute("href"))!;
  expect(permalink.startsWith(a.url)).toBe(true);
  for (const width of [360, 1280]) {
    await pb.setViewportSize({ width, height: 900 });
    await pb.screenshot({ path: `${SHOTS}/reader-${width}.png`, fullPage: true });
  }

  // B replies from the Reader: the editor opens "In reply to" A's post; published, it reaches A.
  const replyText = `Agreed from B ${stamp}`;
  const js = await browser.newContext();
  const writer = await js.newPage();
  await signIn(writer, b);
  await writer.goto(`${b.url}/admin/reader/`);
  await writer.getByRole("link", { name: `Reply: ${edited}` }).click();
  await expect(writer.getByRole("textbox", { name: "In reply to" })).toHaveValue(permalink);
  await writer.getByRole("textbox", { name: "Title" }).fill(`Re: ${edited}`);
  for (const width of [360, 1280]) {
    await writer.setViewportSize({ width, height: 900 });
    await writer.getByRole("textbox", { name: "In reply to" }).scrollIntoViewIfNeeded();
    await writer.screenshot({ path: `${SHOTS}/editor-in-reply-to-${width}.png` });
  }
  await writer.getByRole("textbox", { name: "Content (visual editor)" }).click();
  await writer.keyboard.type(replyText);
  await writer.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(writer).toHaveURL(/\/admin\/posts\/\d+\/\?saved=/);
  const replyId = /\/admin\/posts\/(\d+)\//.exec(writer.url())![1]!;
  await js.close();
  // B's site says what the post answers.
  await pb.goto(`${b.url}/?p=${replyId}`);
  await expect(pb.getByText("In reply to")).toBeVisible();
  await expect(pb.locator(".in-reply-to a")).toHaveAttribute("href", permalink);
  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [360, 1280]) {
      const shot = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const p = await shot.newPage();
      await p.goto(`${b.url}/?p=${replyId}`);
      await p.screenshot({ path: `${SHOTS}/reply-post-${width}-${colorScheme}.png` });
      await shot.close();
    }
  }

  // A holds the reply as a comment (a first comment from that account), then approves it.
  const comment = pa.getByRole("row").filter({ hasText: replyText });
  await until(pa, `${a.url}/admin/comments/`, () => expect(comment).toBeVisible({ timeout: 1000 }));
  await expect(comment).toContainText("Fediverse");
  await expect(comment).toContainText("Pending");
  await comment.getByRole("button", { name: /^Approve comment by/ }).click();
  await expect(pa.getByRole("status")).toHaveText("1 comment approved.");
  const reader = await browser.newContext();
  const visitor = await reader.newPage();
  await visitor.goto(permalink);
  await expect(visitor.locator("li", { hasText: replyText }).last()).toBeVisible();

  // B likes A's post from the Reader: A's post counts it.
  await pb.goto(`${b.url}/admin/reader/`);
  await pb.getByRole("button", { name: `Like: ${edited}` }).click();
  await expect(pb.getByRole("status")).toHaveText("Liked: their server has been told.");
  await expect(pb.getByRole("button", { name: `Unlike: ${edited}` })).toHaveAttribute("aria-pressed", "true");
  await until(visitor, permalink, () => expect(visitor.getByText("From the fediverse: 1 like")).toBeVisible({ timeout: 1000 }));

  // B trashes its reply: A's comment goes.
  await xmlrpc(request, b, "wp.deletePost", `<param><value><int>${replyId}</int></value></param>`);
  await until(visitor, permalink, () => expect(visitor.getByText(replyText)).toHaveCount(0, { timeout: 1000 }));

  // A trashes its post: B's Reader lets it go.
  await xmlrpc(request, a, "wp.deletePost", `<param><value><int>${postId}</int></value></param>`);
  await until(pb, `${b.url}/admin/reader/`, () => expect(pb.getByRole("article", { name: edited })).toHaveCount(0, { timeout: 1000 }));

  // Unfollow sends Undo(Follow): A no longer lists B.
  await pb.goto(`${b.url}/admin/users/following/`);
  await pb.getByRole("button", { name: `Unfollow @127.0.0.1@${aHost}` }).click();
  await expect(pb.getByRole("status")).toContainText("Unfollowed");
  await until(pa, `${a.url}/admin/users/followers/`, () => expect(pa.getByRole("row", { name: new RegExp(`@127\\.0\\.0\\.1@127\\.0\\.0\\.1:${B_PORT}`) })).toHaveCount(0, { timeout: 1000 }));
  await reader.close();
  await aContext.close();
  await bContext.close();
});

test("Mastodon's remote follow lands on Following → Follow: sign in first, then the account and a Follow button", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const jrd = (await (await page.request.get(`${a.url}/.well-known/webfinger?resource=${encodeURIComponent(`acct:127.0.0.1@127.0.0.1:${A_PORT}`)}`)).json()) as { links: { rel: string; template?: string }[] };
  const template = jrd.links.find((l) => l.rel === "http://ostatus.org/schema/1.0/subscribe")!.template!;
  expect(template).toBe(`${a.url}/fediverse/subscribe/?uri={uri}`);
  await page.goto(template.replace("{uri}", encodeURIComponent(`127.0.0.1@127.0.0.1:${B_PORT}`)));
  await expect(page).toHaveURL(/\/login\/\?redirect_to=/);
  await page.getByLabel("Username or Email Address").fill("admin");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "Follow", exact: true })).toBeVisible();
  const follow = page.getByRole("button", { name: `Follow @127.0.0.1@127.0.0.1:${B_PORT}` });
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${SHOTS}/remote-follow-${width}.png`, fullPage: true });
  }
  await follow.click();
  await expect(page.getByRole("status")).toContainText(`Follow request sent to @127.0.0.1@127.0.0.1:${B_PORT}`);
  await until(page, `${a.url}/admin/users/following/`, () => expect(page.getByRole("row", { name: new RegExp(`@127\\.0\\.0\\.1@127\\.0\\.0\\.1:${B_PORT}`) })).toContainText("Following", { timeout: 1000 }));
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${SHOTS}/following-${width}.png`, fullPage: true });
  }
  // A name that is not an account says so, in the page.
  await page.goto(`${a.url}/admin/users/following/follow/?uri=${encodeURIComponent("nobody")}`);
  await expect(page.getByText(/neither a fediverse handle/)).toBeVisible();
  await context.close();
});
