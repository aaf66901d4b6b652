// Shared by the migration tests: import a fixture file, and read back what the database holds
// (raw SQL with ? placeholders, on whichever engine runs).
import fs from "node:fs";
import path from "node:path";
import { queryRow, queryRows, rawSql } from "@/db";
import { importWxr, type ImportOptions } from "@/db/queries/wxr-import";

// Copies of shared/fixtures/wxr (WordPress's own importer and theme test data).
export const fixturesDir = path.join(process.cwd(), "tests/fixtures/wxr");

export async function importFixture(name: string, opts: Partial<ImportOptions> & { fallbackAuthorId: number }) {
  const file = path.join(fixturesDir, name);
  return await importWxr(fs.createReadStream(file, { highWaterMark: 4096 }), { totalBytes: fs.statSync(file).size, ...opts });
}

/** A count(*) AS n query's number (PostgreSQL sends bigints as strings). */
export async function dbCount(sql: string, ...args: unknown[]): Promise<number> {
  return Number((await queryRow<{ n: number | string }>(rawSql(sql, ...args)))?.n);
}

export async function dbAll<T>(sql: string, ...args: unknown[]): Promise<T[]> {
  return queryRows<T>(rawSql(sql, ...args));
}

export async function dbOne<T>(sql: string, ...args: unknown[]): Promise<T | undefined> {
  return queryRow<T>(rawSql(sql, ...args));
}

/** A fingerprint of every row the import touches: equal before and after = nothing changed. */
export async function dbSnapshot() {
  const tables: [string, string][] = [
    ["users", "id"], ["posts", "id"], ["post_meta", "id"], ["terms", "id"], ["post_terms", "post_id, term_id"], ["comments", "id"],
    ["comment_meta", "id"], ["media", "id"], ["menus", "id"], ["menu_items", "id"],
  ];
  return Object.fromEntries(await Promise.all(tables.map(async ([t, order]) => [t, await dbAll(`SELECT * FROM ${t} ORDER BY ${order}`)] as const)));
}
