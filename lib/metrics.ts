// Code inside Next adds to the server's Prometheus registry (scripts/observe.mjs) through this
// module. Outside the production server (tests, scripts) there is no registry and these do nothing.
interface ServerMetrics {
  rateLimited: { inc(labels: { limit: string }): void };
  hooks: {
    jobs?: () => Promise<Record<string, number>>;
    pool?: () => Promise<{ engine: string; total: number; idle: number; waiting: number }>;
  };
}

const server = () => (globalThis as unknown as { __inkwellMetrics?: ServerMetrics }).__inkwellMetrics;

/** A request refused by the rate limit named `limit` (sign-in, comments, password reset…). */
export function countRateLimited(limit: string) {
  server()?.rateLimited.inc({ limit });
}

/** Lets /metrics ask the job queue and the database at scrape time. */
export function registerMetricHooks(hooks: ServerMetrics["hooks"]) {
  const m = server();
  if (m) Object.assign(m.hooks, hooks);
}
