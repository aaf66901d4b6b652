// Every test file gets its own fresh SQLite file with the real migrations applied.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { closeDb } from "@/db";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-test-"));
process.env.DATABASE_URL = path.join(dir, "test.db");
process.env.INKWELL_LOG = "off";
process.env.SITE_URL = "http://blog.test";

afterAll(async () => {
  await closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
