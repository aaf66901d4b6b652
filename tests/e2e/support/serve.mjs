// The e2e server: a fresh database, the demo seed, one user per role, then the production server.
// With E2E_ENGINE=postgres the database is a throwaway PostgreSQL server of its own (the same
// binaries the unit tests use), stopped when the server stops.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startThrowawayPostgres } from "../../../scripts/throwaway-postgres.mjs";

const dir = process.env.INKWELL_DATA_DIR || "data/e2e";
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const env = { ...process.env };
let pg;
if (process.env.E2E_ENGINE === "postgres") {
  pg = await startThrowawayPostgres();
  const u = new URL(pg.url);
  spawnSync(process.execPath, ["-e", `const pg=require("pg");const c=new pg.Client(${JSON.stringify(pg.url)});c.connect().then(()=>c.query("CREATE DATABASE inkwell_e2e")).then(()=>c.end())`], { stdio: "inherit" });
  u.pathname = "/inkwell_e2e";
  env.DATABASE_URL = u.toString();
}
const stopPg = () => pg?.stop();
process.on("exit", stopPg);
const tsx = path.join("node_modules", ".bin", "tsx");
// Each area adds its own tests/e2e/support/seed-*.ts; they run after the demo seed, in name order.
const seeds = fs.readdirSync("tests/e2e/support").filter((f) => /^seed-.*\.ts$/.test(f)).sort().map((f) => `tests/e2e/support/${f}`);
for (const script of ["scripts/setup.ts", ...seeds]) {
  const r = spawnSync(tsx, [script], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const server = spawn(process.execPath, ["server/main.mjs"], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
