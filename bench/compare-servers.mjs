// `node bench/compare-servers.mjs BEFORE_URL AFTER_URL`: an A/B of two running servers (say, a build
// of main and one of a branch, each on a copy of the same database), in alternating rounds so
// that a busy machine weighs on both alike: the cached home page under 32 connections
// (autocannon, 8 s), 60 page cache misses (unique searches, rendered and kept), 60 renders of a
// post for a reader with a cookie (never cached). POST=/path/ picks the post.
import autocannon from "autocannon";
const [A, B] = process.argv.slice(2);
const post = process.env.POST || "/2026/12/07/hello-world/";
const cannon = (url) => new Promise((res, rej) => autocannon({ url, connections: 32, duration: 8, headers: { "accept-encoding": "gzip, deflate, br" } }, (e, r) => (e ? rej(e) : res(r))));
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
async function timed(url, headers = {}) { const t = performance.now(); const r = await fetch(url, { headers }); await r.arrayBuffer(); return [performance.now() - t, r.headers.get("x-inkwell-cache"), r.status]; }
const out = {};
for (let round = 1; round <= 2; round++) {
  for (const [name, base] of [["before", A], ["after", B]]) {
    const r = await cannon(base + "/");
    (out[name + " cached home req/s"] ??= []).push(Math.round(r.requests.average));
    (out[name + " cached home p99 ms"] ??= []).push(r.latency.p99);
    const miss = [], render = [];
    for (let i = 0; i < 60; i++) {
      const [t, c] = await timed(`${base}/?s=w${process.pid}r${round}x${i}${name}`);
      if (c !== "miss") throw new Error(`expected a miss on ${name}, got ${c}`);
      miss.push(t);
    }
    for (let i = 0; i < 60; i++) render.push((await timed(base + post, { cookie: "reader=1" }))[0]);
    (out[name + " search miss p50/p99 ms"] ??= []).push(`${pct(miss, 50).toFixed(1)}/${pct(miss, 99).toFixed(1)}`);
    (out[name + " post render (cookie) p50/p99 ms"] ??= []).push(`${pct(render, 50).toFixed(1)}/${pct(render, 99).toFixed(1)}`);
  }
}
for (const [k, v] of Object.entries(out)) console.log(k.padEnd(40), v.join("  "));
