// The PostgreSQL engine: a node-postgres pool under drizzle, with the same promises as the SQLite
// engine (db/client.ts): migrations run at start in one transaction, a database written by a newer
// Inkwell is refused, and what goes wrong at start is said in one line that names the fix.
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { createHash } from "node:crypto";
import pg from "pg";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import * as schemaPg from "./schema-pg";
import { StartupError } from "./startup-error";

export type PgDb = NodePgDatabase<typeof schemaPg> & { $client: pg.Pool };

export const PG_MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle-pg");
/** PostgreSQL 15 is the oldest we test on (Debian 12's); MERGE, NULLS NOT DISTINCT and more rely on it. */
export const PG_MIN_VERSION = 150000;
// Any constant works: it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK = 7_311_986_002;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Connections per process. PostgreSQL's own advice is about twice the server's cores; a web process
 * rarely has more than a few queries in flight, and several processes share the server's limit
 * (100 by default), so the default stays small. DATABASE_POOL_MAX overrides it.
 */
export function poolMax(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.DATABASE_POOL_MAX);
  if (env.DATABASE_POOL_MAX !== undefined && env.DATABASE_POOL_MAX !== "") {
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new StartupError(`DATABASE_POOL_MAX "${env.DATABASE_POOL_MAX}" must be a whole number from 1 to 1000.`);
    return n;
  }
  return Math.min(10, Math.max(4, os.availableParallelism() * 2));
}

/** Where the URL points, without its password: for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || "localhost"}:${u.port || "5432"}/${decodeURIComponent(u.pathname.slice(1)) || "(default database)"}`;
  } catch {
    return "the DATABASE_URL server";
  }
}

/** Turns a connection failure into one line that says what to fix. */
export function explainConnectError(e: unknown, url: string): StartupError {
  const err = e as { code?: string; message?: string };
  const where = describeUrl(url);
  const user = (() => { try { return decodeURIComponent(new URL(url).username) || "(default user)"; } catch { return "the user"; } })();
  switch (err.code) {
    case "ECONNREFUSED":
      return new StartupError(`PostgreSQL at ${where} refused the connection: start the server, or fix the host and port in DATABASE_URL.`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new StartupError(`PostgreSQL host in DATABASE_URL (${where}) was not found: fix the host name.`);
    case "ETIMEDOUT":
    case "ECONNRESET":
      return new StartupError(`PostgreSQL at ${where} did not answer: check that the server is up and reachable from here.`);
    case "28P01":
      return new StartupError(`PostgreSQL at ${where} refused the password for user "${user}": fix the password in DATABASE_URL.`);
    case "28000":
      return new StartupError(`PostgreSQL at ${where} does not let user "${user}" connect (pg_hba.conf or the role): fix the user in DATABASE_URL or the server's access rules.`);
    case "3D000":
      return new StartupError(`PostgreSQL at ${where}: the database does not exist: create it (createdb) or fix its name in DATABASE_URL.`);
    case "42501":
      return new StartupError(`PostgreSQL at ${where}: user "${user}" may not create tables here: grant it ownership of the database (or CREATE on its schema).`);
    default:
      return new StartupError(`Cannot connect to PostgreSQL at ${where}: ${err.message ?? String(e)}`);
  }
}

interface Journal { entries: { idx: number; when: number; tag: string }[] }

function readJournal(folder: string): Journal {
  return JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as Journal;
}

async function appliedMigrations(client: pg.ClientBase): Promise<{ count: number; last: number | null }> {
  const exists = await client.query("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok");
  if (!exists.rows[0].ok) return { count: 0, last: null };
  const r = await client.query("SELECT count(*)::int AS n, max(created_at)::bigint AS at FROM drizzle.__drizzle_migrations");
  return { count: r.rows[0].n as number, last: r.rows[0].at === null ? null : Number(r.rows[0].at) };
}

/** The applied migrations against the ones this code knows: for /healthz and the start check. */
export async function pgMigrationStatus(pool: pg.Pool, folder = PG_MIGRATIONS_FOLDER) {
  const known = readJournal(folder).entries.length;
  const client = await pool.connect();
  try {
    const { count } = await appliedMigrations(client);
    return { applied: count, known, current: count === known };
  } finally {
    client.release();
  }
}

export interface OpenPostgresOptions {
  migrate?: boolean;
  migrationsFolder?: string;
  max?: number;
  /** server_version_num below which the server is refused (tests raise it to meet the refusal). */
  minVersion?: number;
}

/**
 * Opens a pool, checks the server (reachable, version 15 or newer, not written by a newer Inkwell)
 * and applies pending migrations in one transaction under an advisory lock, so that several
 * processes starting together migrate once. Throws StartupError with one line on any failure.
 */
// Codes and messages that mean "the server is not there" rather than "this query is wrong":
// refused or reset connections, the server shutting down or starting, a connect timeout.
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);

