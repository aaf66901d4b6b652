// db/'s contract, the same on both engines (this file runs on SQLite and on PostgreSQL): the
// tables handed to queries are the running engine's, raw SQL helpers answer alike, transactions
// commit or leave nothing behind.
import { describe, expect, it } from "vitest";
import { affected, databaseEngine, execute, getDb, queryRow, queryRows, rawSql, sql, withTransaction } from "@/db";
import * as tables from "@/db/tables";
import * as lite from "@/db/schema";
import * as pgs from "@/db/schema-pg";
import { getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { makeUser } from "../support/factories";

describe("db/ on the running engine", () => {
  it("runs the engine DATABASE_URL names", () => {
    expect(databaseEngine()).toBe(/^postgres/.test(process.env.DATABASE_URL!) ? "postgres" : "sqlite");
  });

  it("hands queries every table of the running engine", () => {
    const names = Object.entries(lite).filter(([, v]) => is(v, SQLiteTable)).map(([k]) => k);
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) {
      const picked = (tables as Record<string, unknown>)[name];
      const want = databaseEngine() === "postgres" ? (pgs as Record<string, unknown>)[name] : (lite as Record<string, unknown>)[name];
      expect(picked, name).toBe(want);
      expect(getTableName(picked as never)).toBe(getTableName((lite as unknown as Record<string, never>)[name]));
    }
  });

  it("answers raw SQL alike: rows, one row, rows changed", async () => {
    const u = await makeUser("author");
    const rows = await queryRows<{ login: string }>(rawSql("SELECT login FROM users WHERE id = ?", u.id));
    expect(rows).toEqual([{ login: u.login }]);
    expect(await queryRow(rawSql("SELECT login FROM users WHERE id = ?", -1))).toBeUndefined();
    expect(await execute(rawSql("UPDATE users SET bio = ? WHERE id = ?", "hello", u.id))).toBe(1);
    const r = await getDb().update(tables.users).set({ bio: "again" }).where(sql`${tables.users.id} = ${u.id}`);
    expect(affected(r)).toBe(1);
  });

  it("commits a transaction that resolves and leaves nothing of one that throws", async () => {
    const before = (await getDb().select().from(tables.options)).length;
    await withTransaction(async (tx) => {
      await tx.insert(tables.options).values({ name: "contract_a", value: "1" });
    });
    await expect(
      withTransaction(async (tx) => {
        await tx.insert(tables.options).values({ name: "contract_b", value: "2" });
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    const names = (await getDb().select().from(tables.options)).map((o) => o.name);
    expect(names).toContain("contract_a");
    expect(names).not.toContain("contract_b");
    expect(names.length).toBe(before + 1);
  });
});
