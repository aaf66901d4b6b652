// Every test file gets its own fresh database with the real migrations applied: a SQLite file, or
// on the postgres project (vitest.config.ts) a PostgreSQL database of its own on the run's server.
// db/ is loaded here only where it is needed (PostgreSQL files, and closing a database a test
// opened): loading it costs a file about two seconds, and many files never touch the database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

process.env.INKWELL_LOG = "off";
process.env.SITE_URL = "http://blog.test";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-test-"));
let drop: (() => Promise<void>) | undefined;
if (/^postgres/.test(process.env.DATABASE_URL ?? "")) {
  const { freshPgDatabase } = await import("./postgres-harness");
  const fresh = await freshPgDatabase({ migrated: true });
  process.env.DATABASE_URL = fresh.url;
  drop = fresh.drop;
  await (await import("@/db")).prepareDb();
} else {
  process.env.DATABASE_URL = path.join(dir, "test.db");
}

afterAll(async () => {
  // The process's database, if this file opened one (db/client.ts keeps it here).
  if ((globalThis as { __inkwellDb?: unknown }).__inkwellDb) await (await import("@/db")).closeDb();
  await drop?.();
  fs.rmSync(dir, { recursive: true, force: true });
});
