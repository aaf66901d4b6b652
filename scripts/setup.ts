// Run by `npm start` before the server: checks the data folder and DATABASE_URL, applies the
// migrations (one transaction), seeds the demo blog on the very first start, and makes sure an
// AUTH_SECRET exists. Any problem ends with one line saying what to fix.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { prepareDb, describeDatabase, databaseEngine, StartupError, closeDb } from "@/db";
import { seedIfEmpty } from "@/db/seed";

export function dataDir(): string {
  return path.resolve(process.env.INKWELL_DATA_DIR || "data");
}

function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(dataDir(), ".auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir(), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
}

async function main() {
  const where = describeDatabase();
  ensureAuthSecret();
  await prepareDb();
  const result = await seedIfEmpty({ adminEmail: process.env.ADMIN_EMAIL, adminPassword: process.env.ADMIN_PASSWORD });
  if (result.seeded) {
    console.log(`Inkwell: created ${databaseEngine() === "sqlite" ? path.relative(process.cwd(), where) || where : where} with a demo blog.`);
    console.log(`Inkwell: administrator "${result.adminLogin}" <${result.adminEmail}>`);
    if (result.generatedPassword) {
      console.log(`Inkwell: generated administrator password (shown once, change it in Profile): ${result.generatedPassword}`);
    }
  }
  await closeDb();
}

main().catch((e) => {
  if (e instanceof StartupError) console.error(`Inkwell cannot start: ${e.message}`);
  else console.error(`Inkwell cannot start: ${(e as Error).message ?? e}`);
  process.exit(1);
});
