// `--engine sqlite|postgres` for the benches. PostgreSQL is a throwaway server of its own (the same
// one the tests start, scripts/throwaway-postgres.mjs) unless BENCH_DATABASE_URL_PG names a server
// (a superuser URL: the bench creates and drops a database of its own there).
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
