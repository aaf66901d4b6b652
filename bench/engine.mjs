// `--engine sqlite|postgres` for the benches. PostgreSQL is a throwaway server of its own (the same
// one the tests start, scripts/throwaway-postgres.mjs) unless BENCH_DATABASE_URL_PG names a server
// (a superuser URL: the bench creates and drops a database of its own there).
import Database from "better-sqlite3";
import pg from "pg";
import { startThrowawayPostgres } from "../scripts/throwaway-postgres.mjs";

export function engineArg(argv = process.argv.slice(2)) {
  const i = argv.findIndex((a) => a === "--engine" || a.startsWith("--engine="));
  const value = i < 0 ? "sqlite" : argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  if (value !== "sqlite" && value !== "postgres") {
    console.error(`--engine must be sqlite or postgres, not "${value}"`);
    process.exit(2);
  }
  return value;
}

/** `--workers N`: server processes (WEB_CONCURRENCY) for the benches; 1 unless given. */
export function workersArg(argv = process.argv.slice(2)) {
  const i = argv.findIndex((a) => a === "--workers" || a.startsWith("--workers="));
  if (i < 0) return 1;
  const value = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`--workers must be a whole number from 1 to 64, not "${value}"`);
    process.exit(2);
  }
  return n;
}

/**
 * Permalinks (the bench's /%year%/%monthnum%/%day%/%postname%/) of `count` published posts from
 * id `from` on, read from the seeded SQLite file (PostgreSQL gets the same rows, ids included).
 */
export function missLoadPaths(file, from, count) {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare("SELECT slug, date FROM posts WHERE type = 'post' AND status = 'publish' AND id >= ? ORDER BY id LIMIT ?").all(from, count);
    return rows.map((r) => `/${r.date.slice(0, 4)}/${r.date.slice(5, 7)}/${r.date.slice(8, 10)}/${r.slug}/`);
  } finally {
    db.close();
  }
}

/** A fresh, empty PostgreSQL database for a bench: its URL, a query helper, and stop(). */
export async function benchPostgres(name = "inkwell_bench") {
  const given = process.env.BENCH_DATABASE_URL_PG;
  const server = given ? null : await startThrowawayPostgres();
  const admin = new URL(given ?? server.url);
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async query(text, values = []) {
      const q = new pg.Client({ connectionString: url.toString() });
      await q.connect();
      try {
        return (await q.query(text, values)).rows;
      } finally {
        await q.end();
      }
    },
    stop() {
      server?.stop();
    },
  };
}
