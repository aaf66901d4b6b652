// `node bench/profile-misses.mjs`: where the CPU of a page cache miss goes. Seeds the bench blog
// (bench/seed.ts: 10,000 posts, 100,000 comments) into a scratch database, starts the production
// server with --cpu-prof, asks for 60 pages to warm it, then for 400 posts no cache has seen, one
// at a time, as anonymous readers (each is rendered for the reader and kept), stops the server and
// sums the profile's samples of those 400 (the last part of the profile) by where their code lives.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer } from "./server.mjs";

const PORT = Number(process.env.BENCH_PORT || 3197);
const profDir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-profile-"));
process.env.BENCH_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${profDir}`;
const server = await startServer({ port: PORT, name: "profile", seeds: ["bench/seed.ts"] });
const { DatabaseSync } = await import("node:sqlite");
const db = new DatabaseSync(server.env.DATABASE_URL, { readOnly: true });
const url = (r) => `/${r.date.slice(0, 4)}/${r.date.slice(5, 7)}/${r.date.slice(8, 10)}/${r.slug}/`;
const rows = db.prepare("SELECT slug, date FROM posts WHERE type = 'post' AND status = 'publish' ORDER BY id LIMIT 460 OFFSET 100").all();
db.close();
const get = async (u) => {
  const t = performance.now();
  const r = await fetch(server.base + u);
  await r.arrayBuffer();
  if (r.headers.get("x-inkwell-cache") !== "miss") throw new Error(`${u}: expected a miss, got ${r.status} ${r.headers.get("x-inkwell-cache")}`);
  return performance.now() - t;
};
for (const r of rows.slice(0, 60)) await get(url(r));
const startedAt = Date.now();
const times = [];
for (const r of rows.slice(60)) times.push(await get(url(r)));
const wall = Date.now() - startedAt;
await server.stop();
times.sort((a, b) => a - b);
console.log(`${times.length} misses in ${(wall / 1000).toFixed(1)} s: p50 ${times[times.length >> 1].toFixed(1)} ms, p90 ${times[Math.floor(times.length * 0.9)].toFixed(1)} ms, p99 ${times[Math.floor(times.length * 0.99)].toFixed(1)} ms`);

const file = fs.readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
const p = JSON.parse(fs.readFileSync(path.join(profDir, file), "utf8"));
// BENCH_KEEP_PROFILE=FILE keeps the whole profile (with the measured run's start in `measuredFromUs`) for a closer look.
if (process.env.BENCH_KEEP_PROFILE) fs.writeFileSync(process.env.BENCH_KEEP_PROFILE, JSON.stringify({ ...p, measuredFromUs: p.timeDeltas.reduce((a, b) => a + b, 0) - (wall + 1500) * 1000 }));
fs.rmSync(profDir, { recursive: true, force: true });
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const kind = (n) => {
  const u = n.callFrame.url, f = n.callFrame.functionName;
  if (f === "(idle)") return undefined;
  if (f === "(garbage collector)") return "garbage collection";
  if (/app-page-turbo\.runtime/.test(u)) return "React rendering: Fizz (HTML) and Flight (RSC payload), in Next's app-page runtime";
  if (/node_modules\/next\//.test(u)) return "Next's server (routing, request handling)";
  if (/db_queries|drizzle/.test(u)) return "db/queries and drizzle";
  if (/better-sqlite3/.test(u)) return "SQLite (better-sqlite3)";
  if (/\.next\/server/.test(u)) return "our pages, themes and lib/ (bundled)";
  if (/\/server\/[\w-]+\.mjs$/.test(u)) return "the server around Next (splice, keep, headers)";
  if (/zlib/.test(u) || f === "processChunk") return "gzip of the reader's copy";
  if (/node_modules\//.test(u)) return "other packages (compression, prom-client…)";
  return "Node itself (strings to bytes, streams, sockets)";
};
// The measured run is the profile's last `wall` ms (plus the stop's 1.5 s at most): samples before
// it are the start and the warm-up.
let total = 0;
const sums = new Map();
// BENCH_TOP=N also lists the N functions with the most self time (name, file) in each share.
const top = Number(process.env.BENCH_TOP || 0);
const fns = new Map();
const deltas = p.timeDeltas;
const spanUs = deltas.reduce((a, b) => a + b, 0);
let at = 0;
const from = spanUs - (wall + 1500) * 1000;
p.samples.forEach((id, i) => {
  at += deltas[i] ?? 0;
  if (at < from) return;
  const k = kind(byId.get(id));
  if (!k) return;
  total += deltas[i] ?? 0;
  sums.set(k, (sums.get(k) ?? 0) + (deltas[i] ?? 0));
  if (top) {
    const n = byId.get(id);
    const name = `${k.split(":")[0].split(" (")[0]} | ${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`;
    fns.set(name, (fns.get(name) ?? 0) + (deltas[i] ?? 0));
  }
});
console.log(`CPU busy ${(total / 1e6).toFixed(2)} s, ${(total / 1000 / times.length).toFixed(1)} ms a miss:`);
for (const [k, t] of [...sums].sort((a, b) => b[1] - a[1])) console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
if (top) for (const [name, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${name}`);
