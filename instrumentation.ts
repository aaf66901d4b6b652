// Next's startup hook: the background job poller runs in the Node.js server process only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.INKWELL_JOBS === "off" || process.env.NEXT_PHASE === "phase-production-build") return;
  await import("@/lib/jobs");
  const { startJobPoller } = await import("@/lib/jobs/queue");
  startJobPoller();
}
