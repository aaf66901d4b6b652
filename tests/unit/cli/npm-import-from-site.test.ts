// npm run import -- --from <address>: a live WordPress (answers recorded from a real WordPress 6.1,
// replayed from loopback) imported from the command line, again without adding anything, and a
// site that is not WordPress refused with one line.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, databaseEngine, openDatabase, queryRow, sql } from "@/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECORDED_APP_PASSWORD, RECORDED_USER, startWpReplay, type Replay } from "../../fixtures/wp-rest/replay";
import { freshPgDatabase } from "../support/postgres-harness";

// The command-line site: a SQLite file, or on PostgreSQL a database of its own on the run's server.
const site = databaseEngine() === "postgres" ? await freshPgDatabase() : undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-cli-site-"));
const env = { ...process.env, DATABASE_URL: site?.url ?? path.join(dir, "cli.db"), INKWELL_DATA_DIR: dir, ADMIN_PASSWORD: "cli-test-password", INKWELL_LOG: "off", OUTBOUND_ALLOW_HOSTS: "127.0.0.1" };
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
// Asynchronous: the replayed site is served from this very process.
function run(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ["scripts/import.ts", ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

let wp: Replay;
beforeAll(async () => {
  wp = await startWpReplay({ route: (p) => (p.startsWith("/not-wordpress/") ? { headers: { "content-type": "text/html" }, body: "<!doctype html><p>A shop" } : undefined) });
  const setup = await new Promise<number | null>((resolve) => spawn(tsx, ["scripts/setup.ts"], { env }).on("close", resolve));
  expect(setup).toBe(0);
}, 120_000);
afterAll(async () => {
  await wp.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await site?.drop();
});

describe("npm run import -- --from", { timeout: 120_000 }, () => {
  it("imports a live site with an application password, shows progress and what arrived, and adds nothing the second time", async () => {
    const first = await run("--from", wp.origin, "--user", RECORDED_USER, "--app-password", RECORDED_APP_PASSWORD, "--skip-settings");
    expect(first.stderr).toMatch(/reading the site/);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Imported: .*35 attachments, 119 posts, 35 comments, 22 pages$/m);
    const db = await openDatabase(env.DATABASE_URL, { migrate: false });
    const draft = await queryRow<{ status: string }>(sql`SELECT status FROM posts WHERE title = 'Draft'`, db);
    const title = await queryRow<{ value: string }>(sql`SELECT value FROM options WHERE name = 'blogname'`, db);
    await closeDatabase(db);
    expect(draft?.status).toBe("draft");
    // --skip-settings: the site keeps its own title.
    expect(title?.value ?? "").not.toContain("Theme Unit Test");
    const again = await run("--from", wp.origin, "--user", RECORDED_USER, "--app-password", RECORDED_APP_PASSWORD);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^Imported: nothing$/m);
    expect(again.stdout).toContain("Settings copied from the site: Site Title, Tagline, Permalink structure");
  });

  it("refuses a site that is not WordPress, and a file with --from, in one line", async () => {
    const r = await run("--from", `${wp.origin}/not-wordpress`);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n").at(-1)).toMatch(/^Import failed, nothing was imported: http:\/\/127\.0\.0\.1:\d+\/not-wordpress does not look like a WordPress site/);
    const both = await run("x.xml", "--from", wp.origin);
    expect(both.status).toBe(2);
  });
});
