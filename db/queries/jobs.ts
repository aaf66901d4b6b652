// The durable job queue. A job is claimed with one UPDATE ... RETURNING, so two pollers (or two
// processes on one database) never run the same job; `locked_until` lets a job whose runner
// crashed be claimed again once the lock expires.
// On SQLite the one writer makes that UPDATE atomic by itself. On PostgreSQL the subquery that
// picks the job locks its row (FOR UPDATE SKIP LOCKED): a claimer running beside another skips the
// row the other holds instead of waiting for it and then taking the same job, and a row changed
// meanwhile is checked again against the WHERE before it is locked (tests/unit/linkbacks/send-jobs.test.ts).
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { ENGINE } from "../engine";
import { affected } from "../index";
import { first, only } from "../rows";
import { jobs, type Job } from "../tables";

export async function insertJob(type: string, payload: unknown, now = Date.now(), runAt = now): Promise<Job> {
  return only(await getDb().insert(jobs).values({ type, payload: JSON.stringify(payload), runAt, createdAt: now }).returning());
}

/** Claims the next due job (or one whose lock expired), marking it running until now + lockMs. */
export async function claimJob(now = Date.now(), lockMs = 60_000): Promise<Job | undefined> {
  return getDb()
    .update(jobs)
    .set({ status: "running", attempts: sql`${jobs.attempts} + 1`, lockedUntil: now + lockMs })
    .where(
      eq(
        jobs.id,
        sql`(SELECT id FROM jobs WHERE (status = 'queued' AND run_at <= ${now})
                OR (status = 'running' AND locked_until < ${now})
              ORDER BY run_at, id LIMIT 1${ENGINE === "postgres" ? sql` FOR UPDATE SKIP LOCKED` : sql``})`,
      ),
    )
    .returning()
    .then(first);
}

/** Claims this job if it is still waiting (the command line sends its mail at once). */
export async function claimJobById(id: number, now = Date.now(), lockMs = 60_000): Promise<Job | undefined> {
  return getDb()
    .update(jobs)
    .set({ status: "running", attempts: sql`${jobs.attempts} + 1`, lockedUntil: now + lockMs })
    .where(and(eq(jobs.id, id), eq(jobs.status, "queued")))
    .returning()
    .then(first);
}

/** Marks the job done; `forgetPayload` empties its payload (one that held a secret, such as a signing key). */
export async function completeJob(id: number, forgetPayload = false) {
  await getDb().update(jobs).set({ status: "done", lockedUntil: null, lastError: "", ...(forgetPayload ? { payload: "{}" } : {}) }).where(eq(jobs.id, id));
}

/** Puts the job back for another try at `runAt`, or marks it failed for good; with a payload, that replaces the job's (narrowed to what failed, or emptied). */
export async function failJob(id: number, error: string, runAt: number | null, payload?: unknown) {
  const lastError = error.slice(0, 1000);
  await getDb()
    .update(jobs)
    .set(
      runAt === null
        ? { status: "failed", lockedUntil: null, lastError, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) }
        : { status: "queued", runAt, lockedUntil: null, lastError, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) },
    )
    .where(eq(jobs.id, id));
}

export async function getJob(id: number): Promise<Job | undefined> {
  return getDb().select().from(jobs).where(eq(jobs.id, id)).then(first);
}

/** A queued (not yet running) job of this type and payload: enqueueing again is then a no-op. */
export async function findQueuedJob(type: string, payload: unknown): Promise<Job | undefined> {
  return getDb()
    .select()
    .from(jobs)
    .where(and(eq(jobs.type, type), eq(jobs.payload, JSON.stringify(payload)), eq(jobs.status, "queued")))
    .orderBy(jobs.id)
    .limit(1)
    .then(first);
}


/** Forgets finished jobs (done or failed for good) created before `before` (ms epoch). */
export async function deleteFinishedJobs(before: number): Promise<number> {
  return affected(await getDb().delete(jobs).where(and(inArray(jobs.status, ["done", "failed"]), lt(jobs.createdAt, before))));
}

/** The latest jobs of these types, newest first (Tools → Mail lists the mail jobs). */
export async function listRecentJobs(types: string[], limit: number): Promise<Job[]> {
  return getDb().select().from(jobs).where(inArray(jobs.type, types)).orderBy(desc(jobs.createdAt), desc(jobs.id)).limit(limit);
}

/** Jobs by status, for /metrics: the backlog (queued, running) and those that gave up (failed). */
export async function countJobsByStatus(): Promise<Record<string, number>> {
  const rows = await getDb()
    .select({ status: jobs.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(jobs)
    .where(inArray(jobs.status, ["queued", "running", "failed"]))
    .groupBy(jobs.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
