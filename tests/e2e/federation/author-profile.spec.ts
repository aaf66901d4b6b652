// An author turns on their fediverse profile on Profile, without JavaScript, and the running site's
// WebFinger finds them as @author@host with an actor of their own; turning it off makes WebFinger
// forget them and the actor answer 410 (its followers' servers are told by a Delete).
import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";

test.describe.configure({ mode: "serial", timeout: 60_000 });
test.use({ javaScriptEnabled: false });

test("Profile → Enable fediverse profile makes WebFinger answer for the author, and turning it off takes it back", async ({ page, request, baseURL }) => {
  const host = new URL(baseURL!).host;
  const webfinger = () => request.get(`/.well-known/webfinger?resource=${encodeURIComponent(`acct:author@${host}`)}`);
  expect((await webfinger()).status()).toBe(404);

  await signInAs(page, "author");
  await page.goto("/admin/profile/");
  const section = page.getByRole("form", { name: "Fediverse" });
  const box = section.getByRole("checkbox", { name: "Enable fediverse profile" });
  await expect(box).not.toBeChecked();
  await box.check();
  await section.getByRole("button", { name: "Save fediverse profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your fediverse profile is on" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Fediverse" }).getByText(`@author@${host}`)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Enable fediverse profile" })).toBeChecked();

  const wf = await webfinger();
  expect(wf.status()).toBe(200);
  const actor = ((await wf.json()) as { links: { rel: string; href?: string }[] }).links.find((l) => l.rel === "self")!.href!;
  expect(actor).toMatch(/\/wp-json\/activitypub\/1\.0\/actors\/\d+$/);
  const doc = await request.get(actor, { headers: { accept: "application/activity+json" } });
  expect(await doc.json()).toMatchObject({ preferredUsername: "author", name: "Author Person", url: `${baseURL}/author/author/` });
  // The author archive answers ActivityStreams with the same actor; readers still get the page.
  expect(((await (await request.get("/author/author/", { headers: { accept: "application/activity+json" } })).json()) as { id: string }).id).toBe(actor);
  expect((await request.get("/author/author/")).headers()["content-type"]).toContain("text/html");

  // Their own followers, under Users → Followers.
  await page.getByRole("link", { name: "0 followers" }).click();
  await expect(page.getByRole("heading", { name: "Followers" })).toBeVisible();
  await expect(page.getByText(`@author@${host}`)).toBeVisible();
  await expect(page.getByText("No followers yet.")).toBeVisible();

  await page.goto("/admin/profile/");
  await page.getByRole("checkbox", { name: "Enable fediverse profile" }).uncheck();
  await page.getByRole("form", { name: "Fediverse" }).getByRole("button", { name: "Save fediverse profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your fediverse profile is off" })).toBeVisible();
  expect((await webfinger()).status()).toBe(404);
  expect((await request.get(actor, { headers: { accept: "application/activity+json" } })).status()).toBe(410);
});
