// WEB_CONCURRENCY on SQLite: several processes write the same file. WAL lets one write at a time;
// the others wait for the lock (busy_timeout, db/client.ts) instead of failing with SQLITE_BUSY,
// even while one holds it for a long batch, and counters kept in the database stay exact.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-writers-"));
const file = path.join(dir, "inkwell.db");
const env = { ...process.env, DATABASE_URL: file, INKWELL_DATA_DIR: dir, AUTH_SECRET: "writers-secret", ADMIN_PASSWORD: "writers-password-1" };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const COUNT = 150;
const BATCH = 2000;

function writer(tag: string): Promise<{ tag: string; written: number; granted: number; errors: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", ["tests/unit/db/writers.run.ts", tag, String(COUNT), String(BATCH)], { env });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`writer ${tag} exited ${code}: ${err}`))));
  });
}

describe("two processes writing one SQLite file at once", () => {
  it("both finish every write, waiting for each other's lock instead of failing, and the counts add up", async () => {
    const setup = spawnSync("node_modules/.bin/tsx", ["scripts/setup.ts"], { env, encoding: "utf8" });
    expect(setup.status, setup.stderr).toBe(0);
    const results = await Promise.all([writer("a"), writer("b")]);
    for (const r of results) {
      expect(r.errors).toEqual([]);
      expect(r.written).toBe(COUNT);
    }
    // The rate limit's 300 points were shared: not 300 each.
    expect(results[0].granted + results[1].granted).toBe(300);

    const db = new Database(file, { readonly: true });
    try {
      const approved = db.prepare("SELECT count(*) AS n FROM comments WHERE status = '1'").get() as { n: number };
      const held = db.prepare("SELECT count(*) AS n FROM comments WHERE status = '0'").get() as { n: number };
      const post = db.prepare("SELECT comment_count AS n FROM posts WHERE id = 1").get() as { n: number };
      // The seed's one comment, and every comment both wrote; the post's count kept in step.
      expect(approved.n).toBe(1 + 2 * COUNT);
      expect(held.n).toBe(2 * 3 * BATCH);
      expect(post.n).toBe(approved.n);
    } finally {
      db.close();
    }
  }, 180_000);
});
