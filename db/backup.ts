// A consistent copy of the database while the site runs (SQLite's online backup API, through
// better-sqlite3's db.backup(): it copies pages in steps and restarts if a writer changes them,
// so the copy is one moment's state, WAL included), plus a copy of the uploads folder.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";

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
