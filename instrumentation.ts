import type { Instrumentation } from "next";

// Next's start-up hook, run once in the Node.js server process before it serves: the app's half of
// the server's interface (server/app.ts), the metrics' hooks, and the background job poller.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { registerApp } = await import("@/server/app");
  registerApp();
  const { registerMetricHooks } = await import("@/lib/metrics");
  const { countJobsByStatus } = await import("@/db/queries/jobs");
  const { dbPoolStats } = await import("@/db");
  registerMetricHooks({ jobs: countJobsByStatus, pool: async () => dbPoolStats() });
  if (process.env.INKWELL_JOBS === "off") return;
  await import("@/lib/jobs");
  const { startJobPoller } = await import("@/lib/jobs/queue");
  startJobPoller();
}

// One JSON line per request error (method, path without its query, route, message), next to
// Next's own stack trace on stderr. Headers, and so cookies, are never logged.
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME === "edge") return;
  const { logEvent, requestErrorFields } = await import("@/lib/log");
  logEvent("request_error", requestErrorFields(err, request, context), "error");
};
