// Tools → Import's jobs, kept in the database so that any server process can show an import's
// progress and take its author form (several processes or machines share one database). The
// process that runs an import writes its state as it goes; every other one only reads it.
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { first } from "../rows";
import { importJobFiles, importJobs } from "../tables";

// Whether the job's read file is waiting (import_job_files): asked without reading the file.
const hasFile = sql`EXISTS (SELECT 1 FROM ${importJobFiles} WHERE ${importJobFiles.jobId} = ${importJobs.id})`;

export interface ImportJobRow {
  id: string;
  userId: number;
  state: string;
  hasParsed: boolean;
  startedAt: number;
  endedAt: number | null;
  updatedAt: number;
}

/** Inserts or overwrites the job's state; `parsed` is written only when given (null empties it). */
export async function saveImportJob(row: { id: string; userId: number; state: string; startedAt: number; endedAt: number | null; parsed?: string | null }, now = Date.now()) {
  // Single statements, not a transaction: while an import holds SQLite's write lock a save fails at
  // once and the next one carries the state (app/admin/tools/import/_lib/jobs.ts), where a
  // transaction would queue behind the whole import.
  const set = { state: row.state, endedAt: row.endedAt, updatedAt: now };
  const db = getDb();
  await db
    .insert(importJobs)
    .values({ id: row.id, userId: row.userId, startedAt: row.startedAt, ...set })
    .onConflictDoUpdate({ target: importJobs.id, set });
  if (row.parsed === null) await db.delete(importJobFiles).where(eq(importJobFiles.jobId, row.id));
  else if (row.parsed !== undefined) {
    await db.insert(importJobFiles).values({ jobId: row.id, parsed: row.parsed }).onConflictDoUpdate({ target: importJobFiles.jobId, set: { parsed: row.parsed } });
  }
}

export async function getImportJobRow(id: string): Promise<ImportJobRow | undefined> {
  return getDb()
    .select({
      id: importJobs.id, userId: importJobs.userId, state: importJobs.state, hasParsed: hasFile.mapWith(Boolean),
      startedAt: importJobs.startedAt, endedAt: importJobs.endedAt, updatedAt: importJobs.updatedAt,
    })
    .from(importJobs)
    .where(eq(importJobs.id, id))
    .limit(1)
    .then(first);
}

/** Hands a read file to the other processes (the import's worker thread writes it, off the readers' thread). */
export async function saveImportParsed(id: string, parsed: string, now = Date.now()) {
  const db = getDb();
  const job = await db.update(importJobs).set({ updatedAt: now }).where(eq(importJobs.id, id)).returning({ id: importJobs.id });
  // A job deleted meanwhile (too old) takes no file: the foreign key would refuse it anyway.
  if (job.length) await db.insert(importJobFiles).values({ jobId: id, parsed }).onConflictDoUpdate({ target: importJobFiles.jobId, set: { parsed } });
}

/** The read file of a job that waits for its authors (JSON), if it still waits. */
export async function getImportParsed(id: string): Promise<string | undefined> {
  const row = await getDb().select({ parsed: importJobFiles.parsed }).from(importJobFiles).where(eq(importJobFiles.jobId, id)).limit(1).then(first);
  return row?.parsed ?? undefined;
}

/**
 * Claims a job that waits for its authors, once: of two processes sent the same author form, one
 * gets true and goes on to write; the file is emptied from the row as it is claimed.
 */
export async function claimImportParsed(id: string, now = Date.now()): Promise<boolean> {
  // The delete is the claim (one of two racing processes deletes the row); the job's heartbeat after it.
  const db = getDb();
  const rows = await db.delete(importJobFiles).where(eq(importJobFiles.jobId, id)).returning({ id: importJobFiles.jobId });
  if (rows.length) await db.update(importJobs).set({ updatedAt: now }).where(eq(importJobs.id, id));
  return rows.length > 0;
}

/**
 * Is an import reading or writing anywhere? A job that waits for its authors does not count, nor one
 * whose process has written nothing for `staleMs` (it died with the job in hand).
 */
export async function isAnyImportRunning(now = Date.now(), staleMs = 5 * 60_000): Promise<boolean> {
  const row = await getDb()
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(and(isNull(importJobs.endedAt), sql`NOT ${hasFile}`, gt(importJobs.updatedAt, now - staleMs)))
    .limit(1)
    .then(first);
  return !!row;
}

/** Forgets jobs that ended before `endedBefore`, and author forms abandoned before `abandonedBefore`. */
export async function deleteOldImportJobs(endedBefore: number, abandonedBefore: number) {
  await getDb()
    .delete(importJobs)
    .where(or(lt(importJobs.endedAt, endedBefore), and(isNull(importJobs.endedAt), lt(importJobs.updatedAt, abandonedBefore))));
}
