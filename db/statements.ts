// Prepared statements kept per connection and SQL text. better-sqlite3 compiles a statement on
// every prepare(); a post nobody had read lately spent part of its render (`npm run bench`,
// uncached posts) preparing the same four lookups again. Only for fixed SQL text in plain get/all/run use: a
// statement switched to pluck() or raw() keeps that mode for everyone who shares it.
import type Database from "better-sqlite3";

const MAX_PER_CONNECTION = 256;
const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let stmts = byConnection.get(sqlite);
  if (!stmts) byConnection.set(sqlite, (stmts = new Map()));
  let stmt = stmts.get(sql);
  if (!stmt) {
    stmt = sqlite.prepare(sql);
    if (stmts.size < MAX_PER_CONNECTION) stmts.set(sql, stmt);
  }
  return stmt;
}
