// `npm run bench:comments`: the comment write path against the production server on 127.0.0.1,
// with a database of its own.
//  0. one at a time: 500 comment posts in a row (BENCH_SEQUENTIAL_N), the server's CPU per comment
//     and, with --engine postgres on this machine, the database backends' CPU per comment;
//  1. latency: 3,000 comment posts, 16 concurrent commenters (each post from its own address,
//     so WordPress's 15-second flood rule does not refuse them), p50/p99 reported;
//  2. a bounded flood: 10,000 posts from 1,000 addresses via X-Forwarded-For (TRUSTED_PROXIES=
//     127.0.0.1) at 64 connections while a reader keeps loading the post; every acknowledged
//     comment must be in the database afterwards, and the reader must keep getting 200s.
import { spawn, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { buildIfStale } from "../scripts/start.mjs";
import { benchPostgres, engineArg } from "./engine.mjs";

const PORT = Number(process.env.BENCH_PORT || 3141);
const BASE = `http://127.0.0.1:${PORT}`;
const SECRET = "bench-only-secret";
const LATENCY_N = Number(process.env.BENCH_LATENCY_N || 3000);
const FLOOD_N = Number(process.env.BENCH_FLOOD_N || 10_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-bench-comments-"));
const env = {
  ...process.env, PORT: String(PORT), HOST: "127.0.0.1", SITE_URL: BASE, DATABASE_URL: path.join(dir, "inkwell.db"),
  INKWELL_DATA_DIR: dir, AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true", ADMIN_PASSWORD: "bench-admin-password",
  TRUSTED_PROXIES: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", INKWELL_LOG: "off",
};

// `--engine postgres`: the same runs against a site on a throwaway PostgreSQL server.
const ENGINE = engineArg();
const pgBench = ENGINE === "postgres" ? await benchPostgres("inkwell_bench_comments") : null;
if (pgBench) {
  env.DATABASE_URL = pgBench.url;
  process.on("exit", () => pgBench.stop());
}
buildIfStale();
const setup = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/setup.ts"], { env, stdio: "inherit" });
if (setup.status !== 0) process.exit(1);
const server = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []), "server/main.mjs"], { env, stdio: ["ignore", "ignore", "inherit"] });
let stopping = false;
const stop = () => { stopping = true; server.kill("SIGTERM"); };
process.on("exit", stop);
// Waited on at the end; listened to from the start, so that a server that is already gone by then
// (or dies during the run, which must not pass unnoticed) cannot leave the bench waiting forever.
const exited = new Promise((r) => server.once("exit", (code, signal) => {
  if (!stopping) console.error(`bench: the server exited during the run (code ${code}, signal ${signal})`);
  r();
}));

async function waitUp() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/healthz/`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not start");
}
await waitUp();

// The demo post and its id, as a browser would find them.
const home = await (await fetch(`${BASE}/`)).text();
const postPath = /href="(\/\d{4}\/\d{2}\/\d{2}\/hello-world\/)"/.exec(home)?.[1];
const postHtml = await (await fetch(BASE + postPath)).text();
const postId = Number(/name="comment_post_ID" value="(\d+)"/.exec(postHtml)?.[1]);
if (!postId) throw new Error("no comment form found on the demo post");

// A form token as the page issues it, shown 5 s ago (the same HMAC as lib/comments/form-token.ts).
const token = () => {
  const ms = Date.now() - 5000;
  return `${ms}.${createHmac("sha256", SECRET).update(`comment-form:${postId}:${ms}`).digest("base64url")}`;
};
let seq = 0;
const body = (n) => new URLSearchParams({
  comment_post_ID: String(postId), comment_parent: "0", author: `Bench ${n}`, email: `bench${n}@example.com`, url: "",
  comment: `Benchmark comment number ${n}: measuring the write path.`, comment_ts: token(), website_confirm: "",
}).toString();
const ipOf = (k) => `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;

