import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";

const PORT = Number(process.env.E2E_PORT || 3100);
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const PG_PORT = PORT + 190;
// The SQLite suite in two halves, each on a site of its own, so that both cores work: one project
// would leave the second idle once the PostgreSQL project is done. The second half is specs that
// reach the site only through baseURL (no E2E_PORT offsets, no files of data/e2e), with their own
// seeded site, so what one half changes (a theme, a setting) the other never sees.
const SECOND_PORT = PORT + 140;
const SECOND_HALF = [
  /\/admin\/list-tables\.spec\.ts$/, /\/editor\/writing\.spec\.ts$/, /\/editor\/media\.spec\.ts$/, /\/editor\/blocks\.spec\.ts$/,
  /\/editor\/links-preview\.spec\.ts$/, /\/admin\/customize\.spec\.ts$/, /\/auth\/sessions\.spec\.ts$/,
  /\/admin\/widgets\.spec\.ts$/, /\/admin\/menus\.spec\.ts$/,
  /\/discussion\/moderation\.spec\.ts$/, /\/discussion\/nojs-theme\.spec\.ts$/, /\/discussion\/xss\.spec\.ts$/, /\/auth\/session-edges\.spec\.ts$/,
];
// Three servers, PostgreSQL and nginx under load take both cores: run beside other specs, it made
// theirs time out. It runs alone, after the other projects (ports E2E_PORT+160..167, no shared site).
const ALONE = [/\/server\/scale-out\.spec\.ts$/];
const withPostgres = process.env.E2E_POSTGRES !== "0";
// The specs that run a second time on PostgreSQL: the main one of reading, writing and discussion
// (the unit suites cover every query on both engines; these prove the pages work end to end).
const POSTGRES_SPECS = [/\/reading\/browse\.spec\.ts$/, /\/editor\/publish\.spec\.ts$/, /\/discussion\/comments\.spec\.ts$/];
// Theirs are checks of the themes' pages (axe in light and dark, 360 px), not of the database.
const POSTGRES_SKIP = /pass axe in light and dark|readable at 360 px/;
const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    // Debian's Chromium where it is installed; Playwright's own browser elsewhere.
    executablePath: fs.existsSync(chromium) ? chromium : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // One worker per project: each site sees one test at a time.
  workers: withPostgres ? 3 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"]],
  // A trace costs about a sixth of a spec's time when recorded for every test (admin-list-tables: 97 s
  // against 81 s): it is recorded only when a failed test runs again (CI retries once).
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: "on-first-retry" },
  projects: [
    { name: "chromium", workers: 1, testIgnore: [...SECOND_HALF, ...ALONE], use: { ...browser } },
    { name: "chromium-2", workers: 1, testMatch: SECOND_HALF, use: { ...browser, baseURL: `http://127.0.0.1:${SECOND_PORT}` } },
    // Reading, writing and discussion once more with the site on PostgreSQL (E2E_POSTGRES=0 skips it):
    // a second server of its own, run beside the SQLite project.
    ...(withPostgres
      ? [{ name: "postgres", workers: 1, testMatch: POSTGRES_SPECS, grepInvert: POSTGRES_SKIP, use: { ...browser, baseURL: `http://127.0.0.1:${PG_PORT}` } }]
      : []),
    { name: "alone", workers: 1, testMatch: ALONE, dependencies: ["chromium", "chromium-2", ...(withPostgres ? ["postgres"] : [])], use: { ...browser } },
  ],
  webServer: [server(PORT, "data/e2e", {}), server(SECOND_PORT, "data/e2e-2", {}), ...(withPostgres ? [server(PG_PORT, "data/e2e-pg", { E2E_ENGINE: "postgres" })] : [])],
});

function server(port: number, dataDir: string, extra: Record<string, string>) {
  return {
    command: "node tests/e2e/support/serve.mjs",
    url: `http://127.0.0.1:${port}/healthz/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      SITE_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: `${dataDir}/inkwell.db`,
      INKWELL_DATA_DIR: dataDir,
      AUTH_SECRET: "e2e-only-secret-not-for-production",
      AUTH_TRUST_HOST: "true",
      ADMIN_EMAIL: "admin@example.com",
      ADMIN_PASSWORD: "admin-password-e2e",
      // Tests speak as many clients through X-Forwarded-For from loopback (lockout, floods).
      TRUSTED_PROXIES: "127.0.0.1",
      OUTBOUND_ALLOW_HOSTS: "127.0.0.1,localhost",
      NEXT_TELEMETRY_DISABLED: "1",
      ...extra,
    },
  };
}
