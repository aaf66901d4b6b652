// The PostgreSQL engine against a real server (started by tests/unit/support/global-postgres.ts): its
// migrations, the start checks and their one-line errors, and the triggers that keep the content
// version and search in step with SQLite's.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres, pgInlined, pgMigrationStatus, pgNamedQuery, pgTransactionFrom, PG_MIGRATIONS_FOLDER, poolMax, type PgDb } from "@/db/postgres";
import { sql } from "drizzle-orm";
import { StartupError } from "@/db/startup-error";
import { getDb } from "@/db/client";
import { freshPgDatabase, serverUrl, urlFor } from "../support/postgres-harness";

// Counted from the committed journal, so that a new migration does not have to edit this test.
const PG_MIGRATIONS = (JSON.parse(fs.readFileSync(path.join(PG_MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
const dropAfter: (() => Promise<void>)[] = [];
const pools: PgDb[] = [];
afterAll(async () => {
  for (const p of pools) await p.$client.end().catch(() => {});
  for (const d of dropAfter) await d();
});

async function migrated(): Promise<{ db: PgDb; url: string }> {
  const fresh = await freshPgDatabase();
  dropAfter.push(fresh.drop);
  const db = await openPostgres(fresh.url, { max: 2 });
  pools.push(db);
  return { db, url: fresh.url };
}

async function q<T = Record<string, unknown>>(db: PgDb, text: string, values: unknown[] = []): Promise<T[]> {
  return (await db.$client.query(text, values)).rows as T[];
}

const version = async (db: PgDb) => Number((await q<{ n: string }>(db, "SELECT n FROM content_version WHERE id = 1"))[0].n);

describe("PostgreSQL migrations", () => {
  it("create every table of the SQLite schema, and applying them twice changes nothing", async () => {
    const { db, url } = await migrated();
    const tables = (await q<{ t: string }>(db, "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((r) => r.t);
    const sqliteTables = (getDb().$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'posts_fts%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY 1").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(sqliteTables);
    expect(await pgMigrationStatus(db.$client)).toEqual({ applied: PG_MIGRATIONS, known: PG_MIGRATIONS, current: true });
    const again = await openPostgres(url, { max: 1 });
    pools.push(again);
    expect(await pgMigrationStatus(again.$client)).toEqual({ applied: PG_MIGRATIONS, known: PG_MIGRATIONS, current: true });
  });

  it("have the same content-version triggers as SQLite's migrations", async () => {
    const { db } = await migrated();
    const pgTriggers = (await q<{ t: string }>(db, "SELECT tgname AS t FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1")).map((r) => r.t);
    const sqliteTriggers = (getDb().$client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'posts_fts%' ORDER BY 1").all() as { name: string }[]).map((r) => r.name);
    expect(pgTriggers).toEqual(sqliteTriggers);
  });

  it("move the content version on writes readers can see, and only on those", async () => {
    const { db } = await migrated();
    const v0 = await version(db);
    const [{ id: userId }] = await q<{ id: number }>(db, "INSERT INTO users (login, email, display_name, nicename, password_hash) VALUES ('a', 'a@x.test', 'A', 'a', 'h') RETURNING id");
    const v1 = await version(db);
    expect(v1).toBe(v0 + 1);
    await q(db, "UPDATE users SET password_hash = 'h2', session_epoch = 1 WHERE id = $1", [userId]);
    expect(await version(db)).toBe(v1);
    const [{ id: postId }] = await q<{ id: number }>(db, "INSERT INTO posts (slug, author_id, date, date_gmt, modified, modified_gmt) VALUES ('d', $1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:00:00') RETURNING id", [userId]);
    await q(db, "INSERT INTO post_meta (post_id, key, value) VALUES ($1, 'k', 'v')", [postId]);
    expect(await version(db)).toBe(v1); // a draft and its meta are nobody's business yet
    await q(db, "UPDATE posts SET status = 'publish' WHERE id = $1", [postId]);
    const v2 = await version(db);
    expect(v2).toBe(v1 + 1);
    const [{ id: commentId }] = await q<{ id: number }>(db, "INSERT INTO comments (post_id, date, date_gmt) VALUES ($1, '2026-01-01 00:00:00', '2026-01-01 00:00:00') RETURNING id", [postId]);
    await q(db, "INSERT INTO comment_meta (comment_id, key) VALUES ($1, 'k')", [commentId]);
    expect(await version(db)).toBe(v2); // held for moderation
    await q(db, "UPDATE comments SET status = '1' WHERE id = $1", [commentId]);
    expect(await version(db)).toBe(v2 + 1);
    await q(db, "INSERT INTO post_meta (post_id, key, value) VALUES ($1, 'k2', 'v')", [postId]);
    expect(await version(db)).toBe(v2 + 2);
  });

  it("move the content version once per transaction however many rows it writes, so a long import stays linear", async () => {
    const { db } = await migrated();
    const [{ id: userId }] = await q<{ id: number }>(db, "INSERT INTO users (login, email, display_name, nicename, password_hash) VALUES ('b', 'b@x.test', 'B', 'b', 'h') RETURNING id");
    const client = await db.$client.connect();
    const run = async (text: string, values: unknown[] = []) => (await client.query(text, values)).rows as { id: number }[];
    const insertPost = (slug: string) =>
      run("INSERT INTO posts (slug, status, author_id, date, date_gmt, modified, modified_gmt) VALUES ($1, 'publish', $2, '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:00:00') RETURNING id", [slug, userId]);
    try {
      const v0 = await version(db);
      await run("BEGIN");
      for (let i = 0; i < 50; i++) {
        const [{ id }] = await insertPost(`many-${i}`);
        await run("INSERT INTO post_meta (post_id, key, value) VALUES ($1, 'k', 'v')", [id]);
        await run("INSERT INTO comments (post_id, status, date, date_gmt) VALUES ($1, '1', '2026-01-01 00:00:00', '2026-01-01 00:00:00')", [id]);
      }
      await run("COMMIT");
      expect(await version(db)).toBe(v0 + 1);
      // Each transaction of its own moves it again.
      await insertPost("alone");
      expect(await version(db)).toBe(v0 + 2);
      // A change undone with its savepoint takes its step back too: the next change still moves it.
      await run("BEGIN");
      await run("SAVEPOINT s");
      await insertPost("undone");
      await run("ROLLBACK TO SAVEPOINT s");
      await insertPost("kept");
      await run("COMMIT");
      expect(await version(db)).toBe(v0 + 3);
      expect(await q(db, "SELECT slug FROM posts WHERE slug IN ('undone', 'kept')")).toEqual([{ slug: "kept" }]);
    } finally {
      client.release();
    }
  });

  it("index titles and content for ranked, accent-blind full-text search with snippets", async () => {
    const { db } = await migrated();
    const [{ id: userId }] = await q<{ id: number }>(db, "INSERT INTO users (login, email, display_name, nicename, password_hash) VALUES ('a', 'a@x.test', 'A', 'a', 'h') RETURNING id");
    const insert = (slug: string, title: string, content: string) =>
      q(db, "INSERT INTO posts (slug, title, content, status, author_id, date, date_gmt, modified, modified_gmt) VALUES ($1, $2, $3, 'publish', $4, '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:00:00')", [slug, title, content, userId]);
    await insert("body", "Notes", "We met at the café on Sunday.");
    await insert("title", "Café society", "Nothing else here.");
    await insert("other", "Gardening", "Tomatoes.");
    // The stored vector (drizzle-pg/0013): title weighted A, content B, kept by PostgreSQL.
    const doc = "search_vector";
    const rows = await q<{ slug: string; snippet: string }>(db,
      `SELECT slug, ts_headline('inkwell', content, websearch_to_tsquery('inkwell', $1), 'StartSel=<mark>, StopSel=</mark>') AS snippet
       FROM posts WHERE (${doc}) @@ websearch_to_tsquery('inkwell', $1) ORDER BY ts_rank(${doc}, websearch_to_tsquery('inkwell', $1)) DESC`, ["cafe"]);
    expect(rows.map((r) => r.slug)).toEqual(["title", "body"]);
    expect(rows[1].snippet).toContain("<mark>café</mark>");
    // An edited title is searchable at once: the column follows every update.
    await q(db, "UPDATE posts SET title = 'Cafe gardens' WHERE slug = 'other'");
    expect((await q<{ slug: string }>(db, `SELECT slug FROM posts WHERE (${doc}) @@ websearch_to_tsquery('inkwell', 'cafe') ORDER BY slug`)).map((r) => r.slug)).toEqual(["body", "other", "title"]);
    // Hostile input is a query with no match, never an error.
    for (const input of ['"unclosed', "a & | ! (", "OR OR -", "'); DROP TABLE posts; --", "x".repeat(10_000)]) {
      await expect(q(db, `SELECT count(*) FROM posts WHERE (${doc}) @@ websearch_to_tsquery('inkwell', $1)`, [input])).resolves.toBeDefined();
    }
    const plan = await q<{ "QUERY PLAN": string }>(db, `EXPLAIN SELECT id FROM posts WHERE (${doc}) @@ websearch_to_tsquery('inkwell', 'cafe')`);
    await q(db, "SET enable_seqscan = off");
    const forced = (await q<{ "QUERY PLAN": string }>(db, `EXPLAIN SELECT id FROM posts WHERE (${doc}) @@ websearch_to_tsquery('inkwell', 'cafe')`)).map((r) => r["QUERY PLAN"]).join("\n");
    expect(plan.length).toBeGreaterThan(0);
    expect(forced).toContain("posts_fts");
  });
});

describe("Hot statements on PostgreSQL", () => {
  it("run as named statements, parsed once per connection, at most 64 names a connection", async () => {
    const { db } = await migrated();
    const client = await db.$client.connect();
    try {
      const names = async () => (await client.query<{ name: string }>("SELECT name FROM pg_prepared_statements")).rows.map((r) => r.name);
      const a = await pgNamedQuery<{ x: number }>(client, sql`SELECT ${7}::int AS x`);
      const b = await pgNamedQuery<{ x: number }>(client, sql`SELECT ${8}::int AS x`);
      expect([a.rows[0].x, b.rows[0].x]).toEqual([7, 8]);
      expect(await names()).toHaveLength(1);
      for (let i = 0; i < 80; i++) expect((await pgNamedQuery<{ x: number }>(client, `SELECT $1::int + ${i} AS x`, [1])).rows[0].x).toBe(1 + i);
      // 64 names, then the rest run unnamed (and still answer).
      expect(await names()).toHaveLength(64);
    } finally {
      client.release();
    }
  });

  it("a transaction whose BEGIN carries its first statement commits, or rolls back everything when the body throws", async () => {
    const { db } = await migrated();
    const value = async (name: string) => (await q<{ value: string }>(db, "SELECT value FROM options WHERE name = $1", [name]))[0]?.value;
    const out = await pgTransactionFrom(db, "INSERT INTO options (name, value) VALUES ('tx_from_first', '1')", async (tx) => {
      await tx.$client.query("INSERT INTO options (name, value) VALUES ('tx_from_body', '2')");
      return "done";
    });
    expect([out, await value("tx_from_first"), await value("tx_from_body")]).toEqual(["done", "1", "2"]);
    await expect(
      pgTransactionFrom(db, "INSERT INTO options (name, value) VALUES ('tx_from_first_2', '1')", async (tx) => {
        await tx.$client.query("INSERT INTO options (name, value) VALUES ('tx_from_body_2', '2')");
        throw new Error("no room");
      }),
    ).rejects.toThrow("no room");
    expect([await value("tx_from_first_2"), await value("tx_from_body_2")]).toEqual([undefined, undefined]);
    // A last statement goes with the COMMIT, its values written in: any text arrives as it was.
    const nasty = "it's a \\ back'slash $1 and ''quotes'' \n\u00e9";
    await pgTransactionFrom(db, "SELECT 1", async (_tx, end) => {
      end(sql`INSERT INTO options (name, value) VALUES (${"tx_last"}, ${nasty})`);
    });
    expect(await value("tx_last")).toBe(nasty);
    expect(pgInlined(sql`SELECT ${1}::int, ${null}::text, ${true}, ${"a'b"}`)).toBe("SELECT 1::int, NULL::text, TRUE, 'a''b'");
    // A last statement that fails takes the whole transaction with it.
    await expect(
      pgTransactionFrom(db, "INSERT INTO options (name, value) VALUES ('tx_from_first_3', '1')", async (_tx, end) => {
        end(sql`INSERT INTO no_such_table VALUES (${1})`);
      }),
    ).rejects.toThrow(/no_such_table/);
    expect(await value("tx_from_first_3")).toBeUndefined();
    // A failing first statement fails the transaction; the connection goes back to the pool usable.
    await expect(pgTransactionFrom(db, "SELECT * FROM no_such_table", async () => "never")).rejects.toThrow(/no_such_table/);
    expect((await q<{ n: number }>(db, "SELECT 1 AS n"))[0].n).toBe(1);
  });
});

describe("Starting on PostgreSQL", () => {
  const expectStartupError = async (p: Promise<unknown>, pattern: RegExp) => {
    const err = await p.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(pattern);
    expect((err as Error).message).not.toContain("\n");
  };

  it("says in one line when the server refuses the connection", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    await expectStartupError(openPostgres(`postgresql://u:p@127.0.0.1:${port}/x`), /refused the connection: start the server/);
  });

  it("says in one line when the password is wrong, without showing it", async () => {
    const u = new URL(serverUrl());
    u.password = "not-the-password";
    const err = await openPostgres(u.toString()).then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/refused the password for user "postgres": fix the password/);
    expect(err?.message).not.toContain("not-the-password");
  });

  it("says in one line when the database does not exist", async () => {
    await expectStartupError(openPostgres(urlFor("no_such_inkwell_db")), /the database does not exist: create it/);
  });

  it("refuses a server older than PostgreSQL 15 (checked against the running server's version)", async () => {
    const fresh = await freshPgDatabase();
    dropAfter.push(fresh.drop);
    const { openPostgres: open } = await import("@/db/postgres");
    // The running server is 15+, so raise the bar instead of lowering the server: same check, same words.
    await expectStartupError(open(fresh.url, { minVersion: 9_990_000 }), /Inkwell needs PostgreSQL 15 or newer: upgrade the server/);
    const c = new pg.Client({ connectionString: fresh.url });
    await c.connect();
    const tables = await c.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    await c.end();
    expect(tables.rows[0].n).toBe(0);
  });

  it("refuses a database written by a newer Inkwell and changes nothing", async () => {
    const { db, url } = await migrated();
    await q(db, "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('future', $1)", [Date.now() + 10 * 365 * 86_400_000]);
    await expectStartupError(openPostgres(url), /written by a newer version of Inkwell/);
    expect(await pgMigrationStatus(db.$client)).toMatchObject({ applied: PG_MIGRATIONS + 1 });
  });

  it("never leaves a half-migrated schema: a failing migration rolls back every statement", async () => {
    const fresh = await freshPgDatabase();
    dropAfter.push(fresh.drop);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-pg-migrations-"));
    fs.cpSync(PG_MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalPath, "utf8"));
    const last = journal.entries[journal.entries.length - 1];
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: "0099_broken" });
    fs.writeFileSync(journalPath, JSON.stringify(journal));
    fs.writeFileSync(path.join(folder, "0099_broken.sql"), "CREATE TABLE half (id integer);\n--> statement-breakpoint\nSELECT no_such_function();");
    await expectStartupError(openPostgres(fresh.url, { migrationsFolder: folder }), /failed and was rolled back, nothing changed/);
    const c = new pg.Client({ connectionString: fresh.url });
    await c.connect();
    const tables = await c.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    await c.end();
    expect(tables.rows[0].n).toBe(0);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("sizes the pool from DATABASE_POOL_MAX, and refuses a nonsense value", () => {
    expect(poolMax({ DATABASE_POOL_MAX: "25" })).toBe(25);
    expect(poolMax({})).toBeGreaterThanOrEqual(4);
    expect(() => poolMax({ DATABASE_POOL_MAX: "lots" })).toThrow(/DATABASE_POOL_MAX "lots" must be a whole number/);
  });

  it("migrates once when several processes start together", async () => {
    const fresh = await freshPgDatabase();
    dropAfter.push(fresh.drop);
    const dbs = await Promise.all([1, 2, 3].map(() => openPostgres(fresh.url, { max: 1 })));
    pools.push(...dbs);
    expect(await pgMigrationStatus(dbs[0].$client)).toEqual({ applied: PG_MIGRATIONS, known: PG_MIGRATIONS, current: true });
  });
});