// The server's own CPU time (user + system), from /proc: what a comment costs the server,
// whatever else the machine is doing at the time.
const cpuMs = () => {
  try {
    const f = fs.readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
};
const loadAvg = () => os.loadavg()[0].toFixed(1);

function run(opts) {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

// Warm the route (first request compiles nothing in production, but fills caches).
await fetch(`${BASE}/wp-comments-post.php`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", "x-forwarded-for": "10.255.255.1" }, body: body(0) });

// 0. One comment at a time: what a comment costs with nobody waiting (the server's CPU, and on a
// PostgreSQL this machine runs, its backends' CPU), the measure that changes least with the load.
const SEQ_N = Number(process.env.BENCH_SEQUENTIAL_N || 500);
const dbCpuMs = async () => {
  if (!pgBench) return 0;
  const rows = await pgBench.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
  let ms = 0;
  for (const { pid } of rows) {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ms += (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      return NaN; // not on this machine
    }
  }
  return ms;
};
const seqTimes = [];
const seqCpu0 = cpuMs();
const seqDb0 = await dbCpuMs();
for (let i = 0; i < SEQ_N; i++) {
  const n = ++seq;
  const t0 = performance.now();
  const r = await fetch(`${BASE}/wp-comments-post.php`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", "x-forwarded-for": ipOf(n) }, body: body(n) });
  await r.arrayBuffer();
  if (r.status !== 201) throw new Error(`one at a time: comment ${n} answered ${r.status}`);
  seqTimes.push(performance.now() - t0);
}
const seqCpu = cpuMs() - seqCpu0;
const seqDb = (await dbCpuMs()) - seqDb0;
seqTimes.sort((a, b) => a - b);

// 1. Latency at 16 concurrent commenters.
const statusA = {};
const cpuA0 = cpuMs();
// The bench's own CPU (autocannon, building the bodies): on a 2-core machine the client competes
// with the server for the same cores, so its cost is part of every latency measured here.
const clientA0 = process.cpuUsage();
const loadA = loadAvg();
const latency = await run({
  url: BASE, connections: 16, amount: LATENCY_N,
  requests: [{
    method: "POST", path: "/wp-comments-post.php",
    setupRequest: (req) => {
      const n = ++seq;
      return { ...req, headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", "x-forwarded-for": ipOf(n) }, body: body(n) };
    },
    onResponse: (status) => { statusA[status] = (statusA[status] ?? 0) + 1; },
  }],
});

const cpuA = cpuMs() - cpuA0;
const clientA = process.cpuUsage(clientA0);

// 2. The flood, with a reader loading the post throughout.
const loadB = loadAvg();
const acknowledged = [];
const statusB = {};
let floodN = 0;
const reader = { ok: 0, failed: 0, times: [] };
let flooding = true;
const readerLoop = (async () => {
  while (flooding) {
    const t0 = performance.now();
    try {
      const r = await fetch(BASE + postPath);
      await r.text();
      if (r.ok) reader.ok++; else reader.failed++;
    } catch { reader.failed++; }
    reader.times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 100));
  }
})();
const flood = await run({
  url: BASE, connections: 64, amount: FLOOD_N,
  requests: [{
    method: "POST", path: "/wp-comments-post.php",
    setupRequest: (req) => {
      const n = ++seq;
      // 1,000 addresses, ten posts each: a repeat within 15 s of the last accepted one is refused (429).
      const ip = ipOf(100_000 + (floodN++ % 1000));
      return { ...req, headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", "x-forwarded-for": ip }, body: body(n) };
    },
    onResponse: (status, resBody) => {
      statusB[status] = (statusB[status] ?? 0) + 1;
      if (status === 201) acknowledged.push(JSON.parse(resBody).id);
    },
  }],
});
flooding = false;
await readerLoop;
stop();
await exited;

let stored, rowCount;
if (pgBench) {
  stored = new Set((await pgBench.query("SELECT id FROM comments")).map((r) => r.id));
  rowCount = stored.size;
} else {
  const db = new Database(env.DATABASE_URL, { readonly: true });
  stored = new Set(db.prepare("SELECT id FROM comments").pluck().all());
  rowCount = db.prepare("SELECT count(*) FROM comments").pluck().get();
  db.close();
}
const missing = acknowledged.filter((id) => !stored.has(id));
fs.rmSync(dir, { recursive: true, force: true });

const sorted = reader.times.sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(1);
const result = {
  engine: ENGINE,
  one_at_a_time: { comments: SEQ_N, p50_ms: seqTimes[SEQ_N >> 1].toFixed(2), server_cpu_ms_per_comment: (seqCpu / SEQ_N).toFixed(2), ...(pgBench ? { database_cpu_ms_per_comment: Number.isNaN(seqDb) ? "not on this machine" : (seqDb / SEQ_N).toFixed(2) } : {}) },
  latency: { load_avg_at_start: loadA, server_cpu_ms_per_comment: (cpuA / latency.requests.total).toFixed(2), client_cpu_ms_per_comment: ((clientA.user + clientA.system) / 1000 / latency.requests.total).toFixed(2), errors: latency.errors, timeouts: latency.timeouts, requests: latency.requests.total, statuses: statusA, p50_ms: latency.latency.p50, p99_ms: latency.latency.p99, max_ms: latency.latency.max, rps: latency.requests.average },
  flood: {
    load_avg_at_start: loadB, errors: flood.errors, timeouts: flood.timeouts, requests: flood.requests.total, statuses: statusB, acknowledged: acknowledged.length, missing_after: missing.length, rows: rowCount,
    p50_ms: flood.latency.p50, p99_ms: flood.latency.p99, rps: flood.requests.average, seconds: flood.duration,
    reader: { loads: reader.ok + reader.failed, failed: reader.failed, p50_ms: pct(50), p99_ms: pct(99) },
  },
};
console.log(JSON.stringify(result, null, 2));
const pass = latency.latency.p99 < 50 && missing.length === 0 && reader.failed === 0 && (statusA[201] ?? 0) === LATENCY_N;
console.log(pass ? "PASS: p99 under 50 ms, every acknowledged comment stored, readers served" : "FAIL");
process.exit(pass ? 0 : 1);
