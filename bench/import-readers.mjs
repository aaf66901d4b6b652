// `npm run bench:import-readers [-- --engine sqlite|postgres]`: does a long write stop the readers?
// Generates the 10,000-post, 100,000-comment WXR file of bench:import, starts the production
// server on a fresh site, and imports the file through the admin in Chromium (Tools → Import,
// upload, Assign Authors, Run the import) while four readers load pages in a loop (home, a post,
// the feed, a search; anonymous, so mostly the page cache, whose answer time is the event loop's).
// Prints the readers' p50/p99/max before and during the import, and the longest stall: the largest
// gap between two answers. Bounded: the import must end within BENCH_IMPORT_MS (10 min).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { buildIfStale } from "../scripts/start.mjs";
import { benchPostgres, engineArg } from "./engine.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const ENGINE = engineArg();
const PORT = Number(process.env.BENCH_PORT || 3197);
const BASE = `http://127.0.0.1:${PORT}`;
const LIMIT_MS = Number(process.env.BENCH_IMPORT_MS || 600_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-bench-import-readers-"));
const tsx = path.join("node_modules", ".bin", "tsx");

console.log("bench: generating the WXR file (10,000 posts, 100,000 comments)…");
const gen = spawnSync(tsx, ["bench/import.mjs"], { env: { ...process.env, BENCH_KEEP_FILE: "1" }, encoding: "utf8" });
if (gen.status !== 0) throw new Error(gen.stderr);
const file = gen.stdout.trim().split("\n").pop();

const pgBench = ENGINE === "postgres" ? await benchPostgres("inkwell_bench_import") : null;
const env = {
  ...process.env, PORT: String(PORT), HOST: "127.0.0.1", SITE_URL: BASE, DATABASE_URL: pgBench?.url ?? path.join(dir, "inkwell.db"),
  INKWELL_DATA_DIR: dir, AUTH_SECRET: "bench-only-secret", AUTH_TRUST_HOST: "true", ADMIN_PASSWORD: "bench-admin-password",
  NEXT_TELEMETRY_DISABLED: "1", INKWELL_LOG: "off", MAX_BODY_BYTES: String(256 * 1024 * 1024),
};
buildIfStale();
const setup = spawnSync(tsx, ["scripts/setup.ts"], { env, stdio: "inherit" });
if (setup.status !== 0) process.exit(1);
const server = spawn(process.execPath, ["server/main.mjs"], { env, stdio: ["ignore", "ignore", "inherit"] });
const cleanup = () => {
  if (server.exitCode === null) server.kill("SIGTERM");
  pgBench?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(file, { force: true });
};
process.on("exit", cleanup);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(1));

