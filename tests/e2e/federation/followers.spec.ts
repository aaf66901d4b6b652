// The fediverse end to end against the built server: WebFinger, the actor and a post's URL as
// ActivityStreams JSON (never the page cache's HTML), then a real second server (an independent
// Fedify, tests/e2e/support/fedi-remote.mjs) follows the blog, and the administrator manages it
// under Users → Followers without JavaScript: approve a held request, remove, block; an editor
// sees only their own followers there.
import { test, expect, type APIRequestContext } from "@playwright/test";
import { signInAs } from "../support/auth";
import { blogActorUrl, fediRemoteForSpec } from "../support/fedi-remote";

test.describe.configure({ mode: "serial", timeout: 60_000 });

// E2E_PORT + 41: no other spec or server of the run uses it.
const REMOTE = fediRemoteForSpec(41);
const REMOTE_PORT = new URL(REMOTE).port;


async function received(request: APIRequestContext): Promise<{ type: string }[]> {
  return (await (await request.get(`${REMOTE}/test/received`)).json()) as { type: string }[];
}

test("WebFinger, NodeInfo, the actor, and a post's URL as ActivityStreams JSON on the running site", async ({ request, baseURL }) => {
  const actor = await blogActorUrl(request, baseURL!);
  const doc = await request.get(actor, { headers: { accept: "application/activity+json" } });
  expect(doc.headers()["content-type"]).toContain("application/activity+json");
  expect(((await doc.json()) as { inbox: string }).inbox).toBe(`${actor}/inbox`);
  expect((await request.get("/.well-known/nodeinfo")).status()).toBe(200);

  // The home page links the latest post; ask for it as a reader (filling the page cache), then as a server.
  const home = await request.get("/");
  const link = /<h2[^>]*>\s*<a href="([^"]+)"/.exec(await home.text())?.[1] ?? /href="(\/\d{4}\/\d{2}\/\d{2}\/[^"]+\/)"/.exec(await home.text())![1]!;
  const path = new URL(link, baseURL).pathname;
  expect((await request.get(path)).headers()["content-type"]).toContain("text/html");
  const html = await request.get(path);
  expect(html.headers()["content-type"]).toContain("text/html");
  const json = await request.get(path, { headers: { accept: 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"' } });
  expect(json.headers()["content-type"]).toBe("application/activity+json");
  expect(((await json.json()) as { type: string }).type).toBe("Article");
  // And the reader still gets the page, not the JSON.
  expect((await request.get(path)).headers()["content-type"]).toContain("text/html");
});

test("a follow request held for approval is approved, then the follower removed, then blocked, without JavaScript", async ({ browser, request, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, "admin");
  await page.goto("/admin/settings/discussion/");
  await page.getByLabel(/Follow requests from the fediverse must be approved/).check();
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.getByLabel(/Follow requests from the fediverse must be approved/)).toBeChecked();

  const actor = await blogActorUrl(request, baseURL!);
  expect((await request.post(`${REMOTE}/test/follow?as=alice&target=${encodeURIComponent(actor)}`)).status()).toBe(204);

  await page.goto("/admin/users/followers/?status=pending");
  const handle = `@alice@127.0.0.1:${REMOTE_PORT}`;
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(handle) })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("link", { name: /Requests \(1\)/ })).toBeVisible();
  await page.getByRole("button", { name: `Approve ${handle}` }).click();
  await expect(page.getByRole("status")).toContainText("Follow request approved");
  await expect.poll(async () => (await received(request)).map((a) => a.type), { timeout: 20_000 }).toContain("Accept");

  await page.goto("/admin/users/followers/");
  const row = page.getByRole("row", { name: new RegExp(handle) });
  await expect(row).toContainText("Alice Fediverse");
  await expect(row).toContainText(`127.0.0.1:${REMOTE_PORT}`);
  await page.getByRole("button", { name: `Remove ${handle}` }).click();
  await expect(page.getByRole("status")).toContainText("Follower removed");
  await expect(page.getByRole("row", { name: new RegExp(handle) })).toHaveCount(0);
  await expect.poll(async () => (await received(request)).map((a) => a.type), { timeout: 20_000 }).toContain("Reject");

  // Bob asks; the administrator blocks him; his next request is refused at the inbox.
  expect((await request.post(`${REMOTE}/test/follow?as=bob&target=${encodeURIComponent(actor)}`)).status()).toBe(204);
  const bob = `@bob@127.0.0.1:${REMOTE_PORT}`;
  await page.goto("/admin/users/followers/?status=pending");
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(bob) })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("button", { name: `Block ${bob}` }).click();
  await expect(page.getByRole("status")).toContainText("Blocked");
  await page.goto("/admin/users/followers/?status=blocked");
  await expect(page.getByRole("row", { name: new RegExp(bob) })).toBeVisible();
  const rejects = (await received(request)).filter((a) => a.type === "Reject").length;
  expect((await request.post(`${REMOTE}/test/follow?as=bob&target=${encodeURIComponent(actor)}`)).status()).toBe(204);
  await expect.poll(async () => (await received(request)).filter((a) => a.type === "Reject").length, { timeout: 20_000 }).toBeGreaterThan(rejects);
  await page.goto("/admin/users/followers/?status=pending");
  await expect(page.getByRole("row", { name: new RegExp(bob) })).toHaveCount(0);

  await page.goto("/admin/settings/discussion/");
  await page.getByLabel(/Follow requests from the fediverse must be approved/).uncheck();
  await page.getByRole("button", { name: "Save Changes" }).click();
  await context.close();
});

test("an editor sees only their own followers there, never the blog's; a contributor cannot reach the screen", async ({ browser }) => {
  const editor = await browser.newContext();
  const page = await editor.newPage();
  await signInAs(page, "editor");
  // The blog blocked someone above; the editor's own (empty) lists are what they see, even when asking for the blog's.
  await page.goto("/admin/users/followers/?status=blocked&actor=blog");
  await expect(page.getByText("Your fediverse profile is off.")).toBeVisible();
  await expect(page.getByText("No one is blocked.")).toBeVisible();
  await expect(page.getByRole("link", { name: "The blog" })).toHaveCount(0);
  await editor.close();

  const contributor = await browser.newContext();
  const other = await contributor.newPage();
  await signInAs(other, "contributor");
  expect((await other.goto("/admin/users/followers/"))!.status()).toBe(403);
  await contributor.close();
});
