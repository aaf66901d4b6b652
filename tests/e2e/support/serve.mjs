// The e2e server: a fresh database, the demo seed, one user per role, then the production server.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = process.env.INKWELL_DATA_DIR || "data/e2e";
fs.rmSync(dir, { recursive: true, force: true });
const tsx = path.join("node_modules", ".bin", "tsx");
// Each area adds its own tests/e2e/support/seed-*.ts; they run after the demo seed, in name order.
const seeds = fs.readdirSync("tests/e2e/support").filter((f) => /^seed-.*\.ts$/.test(f)).sort().map((f) => `tests/e2e/support/${f}`);
for (const script of ["scripts/setup.ts", ...seeds]) {
  const r = spawnSync(tsx, [script], { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const server = spawn(process.execPath, ["scripts/server.mjs"], { stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
