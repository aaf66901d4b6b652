// Which engine this process runs, from DATABASE_URL as it was when the process started: a path or
// `file:` URL is SQLite, `postgres://` or `postgresql://` is PostgreSQL. Decided once, at load,
// because db/tables.ts hands every query the tables of that engine; a process never switches.
export type Engine = "sqlite" | "postgres";

export function engineOf(url: string | undefined): Engine {
  return /^postgres(ql)?:\/\//i.test(url ?? "") ? "postgres" : "sqlite";
}

export const ENGINE: Engine = engineOf(process.env.DATABASE_URL);

/** Refuses a DATABASE_URL changed to the other engine after start (tests, scripts). */
export function assertEngine(url: string | undefined): void {
  const e = engineOf(url);
  if (e !== ENGINE) {
    throw new Error(`DATABASE_URL names ${e} but this process started on ${ENGINE}; the engine is chosen once, at start.`);
  }
}
