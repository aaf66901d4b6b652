// npm run import from the command line: progress without a TTY, the report, and a clear failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, openDatabase, queryRow, sql } from "@/db";
import { describe, it, expect, beforeAll, afterAll } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-cli-"));
const env = { ...process.env, DATABASE_URL: path.join(dir, "cli.db"), INKWELL_DATA_DIR: dir, ADMIN_PASSWORD: "cli-test-password", INKWELL_LOG: "off" };
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const run = (...args: string[]) => spawnSync(tsx, ["scripts/import.ts", ...args], { env, encoding: "utf8", timeout: 60_000 });

beforeAll(() => {
  const setup = spawnSync(tsx, ["scripts/setup.ts"], { env, encoding: "utf8", timeout: 60_000 });
  expect(setup.status).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run import", () => {
  it("imports a file with an author map, shows progress and what arrived", async () => {
    const r = run("tests/fixtures/wxr/valid-wxr-1.1.xml", "--author-map", "john=admin");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Imported: .*1 posts.*1 pages|Imported: .*1 pages.*1 posts/);
    expect(r.stdout).toContain("Authors matched to existing users: 1");
    expect(r.stderr).toMatch(/reading|writing|done/);
    const db = await openDatabase(env.DATABASE_URL, { migrate: false });
    const author = await queryRow<{ login: string }>(sql`SELECT u.login FROM posts p JOIN users u ON u.id = p.author_id WHERE p.title = 'Hello world!' AND p.id IN (SELECT post_id FROM post_meta WHERE key = '_wp_import_id')`, db);
    await closeDatabase(db);
    expect(author?.login).toBe("admin");
  });

  it("exits non-zero naming the line of a broken file, and an unknown map target", () => {
    const broken = run("tests/fixtures/wxr/malformed-simple.xml");
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/nothing was imported: .*line 14/);
    const badMap = run("tests/fixtures/wxr/valid-wxr-1.1.xml", "--author-map", "john=nobody");
    expect(badMap.status).toBe(1);
    expect(badMap.stderr).toContain('there is no user "nobody"');
    expect(run().status).toBe(2);
  });
});

describe("npm run migrate", () => {
  const migrate = (url: string) => spawnSync(tsx, ["scripts/migrate.ts"], { env: { ...env, DATABASE_URL: url }, encoding: "utf8", timeout: 60_000 });

  it("creates and migrates a new database without seeding it, then says it is up to date", async () => {
    const file = path.join(dir, "migrate-only.db");
    const first = migrate(file);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/migrate-only\.db migrated from 0 to (\d+) of \1 migrations\./);
    const db = await openDatabase(file, { migrate: false });
    const users = (await queryRow<{ n: number }>(sql`SELECT count(*) AS n FROM users`, db))!;
    await closeDatabase(db);
    expect(users.n).toBe(0);
    const again = migrate(file);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/is up to date \(migration (\d+) of \1\)/);
  });

  it("says in one line why it cannot, and exits non-zero", () => {
    const r = migrate("postgres://nowhere.invalid/blog");
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^Inkwell cannot migrate: DATABASE_URL .* is not a SQLite file path/);
  });
});