/** Whether an error (or its cause, as drizzle wraps them) says the database server is unreachable. */
export function isUnavailableError(e: unknown): boolean {
  for (let err = e as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0; err && depth < 4; err = err.cause as typeof err, depth++) {
    if (err.code && UNAVAILABLE_CODES.has(err.code)) return true;
    if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|server closed the connection/i.test(err.message ?? "")) return true;
  }
  return false;
}

/**
 * The outage this process has seen, for the HTTP server (server/main.mjs): while it is set,
 * requests are answered 503 with Retry-After instead of waiting or failing one by one, and a probe
 * asks the server once a second; the first answer ends the outage. The pool itself reconnects.
 */
const outage = globalThis as unknown as { __inkwellDbOutage?: { since: number; probe: NodeJS.Timeout } };

/** Is the PostgreSQL server unreachable, as this process last saw it? */
export function inOutage(): boolean {
  return outage.__inkwellDbOutage !== undefined;
}

function markUnavailable(pool: pg.Pool): void {
  if (outage.__inkwellDbOutage) return;
  const probe = setInterval(() => {
    pool.query("SELECT 1").then(
      () => {
        clearInterval(probe);
        outage.__inkwellDbOutage = undefined;
      },
      () => {},
    );
  }, 1_000);
  probe.unref();
  outage.__inkwellDbOutage = { since: Date.now(), probe };
}

function watch<T>(pool: pg.Pool, p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => {
    if (isUnavailableError(e)) markUnavailable(pool);
    throw e;
  });
}

function newPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // An idle connection dropped by the server (restart, failover) must not crash the process: the
  // pool discards it and the next query opens a fresh one.
  pool.on("error", () => {});
  // Every query goes through pool.query (single statements) or pool.connect (transactions).
  const query = pool.query.bind(pool) as (...a: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: (...a: unknown[]) => unknown }).query = (...args: unknown[]) => {
    if (typeof args[args.length - 1] === "function") return query(...args);
    return watch(pool, query(...args));
  };
  const connect = pool.connect.bind(pool) as (...a: unknown[]) => Promise<pg.PoolClient>;
  // pool.query itself calls connect with a callback: that form is left alone (query is watched).
  (pool as unknown as { connect: (...a: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    if (args.length) return connect(...args);
    return watch(pool, connect()).then((client) => {
      if (!(client as unknown as { __watched?: boolean }).__watched) {
        // While checked out, a client's "error" event is ours to hear (the pool listens only to idle
        // ones): a connection the server drops under a transaction would otherwise end the process.
        // Its pending query rejects anyway (and is watched), so the transaction fails and rolls back.
        client.on("error", () => {});
        const q = client.query.bind(client) as (...a: unknown[]) => Promise<unknown>;
        (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...args: unknown[]) =>
          typeof args[args.length - 1] === "function" ? q(...args) : watch(pool, q(...args));
        (client as unknown as { __watched?: boolean }).__watched = true;
      }
      return client;
    });
  };
  return pool;
}

/** A pool and its drizzle database, without a round trip: for a process whose start already migrated. */
export function createPgDb(url: string, max = poolMax()): PgDb {
  return drizzle(newPool(url, max), { schema: schemaPg }) as PgDb;
}

export async function openPostgres(url: string, opts: OpenPostgresOptions = {}): Promise<PgDb> {
  const pool = newPool(url, opts.max ?? poolMax());
  const folder = opts.migrationsFolder ?? PG_MIGRATIONS_FOLDER;
  // Checks and the migration lock use a connection of their own, outside the pool, so that a pool
  // of one connection can still run the migrations while the lock is held.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  const fail = async (e: unknown): Promise<never> => {
    await client.end().catch(() => {});
    await pool.end().catch(() => {});
    throw e instanceof StartupError ? e : explainConnectError(e, url);
  };
  try {
    await client.connect();
  } catch (e) {
    return fail(e);
  }
  try {
    const v = await client.query("SELECT current_setting('server_version_num')::int AS n, current_setting('server_version') AS s");
    if (v.rows[0].n < (opts.minVersion ?? PG_MIN_VERSION)) {
      throw new StartupError(`PostgreSQL at ${describeUrl(url)} is version ${v.rows[0].s}; Inkwell needs PostgreSQL 15 or newer: upgrade the server.`);
    }
    const db = drizzle(pool, { schema: schemaPg }) as PgDb;
    if (opts.migrate !== false) {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      const known = Math.max(0, ...readJournal(folder).entries.map((e) => e.when));
      const before = await appliedMigrations(client);
      if (before.last !== null && before.last > known) {
        throw new StartupError("The database was written by a newer version of Inkwell; upgrade Inkwell (or restore a backup made by this version) before starting.");
      }
      try {
        await migrate(db, { migrationsFolder: folder });
      } catch (e) {
        const cause = ((e as { cause?: { code?: string; message?: string } }).cause ?? e) as { code?: string; message?: string };
        if (cause.code === "42501") throw explainConnectError(cause, url);
        const why = String(cause.message ?? e).split("\n")[0];
        throw new StartupError(`Migrating the PostgreSQL database failed and was rolled back, nothing changed: ${why}`);
      }
    }
    await client.end();
    return db;
  } catch (e) {
    return fail(e);
  }
}

