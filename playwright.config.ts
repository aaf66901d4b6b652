import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";

const PORT = Number(process.env.E2E_PORT || 3100);
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: "retain-on-failure" },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          // Debian's Chromium where it is installed; Playwright's own browser elsewhere.
          executablePath: fs.existsSync(chromium) ? chromium : undefined,
          args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        },
      },
    },
  ],
  webServer: {
    command: "node tests/e2e/support/serve.mjs",
    url: `http://127.0.0.1:${PORT}/healthz/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      SITE_URL: `http://127.0.0.1:${PORT}`,
      DATABASE_URL: "data/e2e/inkwell.db",
      INKWELL_DATA_DIR: "data/e2e",
      AUTH_SECRET: "e2e-only-secret-not-for-production",
      AUTH_TRUST_HOST: "true",
      ADMIN_EMAIL: "admin@example.com",
      ADMIN_PASSWORD: "admin-password-e2e",
      // Tests speak as many clients through X-Forwarded-For from loopback (lockout, floods).
      TRUSTED_PROXIES: "127.0.0.1",
      OUTBOUND_ALLOW_HOSTS: "127.0.0.1,localhost",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
