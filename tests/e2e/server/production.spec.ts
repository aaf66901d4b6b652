import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { startInstance, type Instance } from "../support/instance";

const PORT = Number(process.env.E2E_PORT || 3100) + 91;
let inst: Instance;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  inst = await startInstance(PORT, { MAX_BODY_BYTES: "4096" });
  expect(inst.output()).toContain("created");
});
test.afterAll(async () => {
  if (inst) await inst.stop("SIGKILL");
});

test("every response carries the security headers", async () => {
  const res = await fetch(`${inst.url}/`);
  expect(res.status).toBe(200);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
  expect(res.headers.get("x-powered-by")).toBeNull();
});

test("/healthz and /healthz/ both report the database reachable and the migrations current", async () => {
  // A load balancer asks without the slash; a redirect would count as healthy without the check.
  for (const path of ["/healthz/", "/healthz"]) {
    const res = await fetch(`${inst.url}${path}`, { redirect: "manual" });
    expect(res.status, path).toBe(200);
    const body = await res.json();
    expect(body, path).toMatchObject({ ok: true, database: "reachable", migrations: { current: true } });
  }
});

test("a body over the limit gets 413 before it is read", async () => {
  const res = await fetch(`${inst.url}/login/`, { method: "POST", body: "x".repeat(10_000), headers: { "content-type": "text/plain" } });
  expect(res.status).toBe(413);
});

test("X-Forwarded-For from an untrusted peer cannot dodge the sign-in lockout", async ({ browser }) => {
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext({ baseURL: inst.url, extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${i + 1}` } });
    const page = await ctx.newPage();
    await page.goto("/login/");
    await page.getByLabel("Username or Email Address").fill(`nobody${i}`);
    await page.getByLabel("Password").fill("wrong");
    await page.getByRole("button", { name: "Log In" }).click();
    await expect(page.getByText("incorrect")).toBeVisible();
    await ctx.close();
  }
  const ctx = await browser.newContext({ baseURL: inst.url, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.99" } });
  const page = await ctx.newPage();
  await page.goto("/login/");
  await page.getByLabel("Username or Email Address").fill("admin");
  await page.getByLabel("Password").fill("instance-admin-password");
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByText("Too many failed sign-in attempts. Try again in 15 minutes.")).toBeVisible();
  await ctx.close();
});

test("SIGTERM finishes the request in flight, closes the database and exits within 10 s", async () => {
  const inflight = fetch(`${inst.url}/`).then((r) => r.status);
  await new Promise((r) => setTimeout(r, 20));
  const { code, ms } = await inst.stop("SIGTERM");
  expect(await inflight).toBe(200);
  expect(code).toBe(0);
  expect(ms).toBeLessThan(10_000);
  // A cleanly closed SQLite database has checkpointed and removed its write-ahead log.
  expect(fs.existsSync(path.join(inst.dir, "inkwell.db-wal"))).toBe(false);
  // And a restart finds everything, and does not seed again.
  inst = await startInstance(PORT, {}, inst.dir);
  expect(inst.output()).not.toContain("created"); // no second seed
  const home = await (await fetch(`${inst.url}/`)).text();
  expect(home.match(/Hello world!/g)?.length).toBeGreaterThanOrEqual(1);
});
