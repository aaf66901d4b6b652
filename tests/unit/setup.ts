// Every test file gets its own fresh database with the real migrations applied: a SQLite file, or
// on the postgres project (vitest.config.ts) a PostgreSQL database of its own on the run's server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { closeDb, prepareDb } from "@/db";
import { freshPgDatabase } from "./db-pg-harness";

process.env.INKWELL_LOG = "off";
process.env.SITE_URL = "http://blog.test";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-test-"));
let drop: (() => Promise<void>) | undefined;
if (/^postgres/.test(process.env.DATABASE_URL ?? "")) {
  const fresh = await freshPgDatabase({ migrated: true });
  process.env.DATABASE_URL = fresh.url;
  drop = fresh.drop;
  await prepareDb();
} else {
  process.env.DATABASE_URL = path.join(dir, "test.db");
}

afterAll(async () => {
  await closeDb();
  await drop?.();
  fs.rmSync(dir, { recursive: true, force: true });
});
