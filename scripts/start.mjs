// `npm start`: build when the build is missing or stale, prepare the database, then serve.
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { workerCount } from "../server/cluster.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const distDir = env.NEXT_DIST_DIR || ".next";
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const SOURCES = ["app", "components", "db", "lib", "themes", "public", "drizzle", "server", "auth.ts", "instrumentation.ts",
  "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

/**
 * V8 flags of the production server. A render allocates a few MB that die young: with 64 MB
 * semi-spaces (16 MB by default) the young generation is swept a quarter as often, which took
 * about 1 ms off an uncached post (bench/run.mjs, A/B on this machine) for up to 128 MB more heap.
 * A 1 GB old generation: V8 sizes its heap limit from the machine's memory, and with a limit of
 * several GB it lets the heap grow to about four times what is live before a full collection, so
 * the server's RSS kept rising for minutes (bench:soak, 5 December: 420 -> 545 MB and not settled).
 * Capped at 1 GB, it collects sooner and stays flat at about 370 MB under the same load, at the
 * same latency; the largest upload the server imports (32 MB of WXR) peaks far below the cap.
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64", "--max-old-space-size=1024"];

/** A hash of every source file's path and content: the build is stale when it differs (server/*.mjs run outside the build). */
export function sourceHash() {
  const h = createHash("sha256");
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
    else if (!(p.startsWith(`server${path.sep}`) && p.endsWith(".mjs"))) { h.update(p); h.update(fs.readFileSync(p)); }
  };
  for (const s of SOURCES) walk(s);
  return h.digest("hex");
}

/** What to tell the user when `next build` did not succeed (spawnSync's result). */
export function buildFailure(r) {
  if (r.error?.code === "ENOENT") return "Inkwell cannot start: Next.js is not installed here (node_modules/.bin/next is missing). Run `npm install` first.";
  if (r.error) return `Inkwell cannot start: the build could not run (${r.error.message}).`;
  return "Inkwell cannot start: the build failed (see above).";
}

export function buildIfStale() {
  const stampFile = path.join(distDir, "inkwell-source-hash");
  const hash = sourceHash();
  const fresh = fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === hash;
  if (fresh) return;
  console.log("Inkwell: building (the build is missing or older than the sources)…");
  const r = spawnSync(bin("next"), ["build"], { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(buildFailure(r));
    process.exit(1);
  }
  fs.writeFileSync(stampFile, hash);
}

/** Node 22.19 or newer (24 LTS is what CI runs): better-sqlite3 13 crashes on Node 20. */
export function unsupportedNode(version = process.versions.node) {
  const [major, minor] = version.split(".").map(Number);
  if (major > 22 || (major === 22 && minor >= 19)) return null;
  return `Inkwell needs Node.js 22.19 or newer (24 LTS recommended); this is Node.js ${version}. See README, "Two commands".`;
}

if (process.argv[1] === import.meta.filename) {
  const old = unsupportedNode();
  if (old) {
    console.error(old);
    process.exit(1);
  }
  buildIfStale();
  const setup = spawnSync(bin("tsx"), ["scripts/setup.ts"], { stdio: "inherit", env });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
  if (!env.AUTH_SECRET) {
    env.AUTH_SECRET = fs.readFileSync(path.join(path.resolve(env.INKWELL_DATA_DIR || "data"), ".auth-secret"), "utf8").trim();
  }
  // WEB_CONCURRENCY: one server process, or a primary that runs several (server/cluster.mjs).
  const count = workerCount(env);
  if ("error" in count) {
    console.error(`Inkwell cannot start: ${count.error}`);
    process.exit(1);
  }
  const entry = count.workers > 1 ? "server/cluster.mjs" : "server/main.mjs";
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry], { stdio: "inherit", env: { ...env, WEB_CONCURRENCY: String(count.workers) } });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
