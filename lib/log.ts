// Structured logs: one JSON line per event. Callers pass facts, never secrets; keys that look
// secret are dropped here as a second line of defence.
const SECRET_KEY = /pass|secret|token|cookie|authorization|hash/i;

export function logEvent(event: string, fields: Record<string, unknown> = {}) {
  if (process.env.INKWELL_LOG === "off") return;
  const safe: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (!SECRET_KEY.test(k)) safe[k] = v;
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), event, ...safe }) + "\n");
}

/** The facts of a request error worth a log line: never headers (cookies), never the query string (tokens). */
export function requestErrorFields(err: unknown, request: { path: string; method: string }, context: { routePath?: string; routeType?: string }) {
  const digest = typeof err === "object" && err !== null && "digest" in err ? String((err as { digest: unknown }).digest) : undefined;
  return {
    method: request.method,
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    error: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 500) : String(err).slice(0, 500),
    digest,
  };
}
