// Imports run in the background of the server process: the upload request only starts the job
// and returns; the page follows it by polling the status route. The process running a job keeps it
// in memory (on globalThis, shared by every route bundle) and writes its state to the database as
// it goes (db/queries/import-jobs.ts), so that the status route and the author form work through
// any process of the site; a job is forgotten an hour after it ends.
import "server-only";
import { randomUUID } from "node:crypto";
import { WxrImportError, type ImportProgress, type ImportReport, type ParsedWxr } from "@/db/queries/wxr-import";
import { WxrImportThread } from "@/db/queries/wxr-import-thread";
import { WxrError } from "@/lib/wxr/types";
import { logEvent } from "@/lib/log";
import { claimImportParsed, deleteOldImportJobs, getImportJobRow, isAnyImportRunning, saveImportJob } from "@/db/queries/import-jobs";
import { downloadImportedMedia, type MediaDownloadReport } from "@/lib/wxr/media-download";
import { authorsOfWxr, type FileAuthor } from "@/lib/wxr/authors";

export type { FileAuthor };

export interface ImportJob {
  id: string;
  userId: number;
  fileName: string;
  /** A WXR file, or a live site read through its REST API (the page words its progress by it). */
  source?: "file" | "site";
  progress: ImportProgress;
  /** Set between reading and writing: the file is read, its authors wait to be assigned (the file
   * itself is in memory only in the process that read it, held by its import thread or, for a live
   * site, here; the database holds it for the others). */
  mapping?: { parsed?: ParsedWxr; thread?: WxrImportThread; authors: FileAuthor[] };
  report?: ImportReport;
  error?: string;
  startedAt: number;
  endedAt?: number;
  /** Whether cached reader pages were told that content changed (done from a request scope). */
  /** Download the attachments from the old site once the file is written (on by default). */
  downloadMedia: boolean;
  /** Set while and after attachments are downloaded. */
  media?: { done: number; total: number; report?: MediaDownloadReport };
}

const KEEP_MS = 60 * 60 * 1000;
const MAPPING_MS = 30 * 60 * 1000;
// Progress is written at most this often; phase changes at once.
const SAVE_EVERY_MS = 500;
// A job whose process has written nothing for this long died with it.
const STALE_MS = 5 * 60_000;
const store = globalThis as unknown as { __inkwellImportJobs?: Map<string, ImportJob> };
// The jobs this process runs, with their live progress.
const jobs = (store.__inkwellImportJobs ??= new Map());

interface SaveState {
  at: number;
  timer?: NodeJS.Timeout;
  chain: Promise<void>;
}
const saves = new Map<string, SaveState>();

function stateOf(job: ImportJob): string {
  // Who owns it and when it started and ended are columns of their own; the read file is not state.
  const { fileName, source, progress, report, error, downloadMedia, media } = job;
  return JSON.stringify({ fileName, source, progress, report, error, downloadMedia, media, authors: job.mapping?.authors });
}

/**
 * Writes the job's state for the other processes, in order. `parsed` is the read file to hand over
 * (null once writing starts). A write that fails (SQLite's lock held by the import itself) is
 * skipped: the next one carries the state.
 */
function save(job: ImportJob, opts: { now?: boolean; parsed?: string | null } = {}): Promise<void> {
  let s = saves.get(job.id);
  if (!s) saves.set(job.id, (s = { at: 0, chain: Promise.resolve() }));
  const st = s;
  const write = () => {
    clearTimeout(st.timer);
    st.timer = undefined;
    st.at = Date.now();
    st.chain = st.chain
      .then(() => saveImportJob({ id: job.id, userId: job.userId, state: stateOf(job), startedAt: job.startedAt, endedAt: job.endedAt ?? null, parsed: opts.parsed }))
      .catch((e: unknown) => logEvent("import.save_skipped", { job: job.id, error: (e as Error)?.message }, "debug"));
    if (job.endedAt) void st.chain.finally(() => saves.delete(job.id));
    return st.chain;
  };
  if (opts.now || opts.parsed !== undefined || job.endedAt || Date.now() - st.at >= SAVE_EVERY_MS) return write();
  st.timer ??= setTimeout(() => void write(), SAVE_EVERY_MS - (Date.now() - st.at));
  return st.chain;
}

export function setImportProgress(job: ImportJob, progress: ImportProgress) {
  const phaseChanged = progress.phase !== job.progress.phase;
  job.progress = progress;
  void save(job, { now: phaseChanged });
}

/** The job of this process, else as the database last heard of it from the process running it. */
export async function getImportJob(id: string): Promise<ImportJob | undefined> {
  const mine = jobs.get(id);
  // While it waits for its authors, another process may take the job: then the database knows better.
  if (mine && !mine.mapping) return mine;
  const row = await getImportJobRow(id).catch(() => undefined);
  if (mine && (!row || row.hasParsed)) return mine;
  // Another process took its author form: the file this process's thread holds is not needed.
  void mine?.mapping?.thread?.close();
  jobs.delete(id);
  if (!row) return undefined;
  let state: Omit<ImportJob, "id" | "userId" | "startedAt" | "endedAt" | "mapping"> & { authors?: FileAuthor[] };
  try {
    state = JSON.parse(row.state);
  } catch {
    return undefined;
  }
  const { authors, ...rest } = state;
  const job: ImportJob = { ...rest, id: row.id, userId: row.userId, startedAt: row.startedAt, endedAt: row.endedAt ?? undefined, mapping: row.hasParsed && authors ? { authors } : undefined };
  // The process running it stopped (crashed, or restarted) with the job in hand.
  if (!job.endedAt && !job.mapping && Date.now() - row.updatedAt > STALE_MS) {
    Object.assign(job, { progress: { ...job.progress, phase: "failed" }, error: "The server running this import stopped before it finished; import the file again." });
  }
  return job;
}

