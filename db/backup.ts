// A consistent copy of the database while the site runs (SQLite's online backup API, through
// better-sqlite3's db.backup(): it copies pages in steps and restarts if a writer changes them,
// so the copy is one moment's state, WAL included), plus a copy of the uploads folder.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { assertNotNewer, StartupError } from "./client";

export interface BackupResult {
  dir: string;
  databaseFile: string;
  databaseBytes: number;
  uploadsCopied: boolean;
  uploadFiles: number;
}

function countFiles(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
  return n;
}

export async function backupSite(opts: { databaseFile: string; uploadsDir: string; backupsDir: string; now?: Date }): Promise<BackupResult> {
  if (!fs.existsSync(opts.databaseFile)) throw new Error(`No database at ${opts.databaseFile}`);
  const stamp = (opts.now ?? new Date()).toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  const dir = path.join(opts.backupsDir, stamp);
  fs.mkdirSync(dir, { recursive: true });
  const databaseFile = path.join(dir, path.basename(opts.databaseFile));
  const source = new Database(opts.databaseFile, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    await source.backup(databaseFile);
  } finally {
    source.close();
  }
  // One self-contained file (no -wal beside it), and it must pass SQLite's own check before we
  // call it a backup.
  const copy = new Database(databaseFile);
  try {
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`The backup failed SQLite's integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  let uploadsCopied = false;
  let uploadFiles = 0;
  if (fs.existsSync(opts.uploadsDir)) {
    fs.cpSync(opts.uploadsDir, path.join(dir, "uploads"), { recursive: true, preserveTimestamps: true });
    uploadsCopied = true;
    uploadFiles = countFiles(path.join(dir, "uploads"));
  }
  return { dir, databaseFile, databaseBytes: fs.statSync(databaseFile).size, uploadsCopied, uploadFiles };
}

/** The tables without which a file is not an Inkwell database. */
const INKWELL_TABLES = ["__drizzle_migrations", "users", "posts", "options", "content_version"];

/** Why a file is not an Inkwell database SQLite can read whole, or null if it is one. */
export async function inkwellDatabaseProblem(file: string): Promise<string | null> {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    return `cannot open ${file}: ${(e as Error).message}`;
  }
  try {
    const names = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]));
    const missing = INKWELL_TABLES.filter((t) => !names.has(t));
    if (missing.length) return `${file} is not an Inkwell database (no ${missing.join(", ")} table)`;
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") return `${file} failed SQLite's integrity check: ${String(check)}`;
    assertNotNewer(db);
    return null;
  } catch (e) {
    return e instanceof StartupError ? e.message.replace(/ before starting\.$/, "") : `${file} is not a database SQLite can read: ${(e as Error).message}`;
  } finally {
    db.close();
  }
}

/** True when the file holds any table: a database someone may be using, not an empty new file. */
export async function isLiveDatabase(file: string): Promise<boolean> {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true });
    return (db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number) > 0;
  } catch {
    // Something unreadable is there: not ours to replace without being told.
    return true;
  } finally {
    db?.close();
  }
}

/**
 * Copies a backup over the database through SQLite's backup API (one transaction on the target,
 * so a reader sees the old or the new database, never half of each). The content version is then
 * moved past both the old and the restored one: a page cached under the restored number long ago
 * must not come back.
 */
export async function restoreDatabase(opts: { from: string; databaseFile: string }): Promise<void> {
  let before = 0;
  if (await isLiveDatabase(opts.databaseFile)) {
    const old = new Database(opts.databaseFile, { readonly: true });
    try {
      before = Number(old.prepare("SELECT n FROM content_version WHERE id = 1").pluck().get() ?? 0);
    } catch {
      before = 0;
    } finally {
      old.close();
    }
  }
  fs.mkdirSync(path.dirname(opts.databaseFile), { recursive: true });
  const source = new Database(opts.from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(opts.databaseFile);
  } finally {
    source.close();
  }
  const target = new Database(opts.databaseFile);
  try {
    target.pragma("busy_timeout = 5000");
    target.prepare("UPDATE content_version SET n = max(n, ?) + 1 WHERE id = 1").run(before);
  } finally {
    target.close();
  }
}
