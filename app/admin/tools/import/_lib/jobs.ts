// Imports run in the background of the server process: the upload request only starts the job
// and returns; the page follows it by polling the status route. Jobs live in memory (on
// globalThis, shared by every route bundle of this process) and are forgotten an hour after they end.
import "server-only";
import { randomUUID } from "node:crypto";
import { importWxr, WxrImportError, type ImportProgress, type ImportReport } from "@/db/queries/wxr-import";
import { WxrError } from "@/lib/wxr/types";
import { revalidatePath } from "next/cache";
import { logEvent } from "@/lib/log";

export interface ImportJob {
  id: string;
  userId: number;
  fileName: string;
  progress: ImportProgress;
  report?: ImportReport;
  error?: string;
  startedAt: number;
  endedAt?: number;
  /** Whether cached reader pages were told that content changed (done from a request scope). */
  revalidated?: boolean;
}

const KEEP_MS = 60 * 60 * 1000;
const store = globalThis as unknown as { __inkwellImportJobs?: Map<string, ImportJob> };
const jobs = (store.__inkwellImportJobs ??= new Map());

export function getImportJob(id: string): ImportJob | undefined {
  return jobs.get(id);
}

export function isImportRunning(): boolean {
  return [...jobs.values()].some((j) => !j.endedAt);
}

/** Starts importing `bytes`; returns at once with the job's id. */
export function startImportJob(opts: { userId: number; fileName: string; bytes: Uint8Array; authorMap: Record<string, string> }): ImportJob {
  for (const [id, j] of jobs) if (j.endedAt && Date.now() - j.endedAt > KEEP_MS) jobs.delete(id);
  const job: ImportJob = {
    id: randomUUID(),
    userId: opts.userId,
    fileName: opts.fileName,
    progress: { phase: "reading", done: 0, total: opts.bytes.byteLength },
    startedAt: Date.now(),
  };
  jobs.set(job.id, job);
  // Feed the parser in slices so that progress moves and the event loop breathes between them.
  async function* slices() {
    const step = 256 * 1024;
    for (let i = 0; i < opts.bytes.byteLength; i += step) {
      yield opts.bytes.subarray(i, i + step);
      await new Promise((r) => setImmediate(r));
    }
  }
  void importWxr(slices(), {
    fallbackAuthorId: opts.userId,
    authorMap: opts.authorMap,
    totalBytes: opts.bytes.byteLength,
    onProgress: (p) => {
      job.progress = p;
    },
  })
    .then((report) => {
      job.report = report;
      job.progress = { phase: "done", done: 1, total: 1 };
      logEvent("import.done", { job: job.id, created: report.created });
      markRevalidated(job);
    })
    .catch((e: unknown) => {
      job.progress = { ...job.progress, phase: "failed" };
      if (e instanceof WxrError || e instanceof WxrImportError) job.error = e.message;
      else {
        job.error = "The import failed because of an internal error; nothing was imported.";
        logEvent("import.error", { job: job.id, error: (e as Error)?.message });
      }
    })
    .finally(() => {
      job.endedAt = Date.now();
    });
  return job;
}

/**
 * Cached reader pages must show what arrived. revalidatePath needs a request scope, which the
 * background job may not have: the status route (polled until the end) calls this again.
 */
export function markRevalidated(job: ImportJob) {
  if (job.revalidated || !job.report) return;
  try {
    revalidatePath("/", "layout");
    job.revalidated = true;
  } catch {
    // Not in a request scope: the next status poll does it.
  }
}

/** "old=new, old2=new2" or one pair per line → { old: new }. */
export function parseAuthorMap(text: string): { map: Record<string, string>; error?: string } {
  const map: Record<string, string> = {};
  for (const pair of text.split(/[,\n]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^=\s]+)\s*=\s*([^=\s]+)$/.exec(pair);
    if (!m) return { map, error: `"${pair}" is not of the form old=new` };
    map[m[1]!] = m[2]!;
  }
  return { map };
}

export interface ImportStatus {
  id: string;
  fileName: string;
  phase: ImportProgress["phase"];
  /** 0–100 over the whole job: reading the file is the first 60, writing the rest. */
  percent: number;
  report: Pick<ImportReport, "created" | "unchanged" | "mappedUsers" | "skipped"> | null;
  error: string | null;
}

export function importStatus(job: ImportJob): ImportStatus {
  const { phase, done, total } = job.progress;
  const frac = total > 0 ? Math.min(1, done / total) : 0;
  const percent = phase === "done" ? 100 : phase === "writing" ? 60 + Math.floor(frac * 39) : phase === "reading" ? Math.floor(frac * 60) : 0;
  return {
    id: job.id,
    fileName: job.fileName,
    phase,
    percent,
    report: job.report
      ? { created: job.report.created, unchanged: job.report.unchanged, mappedUsers: job.report.mappedUsers, skipped: job.report.skipped }
      : null,
    error: job.error ?? null,
  };
}
