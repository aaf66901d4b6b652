// A fresh, empty PostgreSQL database per test file on the run's server (tests/unit/support/global-postgres.ts).
import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export function serverUrl(): string {
  return inject("pgUrl");
}

export function urlFor(database: string): string {
  const u = new URL(serverUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates an empty database and returns its URL and a function that drops it. */
export async function freshPgDatabase(opts: { migrated?: boolean } = {}): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `inkwell_t_${crypto.randomBytes(6).toString("hex")}`;
  // A migrated one is a copy of the run's template (tests/unit/support/global-postgres.ts), which has every
  // migration applied: a file copy instead of running them again for each test file.
  const template = opts.migrated ? inject("pgTemplate") : "template0";
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`));
  return {
    url: urlFor(name),
    name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
