// Writing apps that publish to WordPress publish here: Python's standard xmlrpc.client (MetaWeblog,
// Blogger and wp.*), found through EditURI and RSD; Settings → Writing's switch; and a Micropub app
// approved by its author on the IndieAuth consent screen. Each result is checked in the browser.
// Everything published ends in the Trash, so the seed's home page is left as it was.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, type Page } from "@playwright/test";
import { signInAs } from "../support/auth";
import { E2E_USERS } from "../support/users";

test.describe.configure({ timeout: 90_000 });

const SHOTS = process.env.SHOTS_DIR;
async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), `${name} at ${width}px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include("main").analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

function python<T>(baseURL: string, who: keyof typeof E2E_USERS, ip: string, ...args: string[]): T {
  const u = E2E_USERS[who];
  const out = execFileSync("python3", [path.resolve("tests/e2e/support/xmlrpc_client.py"), baseURL, u.login, u.password, ip, ...args], { encoding: "utf8", timeout: 60_000 });
  return JSON.parse(out) as T;
}

async function redSquare(): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-apps-")), "red.png");
  await sharp({ create: { width: 120, height: 80, channels: 3, background: "#c0392b" } }).png().toFile(file);
  return file;
}

interface Published {
  rsd: string;
  endpoint: string;
  blogName: string;
  methods: string[];
  wrongPassword: { code: number; message: string };
  media: { id: string; url: string; type: string };
  mw: { id: string; title: string; link: string; status: string; keywords: string; dateCreatedType: string };
  recent: string[];
  wp: { id: string; title: string; link: string; thumbnail: string; terms: string[] };
  tags: string[];
  profile: string;
  badPost: { code: number; message: string };
  badType: { code: number; message: string };
  multicall: unknown[];
}

test("Python's xmlrpc.client finds the blog, uploads, publishes, edits and deletes; a reader sees each step", async ({ page, baseURL }) => {
  const title = `Py XML-RPC ${Date.now()}`;
  const r = python<Published>(baseURL!, "author", "203.0.113.151", "publish", await redSquare(), title);
  expect(r.rsd).toBe(`${baseURL}/xmlrpc.php?rsd`);
  expect(r.endpoint).toBe(`${baseURL}/xmlrpc.php`);
  expect(r.methods).toEqual(expect.arrayContaining(["metaWeblog.newPost", "metaWeblog.newMediaObject", "blogger.deletePost", "wp.newPost", "wp.uploadFile", "pingback.ping", "system.multicall"]));
  expect(r.wrongPassword).toEqual({ code: 403, message: "Incorrect username or password." });
  expect(r.media).toMatchObject({ type: "image/png" });
  expect(r.mw).toMatchObject({ title, status: "publish", keywords: "python, xmlrpc", dateCreatedType: "DateTime" });
  expect(r.recent[0]).toBe(r.mw.id);
  expect(r.wp).toMatchObject({ title: `${title} (wp.newPost)`, thumbnail: r.media.url, terms: ["Uncategorized", "automation"] });
  expect(r.tags).toEqual(["automation", "python"]);
  expect(r.profile).toBe("author");
  expect(r.badPost).toEqual({ code: 404, message: "Invalid post ID." });
  expect(r.badType).toEqual({ code: 500, message: "Sorry, you are not allowed to upload this file type." });
  expect(r.multicall[0]).toEqual([[expect.objectContaining({ blogid: "1", xmlrpc: `${baseURL}/xmlrpc.php` })]]);
  expect(r.multicall[1]).toMatchObject({ faultCode: -32601 });

  // The reader's view: the edited title, the uploaded image actually served, the tags.
  await page.goto(r.mw.link);
  await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();
  await expect(page.getByText("Edited with xmlrpc.client.")).toBeVisible();
  const img = page.getByRole("img", { name: "A red square from Python" });
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(120);
  await page.goto(r.wp.link);
  await expect(page.getByRole("heading", { name: `${title} (wp.newPost)` })).toBeVisible();

  const del = python<{ wp: boolean; blogger: boolean }>(baseURL!, "author", "203.0.113.151", "delete", r.wp.id, r.mw.id);
  expect(del).toMatchObject({ wp: true, blogger: true });
  expect((await page.goto(r.mw.link))!.status()).toBe(404);
  expect((await page.goto(r.wp.link))!.status()).toBe(404);
});

test("RSD and EditURI point apps to XML-RPC; Settings → Writing turns publishing off and on again", async ({ page, request, baseURL }) => {
  const home = await (await request.get("/")).text();
  expect(home).toContain(`<link rel="EditURI" type="application/rsd+xml" title="RSD" href="${baseURL}/xmlrpc.php?rsd"/>`);
  expect(home).toContain(`<link rel="micropub" href="${baseURL}/micropub/"/>`);
  const rsd = await request.get("/xmlrpc.php?rsd");
  expect(rsd.headers()["content-type"]).toBe("text/xml; charset=UTF-8");
  expect(await rsd.text()).toContain(`<api name="WordPress" blogID="1" preferred="true" apiLink="${baseURL}/xmlrpc.php" />`);
  // A client's malformed XML is a fault, never a 500.
  const bad = await request.post("/xmlrpc.php", { headers: { "content-type": "text/xml" }, data: "<methodCall><methodName>wp.getPosts" });
  expect(bad.status()).toBe(200);
  expect(await bad.text()).toContain("<int>-32700</int>");

  await signInAs(page, "admin");
  await page.goto("/admin/settings/writing/");
  await expect(page.getByRole("heading", { name: "Writing Settings" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await shoot(page, "settings-writing");
  const box = page.getByRole("checkbox", { name: /^XML-RPC:/ });
  await expect(box).toBeChecked();
  try {
    await box.uncheck();
    await page.getByRole("button", { name: "Save Changes" }).click();
    await expect(page.getByRole("status")).toHaveText("Settings saved.");
    const off = python<{ fault: { code: number; message: string } }>(baseURL!, "author", "203.0.113.152", "probe");
    expect(off.fault).toEqual({ code: 405, message: "XML-RPC services are disabled on this site." });
    // Pingbacks keep working with publishing off.
    const ping = await request.post("/xmlrpc.php", { headers: { "content-type": "text/xml" }, data: "<?xml version=\"1.0\"?><methodCall><methodName>pingback.extensions.getPingbacks</methodName><params><param><value><string>http://elsewhere.example/</string></value></param></params></methodCall>" });
    expect(await ping.text()).not.toContain("<int>405</int>");
  } finally {
    await page.goto("/admin/settings/writing/");
    await page.getByRole("checkbox", { name: /^XML-RPC:/ }).check();
    await page.getByRole("button", { name: "Save Changes" }).click();
    await expect(page.getByRole("status")).toHaveText("Settings saved.");
  }
  expect(python<{ fault: unknown }>(baseURL!, "author", "203.0.113.152", "probe").fault).toBeNull();
});

test("a Micropub app asks, the author approves on the consent screen, then it uploads, publishes, edits and deletes until revoked", async ({ page, request, baseURL, browser }) => {
  const app = "https://quill.example/";
  const redirect = "https://quill.example/auth/callback";
  await page.route("https://quill.example/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Quill</title><h1>Back in the app</h1>" }));
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const authorize = (state: string) =>
    `/indieauth/authorize/?${new URLSearchParams({ response_type: "code", client_id: app, redirect_uri: redirect, state, code_challenge: challenge, code_challenge_method: "S256", scope: "create update delete media", me: `${baseURL}/` })}`;

  // Not signed in: through the sign-in screen and back to the request.
  await page.goto(authorize("first"));
  await expect(page).toHaveURL(/\/login\/\?redirect_to=/);
  await page.getByLabel("Username or Email Address").fill(E2E_USERS.author.login);
  await page.getByLabel("Password").fill(E2E_USERS.author.password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "Approve an app" })).toBeVisible();
  await expect(page.getByText("quill.example wants to sign in as you")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Publish new posts as you" })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  await shoot(page, "indieauth-consent");
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL(/^https:\/\/quill\.example\/auth\/callback\?/);
  const back = new URL(page.url());
  expect(back.searchParams.get("state")).toBe("first");
  expect(back.searchParams.get("iss")).toBe(`${baseURL}/`);
  const code = back.searchParams.get("code")!;

  const exchange = { grant_type: "authorization_code", code, client_id: app, redirect_uri: redirect, code_verifier: verifier };
  const tokenRes = await request.post("/indieauth/token/", { form: exchange });
  expect(tokenRes.status()).toBe(200);
  const token = (await tokenRes.json()) as { access_token: string; scope: string; me: string; token_type: string };
  expect(token).toMatchObject({ token_type: "Bearer", scope: "create update delete media", me: `${baseURL}/author/author/` });
  const again = await request.post("/indieauth/token/", { form: exchange });
  expect(again.status()).toBe(400);
  expect(await again.json()).toMatchObject({ error: "invalid_grant" });
  const auth = { authorization: `Bearer ${token.access_token}` };

  const config = await request.get("/micropub/?q=config", { headers: auth });
  expect(await config.json()).toMatchObject({ "media-endpoint": `${baseURL}/micropub/media/` });
  const media = await request.post("/micropub/media/", { headers: auth, multipart: { file: { name: "mp.png", mimeType: "image/png", buffer: fs.readFileSync(await redSquare()) } } });
  expect(media.status()).toBe(201);
  const photo = media.headers().location!;
  expect(photo).toMatch(/\/wp-content\/uploads\/\d{4}\/\d{2}\/mp(-\d+)?\.png$/);

  const name = `Micropub note ${Date.now()}`;
  const created = await request.post("/micropub/", { headers: auth, form: { h: "entry", name, content: "Posted from an IndieWeb app.", photo, "category[]": "indieweb" } });
  expect(created.status()).toBe(201);
  const url = created.headers().location!;
  await page.goto(url);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Posted from an IndieWeb app.")).toBeVisible();
  expect(await page.locator(`img[src="${photo}"]`).evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(120);

  const src = await request.get(`/micropub/?q=source&url=${encodeURIComponent(url)}&properties[]=name`, { headers: auth });
  expect(await src.json()).toEqual({ properties: { name: [name] } });
  const upd = await request.post("/micropub/", { headers: { ...auth, "content-type": "application/json" }, data: JSON.stringify({ action: "update", url, replace: { name: [`${name} (edited)`] } }) });
  expect(upd.status()).toBe(204);
  await page.goto(url);
  await expect(page.getByRole("heading", { name: `${name} (edited)` })).toBeVisible();

  // Bad input: malformed JSON, a missing token, an unknown one; nothing is written.
  const malformed = await request.post("/micropub/", { headers: { ...auth, "content-type": "application/json" }, data: "{not json" });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: "invalid_request" });
  expect((await request.post("/micropub/", { form: { h: "entry", content: "anonymous" } })).status()).toBe(401);
  expect((await request.post("/micropub/", { headers: { authorization: "Bearer nope" }, form: { h: "entry", content: "forged" } })).status()).toBe(401);

  const del = await request.post("/micropub/", { headers: auth, form: { action: "delete", url } });
  expect(del.status()).toBe(204);
  expect((await page.goto(url))!.status()).toBe(404);

  // The author takes the app's access back; its token stops working at once.
  await page.goto("/admin/indieauth/");
  await expect(page.getByRole("heading", { name: "Apps you approved" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await shoot(page, "indieauth-apps");
  await page.getByRole("button", { name: "Revoke quill.example" }).first().click();
  await expect(page.getByRole("status")).toContainText("Access revoked.");
  while (await page.getByRole("button", { name: "Revoke quill.example" }).count()) {
    await page.getByRole("button", { name: "Revoke quill.example" }).first().click();
    await expect(page.getByRole("status")).toContainText("Access revoked.");
  }
  expect((await request.get("/micropub/?q=config", { headers: auth })).status()).toBe(401);

  // Deny sends the person back to the app with access_denied and no code.
  await page.goto(authorize("second"));
  await page.getByRole("button", { name: "Deny" }).click();
  await page.waitForURL(/^https:\/\/quill\.example\/auth\/callback\?/);
  const denied = new URL(page.url());
  expect(denied.searchParams.get("error")).toBe("access_denied");
  expect(denied.searchParams.get("code")).toBeNull();
  // Without JavaScript the consent form works the same: Approve sends the person back with a code.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  try {
    const p2 = await plain.newPage();
    await p2.route("https://quill.example/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Quill</title>" }));
    await signInAs(p2, "author");
    await p2.goto(authorize("nojs"));
    await p2.getByRole("checkbox", { name: "Upload images and files" }).uncheck();
    await p2.getByRole("button", { name: "Approve" }).click();
    await p2.waitForURL(/^https:\/\/quill\.example\/auth\/callback\?/);
    const nojs = new URL(p2.url());
    expect(nojs.searchParams.get("state")).toBe("nojs");
    const t = await request.post("/indieauth/token/", { form: { grant_type: "authorization_code", code: nojs.searchParams.get("code")!, client_id: app, redirect_uri: redirect, code_verifier: verifier } });
    // Only what stayed ticked is granted.
    expect(await t.json()).toMatchObject({ scope: "create update delete" });
    await request.post("/indieauth/token/", { form: { action: "revoke", token: ((await t.json()) as { access_token: string }).access_token } });
  } finally {
    await plain.close();
  }

  // Another site's form cannot approve an app in the signed-in author's name.
  const forged = await page.request.post("/admin/indieauth/decide/", {
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    form: { decision: "approve", client_id: app, redirect_uri: redirect, state: "forged", scope: "create" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);

  // A request whose redirect is on another host is refused here, not sent anywhere.
  const evil = await page.goto(authorize("third").replace(encodeURIComponent(redirect), encodeURIComponent("https://evil.example/cb")));
  expect(evil!.status()).toBe(400);
});
