// The public face of db/: everything outside db/ that needs the database itself (start-up, scripts,
// tests) comes through here; reads and writes go through db/queries. Which engine runs, its
// driver and its dialect are db/'s business alone (eslint.config.mjs enforces it). See db/README.md.
import type { SQL } from "drizzle-orm";
import {
  closeClient,
  closeDb as closeProcessDb,
  getDb,
  prepareDb,
  migrationStatus,
  MIGRATIONS_FOLDER,
  openDb,
  resolveDatabasePath,
  StartupError,
  type Db,
} from "./client";

export { getDb, prepareDb, MIGRATIONS_FOLDER, resolveDatabasePath, StartupError, type Db };
export { dbPoolStats } from "./client";
export { withTransaction, withLongTransaction, TransactionYieldedError } from "./transaction";
import { inLongWrite } from "./transaction";
import { inOutage } from "./postgres";

/** What the HTTP server answers 503 for: the database unreachable, or held by a long import. */
export function databaseState(): { outage: boolean; longWrite: boolean } {
  return { outage: inOutage(), longWrite: inLongWrite() };
}
import { sql } from "drizzle-orm";
export { sql };
import { ENGINE, engineOf, type Engine } from "./engine";
import { openPostgres, pgMigrationStatus, PG_MIGRATIONS_FOLDER, describeUrl, type PgDb } from "./postgres";
type PgPool = PgDb["$client"];
const asPg = (db: Db) => db as unknown as PgDb;

export interface MigrationStatus {
  applied: number;
  known: number;
  current: boolean;
}

/**
 * Opens the database named by `url` (DATABASE_URL's forms), applying pending migrations in one
 * transaction unless `migrate: false`; refuses one written by a newer Inkwell (StartupError).
 * For scripts and tests that need a database beside the process's own (getDb()).
 */
export async function openDatabase(url: string | undefined, opts: { migrate?: boolean; migrationsFolder?: string } = {}): Promise<Db> {
  if (engineOf(url) === "postgres") return (await openPostgres(url!, opts)) as unknown as Db;
  return openDb(resolveDatabasePath(url), opts);
}

/** Closes a database from openDatabase(). */
export async function closeDatabase(db: Db): Promise<void> {
  await closeClient(db);
}

/** Closes the process's database (graceful shutdown, tests); the next getDb() opens it again. */
export async function closeDb(): Promise<void> {
  await closeProcessDb();
}

/** The applied migrations against the ones this code knows (/healthz, the start check, the CLI). */
export async function getMigrationStatus(db: Db = getDb(), folder?: string): Promise<MigrationStatus> {
  if (ENGINE === "postgres") return pgMigrationStatus(db.$client as unknown as PgPool, folder ?? PG_MIGRATIONS_FOLDER);
  return migrationStatus(db.$client, folder ?? MIGRATIONS_FOLDER);
}

/** Which engine this process runs: for /healthz, /metrics and the CLI, never for choosing SQL outside db/. */
export function databaseEngine(): Engine {
  return ENGINE;
}

/** Where the process's database is, for messages: the file, or the PostgreSQL server without its password. */
export function describeDatabase(url = process.env.DATABASE_URL || "data/inkwell.db"): string {
  return engineOf(url) === "postgres" ? `PostgreSQL ${describeUrl(url)}` : resolveDatabasePath(url);
}

// Raw SQL through drizzle's sql template, for what the query builder cannot say and for tests that
// look at rows directly. Values are always bound parameters.

/** Every row of a query. */
export async function queryRows<T = Record<string, unknown>>(query: SQL, db: Db = getDb()): Promise<T[]> {
  if (ENGINE === "postgres") return (await asPg(db).execute(query)).rows as T[];
  return db.all<T>(query);
}

/** The first row of a query, or undefined. */
export async function queryRow<T = Record<string, unknown>>(query: SQL, db: Db = getDb()): Promise<T | undefined> {
  if (ENGINE === "postgres") return ((await asPg(db).execute(query)).rows[0] as T | undefined) ?? undefined;
  return db.get<T>(query) ?? undefined;
}

/** Runs a statement; how many rows it changed. */
export async function execute(query: SQL, db: Db = getDb()): Promise<number> {
  if (ENGINE === "postgres") return (await asPg(db).execute(query)).rowCount ?? 0;
  return db.run(query).changes;
}

/** How many rows an awaited insert, update or delete without returning() changed, on either engine. */
export function affected(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}

/** A statement written with ? placeholders (as a shell or a test has it), its values bound in order. */
export function rawSql(text: string, ...params: unknown[]): SQL {
  const parts = text.split("?");
  if (parts.length - 1 !== params.length) throw new Error(`rawSql: ${parts.length - 1} placeholders, ${params.length} values`);
  return sql.join(parts.map((p, i) => (i === 0 ? sql.raw(p) : sql`${params[i - 1]}${sql.raw(p)}`)));
}
