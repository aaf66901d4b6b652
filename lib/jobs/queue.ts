// The job runner: claims due jobs from SQLite one at a time (bounded concurrency), runs their
// handler, retries failures with exponential backoff, and survives restarts because every
// state lives in the `jobs` table. A crashed runner's job is claimed again when its lock ends.
import { after } from "next/server";
import { deleteExpiredKvValues } from "@/db/queries/federation";
import { claimJob, claimJobById, completeJob, deleteFinishedJobs, failJob, getJob, insertJob } from "@/db/queries/jobs";
import type { Job } from "@/db/schema";
import { logEvent } from "@/lib/log";

export type JobHandler = (payload: unknown) => Promise<void>;

/** Thrown by a handler to be retried with a different payload (e.g. only what failed). */
export class RetryWith extends Error {
  constructor(message: string, public payload: unknown) {
    super(message);
  }
}

/** Thrown by a handler when another try cannot succeed: the job is marked failed at once. */
export class GiveUp extends Error {}

export const MAX_ATTEMPTS = 6;
// Longer than the longest job (50 links × a few 10 s fetches); a crashed job waits this long.
export const LOCK_MS = 15 * 60_000;
/** 30 s, 2 min, 8 min, 32 min, ~2 h: the delay before attempt n+1. */
export function backoffMs(attempts: number, baseMs = Number(process.env.INKWELL_JOB_BACKOFF_MS || 30_000)): number {
  return baseMs * 4 ** Math.max(0, attempts - 1);
}

const handlers = new Map<string, JobHandler>();
// Types whose payload is emptied once the job has ended (done, or failed for good): Fedify's
// delivery messages carry the blog's private key, which should not sit in a week of finished jobs.
const forgetful = new Set<string>();

export function registerJobHandler(type: string, handler: JobHandler, opts: { forgetPayload?: boolean } = {}) {
  handlers.set(type, handler);
  if (opts.forgetPayload) forgetful.add(type);
}

export async function enqueueJob(type: string, payload: unknown, delayMs = 0) {
  const now = Date.now();
  return await insertJob(type, payload, now, now + delayMs);
}

/** Runs one due job, if any. Returns false when nothing was due. */
export async function runOneJob(now = Date.now()): Promise<boolean> {
  const job = await claimJob(now, LOCK_MS);
  if (!job) return false;
  await runClaimed(job);
  return true;
}

/**
 * Runs this job now, whatever its due time, for a caller that reports the outcome itself (the
 * command line, which may run while no server polls). If a poller took it first, waits for that
 * run. Returns the job as it ended this try: done, queued again for a retry, or failed.
 */
export async function runJobNow(id: number, waitMs = 30_000): Promise<Job | undefined> {
  const job = await claimJobById(id, Date.now(), LOCK_MS);
  if (job) await runClaimed(job);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const now = await getJob(id);
    if (!now || now.status !== "running" || Date.now() > deadline) return now;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function runClaimed(job: Job): Promise<void> {
  const handler = handlers.get(job.type);
  try {
    if (!handler) throw new Error(`no handler for job type ${job.type}`);
    await handler(JSON.parse(job.payload));
    await completeJob(job.id, forgetful.has(job.type));
    logEvent("job.done", { id: job.id, type: job.type, attempts: job.attempts });
  } catch (e) {
    const message = (e as Error).message || String(e);
    const retryAt = job.attempts < MAX_ATTEMPTS && handler && !(e instanceof GiveUp) ? Date.now() + backoffMs(job.attempts) : null;
    await failJob(job.id, message, retryAt, retryAt === null ? (forgetful.has(job.type) ? {} : undefined) : e instanceof RetryWith ? e.payload : undefined);
    logEvent("job.failed", { id: job.id, type: job.type, attempts: job.attempts, retryAt, error: message }, "warn");
  }
}

/** Runs due jobs until none is left (bounded, so a flood cannot pin the process). */
export async function drainJobs(max = 50, shouldStop: () => boolean = () => false): Promise<number> {
  let n = 0;
  while (n < max && !shouldStop() && (await runOneJob())) n++;
  return n;
}

// One poller per process, kept on globalThis (Next may load this module in several bundles).
/** Finished jobs are kept a week (for a look at what happened), then deleted. */
export const KEEP_FINISHED_MS = 7 * 24 * 3600_000;

interface PollerState {
  lastCleanup?: number;
  timer: NodeJS.Timeout | null;
  running: Promise<unknown> | null;
  stopped: boolean;
}
const g = globalThis as unknown as { __inkwellJobs?: PollerState };

function state(): PollerState {
  g.__inkwellJobs ??= { timer: null, running: null, stopped: false };
  return g.__inkwellJobs;
}

/** Runs the queue right after the current response, when called inside a request. */
export function nudgeJobs() {
  try {
    after(() => kickJobs());
  } catch {
    // Outside a request (scripts, tests): the poller picks the job up.
  }
}

/** Runs due jobs now unless a run is already going (the poller or an after() nudge). */
export function kickJobs(): Promise<unknown> {
  const s = state();
  if (s.stopped) return Promise.resolve();
  if (!s.running) {
    s.running = drainJobs(50, () => s.stopped)
      .catch((e) => logEvent("job.poller_error", { error: (e as Error).message }, "error"))
      .finally(() => {
        s.running = null;
      });
  }
  return s.running;
}

export const POLL_MS = Number(process.env.INKWELL_JOB_POLL_MS || 2000);

/** Starts the poller (from instrumentation.ts). */
export function startJobPoller() {
  const s = state();
  if (s.timer) return;
  s.stopped = false;
  // Each tick claims due jobs, including "running" ones whose runner died (expired lock).
  const tick = async () => {
    try {
      if (!s.lastCleanup || Date.now() - s.lastCleanup > 3600_000) {
        s.lastCleanup = Date.now();
        await deleteFinishedJobs(Date.now() - KEEP_FINISHED_MS);
        // Fedify's cached documents and marks past their TTL (reads already ignore them).
        await deleteExpiredKvValues();
      }
      await kickJobs();
    } finally {
      if (!s.stopped) s.timer = setTimeout(() => void tick(), POLL_MS).unref();
    }
  };
  s.timer = setTimeout(() => void tick(), 200).unref();
}

/** On SIGTERM (server/main.mjs): stop claiming; resolves when the job in hand has finished. */
export async function stopJobPoller(): Promise<void> {
  const s = state();
  s.stopped = true;
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  await s.running;
}
