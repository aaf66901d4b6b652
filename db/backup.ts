// A consistent copy of the database while the site runs, plus a copy of the uploads folder.
// SQLite: its online backup API, through better-sqlite3's db.backup(): it copies pages in steps and
// restarts if a writer changes them, so the copy is one moment's state, WAL included.
// PostgreSQL: the server's own pg_dump --format=custom (one snapshot, taken while the site runs),
// put back by pg_restore into an empty database.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { assertNotNewer, StartupError } from "./client";
import { ENGINE } from "./engine";
import { describeUrl } from "./postgres";

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

export interface BackupOptions {
  /** SQLite: the database file. */
  databaseFile?: string;
  /** PostgreSQL: the database's URL (DATABASE_URL when not given). */
  databaseUrl?: string;
  uploadsDir: string;
  backupsDir: string;
  now?: Date;
}

export async function backupSite(opts: BackupOptions): Promise<BackupResult> {
  const stamp = (opts.now ?? new Date()).toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  const dir = path.join(opts.backupsDir, stamp);
  const { databaseFile, databaseBytes } =
    ENGINE === "postgres" ? await dumpPostgres(opts.databaseUrl ?? process.env.DATABASE_URL ?? "", dir) : await copySqlite(opts.databaseFile ?? "", dir);
  const uploads = copyUploads(opts.uploadsDir, dir);
  return { dir, databaseFile, databaseBytes, ...uploads };
}

async function copySqlite(file: string, dir: string): Promise<{ databaseFile: string; databaseBytes: number }> {
  if (!fs.existsSync(file)) throw new Error(`No database at ${file}`);
  fs.mkdirSync(dir, { recursive: true });
  const opts = { databaseFile: file };
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
  return { databaseFile, databaseBytes: fs.statSync(databaseFile).size };
}

function copyUploads(uploadsDir: string, dir: string): { uploadsCopied: boolean; uploadFiles: number } {
  if (!fs.existsSync(uploadsDir)) return { uploadsCopied: false, uploadFiles: 0 };
  fs.cpSync(uploadsDir, path.join(dir, "uploads"), { recursive: true, preserveTimestamps: true });
  return { uploadsCopied: true, uploadFiles: countFiles(path.join(dir, "uploads")) };
}

/** The tables without which a file is not an Inkwell database. */
const INKWELL_TABLES = ["__drizzle_migrations", "users", "posts", "options", "content_version"];

/** Why a file is not an Inkwell database (SQLite) or pg_dump archive (PostgreSQL) that can be put back, or null if it is one. */
export async function inkwellDatabaseProblem(file: string): Promise<string | null> {
  if (ENGINE === "postgres") return dumpProblem(file);
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

/** True when the file (SQLite) or the database at the URL (PostgreSQL) holds any table: a database someone may be using. */
export async function isLiveDatabase(file: string): Promise<boolean> {
  if (ENGINE === "postgres") return (await tablesIn(file)) > 0;
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
 * Puts a backup back. PostgreSQL: pg_restore into an empty database (`databaseFile` is then its URL),
 * in one transaction. SQLite: copies the backup over the database through SQLite's backup API (one transaction on the target,
 * so a reader sees the old or the new database, never half of each). The content version is then
 * moved past both the old and the restored one: a page cached under the restored number long ago
 * must not come back.
 */
export async function restoreDatabase(opts: { from: string; databaseFile: string }): Promise<void> {
  if (ENGINE === "postgres") return restorePostgres(opts.from, opts.databaseFile);
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

// --- PostgreSQL: the server's pg_dump and pg_restore ------------------------------------------------

/** A client program of the server's major version: PG_BIN, Debian's /usr/lib/postgresql/<major>/bin, then PATH. */
function findPgTool(name: "pg_dump" | "pg_restore", major?: number): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(path.join(process.env.PG_BIN, name));
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    // pg_dump must be at least the server's version: its own first, then newer ones.
    for (const v of versions.filter((v) => major === undefined || Number(v) === major)) candidates.push(path.join(debian, v, "bin", name));
    for (const v of versions.filter((v) => major !== undefined && Number(v) > major)) candidates.push(path.join(debian, v, "bin", name));
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) candidates.push(path.join(dir, name));
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`${name} was not found: install PostgreSQL's client programs of the server's version (apt-get install postgresql-client-${major ?? "<version>"}), or set PG_BIN to their folder.`);
  return found;
}

/** The URL without its password (the programs get it through PGPASSWORD, not on their command line). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function serverMajor(url: string): Promise<number> {
  return withClient(url, async (c) => Math.floor(Number((await c.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v) / 10_000));
}

async function tablesIn(url: string): Promise<number> {
  return withClient(url, async (c) =>
    Number((await c.query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")).rows[0]!.n),
  );
}

/** Runs a program; rejects with its last line of complaint. */
function runTool(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${path.basename(cmd)} failed: ${err.trim().split("\n").filter(Boolean).at(-1) ?? `exit code ${code}`}`));
    });
  });
}

async function dumpPostgres(url: string, dir: string): Promise<{ databaseFile: string; databaseBytes: number }> {
  if (!/^postgres(ql)?:\/\//i.test(url)) throw new Error("DATABASE_URL does not name a PostgreSQL database.");
  const tool = findPgTool("pg_dump", await serverMajor(url));
  fs.mkdirSync(dir, { recursive: true });
  const name = decodeURIComponent(new URL(url).pathname.slice(1)) || "inkwell";
  const databaseFile = path.join(dir, `${name.replace(/[^\w.-]/g, "_")}.dump`);
  const { dbname, env } = connection(url);
  await runTool(tool, ["--format=custom", `--file=${databaseFile}`, `--dbname=${dbname}`], env);
  const problem = await dumpProblem(databaseFile);
  if (problem) throw new Error(`The backup of ${describeUrl(url)} cannot be read back: ${problem}`);
  return { databaseFile, databaseBytes: fs.statSync(databaseFile).size };
}

/** Why a file is not a pg_dump archive of an Inkwell database, or null: pg_restore reads its table of contents. */
async function dumpProblem(file: string): Promise<string | null> {
  if (!fs.existsSync(file)) return `there is no ${file}`;
  let list: string;
  try {
    list = await runTool(findPgTool("pg_restore"), ["--list", file], process.env);
  } catch (e) {
    return `${file} is not a pg_dump archive pg_restore can read (${(e as Error).message})`;
  }
  const missing = INKWELL_TABLES.filter((t) => !new RegExp(`\\bTABLE \\S+ ${t}\\b`).test(list));
  return missing.length ? `${file} is not a dump of an Inkwell database (no ${missing.join(", ")} table)` : null;
}

async function restorePostgres(from: string, url: string): Promise<void> {
  if ((await tablesIn(url)) > 0) {
    throw new Error(`${describeUrl(url)} already holds tables: pg_restore puts a backup into an empty database only. Create one (createdb) and point DATABASE_URL at it.`);
  }
  const tool = findPgTool("pg_restore", await serverMajor(url));
  const { dbname, env } = connection(url);
  // One transaction: a restore that fails leaves the database empty, not half restored. Owners and
  // grants are the restoring user's: the backup may come from another server.
  await runTool(tool, ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", `--dbname=${dbname}`, from], env);
  // As on SQLite: a page cached under the restored content version long ago must not come back.
  await withClient(url, (c) => c.query("UPDATE content_version SET n = n + 1 WHERE id = 1"));
}
