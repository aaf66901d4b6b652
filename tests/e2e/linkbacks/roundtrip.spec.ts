// Two Inkwell instances: B publishes a post linking to a post on A (the e2e server); B's job
// queue sends a trackback and a webmention; A verifies the webmention from its own queue;
// a moderator approves both on A; they show on A's post page.
// B's post and its ping job are written while B is stopped, so the job also proves that
// queued work survives a restart.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { cli, E2E_DB, linkbacksOf, pingsOf, waitFor } from "../support/linkbacks";

const B_PORT = Number(process.env.E2E_PORT || 3100) + 5;
const B_URL = `http://127.0.0.1:${B_PORT}`;
const B_DIR = "data/e2e-linkbacks-peer";
const B_DB = `${B_DIR}/inkwell.db`;
const B_ENV = {
  ...process.env,
  PORT: String(B_PORT),
  HOST: "127.0.0.1",
  SITE_URL: B_URL,
  DATABASE_URL: B_DB,
  INKWELL_DATA_DIR: B_DIR,
  AUTH_SECRET: "e2e-peer-secret",
  ADMIN_PASSWORD: "peer-admin-password",
  OUTBOUND_ALLOW_HOSTS: "127.0.0.1,localhost",
  INKWELL_JOB_POLL_MS: "500",
  INKWELL_LOG: "off",
  NEXT_TELEMETRY_DISABLED: "1",
};

let server: ChildProcess | null = null;

test.describe.configure({ timeout: 90_000 });

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise<number | null>((r) => server!.once("exit", (code) => r(code)));
  server.kill("SIGTERM");
  const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 10_000))]);
  if (code === "timeout") server.kill("SIGKILL");
  // SIGTERM: the job in hand finishes, then the server exits cleanly.
  expect(code).toBe(0);
});

test("one Inkwell publishes, the other receives, a moderator approves, the pings show", async ({ page, baseURL }) => {
  fs.rmSync(B_DIR, { recursive: true, force: true });
  const setup = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/setup.ts"], { env: B_ENV, encoding: "utf8" });
  expect(setup.status, setup.stderr).toBe(0);
  cli(B_DB, "option", "--name", "blogname", "--value", JSON.stringify("Peer Inkwell"));

  const target = `${baseURL}/2026/01/10/lb-roundtrip-target/`;
  const published = cli<{ id: number; path: string }>(
    B_DB,
    "publish",
    "--title",
    "Round trip from the peer",
    "--slug",
    "round-trip-from-the-peer",
    "--content",
    `<p>I answer <a href="${target}">the round trip target</a> on the other blog.</p>`,
    "--to-ping",
    `${target}trackback/`,
  );

  // B starts after the job was queued: the poller finds it in SQLite.
  server = spawn(process.execPath, ["server/main.mjs"], { env: B_ENV, stdio: "ignore" });
  await waitFor(async () => (await fetch(`${B_URL}/healthz/`).catch(() => null))?.ok, 30_000, "peer instance up");

  const pings = await waitFor(async () => {
    const rows = await pingsOf(B_DB, published.id);
    return rows.length === 2 && rows.every((r) => r.status !== "queued") ? rows : null;
  }, 30_000, "B's pings sent");
  expect(Object.fromEntries(pings.map((p) => [p.url, `${p.protocol}:${p.status}`]))).toEqual({
    [`${target}trackback/`]: "trackback:sent",
    [target]: "webmention:sent",
  });

  const source = `${B_URL}${published.path}`;
  const received = await waitFor(async () => {
    const rows = await linkbacksOf(E2E_DB, "lb-roundtrip-target");
    return rows.length === 2 ? rows : null;
  }, 30_000, "A stores both pings");
  const tb = received.find((r) => r.type === "trackback")!;
  const wm = received.find((r) => r.type === "webmention")!;
  expect(tb).toMatchObject({ status: "0", authorName: "Peer Inkwell", authorUrl: source });
  expect(tb.content).toContain("<strong>Round trip from the peer</strong>");
  expect(wm).toMatchObject({ status: "0", authorUrl: source });
  expect(wm.content).toContain("the round trip target");

  // Held for moderation: not shown yet.
  await page.goto(target);
  await expect(page.getByText("Round trip from the peer")).toHaveCount(0);

  cli(E2E_DB, "approve", "--id", String(tb.id));
  cli(E2E_DB, "approve", "--id", String(wm.id));
  await page.goto(target);
  await expect(page.getByText("Round trip from the peer", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Peer Inkwell", exact: true })).toHaveAttribute("href", source);
  // The webmention: author from the page title (B's theme has no h-entry), the words around the link.
  await expect(page.getByRole("link", { name: "Round trip from the peer – Peer Inkwell" })).toHaveAttribute("href", source);
  await expect(page.getByText(/I answer the round trip target on the other blog/).first()).toBeVisible();
});