/** Reading or writing right now, in any process (a job waiting for its authors does not count). */
export async function isImportRunning(): Promise<boolean> {
  const now = Date.now();
  for (const [id, j] of jobs) {
    // An abandoned author form frees its memory after half an hour.
    if (j.mapping && now - j.startedAt > MAPPING_MS) {
      void j.mapping.thread?.close();
      jobs.delete(id);
    }
  }
  await deleteOldImportJobs(now - KEEP_MS, now - MAPPING_MS);
  return [...jobs.values()].some((j) => !j.endedAt && !j.mapping) || (await isAnyImportRunning(now, STALE_MS));
}

/** Downloads the pending attachments for `job`, then ends it; never throws. */
async function runMediaDownload(job: ImportJob, onlyUrls?: Set<string>): Promise<void> {
  job.media = { done: 0, total: 0 };
  try {
    const report = await downloadImportedMedia({
      onlyUrls,
      onProgress: (done, total) => {
        job.media = { done, total };
        void save(job);
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
  void save(job);
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
  void save(job, { now: true });
  void runMediaDownload(job);
  return job;
}

export function fail(job: ImportJob, e: unknown) {
  void job.mapping?.thread?.close();
  job.mapping = undefined;
  job.progress = { ...job.progress, phase: "failed" };
  // By name as well as class: Next bundles a route and a server action apart, each with its own copy
  // of these classes, and the import's thread (made by one) may report to the other.
  const named = (e as Error)?.name;
  if (e instanceof WxrError || e instanceof WxrImportError || named === "WxrError" || named === "WxrImportError") job.error = (e as Error).message;
  else {
    job.error = "The import failed because of an internal error; nothing was imported.";
    logEvent("import.error", { job: job.id, error: (e as Error)?.message }, "error");
  }
  job.endedAt = Date.now();
  void save(job);
}

/**
 * Writes a read file with the authors as assigned; returns once the job is claimed (false when
 * another request, on this process or another, took it first), before the writing.
 */
export async function continueImportJob(job: ImportJob, authorMap: Record<string, string>): Promise<boolean> {
  // The file from this process's memory (its import thread, or a live site's read here), or from
  // the database when another process read it (then loaded by a thread of this one).
  const thread = job.mapping?.thread ?? (job.mapping?.parsed ? undefined : await WxrImportThread.load(job.id));
  const parsed = job.mapping?.parsed;
  if (!thread && !parsed) return false;
  if (!(await (thread ? thread.claim(job.id) : claimImportParsed(job.id)))) {
    if (thread && thread !== job.mapping?.thread) void thread.close();
    return false;
  }
  writeImport(job, thread ? { thread } : { parsed: parsed! }, authorMap);
  return true;
}

// Which holds the file is said by the key, not by instanceof: the thread may have been made by
// another bundle's copy of the class (the upload route's, when the author form's action writes).
function writeImport(job: ImportJob, source: { thread: WxrImportThread } | { parsed: ParsedWxr }, authorMap: Record<string, string>): void {
  jobs.set(job.id, job);
  job.mapping = undefined;
  setImportProgress(job, { phase: "writing", done: 0, total: 1 });
  // The write runs on the import's thread (db/queries/wxr-import-thread.ts), in one transaction it
  // commits itself; this thread relays its progress.
  void (async () => {
    try {
      const thread = "thread" in source ? source.thread : await WxrImportThread.hold(source.parsed);
      const { report, attachmentUrls } = await thread.write({ fallbackAuthorId: job.userId, authorMap }, (p) => setImportProgress(job, p));
      job.report = report;
      setImportProgress(job, { phase: "done", done: 1, total: 1 });
      logEvent("import.done", { job: job.id, created: report.created });
      // This file's attachments only: earlier failures wait for the Retry button, not for every import.
      if (job.downloadMedia) void runMediaDownload(job, new Set(attachmentUrls));
      else {
        job.endedAt = Date.now();
        void save(job);
      }
    } catch (e) {
      fail(job, e);
    }
  })();
}

/** Starts reading `bytes` on an import thread; returns at once with the job (which then waits for its authors, or writes). */
export function startImportJob(opts: { userId: number; fileName: string; bytes: Uint8Array; downloadMedia: boolean }): ImportJob {
  const total = opts.bytes.byteLength;
  const job = registerImportJob({ userId: opts.userId, fileName: opts.fileName, source: "file", total, downloadMedia: opts.downloadMedia });
  // The bytes go to the thread (handed over, not copied): none of the reading happens here.
  const { thread, read } = WxrImportThread.readFile(opts.bytes, (p) => setImportProgress(job, p));
  void read
    .then(async ({ authors }) => {
      job.progress = { phase: "reading", done: total, total };
      if (!authors.length) return writeImport(job, { thread }, {});
      // The job's row exists before the file is handed to it, and holds the file before this
      // process shows the author form (getImportJob trusts a row with a file).
      await save(job, { now: true });
      await thread.storeForOtherProcesses(job.id);
      job.mapping = { thread, authors };
      await save(job, { now: true });
    })
    .catch((e: unknown) => {
      void thread.close();
      fail(job, e);
    });
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
  void save(job, { now: true });
  return job;
}

/** Everything is read: wait for the authors to be assigned, or write at once when there are none. */
export async function afterRead(job: ImportJob, parsed: ParsedWxr): Promise<void> {
  const authors = authorsOfWxr(parsed);
  job.progress = { phase: "reading", done: job.progress.total, total: job.progress.total };
  if (!authors.length) return writeImport(job, { parsed }, {});
  job.mapping = { parsed, authors };
  // Handed to the database so that the author form may be sent to any process.
  await save(job, { parsed: JSON.stringify(parsed) });
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
