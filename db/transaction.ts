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
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { getDb, type Db } from "./client";
import { ENGINE } from "./engine";
import type { PgDb } from "./postgres";
import { syncWal } from "./wal-sync";

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

/**
 * A long write (the WXR import of 10,000 posts) as one transaction that readers never wait for.
 * `pause()` — called by the body between pieces of work — lets the event loop serve other requests
 * whenever 20 ms of work have passed.
 * - PostgreSQL: a plain transaction on a pooled connection of its own; other requests never see its
 *   rows before the commit, whatever the body awaits.
 * - SQLite: a second connection to the same file holds the transaction. WAL gives the process's
 *   connection (every reader) the committed site until the commit, so the import stays
 *   all-or-nothing for readers too. Writers queued through withTransaction wait their turn; a write
 *   that does not queue (a single statement) would meet the lock, so the process's connection stops
 *   waiting for locks while the import runs (busy_timeout 0): such a write fails at once, and the
 *   HTTP server answers it 503 with Retry-After (inLongWrite() below, server/main.mjs) rather
 *   than freezing every reader for the 5 s a lock wait would take.
 */
/** Does a long import hold SQLite's write lock in this process (writes that meet it are told to come back)? */
export function inLongWrite(): boolean {
  return (globalThis as unknown as { __inkwellLongWrite?: boolean }).__inkwellLongWrite === true;
}

export async function withLongTransaction<T>(fn: (tx: Db, pause: () => Promise<void>) => Promise<T>): Promise<T> {
  if (onWriterThread()) return onOwnThread(fn);
  let last = performance.now();
  const pause = async () => {
    if (performance.now() - last < 20) return;
    await new Promise((r) => setImmediate(r));
    last = performance.now();
  };
  if (ENGINE === "postgres") return (getDb() as unknown as PgDb).transaction((tx) => fn(tx as unknown as Db, pause));
  const previous = g.__inkwellTxTail ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  g.__inkwellTxTail = previous.then(() => mine);
  await previous;
  const main = getDb();
  const file = main.$client.name;
  const flag = globalThis as unknown as { __inkwellLongWrite?: boolean };
  if (file === ":memory:" || main.$client.memory) {
    // A private in-memory database has no second connection: the body runs without pauses.
    try {
      return await withTransactionHeld(main, fn);
    } finally {
      release();
    }
  }
  const { openDb } = await import("./client");
  const { syncWal } = await import("./wal-sync");
  const own = openDb(file, { migrate: false });
  // A small page cache spills the transaction's pages into the WAL as it goes (between pauses), so
  // the COMMIT has little left to write; the COMMIT itself does not fsync (synchronous NORMAL on
  // this connection only) and the WAL is fsynced off the event loop before the import is reported
  // done (db/wal-sync.ts), which is what synchronous FULL would have put on disk.
  own.$client.pragma("cache_size = -8000");
  own.$client.pragma("synchronous = NORMAL");
  // Neither the import's COMMIT nor the next request's may move the ~100 MB it wrote from the WAL
  // into the database file (a long stall: `npm run bench:import-readers` shows the readers' gaps): that checkpoint runs on a thread of its own after the
  // commit (checkpointOffLoop), and the process's connection skips its automatic one meanwhile.
  own.$client.pragma("wal_autocheckpoint = 0");
  main.$client.pragma("wal_autocheckpoint = 0");
  main.$client.pragma("busy_timeout = 0");
  flag.__inkwellLongWrite = true;
  try {
    own.$client.exec("BEGIN IMMEDIATE");
    try {
      const value = await fn(own, pause);
      own.$client.exec("COMMIT");
      await new Promise<void>((resolve, reject) => syncWal(`${file}-wal`, (err) => (err ? reject(err) : resolve())));
      return value;
    } catch (e) {
      if (own.$client.inTransaction) own.$client.exec("ROLLBACK");
      throw e;
    }
  } finally {
    flag.__inkwellLongWrite = false;
    main.$client.pragma("busy_timeout = 5000");
    own.$client.close();
    release();
    checkpointOffLoop(file, () => {
      if (main.$client.open) main.$client.pragma("wal_autocheckpoint = 1000");
    });
  }
}

/**
 * `PRAGMA wal_checkpoint(PASSIVE)` on a worker thread with a connection of its own: it copies the
 * WAL into the database file without blocking readers or writers (a writer's own automatic
 * checkpoint simply finds one running). Falls back to doing it here if no worker can start.
 */