const dialect = new PgDialect();
const MAX_NAMED_PER_CONNECTION = 64;
const namedCounts = new WeakMap<object, number>();

/**
 * Runs a statement of fixed shape as a named prepared statement of the connection: PostgreSQL
 * parses and plans it once per connection instead of on every call (node-postgres sends the Parse
 * only the first time). For the hottest statements only (the content version every request reads,
 * a comment's checks and insert): each name lives as long as its connection, so a connection keeps
 * at most 64 of them and runs any further one unnamed.
 */
export async function pgNamedQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(client: pg.Pool | pg.ClientBase, query: SQL | string, values: unknown[] = []): Promise<pg.QueryResult<T>> {
  const { sql: text, params } = typeof query === "string" ? { sql: query, params: values } : dialect.sqlToQuery(query);
  const name = `inkwell_${createHash("sha1").update(text).digest("base64url").slice(0, 22)}`;
  // A pool lends any of its connections: the name is given to each the first time it meets it.
  const conn = (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection;
  if (conn?.parsedStatements && conn.parsedStatements[name] === undefined) {
    const n = namedCounts.get(conn) ?? 0;
    if (n >= MAX_NAMED_PER_CONNECTION) return client.query<T>({ text, values: params as unknown[] });
    namedCounts.set(conn, n + 1);
  }
  return client.query<T>({ name, text, values: params as unknown[] });
}

const txDbs = new WeakMap<pg.PoolClient, PgDb>();

/** A value written into a statement's text, for the simple protocol (no parameters there). */
function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} into a statement`);
    return String(v);
  }
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  // pg's own escaping: quotes doubled, and an E'' string when there are backslashes.
  return pg.escapeLiteral(String(v));
}

/** A drizzle statement with its parameters written in as literals (generated text only: no `$` of its own). */
export function pgInlined(query: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return text.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
}

/**
 * A transaction on a connection of the pool in as few round trips as its statements allow: BEGIN
 * goes with a first statement (fixed SQL, no parameters), and a last statement the body hands to
 * `end` goes with the COMMIT (the simple protocol takes several statements at once; that one's
 * values are written into its text with pg's escaping). The body gets a drizzle database bound to
 * the connection; committed if it resolves, rolled back if it (or the last statement) throws, as
 * drizzle's transaction() does.
 */
export async function pgTransactionFrom<T>(db: PgDb, first: string, fn: (tx: PgDb, end: (last: SQL) => void) => Promise<T>): Promise<T> {
  const client = await db.$client.connect();
  let broken: Error | undefined;
  try {
    let tx = txDbs.get(client);
    if (!tx) txDbs.set(client, (tx = drizzle(client, { schema: schemaPg }) as unknown as PgDb));
    try {
      await client.query(`BEGIN; ${first}`);
      let last: SQL | undefined;
      const value = await fn(tx, (q) => {
        last = q;
      });
      // After an error in the last statement the server skips the COMMIT and the catch rolls back.
      await client.query(last ? `${pgInlined(last)}; COMMIT` : "COMMIT");
      return value;
    } catch (e) {
      await client.query("ROLLBACK").catch((err: unknown) => {
        broken = err instanceof Error ? err : new Error(String(err));
      });
      throw e;
    }
  } finally {
    // A connection whose ROLLBACK failed is in an unknown state: the pool closes it.
    client.release(broken);
  }
}
