// vitest global setup: one PostgreSQL server for the whole run. TEST_DATABASE_URL_PG names an existing
// server (a superuser URL: each test file creates its own database); without it a throwaway server is
// started from the installed binaries and stopped at the end, as the e2e suite starts nginx.
import type { TestProject } from "vitest/node";
import pg from "pg";
import { startThrowawayPostgres } from "../../../scripts/throwaway-postgres.mjs";
import { openPostgres } from "../../../db/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
    pgTemplate: string;
  }
}

/**
 * A database with every migration applied, from which each test file's database is copied
 * (CREATE DATABASE … TEMPLATE): running the migrations once per run instead of once per file.
 */
async function migratedTemplate(serverUrl: string): Promise<string> {
  const name = `inkwell_template_${process.pid}`;
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await c.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), { max: 1 });
  await db.$client.end();
  return name;
}

export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL_PG;
  if (given) {
    project.provide("pgUrl", given);
    project.provide("pgTemplate", await migratedTemplate(given));
    return;
  }
  const server = await startThrowawayPostgres();
  project.provide("pgUrl", server.url);
  project.provide("pgTemplate", await migratedTemplate(server.url));
  return () => server.stop();
}
