// A commit whose fsync runs off the event loop, with the durability of synchronous=FULL.
//
// With synchronous=FULL SQLite fsyncs the WAL inside COMMIT, and better-sqlite3 runs COMMIT on the
// one thread that serves every request: each commit stops the whole server for the disk's flush
// (longer when other programs share the disk; `npm run bench:comments` measures the result). Here the transaction commits with
// synchronous=NORMAL (its frames are written to the WAL, not flushed), synchronous goes back to
// FULL for every other writer, and the WAL is fsynced on libuv's thread pool; the caller answers
// only once that fsync returns. What is on disk before anyone is answered is what FULL would have
// put there: the WAL's frames up to and including this commit (its one fsync, done by us).
// Checkpoints are unaffected: with NORMAL, SQLite still syncs the WAL before a checkpoint and the
// database after it, so a WAL restart never overwrites frames that are not safe in the database.
// The WAL's directory is fsynced once per connection, as SQLite does when it creates the WAL.
//
// fsyncs are coalesced: a commit that lands while one is in flight waits for the next one, which
// then covers every commit made meanwhile (one flush for many batches, never one too early).
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

type Waiter = (err: NodeJS.ErrnoException | null) => void;
interface WalState {
  inFlight: boolean;
  waiting: Waiter[];
  /**
   * The WAL's directory entry has been fsynced. The WAL file lives as long as a connection to the
   * database is open, so once per connection is enough (SQLite does it when it creates one).
   */
  dirSynced: boolean;
}

const globalForWal = globalThis as unknown as { __inkwellWalSync?: Map<string, WalState> };

function syncOnce(file: string, state: WalState, done: (err: NodeJS.ErrnoException | null) => void) {
  fs.open(file, "r", (err, fd) => {
    if (err) return done(err);
    const finish = (e: NodeJS.ErrnoException | null) => fs.close(fd, () => done(e));
    fs.fsync(fd, (err) => {
      if (err || state.dirSynced) return finish(err);
      fs.open(path.dirname(file), "r", (err, dirFd) => {
        if (err) return finish(err);
        fs.fsync(dirFd, (err) => {
          if (!err) state.dirSynced = true;
          fs.close(dirFd, () => finish(err));
        });
      });
    });
  });
}

function startSync(file: string, state: WalState) {
  state.inFlight = true;
  const waiters = state.waiting.splice(0);
  syncOnce(file, state, (err) => {
    state.inFlight = false;
    for (const w of waiters) w(err);
    if (state.waiting.length) startSync(file, state);
  });
}

function stateOf(walFile: string): WalState {
  const states = (globalForWal.__inkwellWalSync ??= new Map());
  let state = states.get(walFile);
  if (!state) states.set(walFile, (state = { inFlight: false, waiting: [], dirSynced: false }));
  return state;
}

/** Calls `cb` once everything this process has written to `walFile` so far is on disk. */
export function syncWal(walFile: string, cb: Waiter) {
  const state = stateOf(walFile);
  state.waiting.push(cb);
  if (!state.inFlight) startSync(walFile, state);
}

const walOf = new WeakMap<Database.Database, { file: string; level: number } | null>();

/** The WAL of a file database in WAL mode with synchronous FULL or EXTRA; null otherwise. */
function walOfClient(client: Database.Database) {
  let w = walOf.get(client);
  if (w === undefined) {
    const mode = String(client.pragma("journal_mode", { simple: true })).toLowerCase();
    const level = Number(client.pragma("synchronous", { simple: true }));
    w = !client.memory && mode === "wal" && level >= 2 ? { file: `${client.name}-wal`, level } : null;
    walOf.set(client, w);
    // A new connection may have created the WAL afresh: its directory entry is synced again.
    if (w) stateOf(w.file).dirSynced = false;
  }
  return w;
}

/**
 * Runs `commit` (which opens and commits its own transaction) without waiting on the disk, then
 * calls `durable` once what it committed is flushed; if `commit` throws, `durable` is not called.
 * A connection that is not in WAL mode with synchronous FULL commits as it is configured, and
 * `durable` is called at once.
 */
export function commitOffLoop<T>(client: Database.Database, commit: () => T, durable: (err: NodeJS.ErrnoException | null) => void): T {
  const wal = walOfClient(client);
  if (!wal) {
    const value = commit();
    durable(null);
    return value;
  }
  client.pragma("synchronous = NORMAL");
  let value: T;
  try {
    value = commit();
  } finally {
    client.pragma(`synchronous = ${wal.level}`);
  }
  syncWal(wal.file, durable);
  return value;
}
