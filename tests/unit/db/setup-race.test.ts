// Several machines running `npm start` against one empty PostgreSQL at the same moment: two real
// `tsx scripts/setup.ts` processes. One migrates while the other waits for the migration lock;
// nothing is applied twice, the demo blog and its administrator are created once, both start.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freshPgDatabase } from "../support/postgres-harness";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-setup-race-"));
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of drops) await d();
  fs.rmSync(dir, { recursive: true, force: true });
});

const PG_MIGRATIONS = (JSON.parse(fs.readFileSync("drizzle-pg/meta/_journal.json", "utf8")) as { entries: unknown[] }).entries.length;

function setup(url: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn("node_modules/.bin/tsx", ["scripts/setup.ts"], {
      env: { ...process.env, DATABASE_URL: url, INKWELL_DATA_DIR: dir, AUTH_SECRET: "race-secret", ADMIN_PASSWORD: "race-password-1" },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

describe("two servers preparing the same empty PostgreSQL at once", () => {
  it("migrate it once and seed it once, and both start", async () => {
    const fresh = await freshPgDatabase();
    drops.push(fresh.drop);
    const [a, b] = await Promise.all([setup(fresh.url), setup(fresh.url)]);
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    expect([a.out, b.out].filter((o) => /created .* with a demo blog/.test(o))).toHaveLength(1);

    const c = new pg.Client({ connectionString: fresh.url });
    await c.connect();
    try {
      const n = async (text: string) => Number((await c.query(text)).rows[0].n);
      expect(await n("SELECT count(*) AS n FROM drizzle.__drizzle_migrations")).toBe(PG_MIGRATIONS);
      expect(await n("SELECT count(DISTINCT hash) AS n FROM drizzle.__drizzle_migrations")).toBe(PG_MIGRATIONS);
      expect(await n("SELECT count(*) AS n FROM users")).toBe(1);
      expect(await n("SELECT count(*) AS n FROM posts")).toBe(2);
      expect(await n("SELECT count(*) AS n FROM comments")).toBe(1);
      expect(await n("SELECT count(*) AS n FROM terms WHERE slug = 'uncategorized'")).toBe(1);
      expect(await n("SELECT count(*) AS n FROM options WHERE name = 'blogname'")).toBe(1);
    } finally {
      await c.end();
    }
  }, 120_000);
});
