// `node bench/not-found.mjs BASE_URL`: random missing addresses against a running server, each
// request a different address (a scanner's or a broken link's traffic), under 32 connections for
// BENCH_SECONDS (default 8) each: anonymous (the one not-found page from the page cache), then
// with a cookie (rendered each time, as every missing address was before the page cache kept it).
// Prints req/s and latency percentiles; run it on a quiet machine, the server started with
// `npm start` (or server/main.mjs) on 127.0.0.1.
import autocannon from "autocannon";

const base = process.argv[2] || "http://127.0.0.1:3000";
const seconds = Number(process.env.BENCH_SECONDS || 8);

function run(label, headers) {
  let n = 0;
  const statuses = new Map();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: 32,
        duration: seconds,
        headers: { "accept-encoding": "gzip, deflate, br", ...headers },
        requests: [{ setupRequest: (req) => ({ ...req, path: `/missing-${process.pid}-${label.length}-${n++}/` }) }],
      },
      (err, r) => {
        if (err) return reject(err);
        const codes = [...statuses].map(([k, v]) => `${k}×${v}`).join(" ");
        console.log(`${label.padEnd(36)} ${String(Math.round(r.requests.average)).padStart(6)} req/s  p50 ${r.latency.p50} ms  p90 ${r.latency.p90} ms  p99 ${r.latency.p99} ms  (${codes})`);
        resolve();
      },
    );
    instance.on("response", (_client, status) => statuses.set(status, (statuses.get(status) ?? 0) + 1));
  });
}

await run("missing address, anonymous", {});
await run("missing address, with a cookie", { cookie: "reader=1" });
