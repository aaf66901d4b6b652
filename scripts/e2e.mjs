// `npm run test:e2e`: make sure the production build is current, then run Playwright.
import { spawnSync } from "node:child_process";
import { buildIfStale } from "./start.mjs";

buildIfStale();
const args = process.argv.slice(2);
// A spec named on the command line runs alone: without --no-deps, Playwright would first run every
// project the "alone" project waits for (playwright.config.ts), that is, the whole suite.
if (args.some((a) => /\.spec\.ts(:\d+)?$/.test(a)) && !args.includes("--no-deps")) args.push("--no-deps");
const r = spawnSync("node_modules/.bin/playwright", ["test", ...args], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
process.exit(r.status ?? 1);
