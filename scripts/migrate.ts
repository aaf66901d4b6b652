// `npm run migrate`: brings the database in DATABASE_URL up to this code's migrations (one
// transaction; a database written by a newer Inkwell is refused) without starting the server or
// seeding anything. `npm start` does the same on every start, then seeds a first-time database.
import path from "node:path";
import { migrationStatus, openDb, resolveDatabasePath, StartupError } from "@/db/client";

try {
  const file = resolveDatabasePath();
  const name = path.relative(process.cwd(), file) || file;
  const peek = openDb(file, { migrate: false });
  const before = migrationStatus(peek.$client).applied;
  peek.$client.close();
  const db = openDb(file);
  const { applied, known } = migrationStatus(db.$client);
  db.$client.close();
  console.log(applied === before
    ? `Inkwell: ${name} is up to date (migration ${applied} of ${known}).`
    : `Inkwell: ${name} migrated from ${before} to ${applied} of ${known} migrations.`);
} catch (e) {
  console.error(`Inkwell cannot migrate: ${e instanceof StartupError ? e.message : ((e as Error).message ?? e)}`);
  process.exit(1);
}
