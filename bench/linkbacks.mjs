// Linkbacks latency on loopback: `node bench/linkbacks.mjs` (needs a build: `npm run build`).
// Starts the production server on a scratch database, a peer page server, then times
// TrackBack, pingback.ping (which fetches the source) and Webmention (202, then verified by the
// job queue). Short: 10 + 10 + 9 requests (under the per-host rate limit).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-bench-lb-"));
// A free port: other servers may be running on this machine.
const PORT = await new Promise((resolve) => {
  const probe = http.createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const A = `http://127.0.0.1:${PORT}`;
const env = { ...process.env, PORT: String(PORT), SITE_URL: A, DATABASE_URL: path.join(dir, "db.sqlite"), INKWELL_DATA_DIR: dir, AUTH_SECRET: "bench", ADMIN_PASSWORD: "bench-password", OUTBOUND_ALLOW_HOSTS: "127.0.0.1", INKWELL_LOG: "off", NEXT_TELEMETRY_DISABLED: "1" };
const tsx = path.join("node_modules", ".bin", "tsx");
for (const s of ["scripts/setup.ts", "tests/e2e/support/seed-linkbacks.ts"]) if (spawnSync(tsx, [s], { env, stdio: "inherit" }).status !== 0) process.exit(1);
const server = spawn(process.execPath, ["server/main.mjs"], { env, stdio: "ignore" });
try {
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error("server exited");
    if ((await fetch(`${A}/healthz/`).catch(() => null))?.ok) break;
    if (i > 100) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  const pbTarget = `${A}/2026/01/10/lb-pingback-target/`;
  const wmTarget = `${A}/2026/01/10/lb-webmention-target/`;
  const peer = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<title>Peer ${req.url}</title><p>Hi <a href="${req.url.startsWith("/pb") ? pbTarget : wmTarget}">you</a></p>`);
  });
  await new Promise((r) => peer.listen(0, "127.0.0.1", r));
  const P = `http://127.0.0.1:${peer.address().port}`;
  const stats = (a) => {
    a.sort((x, y) => x - y);
    return `p50 ${a[Math.floor(a.length / 2)].toFixed(1)} ms, max ${a.at(-1).toFixed(1)} ms (n=${a.length})`;
  };
  const time = async (fn) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const must = async (res, needle) => {
    const t = await res.text();
    if (!t.includes(needle)) throw new Error(t);
  };
  const tb = [], pb = [], wm = [], wmDone = [];
  for (let i = 0; i < 10; i++) {
    tb.push(await time(async () => must(await fetch(`${A}/2026/01/10/lb-trackback-target/trackback/`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `url=http%3A%2F%2Fh${i}.example%2Fp%2F&title=T&blog_name=B` }), "<error>0")));
    pb.push(await time(async () => must(await fetch(`${A}/xmlrpc.php`, { method: "POST", headers: { "content-type": "text/xml" }, body: `<?xml version="1.0"?><methodCall><methodName>pingback.ping</methodName><params><param><value><string>${P}/pb${i}</string></value></param><param><value><string>${pbTarget}</string></value></param></params></methodCall>` }), "registered")));
  }
  const db = new Database(env.DATABASE_URL, { readonly: true });
  const stored = db.prepare("SELECT 1 FROM comment_meta WHERE key = 'webmention_source' AND value = ?");
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    const res = await fetch(`${A}/webmention/`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ source: `${P}/wm${i}`, target: wmTarget }) });
    if (res.status !== 202) throw new Error(`webmention answered ${res.status}`);
    wm.push(performance.now() - t0);
    for (let n = 0; !stored.get(`${P}/wm${i}`); n++) {
      if (n > 2000) throw new Error("webmention not verified in 10 s");
      await new Promise((r) => setTimeout(r, 5));
    }
    wmDone.push(performance.now() - t0);
  }
  db.close();
  peer.close();
  console.log(`TrackBack accepted:                      ${stats(tb)}`);
  console.log(`pingback.ping (fetches the source):      ${stats(pb)}`);
  console.log(`Webmention 202:                          ${stats(wm)}`);
  console.log(`Webmention POST → verified and stored:   ${stats(wmDone)}`);
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  fs.rmSync(dir, { recursive: true, force: true });
}
