// Small helpers for queries that run on both engines (db/README.md).

/** The first row of an awaited query, or undefined: what better-sqlite3's .get() gave. */
export function first<T>(rows: T[]): T | undefined {
  return rows[0];
}

/** The one row an insert … returning() must give. */
export function only<T>(rows: T[]): T {
  if (rows.length === 0) throw new Error("expected a row, the statement returned none");
  return rows[0];
}
