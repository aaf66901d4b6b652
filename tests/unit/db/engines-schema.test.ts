// The two engines' schemas (db/schema.ts for SQLite, db/schema-pg.ts for PostgreSQL) describe the same
// tables: same columns (names, nullability, defaults, primary keys), indexes (names, columns, unique)
// and foreign keys (targets and ON DELETE). A column added to one and not the other fails here.
import { describe, expect, it } from "vitest";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { is, SQL } from "drizzle-orm";
import * as sqliteSchema from "@/db/schema";
import * as pgSchema from "@/db/schema-pg";

type Described = {
  columns: Record<string, { notNull: boolean; hasDefault: boolean; primary: boolean; kind: string; enumValues?: readonly string[] }>;
  primaryKeys: string[][];
  indexes: Record<string, { columns: string[]; unique: boolean }>;
  foreignKeys: string[];
};

// How a SQL expression in an index reads, independent of the dialect's quoting.
const expr = (c: unknown) => (is(c, SQL) ? "expr" : (c as { name: string }).name);
// An integer primary key is a rowid in SQLite (drizzle says it has a default), and is only
// numbered by itself when declared autoIncrement, as PostgreSQL's identity columns are.
// SQLite has one integer type; PostgreSQL spells the same values integer, bigint or boolean.
const kind = (sqlType: string) => (/int|boolean/i.test(sqlType) ? "number" : "text");

function describeTable(cfg: ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>): Described {
  const columns: Described["columns"] = {};
  for (const c of cfg.columns) {
    columns[c.name] = { notNull: c.notNull, hasDefault: c.default !== undefined || c.defaultFn !== undefined || c.generatedIdentity !== undefined || (c as { autoIncrement?: boolean }).autoIncrement === true, primary: c.primary, kind: kind(c.getSQLType()), enumValues: c.enumValues };
  }
  const indexes: Described["indexes"] = {};
  for (const i of cfg.indexes) indexes[i.config.name ?? "(unnamed)"] = { columns: i.config.columns.map(expr), unique: !!i.config.unique };
  return {
    columns,
    primaryKeys: cfg.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    indexes,
    foreignKeys: cfg.foreignKeys
      .map((fk) => {
        const r = fk.reference();
        return `${r.columns.map((c) => c.name).join(",")} -> ${(r.foreignTable as unknown as { [k: symbol]: string })[Symbol.for("drizzle:Name")]}(${r.foreignColumns.map((c) => c.name).join(",")}) on delete ${fk.onDelete ?? "no action"}`;
      })
      .sort(),
  };
}

const sqliteTables = Object.fromEntries(Object.values(sqliteSchema).filter((t) => is(t, SQLiteTable)).map((t) => { const c = sqliteConfig(t as SQLiteTable); return [c.name, describeTable(c)]; }));
const pgTables = Object.fromEntries(Object.values(pgSchema).filter((t) => is(t, PgTable)).map((t) => { const c = pgConfig(t as PgTable); return [c.name, describeTable(c)]; }));

// The one deliberate difference: PostgreSQL indexes meta values by hash (drizzle-pg/0003), because a
// btree row cannot hold a value over 2704 bytes and WordPress exports carry longer ones. Both serve
// the same lookups (key and value equal). Anything else that differs still fails below.
for (const [table, index] of [["post_meta", "post_meta_key_value"], ["comment_meta", "comment_meta_key_value"]] as const) {
  expect(pgTables[table]!.indexes[index]).toEqual({ columns: ["value"], unique: false });
  pgTables[table]!.indexes[index] = sqliteTables[table]!.indexes[index]!;
}

describe("the SQLite and PostgreSQL schemas", () => {
  it("have the same tables", () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(15);
  });

  for (const name of Object.keys(sqliteTables)) {
    it(`agree on ${name}: columns, keys, indexes and foreign keys`, () => {
      expect(pgTables[name]).toEqual(sqliteTables[name]);
    });
  }
});
