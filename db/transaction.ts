// withTransaction on SQLite: one connection, so writers take turns through an async mutex, and the
// transaction is BEGIN IMMEDIATE … COMMIT on that connection.
//
// Why not drizzle's db.transaction(): better-sqlite3 runs a transaction callback synchronously and
// refuses one that returns a Promise, while the contract of db/ is async on every engine.
// Why the body may await only database calls: the connection is shared by every request, so a body
// that let the event loop turn (a timer, a fetch, a password hash) would let other requests' reads
// see its uncommitted rows and their writes join it. On better-sqlite3 an awaited query settles in
// a microtask, so a body of queries finishes before the loop turns; a body that does let it turn is
// rolled back with TransactionYieldedError instead of committing what others may have mixed into it.
import { getDb, type Db } from "./client";
import { ENGINE } from "./engine";
import type { PgDb } from "./postgres";

export class TransactionYieldedError extends Error {
  constructor() {
    super("A transaction body awaited something other than the database (the event loop turned while it was open); it was rolled back. Do that work before or after withTransaction.");
  }
}

const g = globalThis as unknown as { __inkwellTxTail?: Promise<void> };

/**
 * Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. Writers are
 * serialized; readers outside it never see its rows before the commit.
 */
export async function withTransaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  // PostgreSQL: a pooled connection of its own per transaction, so writers run side by side and the
  // body may await anything; drizzle commits when it resolves and rolls back when it throws.
  if (ENGINE === "postgres") return (getDb() as unknown as PgDb).transaction((tx) => fn(tx as unknown as Db));
  const previous = g.__inkwellTxTail ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  g.__inkwellTxTail = previous.then(() => mine);
  await previous;
  const db = getDb();
  const client = db.$client;
  let yielded = false;
  const watch = setImmediate(() => (yielded = true));
  try {
    client.exec("BEGIN IMMEDIATE");
    try {
      const value = await fn(db);
      if (yielded) throw new TransactionYieldedError();
      client.exec("COMMIT");
      return value;
    } catch (e) {
      if (client.inTransaction) client.exec("ROLLBACK");
      throw e;
    }
  } finally {
    clearImmediate(watch);
    release();
  }
}
