// `npm run screenshots`: the pictures README shows, made from the real thing. Builds if the build is
// stale, starts the production server on a free port between 4400 and 4599 with a temporary data
// folder and the demo seed (what `npm start` makes on a first start), and photographs in Chromium
// the Classic theme's home page, the admin's Dashboard (signed in), then Modern's home page in a
// dark system scheme after activating it in Appearance → Themes, as a person would. Writes
// docs/screenshots/{classic,admin,modern}.png, stops the server it started and removes its folder.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { buildIfStale, SERVER_NODE_FLAGS } from "./start.mjs";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "docs", "screenshots");
const VIEWPORT = { width: 1280, height: 800 };
const PASSWORD = "screenshots-admin-password";

/** The first port from 4400 to 4599 that nothing listens on. */
async function freePort() {
  for (let port = 4400; port < 4600; port++) {
    const free = await new Promise((resolve) => {
      const probe = net.createServer().once("error", () => resolve(false)).once("listening", () => probe.close(() => resolve(true)));
      probe.listen(port, "127.0.0.1");
    });
    if (free) return port;
  }
  throw new Error("No free port between 4400 and 4599.");
}

async function waitUntilUp(base, server) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`The server stopped before answering (exit ${server.exitCode}).`);
    const ok = await fetch(`${base}/healthz/`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The server did not answer /healthz/ within two minutes.");
}

async function stop(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
}

process.chdir(root);
buildIfStale();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-screenshots-"));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env, PORT: String(port), HOST: "127.0.0.1", SITE_URL: base, DATABASE_URL: path.join(dir, "inkwell.db"),
  INKWELL_DATA_DIR: dir, ADMIN_PASSWORD: PASSWORD, AUTH_SECRET: "screenshots", NEXT_TELEMETRY_DISABLED: "1", INKWELL_LOG: "off",
};
const setup = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/setup.ts"], { stdio: "inherit", env });
if (setup.status !== 0) process.exit(setup.status ?? 1);
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, "server/main.mjs"], { stdio: ["ignore", "ignore", "inherit"], env });
let browser;
try {
  await waitUntilUp(base, server);
  const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  fs.mkdirSync(out, { recursive: true });
  const shot = async (page, name) => {
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  };

  const reader = await browser.newContext({ viewport: VIEWPORT, colorScheme: "light" });
  const home = await reader.newPage();
  await home.goto(`${base}/`, { waitUntil: "networkidle" });
  await shot(home, "classic");
  await reader.close();

  const admin = await browser.newContext({ viewport: VIEWPORT, colorScheme: "light" });
  const page = await admin.newPage();
  await page.goto(`${base}/login/`);
  await page.getByLabel("Username or Email Address").fill("admin");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log In" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  await page.waitForLoadState("networkidle");
  await shot(page, "admin");
  await page.goto(`${base}/admin/appearance/`);
  await page.getByRole("button", { name: "Activate Modern" }).click();
  await page.getByRole("button", { name: "Activate Classic" }).waitFor();
  await admin.close();

  const dark = await browser.newContext({ viewport: VIEWPORT, colorScheme: "dark" });
  const modern = await dark.newPage();
  await modern.goto(`${base}/`, { waitUntil: "networkidle" });
  await shot(modern, "modern");
  await dark.close();
} finally {
  await browser?.close();
  await stop(server);
  fs.rmSync(dir, { recursive: true, force: true });
}
