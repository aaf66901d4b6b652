// `npm run backup [-- --to <folder>]`: a consistent copy of the database and the uploads into
// data/backups/<timestamp>/, safe to run while the site is serving. README says how to restore.
import path from "node:path";
import { resolveDatabasePath } from "@/db/client";
import { backupSite } from "@/db/backup";

async function main() {
  const dataDir = path.resolve(process.env.INKWELL_DATA_DIR || "data");
  const toIndex = process.argv.indexOf("--to");
  const backupsDir = toIndex > 0 && process.argv[toIndex + 1] ? path.resolve(process.argv[toIndex + 1]!) : path.join(dataDir, "backups");
  const databaseFile = resolveDatabasePath();
  if (databaseFile === ":memory:") throw new Error("DATABASE_URL is :memory:; there is nothing on disk to back up.");
  const started = Date.now();
  const r = await backupSite({ databaseFile, uploadsDir: path.join(dataDir, "uploads"), backupsDir });
  console.log(`Backup written to ${path.relative(process.cwd(), r.dir) || r.dir}`);
  console.log(`  database: ${path.basename(r.databaseFile)} (${(r.databaseBytes / 1024 / 1024).toFixed(1)} MB, integrity ok)`);
  console.log(`  uploads: ${r.uploadsCopied ? `${r.uploadFiles} files` : "none (no uploads folder)"}`);
  console.log(`  took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(`Backup failed: ${(e as Error).message}`);
  process.exit(1);
});
