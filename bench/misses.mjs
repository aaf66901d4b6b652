// `npm run bench:misses`: pages no cache holds, beside WordPress, in one run (the scaling-out issue's
// measure). Both blogs hold the theme unit test (scripts/compare/: WordPress 6.1 with Twenty
// Twenty-Three on PHP-FPM and MariaDB behind nginx, Inkwell's production build on its import);
// wrk (-t2 -c32, BENCH_SECONDS each, 10 by default) asks for
//   - a search for a random word, different on every request (no cache can hold it),
//   - a post with a cookie (Inkwell's page cache serves no request that carries one; WordPress
//     has no page cache), rotating over the blog's posts,
// with Inkwell on 1 and on BENCH_WORKERS (2) server processes. WordPress needs root (its script
// installs Debian's packages the first time); BENCH_WORDPRESS=0 measures Inkwell alone.
// Every process shares the machine's cores with wrk and with the other blog's idle processes.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { wrkReport } from "./wrk.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const WORKERS = Number(process.env.BENCH_WORKERS || 2);
const WP = "http://127.0.0.1:8190";
const INK = `http://127.0.0.1:${process.env.INKWELL_COMPARE_PORT || 4610}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-bench-misses-"));

function sh(script, args, env = {}) {
  const r = spawnSync("bash", [script, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  return r.status === 0;
}

// A random lower-case word per request: WordPress's and Inkwell's searches both find nothing and
// render the full "nothing found" page, as a visitor's typo does.
const SEARCH_LUA = `
math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
request = function()
  local w = {}
  for i = 1, 9 do w[i] = string.char(math.random(97, 122)) end
  return wrk.format("GET", "/?s=" .. table.concat(w))
end
`;
const postsLua = (paths) => `
local paths = { ${paths.map((p) => JSON.stringify(p)).join(", ")} }
local i = 0
wrk.headers["Cookie"] = "bench_reader=1"
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
`;

function wrk(base, lua) {
  const file = path.join(dir, `s${Math.random().toString(36).slice(2)}.lua`);
  fs.writeFileSync(file, lua);
  return wrkReport(execFileSync("wrk", ["-t2", "-c32", `-d${SECONDS}s`, "--timeout", "10s", "--latency", "-s", file, base], { encoding: "utf8", timeout: (SECONDS + 30) * 1000 }));
}

// A kept-alive connection the server closed while wrk ran fails the next fetch once: ask again.
async function get(url, init) {
  try {
    return await fetch(url, init);
  } catch {
    return await fetch(url, init);
  }
}

async function postPaths(base) {
  const r = await get(`${base}/wp-json/wp/v2/posts?per_page=100&_fields=link`);
  if (!r.ok) throw new Error(`${base}: the posts list answered ${r.status}`);
  return (await r.json()).map((p) => new URL(p.link).pathname);
}

const rows = [];
const row = (what, r) => rows.push({ what, ...r });

let wordpress = false;
if (process.env.BENCH_WORDPRESS !== "0") {
  wordpress = sh("scripts/compare/wordpress.sh", ["start"]);
  if (!wordpress) console.error("bench: WordPress did not start (needs root and Debian's packages); measuring Inkwell alone");
}
try {
  if (wordpress) {
    // A few requests first, so that PHP's opcache holds WordPress's code.
    for (let i = 0; i < 20; i++) await (await get(`${WP}/?s=warm${i}`)).text();
    row("WordPress 6.1: search for a random word", wrk(WP, SEARCH_LUA));
    const wpPaths = await postPaths(WP);
    row(`WordPress 6.1: a post (${wpPaths.length} rotating)`, wrk(WP, postsLua(wpPaths)));
  }
  for (const n of [1, WORKERS]) {
    if (!sh("scripts/compare/inkwell.sh", ["start"], { WEB_CONCURRENCY: String(n) })) throw new Error("Inkwell did not start (scripts/compare/inkwell.sh start)");
    try {
      const paths = await postPaths(INK);
      // Each process renders every kind of page a few times before it is measured.
      for (let i = 0; i < 20 * n; i++) {
        await (await get(`${INK}/?s=warm${i}`)).text();
        await (await get(INK + paths[i % paths.length], { headers: { cookie: "bench_reader=1" } })).text();
      }
      const who = `Inkwell, ${n} process${n > 1 ? "es" : ""}`;
      row(`${who}: search for a random word`, wrk(INK, SEARCH_LUA));
      row(`${who}: a post with a cookie (${paths.length} rotating)`, wrk(INK, postsLua(paths)));
    } finally {
      sh("scripts/compare/inkwell.sh", ["stop"]);
    }
  }
} finally {
  if (wordpress && process.env.BENCH_KEEP_WORDPRESS !== "1") sh("scripts/compare/wordpress.sh", ["stop"]);
  fs.rmSync(dir, { recursive: true, force: true });
}

const wpSearch = rows.find((r) => r.what.startsWith("WordPress 6.1: search"));
console.log(`\n| ${new Date().toISOString().slice(0, 16).replace("T", " ")}, wrk -t2 -c32, ${SECONDS} s each | req/s | p50 | p99 | errors |${wpSearch ? " × WordPress's search |" : ""}`);
console.log(`|---|---:|---:|---:|---:|${wpSearch ? "---:|" : ""}`);
for (const r of rows) {
  const times = wpSearch ? ` ${(r.rps / wpSearch.rps).toFixed(1)}× |` : "";
  console.log(`| ${r.what} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.errors} |${times}`);
}
console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
