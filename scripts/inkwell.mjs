#!/usr/bin/env node
// `npx inkwell …` (package.json "bin"): runs the TypeScript command line through tsx, from the
// project folder (where drizzle/, tsconfig and data/ are), passing on the folder it was called
// from so that file arguments mean what the caller typed.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const r = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/cli/main.ts"), ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, INKWELL_CALLER_CWD: process.env.INKWELL_CALLER_CWD || process.env.INIT_CWD || process.cwd() },
});
process.exit(r.status ?? 1);