function checkpointOffLoop(file: string, done: () => void): void {
  const code = `const { workerData, parentPort } = require("node:worker_threads");
    const Database = require("better-sqlite3");
    const db = new Database(workerData, { fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    db.pragma("wal_checkpoint(PASSIVE)");
    db.close();
    parentPort.postMessage("done");`;
  const fallback = () => {
    try {
      const db = new Database(file, { fileMustExist: true });
      db.pragma("wal_checkpoint(PASSIVE)");
      db.close();
    } catch {
      // The next automatic checkpoint does it.
    }
    done();
  };
  let worker: Worker;
  try {
    worker = new Worker(code, { eval: true, workerData: file });
  } catch {
    return fallback();
  }
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done();
  };
  worker.once("message", finish);
  worker.once("error", finish);
  worker.once("exit", finish);
  worker.unref();
}

async function withTransactionHeld<T>(db: Db, fn: (tx: Db, pause: () => Promise<void>) => Promise<T>): Promise<T> {
  db.$client.exec("BEGIN IMMEDIATE");
  try {
    const value = await fn(db, async () => {});
    db.$client.exec("COMMIT");
    return value;
  } catch (e) {
    if (db.$client.inTransaction) db.$client.exec("ROLLBACK");
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// A long write on a worker thread (the web import: db/queries/wxr-import-thread.ts). The thread has
// connections of its own and an event loop that serves nobody, so it writes without pauses and
// commits there: neither its work, its garbage collection nor its COMMIT holds the readers' thread.
// The process's thread keeps what only it can do: the turn among writers, the flag that answers
// 503 to a write meeting SQLite's lock, and the checkpoint after the commit (holdForThreadWrite).

const threadFlag = globalThis as unknown as { __inkwellWriterThread?: boolean };

/** Called once by a worker thread that runs long writes (withLongTransaction then commits there). */
export function becomeWriterThread(): void {
  threadFlag.__inkwellWriterThread = true;
}

function onWriterThread(): boolean {
  return threadFlag.__inkwellWriterThread === true;
}

/** The transaction of a writer thread: on its own connection, without pauses. */
async function onOwnThread<T>(fn: (tx: Db, pause: () => Promise<void>) => Promise<T>): Promise<T> {
  const noPause = async () => {};
  if (ENGINE === "postgres") return (getDb() as unknown as PgDb).transaction((tx) => fn(tx as unknown as Db, noPause));
  const db = getDb();
  const file = db.$client.name;
  // As withLongTransaction's own connection: pages spill into the WAL as it goes, no checkpoint
  // here (the process's thread starts one off its loop after the commit), the WAL fsynced once.
  db.$client.pragma("cache_size = -8000");
  db.$client.pragma("synchronous = NORMAL");
  db.$client.pragma("wal_autocheckpoint = 0");
  db.$client.exec("BEGIN IMMEDIATE");
  try {
    const value = await fn(db, noPause);
    db.$client.exec("COMMIT");
    if (!db.$client.memory) {
      await new Promise<void>((resolve, reject) => syncWal(`${file}-wal`, (err) => (err ? reject(err) : resolve())));
    }
    return value;
  } catch (e) {
    if (db.$client.inTransaction) db.$client.exec("ROLLBACK");
    throw e;
  }
}

/**
 * The process's side of a long write that a worker thread commits: `run` starts it and settles when
 * the thread has committed or rolled back. On SQLite this takes the writers' turn (writes queued
 * through withTransaction wait, and a lone write that meets the lock is told to come back: 503),
 * and after it the WAL is checkpointed off the loop, as withLongTransaction does. PostgreSQL needs
 * nothing: the thread's transaction is on a connection of its own, invisible until it commits.
 */
export async function holdForThreadWrite<T>(run: () => Promise<T>): Promise<T> {
  if (ENGINE === "postgres") return run();
  const previous = g.__inkwellTxTail ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  g.__inkwellTxTail = previous.then(() => mine);
  await previous;
  const main = getDb();
  const file = main.$client.name;
  const flag = globalThis as unknown as { __inkwellLongWrite?: boolean };
  main.$client.pragma("wal_autocheckpoint = 0");
  main.$client.pragma("busy_timeout = 0");
  flag.__inkwellLongWrite = true;
  try {
    return await run();
  } finally {
    flag.__inkwellLongWrite = false;
    main.$client.pragma("busy_timeout = 5000");
    release();
    checkpointOffLoop(file, () => {
      if (main.$client.open) main.$client.pragma("wal_autocheckpoint = 1000");
    });
  }
}
