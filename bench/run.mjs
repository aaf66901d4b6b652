// `npm run bench`: seeds a large blog into its own database, starts the production server on
// 127.0.0.1 and drives it with autocannon (or `--loadgen wrk`) from a separate process, one URL at a time (bounded:
// BENCH_SECONDS per URL, 32 connections), sending Accept-Encoding as browsers do (and once more
// without it for home and the post). Prints req/s and p50/p99 latency per URL, then the
// render time of posts no cache has seen, one at a time and then under load (`--workers N`: N
// server processes through server/cluster.mjs). Stops the server it started, and only that.
import { wrkReport } from "./wrk.mjs";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { buildIfStale, SERVER_NODE_FLAGS } from "../scripts/start.mjs";
import { benchPostgres, engineArg, missLoadPaths, workersArg } from "./engine.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const PORT = Number(process.env.BENCH_PORT || 3199);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 32;
const dir = "data/bench";
const env = {
  ...process.env,
  DATABASE_URL: `${dir}/inkwell.db`,
  INKWELL_DATA_DIR: dir,
  PORT: String(PORT),
  HOST: "127.0.0.1",
  SITE_URL: `http://127.0.0.1:${PORT}`,
  AUTH_SECRET: "bench-only-secret",
  ADMIN_PASSWORD: "bench-admin-password",
  NEXT_TELEMETRY_DISABLED: "1",
};
const tsx = path.join("node_modules", ".bin", "tsx");
const base = `http://127.0.0.1:${PORT}`;

const ENGINE = engineArg();
const WORKERS = workersArg();
// `--loadgen wrk`: Debian's wrk (one thread, C) drives the cached pages instead of autocannon (Node),
// so that the load generator takes less of the two cores the server shares with it.
const LOADGEN = process.argv.includes("--loadgen") ? process.argv[process.argv.indexOf("--loadgen") + 1] : "autocannon";
if (!["autocannon", "wrk"].includes(LOADGEN)) {
  console.error(`bench: --loadgen is autocannon or wrk, not ${LOADGEN}`);
  process.exit(2);
}
console.log(`bench: engine ${ENGINE}; seeding 10,000 posts, 100,000 comments, 100 categories, 1,000 tags…`);
fs.rmSync(dir, { recursive: true, force: true });
for (const script of ["scripts/setup.ts", "bench/seed.ts"]) {
  const r = spawnSync(tsx, [script], { env, encoding: "utf8" });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
  if (script === "bench/seed.ts") var seedInfo = JSON.parse(r.stdout.trim().split("\n").pop());
}
console.log(`bench: seeded in ${(seedInfo.seededInMs / 1000).toFixed(1)} s`);
// PostgreSQL gets the very same blog: seeded on SQLite, then moved with `npm run db:copy`.
let pgBench;
if (ENGINE === "postgres") {
  pgBench = await benchPostgres();
  process.on("exit", () => pgBench.stop());
  const t = Date.now();
  const r = spawnSync(tsx, ["scripts/db-copy.ts", "--to", pgBench.url], { env, encoding: "utf8" });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
  await pgBench.query("ANALYZE");
  env.DATABASE_URL = pgBench.url;
  console.log(`bench: copied to PostgreSQL in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
buildIfStale();

const entry = WORKERS > 1 ? "server/cluster.mjs" : "server/main.mjs";
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry], { env: { ...env, WEB_CONCURRENCY: String(WORKERS) }, stdio: ["ignore", "ignore", "inherit"] });
const stop = () => server.exitCode === null && server.kill("SIGTERM");
process.on("exit", () => pgBench?.stop());
process.on("exit", stop);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(1));

// The server closes idle keep-alive sockets after 5 s (autocannon runs longer): retry once on a fresh one.
async function get(url, init) {
  try {
    return await fetch(url, init);
  } catch {
    return await fetch(url, init);
  }
}

async function waitUp() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/healthz/`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}
await waitUp();

const [y, m, d] = seedInfo.hundred.date.split(/[- ]/);
const urls = [
  ["home", "/"],
  ["post with 100 comments", `/${y}/${m}/${d}/${seedInfo.hundred.slug}/`],
  ["category archive, page 50", "/category/news/page/50/"],
  ["search", "/?s=zanzibar"],
  ["feed", "/feed/"],
];

for (const [, u] of urls) {
  const r = await get(base + u, { redirect: "manual" });
  if (r.status !== 200) throw new Error(`${u} answered ${r.status}`);
  await r.text();
}

// Server CPU time (user + system, in ms) from /proc: a measure that other load on the machine
// does not inflate the way it inflates wall-clock latency.
const TICK_MS = 10;
// With --workers, the primary and its server processes (which replace nobody during a bench).
function serverCpuMs() {
  try {
    const pids = [server.pid, ...fs.readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)];
    return pids.reduce((sum, pid) => {
      const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return sum + (Number(f[11]) + Number(f[12])) * TICK_MS;
    }, 0);
  } catch {
    return NaN;
  }
}

