// Code inside Next adds to the server's Prometheus registry (server/observe.mjs) through this
// module, which reaches it through the server's interface (server/wing.ts). Outside the production server (tests, scripts) there is no registry and these do nothing.
import { wing, type ServerMetrics } from "@/server/wing";

const server = () => wing().server?.metrics;

/** A request refused by the rate limit named `limit` (sign-in, comments, password reset…). */
export function countRateLimited(limit: string) {
  server()?.rateLimited.inc({ limit });
}

/** Lets /metrics ask the job queue and the database at scrape time. */
export function registerMetricHooks(hooks: ServerMetrics["hooks"]) {
  const m = server();
  if (m) Object.assign(m.hooks, hooks);
}
