// `npm run db:copy -- --to <url>`: moves a site between engines (SQLite file ⇄ PostgreSQL), or to
// another database of the same engine. Every table of the schema is read from the source in one
// read snapshot and written to the target in one transaction, in batches, in foreign-key order
// (a table's references to itself — a page's parent, a reply's comment — are filled in after its
// rows). Before committing, every table's row count and a SHA-256 of its rows, read back from the
// target, must equal the source's; otherwise nothing is kept. A target that already holds a site
// is refused before anything is written. Media files are not in the database and stay where they are.
import crypto from "node:crypto";
import { asc, eq, getTableName, is, sql, type Table } from "drizzle-orm";
import { getTableConfig as sqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableConfig as pgTableConfig } from "drizzle-orm/pg-core";
import fs from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import * as lite from "./schema";
import * as pgs from "./schema-pg";
import { engineOf, type Engine } from "./engine";
import { openDb, resolveDatabasePath, type Db } from "./client";
import { describeUrl, openPostgres, type PgDb } from "./postgres";
import { StartupError } from "./startup-error";

/** A copy refused or failed: one line that says why. Nothing was written to the target. */
export class CopyError extends Error {}

export interface CopyProgress {
  start(totalRows: number): void;
  advance(rows: number, table: string): void;
  stop(): void;
}

export interface CopyResult {
  tables: { name: string; rows: number; sha256: string }[];
  rows: number;
}

// The content version is a counter of writes, not content: the target's own triggers move it as
// rows arrive, and any value serves a new site. Everything else is copied.
const SKIPPED = new Set(["content_version"]);

interface TableInfo {
  key: string;
  name: string;
  lite: Table;
  pg: Table;
  orderBy: string[];
  selfRefs: string[];
  dependsOn: string[];
  identity: boolean;
  columnCount: number;
}

