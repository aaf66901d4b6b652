// `node bench/compare-misses.mjs BEFORE_DIR`: the server CPU of a page cache miss, before and after,
// in one run. BEFORE_DIR is another checkout with its own build (say `git archive <commit>` with
// `npm run build`); this tree is "after" (built here if stale). Both serve copies of one bench blog
// (bench/seed.ts: 10,000 posts, 100,000 comments) side by side, on BENCH_PORT and BENCH_PORT+1.
// In alternating rounds each server gets the same requests, one at a time: anonymous posts no cache
// has seen (rendered and kept), searches no cache has seen, and posts for a reader with a cookie
// (never cached). What a round cost is read from the server's threads' /proc schedstat (time on a CPU, in ns),
// so a busy machine slows both alike but does not add to their CPU; the medians of the rounds are
// printed. ROUNDS (default 6) and PER_ROUND (default 40 of each kind).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SECRET, ADMIN_PASSWORD, sleep } from "./server.mjs";
import { buildIfStale, SERVER_NODE_FLAGS } from "../scripts/start.mjs";

const beforeDir = path.resolve(process.argv[2] ?? "");
if (!process.argv[2] || !fs.existsSync(path.join(beforeDir, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
  console.error("usage: node bench/compare-misses.mjs BEFORE_DIR (a checkout with its build)");
  process.exit(2);
}
const afterDir = process.cwd();
const PORT = Number(process.env.BENCH_PORT || 3197);
const ROUNDS = Number(process.env.ROUNDS || 6);
const PER_ROUND = Number(process.env.PER_ROUND || 40);
buildIfStale();

const work = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-compare-misses-"));
const envFor = (name, port) => {
  const dir = path.join(work, name);
  return {
    ...process.env, PORT: String(port), HOST: "127.0.0.1", SITE_URL: `http://127.0.0.1:${port}`, DATABASE_URL: path.join(dir, "inkwell.db"),
    INKWELL_DATA_DIR: dir, AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true", ADMIN_PASSWORD, NEXT_TELEMETRY_DISABLED: "1", INKWELL_LOG: "off",
  };
};
// One database, seeded once, copied for each server.
const seedEnv = envFor("seed", PORT);
fs.mkdirSync(seedEnv.INKWELL_DATA_DIR);
for (const s of ["scripts/setup.ts", "bench/seed.ts"]) {
  if (spawnSync(path.join("node_modules", ".bin", "tsx"), [s], { env: seedEnv, stdio: "inherit" }).status !== 0) throw new Error(`${s} failed`);
}
const { DatabaseSync } = await import("node:sqlite");
const seedDb = new DatabaseSync(seedEnv.DATABASE_URL);
seedDb.exec("PRAGMA wal_checkpoint(TRUNCATE)");
const posts = seedDb.prepare("SELECT slug, date FROM posts WHERE type = 'post' AND status = 'publish' ORDER BY id LIMIT ? OFFSET 100").all((ROUNDS + 1) * PER_ROUND * 2);
seedDb.close();
const url = (r) => `/${r.date.slice(0, 4)}/${r.date.slice(5, 7)}/${r.date.slice(8, 10)}/${r.slug}/`;

const servers = [];
for (const [i, [name, dir]] of [["before", beforeDir], ["after", afterDir]].entries()) {
  const env = envFor(name, PORT + i);
  fs.cpSync(seedEnv.INKWELL_DATA_DIR, env.INKWELL_DATA_DIR, { recursive: true });
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "bench/prod-server.mjs"], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
  process.on("exit", () => child.kill("SIGKILL"));
  servers.push({ name, base: env.SITE_URL, child });
}
for (const s of servers) {
  for (let i = 0; ; i++) {
    if (s.child.exitCode !== null) throw new Error(`${s.name}: the server exited during start`);
    if ((await fetch(`${s.base}/healthz/`).catch(() => null))?.ok) break;
    if (i > 150) throw new Error(`${s.name}: the server did not start in 30 s`);
    await sleep(200);
  }
}

/** The CPU time of all the process's threads so far, in ms (schedstat: nanoseconds on a CPU). */
const cpu = (pid) => {
  let ns = 0;
  for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(fs.readFileSync(`/proc/${pid}/task/${t}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return ns / 1e6;
};
const get = async (base, u, headers, want) => {
  const r = await fetch(base + u, { headers: { "accept-encoding": "gzip", ...headers } });
  await r.arrayBuffer();
  if (r.status !== 200 || (want && r.headers.get("x-inkwell-cache") !== want)) throw new Error(`${u}: ${r.status} ${r.headers.get("x-inkwell-cache")}`);
};
const kinds = {
  "anonymous post, cache miss": (round, i) => [url(posts[(round + 1) * PER_ROUND + i]), {}, "miss"],
  "search, cache miss": (round, i) => [`/?s=lorem+${round}x${i}`, {}, "miss"],
  "post for a reader with a cookie": (round, i) => [url(posts[(ROUNDS + round + 2) * PER_ROUND + i]), { cookie: "reader=1" }, undefined],
};
// Round -1 warms both (the JIT, the read cache's widgets and menus) and is not counted.
for (const s of servers) for (const req of Object.values(kinds)) for (let i = 0; i < PER_ROUND; i++) await get(s.base, ...req(-1, i));

// KINDS=0,2 picks kinds by number (a round of one kind also carries the garbage collection it causes).
const picked = Object.entries(kinds).filter((_, i) => !process.env.KINDS || process.env.KINDS.split(",").map(Number).includes(i));
const results = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const s of round % 2 ? [...servers].reverse() : servers) {
    const c0 = cpu(s.child.pid);
    const t0 = performance.now();
    // The kinds take turns, so that a collection caused by one is not counted against another's round.
    for (let i = 0; i < PER_ROUND; i++) for (const [, req] of picked) await get(s.base, ...req(round, i));
    const n = PER_ROUND * picked.length;
    (results[s.name] ??= []).push({ cpu: (cpu(s.child.pid) - c0) / n, wall: (performance.now() - t0) / n });
  }
}
for (const s of servers) s.child.kill("SIGTERM");
await sleep(1500);
fs.rmSync(work, { recursive: true, force: true });

const median = (xs) => { const a = [...xs].sort((x, y) => x - y); return a.length % 2 ? a[a.length >> 1] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2; };
console.log(`${ROUNDS} rounds of ${PER_ROUND} × (${picked.map(([k]) => k).join(", ")}) per server, one request at a time; load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`);
const b = results.before, a = results.after;
const line = (name, rs) => `${name.padEnd(7)} server CPU ${median(rs.map((r) => r.cpu)).toFixed(2)} ms a request (rounds: ${rs.map((r) => r.cpu.toFixed(1)).join(" ")}), wall ${median(rs.map((r) => r.wall)).toFixed(1)} ms`;
console.log(line("before", b));
console.log(line("after", a));
console.log(`after/before, median of the rounds' ratios: ${median(a.map((r, i) => r.cpu / b[i].cpu)).toFixed(3)}`);