for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${BASE}/healthz/`)).ok) break;
  } catch {}
  if (i > 200) throw new Error("server did not start");
  await new Promise((r) => setTimeout(r, 300));
}
const home = await (await fetch(`${BASE}/`)).text();
const postPath = /href="(\/\d{4}\/\d{2}\/\d{2}\/hello-world\/)"/.exec(home)?.[1];
const paths = ["/", postPath, "/feed/", "/?s=hello"];

// Readers: four loops, each request timed; `marks` splits them into before and during.
const samples = [];
let reading = true;
const readers = Array.from({ length: 4 }, async (_, k) => {
  let n = k;
  while (reading) {
    const t0 = performance.now();
    try {
      const r = await fetch(BASE + paths[n++ % paths.length], { signal: AbortSignal.timeout(30_000) });
      await r.arrayBuffer();
      samples.push({ at: t0, ms: performance.now() - t0, ok: r.status === 200 });
    } catch {
      samples.push({ at: t0, ms: performance.now() - t0, ok: false });
    }
  }
});

// The server's own measure of its event loop (prom-client's monitorEventLoopDelay, reset at each
// scrape): once a second, the longest a timer on the readers' thread was late. A late timer is a
// thread busy with something else, or waiting for a core on this shared machine.
const lags = [];
const scraping = (async () => {
  while (reading) {
    const at = performance.now();
    try {
      const text = await (await fetch(`${BASE}/metrics`)).text();
      const m = /^inkwell_nodejs_eventloop_lag_max_seconds(?:\{[^}]*\})? ([\d.e+-]+)$/m.exec(text);
      if (m) lags.push({ at, ms: Number(m[1]) * 1000 });
    } catch {}
    await new Promise((r) => setTimeout(r, 1_000));
  }
})();

await new Promise((r) => setTimeout(r, 5_000));
const importStart = performance.now();
let writingStart;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
let importEnd;
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(LIMIT_MS);
  await page.goto(`${BASE}/login/`);
  await page.getByLabel("Username or Email Address").fill("admin");
  await page.getByLabel("Password").fill("bench-admin-password");
  await page.getByRole("button", { name: "Log In" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  await page.goto(`${BASE}/admin/tools/import/`);
  const form = page.getByRole("form", { name: "From an export file" });
  await form.getByLabel("WXR file (.xml)").setInputFiles(file);
  const media = form.getByLabel(/Download and import file attachments/);
  if (await media.isChecked()) await media.uncheck();
  console.log(`bench: uploading ${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MB and importing, readers running…`);
  await form.getByRole("button", { name: "Upload file and import" }).click();
  await page.getByRole("button", { name: "Run the import" }).waitFor();
  writingStart = performance.now();
  await page.getByRole("button", { name: "Run the import" }).click();
  await page.getByText("Import finished.").waitFor({ timeout: LIMIT_MS });
  importEnd = performance.now();
} finally {
  await browser.close();
}
await new Promise((r) => setTimeout(r, 2_000));
reading = false;
await Promise.all([...readers, scraping]);

function stats(list) {
  const ms = list.map((s) => s.ms).sort((a, b) => a - b);
  const at = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? NaN;
  const times = list.map((s) => s.at + s.ms).sort((a, b) => a - b);
  let stall = 0;
  let stallEnd = NaN;
  for (let i = 1; i < times.length; i++) {
    if (times[i] - times[i - 1] > stall) {
      stall = times[i] - times[i - 1];
      stallEnd = times[i];
    }
  }
  return { n: list.length, failed: list.filter((s) => !s.ok).length, p50: at(0.5), p99: at(0.99), max: ms[ms.length - 1] ?? NaN, stall, stallEnd };
}
const before = stats(samples.filter((s) => s.at < importStart));
const during = stats(samples.filter((s) => s.at >= importStart && s.at < importEnd));
const row = (name, s) => `| ${name} | ${s.n} | ${s.failed} | ${s.p50.toFixed(1)} ms | ${s.p99.toFixed(1)} ms | ${s.max.toFixed(1)} ms | ${s.stall.toFixed(1)} ms |`;
console.log(`\nengine ${ENGINE}: web import of 10,000 posts and 100,000 comments took ${((importEnd - importStart) / 1000).toFixed(1)} s (sign-in and upload included)`);
console.log("| readers (4 loops) | requests | failed | p50 | p99 | max | longest gap between answers |\n|---|---:|---:|---:|---:|---:|---:|");
console.log(row("before the import", before));
console.log(row("during the import", during));
console.log(row("… sign-in, upload and the authors form", stats(samples.filter((s) => s.at >= importStart && s.at < writingStart))));
console.log(row("… writing (Run the import → finished)", stats(samples.filter((s) => s.at >= writingStart && s.at < importEnd))));
const lagMax = (from, to) => Math.max(...lags.filter((l) => l.at >= from && l.at < to + 1_000).map((l) => l.ms));
console.log(`the readers' thread's longest late timer (server's event-loop monitor): before ${lagMax(0, importStart).toFixed(0)} ms; sign-in and upload ${lagMax(importStart, writingStart).toFixed(0)} ms; writing ${lagMax(writingStart, importEnd).toFixed(0)} ms`);
// When in the import the longest gap ended (the upload, the reading, the author form, the writing, the renders after it).
console.log(`the longest gap during the import ended ${((during.stallEnd - importStart) / 1000).toFixed(1)} s after it started`);
console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
process.exit(0);