// Browsers all send Accept-Encoding; the plain run shows the same pages to a client that does not.
const BROWSER_ENCODING = "gzip, deflate, br, zstd";
function autocannon(url, encoding, seconds = SECONDS) {
  const headers = encoding ? ["-H", `accept-encoding: ${encoding}`] : [];
  const r = spawnSync(path.join("node_modules", ".bin", "autocannon"), ["-j", "-c", String(CONNECTIONS), "-d", String(seconds), ...headers, url], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const out = JSON.parse(r.stdout);
  return { rps: out.requests.average, p50: out.latency.p50, p99: out.latency.p99, errors: out.errors + out.non2xx, total: out.requests.total, kb: out.throughput.total / 1024 / Math.max(1, out.requests.total) };
}

// wrk's text report: requests/s, the latency distribution (--latency), bytes read and errors.
function wrk(url, encoding, seconds = SECONDS) {
  const headers = encoding ? ["-H", `accept-encoding: ${encoding}`] : [];
  const r = spawnSync("wrk", ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", ...headers, url], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr || r.error}`);
  return wrkReport(r.stdout);
}
const load = LOADGEN === "wrk" ? wrk : autocannon;

// Every server process renders and caches the pages once and compiles its render path before the
// measured runs (32 connections reach each process in turn); else a second process's first,
// cold renders land in the measurement (with --workers 2 they took home from about 1,600 to 900 req/s).
for (const [, u] of urls) load(base + u, BROWSER_ENCODING, 2);

const rows = [];
const runs = [...urls.map(([name, u]) => [name, u, BROWSER_ENCODING]), ...urls.slice(0, 2).map(([name, u]) => [`${name}, no compression`, u, ""])];
for (const [name, u, encoding] of runs) {
  process.stdout.write(`bench: ${name} (${u}) for ${SECONDS} s… `);
  const cpu0 = serverCpuMs();
  const res = load(base + u, encoding);
  res.cpu = (serverCpuMs() - cpu0) / Math.max(1, res.total);
  console.log(`${Math.round(res.rps)} req/s`);
  rows.push({ name, u, ...res });
}

// Cache misses: posts nobody has asked for, with a cookie so the whole-page cache stays out.
// The load above was served from the page cache, so the render path has run only a few times:
// 100 uncached renders of other posts first let V8 compile it as a server running for a while
// has (the first renders after a start take about half as long again), then 40 are measured.
// On a connection of its own, so that with --workers each process gets its share of the warm-up.
async function uncached(n) {
  const redirect = await get(`${base}/?p=${n}`, { redirect: "manual" });
  await redirect.text();
  await new Promise((resolve, reject) => {
    const to = new URL(redirect.headers.get("location"), base);
    http.get({ host: to.hostname, port: to.port, path: to.pathname, agent: false, headers: { cookie: "bench=1" } }, (res) => res.resume().on("end", resolve)).on("error", reject);
  });
}
for (let i = 0; i < 100; i++) await uncached(2000 + i * 29);
const missTimes = [];
let missCpu = 0;
for (let i = 0; i < 40; i++) {
  const n = 5000 + i * 37;
  const redirect = await get(`${base}/?p=${n}`, { redirect: "manual" });
  await redirect.text();
  const post = new URL(redirect.headers.get("location"), base).href;
  const c = serverCpuMs();
  const t = performance.now();
  const r = await get(post, { headers: { cookie: "bench=1" } });
  await r.text();
  missTimes.push(performance.now() - t);
  missCpu += serverCpuMs() - c;
}
missTimes.sort((a, b) => a - b);

// Cache misses under load: 32 connections, each request a post not requested before in this bench
// (until the 3,500 of them run out), with the cookie that keeps the page cache out.
const missPaths = missLoadPaths(`${dir}/inkwell.db`, 6500, 3500);
process.stdout.write(`bench: uncached posts under load for ${SECONDS} s… `);
const missLoad = (() => {
  const cpu0 = serverCpuMs();
  const r = spawnSync(process.execPath, ["bench/uncached-load.mjs"], {
    input: JSON.stringify({ base, paths: missPaths, connections: CONNECTIONS, seconds: SECONDS, headers: { cookie: "bench=1", "accept-encoding": BROWSER_ENCODING } }),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = JSON.parse(r.stdout);
  return { rps: out.requests.average, p50: out.latency.p50, p99: out.latency.p99, errors: out.errors + out.non2xx, total: out.requests.total, cpu: (serverCpuMs() - cpu0) / Math.max(1, out.requests.total) };
})();
console.log(`${Math.round(missLoad.rps)} req/s`);

console.log(`\n| URL | req/s | p50 | p99 | KB sent per response | server CPU per request | errors |\n|---|---:|---:|---:|---:|---:|---:|`);
for (const r of rows) console.log(`| ${r.name} \`${r.u}\` | ${Math.round(r.rps)} | ${r.p50} ms | ${r.p99} ms | ${r.kb.toFixed(0)} | ${r.cpu.toFixed(2)} ms | ${r.errors} |`);
console.log(`| uncached posts under load (${missLoad.total} requests, ${new Set(missPaths.slice(0, missLoad.total)).size} different posts) | ${Math.round(missLoad.rps)} | ${missLoad.p50} ms | ${missLoad.p99} ms | – | ${missLoad.cpu.toFixed(2)} ms | ${missLoad.errors} |`);
console.log(`\nUncached post render (read cache and page cache cold, 40 posts, after 100 other uncached renders): wall median ${missTimes[20].toFixed(1)} ms, max ${missTimes[39].toFixed(1)} ms; server CPU ${(missCpu / 40).toFixed(1)} ms per render`);
console.log(`engine ${ENGINE}, ${WORKERS} server process${WORKERS > 1 ? "es" : ""}, cached pages driven by ${LOADGEN}, ${CONNECTIONS} connections, ${SECONDS} s per URL, load average at the end: ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}`);
stop();
process.exit(0);
