// Shared by the migration tests: import a fixture file, and read back what the database holds.
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/db";
import { importWxr, type ImportOptions } from "@/db/queries/wxr-import";

// Copies of shared/fixtures/wxr (WordPress's own importer and theme test data).
export const fixturesDir = path.join(process.cwd(), "tests/fixtures/wxr");

export async function importFixture(name: string, opts: Partial<ImportOptions> & { fallbackAuthorId: number }) {
  const file = path.join(fixturesDir, name);
  return await importWxr(fs.createReadStream(file, { highWaterMark: 4096 }), { totalBytes: fs.statSync(file).size, ...opts });
}

export function count(sql: string, ...args: unknown[]): number {
  return (getDb().$client.prepare(sql).get(...args) as { n: number }).n;
}

export function all<T>(sql: string, ...args: unknown[]): T[] {
  return getDb().$client.prepare(sql).all(...args) as T[];
}

export function one<T>(sql: string, ...args: unknown[]): T | undefined {
  return getDb().$client.prepare(sql).get(...args) as T | undefined;
}

/** A fingerprint of every row the import touches: equal before and after = nothing changed. */
export function snapshot() {
  const tables = ["users", "posts", "post_meta", "terms", "post_terms", "comments", "comment_meta", "media", "menus", "menu_items"];
  return Object.fromEntries(tables.map((t) => [t, all(`SELECT * FROM ${t} ORDER BY rowid`)]));
}
