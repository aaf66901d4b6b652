// vitest global setup: one PostgreSQL server for the whole run. TEST_DATABASE_URL_PG names an existing
// server (a superuser URL: each test file creates its own database); without it a throwaway server is
// started from the installed binaries and stopped at the end, as the e2e suite starts nginx.
import type { TestProject } from "vitest/node";
import { startThrowawayPostgres } from "../../scripts/throwaway-postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL_PG;
  if (given) {
    project.provide("pgUrl", given);
    return;
  }
  const server = await startThrowawayPostgres();
  project.provide("pgUrl", server.url);
  return () => server.stop();
}