/** The schema's tables in an order where every table comes after the tables it references. */
export function copyPlan(): TableInfo[] {
  const infos: TableInfo[] = [];
  for (const [key, value] of Object.entries(lite)) {
    if (!is(value, SQLiteTable)) continue;
    const name = getTableName(value);
    if (SKIPPED.has(name)) continue;
    const pgTable = (pgs as Record<string, unknown>)[key] as Table | undefined;
    if (!pgTable) throw new Error(`db/schema-pg.ts has no table ${key}`);
    const cfg = sqliteTableConfig(value);
    const pkColumns = cfg.primaryKeys.length
      ? cfg.primaryKeys[0]!.columns.map((c) => c.name)
      : cfg.columns.filter((c) => c.primary).map((c) => c.name);
    const selfRefs: string[] = [];
    const dependsOn: string[] = [];
    for (const fk of cfg.foreignKeys) {
      const ref = fk.reference();
      const target = getTableName(ref.foreignTable);
      if (target === name) selfRefs.push(...ref.columns.map((c) => c.name));
      else dependsOn.push(target);
    }
    const pgCfg = pgTableConfig(pgTable as never);
    infos.push({
      key,
      name,
      lite: value,
      pg: pgTable,
      orderBy: pkColumns.length ? pkColumns : cfg.columns.map((c) => c.name),
      selfRefs,
      dependsOn,
      identity: pgCfg.columns.some((c) => c.name === "id" && (c as unknown as { generatedIdentity?: unknown }).generatedIdentity !== undefined),
      columnCount: cfg.columns.length,
    });
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < infos.length) {
    const next = infos.find((t) => !placed.has(t.name) && t.dependsOn.every((d) => placed.has(d) || SKIPPED.has(d)));
    if (!next) throw new Error("the schema's foreign keys form a cycle between tables");
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

interface Side {
  engine: Engine;
  db: Db | PgDb;
  where: string;
  close(): Promise<void>;
}

function where(url: string): string {
  return engineOf(url) === "postgres" ? `PostgreSQL ${describeUrl(url)}` : resolveDatabasePath(url);
}

async function open(url: string, migrate: boolean): Promise<Side> {
  if (engineOf(url) === "postgres") {
    const db = await openPostgres(url, { migrate, max: 2 });
    return { engine: "postgres", db, where: where(url), close: () => db.$client.end() };
  }
  const db = openDb(resolveDatabasePath(url), { migrate });
  return { engine: "sqlite", db, where: where(url), close: async () => { db.$client.close(); } };
}

/** Whether the target already has rows in any of Inkwell's tables (or is not a database at all). */
async function targetHoldsData(url: string): Promise<boolean> {
  const names = copyPlan().map((t) => t.name);
  if (engineOf(url) === "postgres") {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    client.on("error", () => {});
    try {
      await client.connect();
    } catch (e) {
      const { explainConnectError } = await import("./postgres");
      throw new CopyError(explainConnectError(e, url).message);
    }
    try {
      for (const n of names) {
        const exists = await client.query("SELECT to_regclass($1) IS NOT NULL AS ok", [`public.${n}`]);
        if (!exists.rows[0].ok) continue;
        const r = await client.query(`SELECT EXISTS (SELECT 1 FROM "${n}") AS any`);
        if (r.rows[0].any) return true;
      }
      return false;
    } finally {
      await client.end();
    }
  }
  const file = resolveDatabasePath(url);
  if (file === ":memory:") throw new CopyError("The target is :memory:, which would vanish when the copy ends: name a file.");
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new CopyError(`The target ${file} is not a SQLite database: ${(e as Error).message}`);
  }
  try {
    for (const n of names) {
      const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(n);
      if (exists && sqlite.prepare(`SELECT 1 FROM "${n}" LIMIT 1`).get()) return true;
    }
    return false;
  } catch (e) {
    throw new CopyError(`The target ${file} is not a SQLite database: ${(e as Error).message}`);
  } finally {
    sqlite.close();
  }
}

type AnyDb = { select: Db["select"]; insert: Db["insert"]; update: Db["update"] };

/** Runs `fn` in a transaction on a side: a read snapshot on the source, the one write on the target. */
async function inTransaction<T>(side: Side, readOnly: boolean, fn: (tx: AnyDb) => Promise<T>): Promise<T> {
  if (side.engine === "postgres") {
    return (side.db as PgDb).transaction((tx) => fn(tx as unknown as AnyDb), readOnly ? { isolationLevel: "repeatable read", accessMode: "read only" } : undefined);
  }
  const db = side.db as Db;
  db.$client.exec(readOnly ? "BEGIN" : "BEGIN IMMEDIATE");
  try {
    const value = await fn(db);
    db.$client.exec("COMMIT");
    return value;
  } catch (e) {
    if (db.$client.inTransaction) db.$client.exec("ROLLBACK");
    throw e;
  }
}

function tableOf(side: Side, t: TableInfo): Table {
  return side.engine === "postgres" ? t.pg : t.lite;
}

function columnsOf(table: Table): Record<string, { name: string }> {
  return (table as unknown as Record<symbol, Record<string, { name: string }>>)[Symbol.for("drizzle:Columns")]!;
}

/** The rows of a table in primary-key order, a batch at a time. */
async function* readRows(tx: AnyDb, table: Table, orderBy: string[], batch: number): AsyncGenerator<Record<string, unknown>[]> {
  const cols = columnsOf(table);
  const order = orderBy.map((n) => asc(Object.values(cols).find((c) => c.name === n) as never));
  for (let offset = 0; ; offset += batch) {
    const rows = (await tx.select().from(table as never).orderBy(...order).limit(batch).offset(offset)) as Record<string, unknown>[];
    if (rows.length) yield rows;
    if (rows.length < batch) return;
  }
}

/** One row as hashed: its values in column order, numbers as numbers, booleans as booleans. */
function rowText(row: Record<string, unknown>, keys: string[]): string {
  return JSON.stringify(keys.map((k) => (row[k] === undefined ? null : row[k])));
}

/**
 * Copies every table of the site at `fromUrl` into the empty database at `toUrl`. Refuses (CopyError,
 * nothing written) a target that holds data, a source written by a newer Inkwell, or the same database.
 */
export async function copyDatabase(fromUrl: string, toUrl: string, progress?: CopyProgress): Promise<CopyResult> {
  if (where(fromUrl) === where(toUrl)) throw new CopyError("The target is the source database itself: name another one.");
  let source: Side;
  try {
    source = await open(fromUrl, false);
  } catch (e) {
    throw new CopyError(e instanceof StartupError ? e.message : `Cannot open the source: ${(e as Error).message}`);
  }
  try {
    await refuseNewerOrOlder(source, fromUrl);
    if (await targetHoldsData(toUrl)) {
      throw new CopyError(`Nothing copied: the target ${where(toUrl)} already holds data; copy into an empty database (or a new file).`);
    }
    let target: Side;
    try {
      target = await open(toUrl, true);
    } catch (e) {
      throw new CopyError(e instanceof StartupError ? e.message : `Cannot open the target: ${(e as Error).message}`);
    }
    try {
      return await copyTables(source, target, progress);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

/** The source must be at exactly this version's migrations: a newer one this code cannot read, an older one would need migrating first. */
async function refuseNewerOrOlder(source: Side, url: string): Promise<void> {
  const { getMigrationStatus } = await import("./index");
  const { pgMigrationStatus } = await import("./postgres");
  let status;
  try {
    status = source.engine === "postgres" ? await pgMigrationStatus((source.db as PgDb).$client) : await getMigrationStatus(source.db as Db);
  } catch (e) {
    throw new CopyError(`Cannot read the source ${where(url)}: ${(e as Error).message}`);
  }
  if (status.applied > status.known) {
    throw new CopyError("Nothing copied: the source database was written by a newer version of Inkwell; upgrade Inkwell first.");
  }
  if (status.applied === 0) throw new CopyError(`Nothing copied: ${where(url)} holds no Inkwell site.`);
  if (status.applied < status.known) {
    throw new CopyError(`Nothing copied: the source is at migration ${status.applied} of ${status.known}; run \`npm run migrate\` on it first.`);
  }
}

async function copyTables(source: Side, target: Side, progress?: CopyProgress): Promise<CopyResult> {
  const plan = copyPlan();
  return inTransaction(source, true, async (src) => {
    const counts = new Map<string, number>();
    let total = 0;
    for (const t of plan) {
      const table = tableOf(source, t);
      const n = Number(((await src.select({ n: sql<number>`count(*)` }).from(table as never)) as { n: number }[])[0]!.n);
      counts.set(t.name, n);
      total += n;
    }
    progress?.start(total);
    try {
      const result = await inTransaction(target, false, async (dst) => {
        const tables: CopyResult["tables"] = [];
        for (const t of plan) {
          const from = tableOf(source, t);
          const to = tableOf(target, t);
          const keys = Object.keys(columnsOf(from));
          const colByName = Object.fromEntries(Object.entries(columnsOf(to)).map(([k, c]) => [c.name, k]));
          const selfKeys = t.selfRefs.map((n) => colByName[n]!);
          const batch = Math.max(1, Math.floor(20_000 / t.columnCount));
          const hash = crypto.createHash("sha256");
          let rows = 0;
          const later: Record<string, unknown>[] = [];
          for await (const chunk of readRows(src, from, t.orderBy, batch)) {
            for (const row of chunk) hash.update(rowText(row, keys) + "\n");
            const toInsert = selfKeys.length
              ? chunk.map((row) => {
                  if (selfKeys.some((k) => row[k] !== null && row[k] !== undefined)) later.push(row);
                  return { ...row, ...Object.fromEntries(selfKeys.map((k) => [k, null])) };
                })
              : chunk;
            await dst.insert(to as never).values(toInsert as never);
            rows += chunk.length;
            progress?.advance(chunk.length, t.name);
          }
          const idKey = colByName.id;
          for (const row of later) {
            const set = Object.fromEntries(selfKeys.map((k) => [k, row[k]]));
            await dst.update(to as never).set(set as never).where(eq((columnsOf(to) as Record<string, never>)[idKey!]!, row[idKey!] as never));
          }
          // Read back from the target, inside the transaction, before anything is kept.
          const check = crypto.createHash("sha256");
          let back = 0;
          for await (const chunk of readRows(dst, to, t.orderBy, batch)) {
            for (const row of chunk) check.update(rowText(row, keys) + "\n");
            back += chunk.length;
          }
          const sum = hash.digest("hex");
          if (back !== counts.get(t.name) || rows !== back) {
            throw new CopyError(`Nothing copied: table ${t.name} has ${counts.get(t.name)} rows in the source but ${back} arrived; the copy was rolled back.`);
          }
          if (check.digest("hex") !== sum) {
            throw new CopyError(`Nothing copied: table ${t.name} arrived with different contents (checksum mismatch); the copy was rolled back.`);
          }
          tables.push({ name: t.name, rows, sha256: sum });
        }
        if (target.engine === "postgres") {
          // Identity columns continue after the copied ids.
          for (const t of plan.filter((p) => p.identity)) {
            await (dst as unknown as PgDb).execute(sql.raw(`SELECT setval(pg_get_serial_sequence('"${t.name}"', 'id'), coalesce((SELECT max(id) FROM "${t.name}"), 0) + 1, false)`));
          }
          // The planner's statistics of the copied rows, committed with them: the first pages served
          // from the new database are planned for the site it now holds (as after a web import).
          await (dst as unknown as PgDb).execute(sql.raw("ANALYZE"));
        }
        return { tables, rows: tables.reduce((a, t) => a + t.rows, 0) };
      });
      return result;
    } finally {
      progress?.stop();
    }
  });
}
