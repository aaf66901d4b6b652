// `npm run test:e2e`: make sure the production build is current, then run Playwright.
import { spawnSync } from "node:child_process";
import { buildIfStale } from "./start.mjs";

buildIfStale();
const r = spawnSync("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
process.exit(r.status ?? 1);
