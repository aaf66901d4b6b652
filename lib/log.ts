// Structured logs through pino: one JSON line per event, with a level, beside the server's request
// lines (server/observe.mjs). Callers pass facts, never secrets; keys that look secret are dropped
// here as a second line of defence. LOG_LEVEL chooses what is written (INKWELL_LOG=off: nothing).
import pino, { type Logger } from "pino";

const SECRET_KEY = /pass|secret|token|cookie|authorization|hash/i;

export type LogLevel = "error" | "warn" | "info" | "debug";

let logger: Logger | undefined;
let loggerFor = "";

function current(): Logger {
  const level = process.env.INKWELL_LOG === "off" ? "silent" : (process.env.LOG_LEVEL || "info").toLowerCase();
  if (!logger || loggerFor !== level) {
    logger = pino(
      { level: pino.levels.values[level] !== undefined || level === "silent" ? level : "info", base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
      process.stdout,
    );
    loggerFor = level;
  }
  return logger;
}

export function logEvent(event: string, fields: Record<string, unknown> = {}, level: LogLevel = "info") {
  const log = current();
  if (!log.isLevelEnabled(level)) return;
  const safe: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (!SECRET_KEY.test(k)) safe[k] = v;
  log[level]({ event, ...safe });
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
