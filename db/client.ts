// The one database client: better-sqlite3 under drizzle. Plain module (no 'server-only') so
// that CLI scripts and vitest share it with the app; app code imports it through db/queries.
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";
import { ENGINE, assertEngine, engineOf } from "./engine";
import { createPgDb, openPostgres } from "./postgres";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

import { StartupError } from "./startup-error";
export { StartupError };

/** Turns DATABASE_URL ("data/inkwell.db", "file:data/x.db", ":memory:") into a path, or says why not. */
export function resolveDatabasePath(url = process.env.DATABASE_URL || "data/inkwell.db"): string {
  if (url === ":memory:") return url;
  let p = url;
  if (p.startsWith("file:")) p = p.slice(5).replace(/^\/\/(?=\/)/, "");
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) {
    throw new StartupError(`DATABASE_URL "${url}" is not a SQLite file path: use a path such as data/inkwell.db or file:data/inkwell.db`);
  }
  if (!p || p.includes("\0") || p.endsWith("/")) {
    throw new StartupError(`DATABASE_URL "${url}" does not name a file: use a path such as data/inkwell.db`);
  }
  return path.resolve(/*turbopackIgnore: true*/ p);
}

/**
 * Settings chosen so that nothing acknowledged is lost and readers never wait on writers:
 * WAL lets readers run beside the one writer; synchronous=FULL fsyncs the WAL at every commit
 * (NORMAL could lose the last commits on power loss); busy_timeout makes a second writer
 * wait instead of failing; foreign keys are off by default in SQLite and must be turned on.
 * mmap_size lets SQLite read the database file through memory mapping instead of one read()
 * system call per page, which makes a cold query (a post nobody has asked for lately) many times
 * faster: `npm run bench` times such posts (docs/benchmarks.md).
 * Writes still go through the WAL as before; only reads change.
 */
export function configure(sqlite: Database.Database) {
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("cache_size = -20000");
  sqlite.pragma("temp_store = MEMORY");
  sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
}

/** Up to 1 GiB of the file mapped (address space, not memory: pages are the OS's file cache). */
export const MMAP_BYTES = 1024 * 1024 * 1024;

interface Journal { entries: { idx: number; when: number; tag: string }[] }

function readJournal(folder = MIGRATIONS_FOLDER): Journal {
  return JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as Journal;
}

/** Refuses a database that a newer Inkwell has migrated: this code would not understand it. */
export function assertNotNewer(sqlite: Database.Database, folder = MIGRATIONS_FOLDER) {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  if (!table) return;
  const last = sqlite.prepare("SELECT max(created_at) AS at FROM __drizzle_migrations").get() as { at: number | null };
  const known = Math.max(0, ...readJournal(folder).entries.map((e) => e.when));
  if (last.at !== null && Number(last.at) > known) {
    throw new StartupError(
      "The database was written by a newer version of Inkwell; upgrade Inkwell (or restore a backup made by this version) before starting.",
    );
  }
}

/** The applied migrations against the ones this code knows: for /healthz and the start check. */
export function migrationStatus(sqlite: Database.Database, folder = MIGRATIONS_FOLDER) {
  const known = readJournal(folder).entries.length;
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  const applied = table ? (sqlite.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n : 0;
  return { applied, known, current: applied === known };
}

/** Opens (creating if needed) a database file and applies pending migrations in one transaction. */
export function openDb(file: string, opts: { migrate?: boolean; migrationsFolder?: string } = {}): Db {
  if (file !== ":memory:") {
    const dir = path.dirname(file);
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
    } catch {
      throw new StartupError(`The data folder ${dir} is not writable: create it and give this user write access, or set DATABASE_URL to a writable path.`);
    }
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
    configure(sqlite);
  } catch (e) {
    throw new StartupError(`Cannot open the database ${file}: ${(e as Error).message}`);
  }
  const db = drizzle(sqlite, { schema }) as Db;
  if (opts.migrate !== false) {
    const folder = opts.migrationsFolder ?? MIGRATIONS_FOLDER;
    assertNotNewer(sqlite, folder);
    migrate(db, { migrationsFolder: folder });
  }
  return db;
}

const globalForDb = globalThis as unknown as { __inkwellDb?: { key: string; db: Db; prepared: boolean } };

function processUrl(): string {
  return process.env.DATABASE_URL || "data/inkwell.db";
}

/**
 * The process's database, opened once on first use. SQLite is migrated here; a PostgreSQL pool is
 * created without a round trip (getDb stays synchronous), its migrations and checks having run at
 * start through prepareDb() (`npm start`'s setup, the CLI, the tests' set-up).
 */
export function getDb(): Db {
  const url = processUrl();
  assertEngine(url);
  const pgUrl = engineOf(url) === "postgres";
  const key = pgUrl ? url : resolveDatabasePath(url);
  const cached = globalForDb.__inkwellDb;
  if (cached && cached.key === key) return cached.db;
  const db = pgUrl ? (createPgDb(url) as unknown as Db) : openDb(key);
  globalForDb.__inkwellDb = { key, db, prepared: !pgUrl };
  return db;
}

/** Opens the process's database with every start check and migration done (both engines). */
export async function prepareDb(): Promise<Db> {
  const url = processUrl();
  assertEngine(url);
  if (engineOf(url) !== "postgres") return getDb();
  const cached = globalForDb.__inkwellDb;
  if (cached && cached.key === url && cached.prepared) return cached.db;
  const db = (await openPostgres(url)) as unknown as Db;
  if (cached) await closeClient(cached.db);
  globalForDb.__inkwellDb = { key: url, db, prepared: true };
  return db;
}

async function closeClient(db: Db): Promise<void> {
  if (ENGINE === "postgres") await (db.$client as unknown as { end(): Promise<void> }).end();
  else db.$client.close();
}

/** Connections in use, for /metrics: SQLite has the one connection of this process. */
export function dbPoolStats() {
  const cached = globalForDb.__inkwellDb;
  if (ENGINE === "postgres") {
    const pool = cached?.db.$client as unknown as { totalCount: number; idleCount: number; waitingCount: number } | undefined;
    return { engine: "postgres", total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
  }
  const open = cached ? 1 : 0;
  return { engine: "sqlite", total: open, idle: open, waiting: 0 };
}

/** Closes the process's database (graceful shutdown, tests). */
export async function closeDb(): Promise<void> {
  const cached = globalForDb.__inkwellDb;
  if (cached) {
    globalForDb.__inkwellDb = undefined;
    await closeClient(cached.db);
  }
}

export { closeClient };

export { schema };
