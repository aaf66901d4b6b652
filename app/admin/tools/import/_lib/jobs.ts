// Imports run in the background of the server process: the upload request only starts the job
// and returns; the page follows it by polling the status route. Jobs live in memory (on
// globalThis, shared by every route bundle of this process) and are forgotten an hour after they end.
import "server-only";
import { randomUUID } from "node:crypto";
import { readWxr, writeWxr, WxrImportError, type ImportProgress, type ImportReport, type ParsedWxr } from "@/db/queries/wxr-import";
import { WxrError } from "@/lib/wxr/types";
import { revalidatePath } from "next/cache";
import { logEvent } from "@/lib/log";
import { downloadImportedMedia, type MediaDownloadReport } from "@/lib/wxr/media-download";

/** An author named in the file, to be mapped to an existing user or created. */
export interface FileAuthor {
  login: string;
  displayName: string;
  posts: number;
}

export interface ImportJob {
  id: string;
  userId: number;
  fileName: string;
  /** A WXR file, or a live site read through its REST API (the page words its progress by it). */
  source?: "file" | "site";
  progress: ImportProgress;
  /** Set between reading and writing: the file is read, its authors wait to be assigned. */
  mapping?: { parsed: ParsedWxr; authors: FileAuthor[] };
  report?: ImportReport;
  error?: string;
  startedAt: number;
  endedAt?: number;
  /** Whether cached reader pages were told that content changed (done from a request scope). */
  revalidated?: boolean;
  /** Download the attachments from the old site once the file is written (on by default). */
  downloadMedia: boolean;
  /** Set while and after attachments are downloaded. */
  media?: { done: number; total: number; report?: MediaDownloadReport };
}

const KEEP_MS = 60 * 60 * 1000;
const store = globalThis as unknown as { __inkwellImportJobs?: Map<string, ImportJob> };
const jobs = (store.__inkwellImportJobs ??= new Map());

export function getImportJob(id: string): ImportJob | undefined {
  return jobs.get(id);
}

const MAPPING_MS = 30 * 60 * 1000;

/** Reading or writing right now (a job waiting for its authors to be assigned does not count). */
export function isImportRunning(): boolean {
  for (const [id, j] of jobs) {
    // An abandoned author form frees its memory after half an hour.
    if (j.mapping && Date.now() - j.startedAt > MAPPING_MS) jobs.delete(id);
  }
  return [...jobs.values()].some((j) => !j.endedAt && !j.mapping);
}

/** Downloads the pending attachments for `job`, then ends it; never throws. */
async function runMediaDownload(job: ImportJob, onlyUrls?: Set<string>): Promise<void> {
  job.media = { done: 0, total: 0 };
  try {
    const report = await downloadImportedMedia({
      onlyUrls,
      onProgress: (done, total) => {
        job.media = { done, total };
      },
    });
    job.media = { done: job.media.total, total: job.media.total, report };
    logEvent("import.media", { job: job.id, downloaded: report.downloaded, failed: report.failed.length });
  } catch (e) {
    // The posts are in; only the downloads stopped. What is left can be retried from the page.
    logEvent("import.error", { job: job.id, error: (e as Error)?.message });
    job.media = { done: 0, total: 0, report: { downloaded: 0, failed: [], rewritten: 0 } };
    job.error = "Downloading the attachments stopped because of an internal error; retry below.";
  }
  job.endedAt = Date.now();
  job.revalidated = false;
  markRevalidated(job);
}

/** Retrying the downloads that failed (Tools → Import): a job of its own, with the same progress. */
export function startMediaDownloadJob(userId: number): ImportJob {
  const job: ImportJob = {
    id: randomUUID(),
    userId,
    fileName: "attachments from the old site",
    progress: { phase: "done", done: 1, total: 1 },
    startedAt: Date.now(),
    downloadMedia: true,
  };
  jobs.set(job.id, job);
  void runMediaDownload(job);
  return job;
}

function authorsOf(parsed: ParsedWxr): FileAuthor[] {
  const posts = new Map<string, number>();
  for (const item of parsed.items) {
    if (item.creator && (item.postType === "post" || item.postType === "page")) posts.set(item.creator.toLowerCase(), (posts.get(item.creator.toLowerCase()) ?? 0) + 1);
  }
  const out = new Map<string, FileAuthor>();
  for (const a of parsed.authors) out.set(a.login.toLowerCase(), { login: a.login, displayName: a.displayName || a.login, posts: posts.get(a.login.toLowerCase()) ?? 0 });
  for (const item of parsed.items) {
    const key = item.creator.toLowerCase();
    if (item.creator && !out.has(key) && posts.has(key)) out.set(key, { login: item.creator, displayName: item.creator, posts: posts.get(key)! });
  }
  return [...out.values()];
}

export function fail(job: ImportJob, e: unknown) {
  job.mapping = undefined;
  job.progress = { ...job.progress, phase: "failed" };
  if (e instanceof WxrError || e instanceof WxrImportError) job.error = e.message;
  else {
    job.error = "The import failed because of an internal error; nothing was imported.";
    logEvent("import.error", { job: job.id, error: (e as Error)?.message }, "error");
  }
  job.endedAt = Date.now();
}

