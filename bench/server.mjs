// Shared by bench/floods.mjs and bench/soak.mjs: a production server on 127.0.0.1 with a scratch
// database of its own, a reader loop that times page loads, and small statistics helpers.
// Every loop here is bounded by a deadline as well as by its caller's stop flag.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfStale, SERVER_NODE_FLAGS } from "../scripts/start.mjs";

export const SECRET = "bench-only-secret";
export const ADMIN_PASSWORD = "bench-admin-password";

/**
 * Builds if stale, creates and seeds a database in a temp folder, starts server/main.mjs on
 * 127.0.0.1:port with TRUSTED_PROXIES=127.0.0.1 (so X-Forwarded-For names the client) and
 * OUTBOUND_ALLOW_HOSTS=127.0.0.1 (so pingbacks may fetch a peer on loopback).
 */
export async function startServer({ port, name, seeds = [] }) {
  const base = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `inkwell-bench-${name}-`));
  const env = {
    ...process.env, PORT: String(port), HOST: "127.0.0.1", SITE_URL: base, DATABASE_URL: path.join(dir, "inkwell.db"),
    INKWELL_DATA_DIR: dir, AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true", ADMIN_PASSWORD,
    TRUSTED_PROXIES: "127.0.0.1", OUTBOUND_ALLOW_HOSTS: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", INKWELL_LOG: process.env.INKWELL_LOG ?? "off",
  };
  buildIfStale();
  const tsx = path.join("node_modules", ".bin", "tsx");
  for (const s of ["scripts/setup.ts", ...seeds]) {
    if (spawnSync(tsx, [s], { env, stdio: "inherit" }).status !== 0) throw new Error(`${s} failed`);
  }
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(" ") : []), "bench/prod-server.mjs"], { env, stdio: ["ignore", process.env.BENCH_SERVER_STDOUT ? "inherit" : "ignore", "inherit"] });
  const onExit = () => child.kill("SIGKILL");
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`bench: the server (pid ${child.pid}) exited unasked: code ${code}, signal ${signal}`);
  });
  process.on("exit", onExit);
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error("server exited during start");
    if ((await fetch(`${base}/healthz/`).catch(() => null))?.ok) break;
    if (i > 150) throw new Error("server did not start in 30 s");
    await sleep(200);
  }
  return {
    base, dir, env, pid: child.pid,
    running: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      stopping = true;
      process.off("exit", onExit);
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await Promise.race([new Promise((r) => child.once("exit", r)), sleep(15_000)]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const loadAvg = () => os.loadavg().map((n) => n.toFixed(1)).join(" ");

/** Percentile of a sorted copy; undefined for an empty list. */
export function pct(values, p) {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
export const ms = (v) => (v === undefined ? "–" : `${v.toFixed(0)} ms`);

/**
 * Loads `paths` round-robin without cookies until stop() or the deadline, one request at a time
 * with a short pause; records latency and failures (anything but a 200, or a network error).
 */
export function readerLoop(base, paths, { stop, deadline, pauseMs = 50, headers = {} }) {
  const r = { ok: 0, failed: 0, times: [], failures: [] };
  r.done = (async () => {
    for (let i = 0; !stop() && Date.now() < deadline; i++) {
      const t0 = performance.now();
      try {
        const res = await fetch(base + paths[i % paths.length], { headers, signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (res.status === 200) r.ok++;
        else { r.failed++; r.failures.push(`${paths[i % paths.length]} → ${res.status}`); }
      } catch (e) {
        r.failed++;
        r.failures.push(`${paths[i % paths.length]} → ${e.name}`);
      }
      r.times.push(performance.now() - t0);
      await sleep(pauseMs);
    }
  })();
  return r;
}

/** Runs `worker(i)` from `concurrency` loops until `total` calls are made or the deadline passes. */
export async function pool({ total, concurrency, deadline }, worker) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total && Date.now() < deadline) await worker(next++);
  }));
  return next;
}

/** Reads the cookies a response sets into a jar (name → value). */
export function keepCookies(jar, res) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
  }
}
export const cookieHeader = (jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** A post's path on the home page, and its comment form's post id. */
export async function findPost(base, slug) {
  const home = await (await fetch(`${base}/`)).text();
  const postPath = new RegExp(`href="(/\\d{4}/\\d{2}/\\d{2}/${slug}/)"`).exec(home)?.[1];
  if (!postPath) throw new Error(`no link to ${slug} on the home page`);
  const html = await (await fetch(base + postPath)).text();
  const postId = Number(/name="comment_post_ID" value="(\d+)"/.exec(html)?.[1]);
  return { postPath, postId };
}
