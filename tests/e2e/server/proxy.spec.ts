import { test, expect } from "@playwright/test";
import { Agent, fetch } from "undici";
import { startInstance, type Instance } from "../support/instance";
import { startNginx, type Proxy } from "../support/nginx";

const BASE = Number(process.env.E2E_PORT || 3100);
const APP_PORT = BASE + 92;
const HTTP_PORT = BASE + 93;
const HTTPS_PORT = BASE + 94;
const insecure = new Agent({ connect: { rejectUnauthorized: false } });
let inst: Instance;
let proxy: Proxy;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  inst = await startInstance(APP_PORT, { TRUSTED_PROXIES: "127.0.0.1", SITE_URL: `https://127.0.0.1:${HTTPS_PORT}` });
  proxy = await startNginx(APP_PORT, HTTP_PORT, HTTPS_PORT);
});
test.afterAll(async () => {
  proxy?.stop();
  await inst?.stop("SIGKILL");
});

const url = (p: string) => `https://127.0.0.1:${HTTPS_PORT}${p}`;

/** Signs in through Auth.js's own endpoints, as the login form does. */
async function signIn(login: string, password: string, headers: Record<string, string> = {}) {
  const csrfRes = await fetch(url("/api/auth/csrf/"), { dispatcher: insecure, headers });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return fetch(url("/api/auth/callback/credentials/"), {
    dispatcher: insecure,
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, login, password, callbackUrl: "/admin/" }).toString(),
  });
}

test("the sample nginx site serves Inkwell over HTTPS", async () => {
  const res = await fetch(url("/"), { dispatcher: insecure });
  expect(res.status).toBe(200);
  expect(await res.text()).toContain("Hello world!");
});

test("behind HTTPS the session cookie is Secure, HttpOnly and SameSite=Lax", async () => {
  const res = await signIn("admin", "instance-admin-password");
  expect(res.status).toBe(302);
  // Redirects follow SITE_URL's scheme and port. (Next.js spells every loopback host
  // "localhost" in its request URLs, so the host itself is not compared here.)
  const location = new URL(res.headers.get("location")!);
  expect([location.protocol, location.port, location.pathname]).toEqual(["https:", String(HTTPS_PORT), "/admin/"]);
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token="));
  expect(session).toBeDefined();
  expect(session).toMatch(/^__Secure-/);
  expect(session).toMatch(/;\s*Secure/i);
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
});

test("a client's own X-Forwarded-For does not pass the proxy: the lockout sees the real address", async () => {
  for (let i = 0; i < 5; i++) {
    const res = await signIn(`nobody${i}`, "wrong", { "x-forwarded-for": `192.0.2.${i + 1}` });
    expect(res.headers.get("location")).toContain("error=CredentialsSignin");
  }
  const res = await signIn("admin", "instance-admin-password", { "x-forwarded-for": "192.0.2.200" });
  expect(res.headers.get("location")).toContain("code=locked");
  expect(res.headers.getSetCookie().find((c) => c.includes("session-token="))).toBeUndefined();
});