/** Writes a read file with the authors as assigned; returns at once. */
export function continueImportJob(job: ImportJob, authorMap: Record<string, string>): void {
  const mapping = job.mapping;
  if (!mapping) return;
  job.mapping = undefined;
  job.progress = { phase: "writing", done: 0, total: 1 };
  // The write is one synchronous transaction; start it after this request has been answered.
  setImmediate(() => void (async () => {
    try {
      const report = await writeWxr(mapping.parsed, {
        fallbackAuthorId: job.userId,
        authorMap,
        onProgress: (p) => {
          job.progress = p;
        },
      });
      job.report = report;
      job.progress = { phase: "done", done: 1, total: 1 };
      logEvent("import.done", { job: job.id, created: report.created });
      // This file's attachments only: earlier failures wait for the Retry button, not for every import.
      const urls = new Set(mapping.parsed.items.filter((i) => i.postType === "attachment").map((i) => i.attachmentUrl || i.guid));
      if (job.downloadMedia) void runMediaDownload(job, urls);
      else job.endedAt = Date.now();
      markRevalidated(job);
    } catch (e) {
      fail(job, e);
    }
  })());
}

/**
 * The uploaded file a quarter megabyte at a time, letting the server answer other requests between
 * slices: parsed in one piece, a 100 MB export held every reader for over a second.
 */
async function* inSlices(bytes: Uint8Array, size = 256 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += size) {
    yield bytes.subarray(at, at + size);
    await new Promise((r) => setImmediate(r));
  }
}

/** Starts reading `bytes`; returns at once with the job (which then waits for its authors, or writes). */
export function startImportJob(opts: { userId: number; fileName: string; bytes: Uint8Array; downloadMedia: boolean }): ImportJob {
  const job = registerImportJob({ userId: opts.userId, fileName: opts.fileName, source: "file", total: opts.bytes.byteLength, downloadMedia: opts.downloadMedia });
  // The parser reads in bounded slices and yields between them: readers are served meanwhile.
  void readWxr(inSlices(opts.bytes), (n) => {
    job.progress = { phase: "reading", done: n, total: opts.bytes.byteLength };
  })
    .then((parsed) => afterRead(job, parsed))
    .catch((e: unknown) => fail(job, e));
  return job;
}

/** A new job in the reading phase (a file being parsed, or a site being fetched). */
export function registerImportJob(opts: { userId: number; fileName: string; source: "file" | "site"; total: number; downloadMedia: boolean }): ImportJob {
  for (const [id, j] of jobs) if (j.endedAt && Date.now() - j.endedAt > KEEP_MS) jobs.delete(id);
  const job: ImportJob = {
    id: randomUUID(),
    userId: opts.userId,
    fileName: opts.fileName,
    source: opts.source,
    progress: { phase: "reading", done: 0, total: opts.total },
    startedAt: Date.now(),
    downloadMedia: opts.downloadMedia,
  };
  jobs.set(job.id, job);
  return job;
}

/** Everything is read: wait for the authors to be assigned, or write at once when there are none. */
export function afterRead(job: ImportJob, parsed: ParsedWxr): void {
  const authors = authorsOf(parsed);
  job.progress = { phase: "reading", done: job.progress.total, total: job.progress.total };
  if (authors.length) job.mapping = { parsed, authors };
  else continueImportJob(Object.assign(job, { mapping: { parsed, authors } }), {});
}

/**
 * Cached reader pages must show what arrived. revalidatePath needs a request scope, which the
 * background job may not have: the status route (polled until the end) calls this again.
 */
export function markRevalidated(job: ImportJob) {
  if (job.revalidated || (!job.report && !job.media?.report)) return;
  try {
    revalidatePath("/", "layout");
    job.revalidated = true;
  } catch {
    // Not in a request scope: the next status poll does it.
  }
}

export interface ImportStatus {
  id: string;
  fileName: string;
  source: "file" | "site";
  phase: ImportProgress["phase"] | "mapping" | "media";
  /** 0–100 over the whole job: reading the file is the first 60, writing the rest (with downloads: 40, 20, then 40). */
  percent: number;
  report: Pick<ImportReport, "created" | "unchanged" | "mappedUsers" | "skipped" | "notes"> | null;
  /** Attachments: how many are done of how many, and at the end what arrived and what failed. */
  media: { done: number; total: number; downloaded: number | null; failed: { url: string; reason: string }[] } | null;
  error: string | null;
}

export function importStatus(job: ImportJob): ImportStatus {
  const { done, total } = job.progress;
  const downloading = !!job.media && !job.endedAt;
  const phase = job.mapping ? "mapping" : downloading ? "media" : job.progress.phase;
  const frac = (d: number, t: number) => (t > 0 ? Math.min(1, d / t) : 0);
  // Reading, writing and downloading share the bar: 60/40/0 without downloads, 40/20/40 with.
  const [r, w] = job.downloadMedia ? [40, 20] : [60, 39];
  const percent =
    phase === "done" ? 100
      : phase === "media" ? r + w + Math.floor(frac(job.media!.done, job.media!.total) * 39)
        : phase === "writing" ? r + Math.floor(frac(done, total) * w)
          : phase === "reading" ? Math.floor(frac(done, total) * r)
            : phase === "mapping" ? r : 0;
  const report = job.media?.report;
  return {
    id: job.id,
    fileName: job.fileName,
    source: job.source ?? "file",
    phase,
    percent,
    report: job.report
      ? { created: job.report.created, unchanged: job.report.unchanged, mappedUsers: job.report.mappedUsers, skipped: job.report.skipped, notes: job.report.notes }
      : null,
    media: job.media
      ? { done: job.media.done, total: job.media.total, downloaded: report ? report.downloaded : null, failed: (report?.failed ?? []).map((f) => ({ url: f.url, reason: f.reason })) }
      : null,
    error: job.error ?? null,
  };
}
