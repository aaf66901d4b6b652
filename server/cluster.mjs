// Several server processes on one port (WEB_CONCURRENCY > 1): a small primary forks the workers,
// each a whole server/main.mjs, and node:cluster hands the port's connections to them in turn.
// The primary serves nothing itself; it restarts a worker that dies, stops when workers keep dying,
// and on SIGTERM/SIGINT stops every worker gracefully (each finishes its requests and its job).
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { gatherClusterMetrics } from "./observe.mjs";

/** Crashes within CRASH_WINDOW_MS that stop the server: a fault that restarting will not cure. */
export const CRASH_LIMIT = 5;
export const CRASH_WINDOW_MS = 60_000;
/** Workers stop on their own within 9 s (server/main.mjs); after this the primary kills them. */
export const STOP_DEADLINE_MS = 9_500;

/**
 * The number of server processes. PostgreSQL takes one per core by default. SQLite takes one:
 * docs/benchmarks.md ("Workers") measured two against one on this 2-core machine.
 * @param {Record<string, string | undefined>} env
 * @param {"sqlite" | "postgres"} [engine]
 * @returns {{ workers: number } | { error: string }}
 */
export function workerCount(env = process.env, engine = /^postgres(ql)?:\/\//.test(env.DATABASE_URL || "") ? "postgres" : "sqlite") {
  const raw = (env.WEB_CONCURRENCY ?? "").trim();
  if (raw === "") return { workers: engine === "postgres" ? os.availableParallelism() : 1 };
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    return { error: `WEB_CONCURRENCY "${raw}" must be a whole number of server processes from 1 to 256 (or unset for the default).` };
  }
  return { workers: n };
}

/** Counts worker crashes in a sliding window; true once there were too many. */
export function crashCounter(limit = CRASH_LIMIT, windowMs = CRASH_WINDOW_MS) {
  const times = [];
  return (now = Date.now()) => {
    times.push(now);
    while (times.length && now - times[0] > windowMs) times.shift();
    return times.length >= limit;
  };
}

export function runPrimary(count, { serverArgs = [], log = console } = {}) {
  cluster.setupPrimary({ exec: path.join(import.meta.dirname, "main.mjs"), execArgv: serverArgs });
  const tooMany = crashCounter();
  const answerMetrics = gatherClusterMetrics();
  let stopping = false;
  let exitCode = 0;
  let lastFatal = "";

  const fork = () => {
    const worker = cluster.fork();
    // A worker that cannot serve (the port taken, say) tells the primary why instead of printing
    // it itself, so that a crash loop ends with one line rather than one per attempt.
    worker.on("message", (m) => {
      if (m && m.inkwell === "fatal") lastFatal = String(m.message);
      answerMetrics(worker, m);
    });
    worker.on("listening", () => (worker.serving = true));
    return worker;
  };

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (tooMany()) {
      stopping = true;
      log.error(`Inkwell: stopping: server processes exited ${CRASH_LIMIT} times within ${CRASH_WINDOW_MS / 1000} s (the last with ${how})${lastFatal ? `: ${lastFatal}` : "; see the errors above"}.`);
      exitCode = 1;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    // One that was serving is news; one that failed while starting is retried quietly, and said
    // once if it keeps failing.
    if (worker.serving) log.error(`Inkwell: server process ${worker.process.pid} exited with ${how}; starting another.`);
    fork();
  });

  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (!workers.length) process.exit(0);
    for (const w of workers) w?.process.kill("SIGTERM");
    setTimeout(() => {
      log.error(`Inkwell: server processes still running ${STOP_DEADLINE_MS / 1000} s after ${signal}; killing them.`);
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  log.log(`Inkwell: starting ${count} server processes (WEB_CONCURRENCY).`);
  for (let i = 0; i < count; i++) fork();
}

if (process.argv[1] === import.meta.filename) {
  const n = workerCount();
  if ("error" in n) {
    console.error(`Inkwell cannot start: ${n.error}`);
    process.exit(1);
  }
  runPrimary(n.workers, { serverArgs: process.execArgv });
}
