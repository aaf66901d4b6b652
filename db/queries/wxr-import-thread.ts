// The web import off the readers' thread. A 100 MB export read and written on the event loop that
// serves every page held readers for up to a third of a second at a time, even with pauses between
// pieces of work: the parse of each slice, the major garbage collections of the 200+ MB it holds,
// handing it to the database as JSON, and the COMMIT. Here all of that runs on a worker thread
// (wxr-import-worker.ts) with its own heap and its own database connections; this thread only
// relays progress and results, and on SQLite holds the writers' turn while the thread writes
// (holdForThreadWrite). The write stays one transaction, committed or rolled back by the thread:
// a failure anywhere, or the thread dying, leaves nothing behind.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { holdForThreadWrite } from "../transaction";
import { WxrImportError, type ImportOptions, type ImportProgress, type ImportReport, type ParsedWxr } from "./wxr-import";
import { WxrError } from "@/lib/wxr/types";
import type { FileAuthor } from "@/lib/wxr/authors";

export type ThreadRequest =
  | { type: "read"; buffer: ArrayBufferLike; byteOffset: number; byteLength: number }
  | { type: "parsed"; parsed: ParsedWxr | string }
  | { type: "store"; jobId: string }
  | { type: "load"; jobId: string }
  | { type: "claim"; jobId: string }
  | { type: "write"; options: Omit<ImportOptions, "onProgress"> }
  | { type: "close" };

export type ThreadReply =
  | { type: "progress"; progress: ImportProgress }
  | { type: "read"; authors: FileAuthor[]; threadId: number }
  | { type: "parsed" }
  | { type: "stored" }
  | { type: "loaded"; found: boolean }
  | { type: "claimed"; claimed: boolean }
  | { type: "written"; report: ImportReport; attachmentUrls: string[]; threadId: number }
  | { type: "error"; name: string; message: string; cause?: string; line?: number; column?: number };

export interface ThreadWriteResult {
  report: ImportReport;
  /** The file's attachment addresses, for the media download that follows. */
  attachmentUrls: string[];
  /** The thread that wrote (never the caller's: tests check it). */
  threadId: number;
}

// The worker runs TypeScript through tsx (a dependency, as for the CLI): the module is loaded from
// the source tree at run time, never bundled, so `@/` imports resolve through tsconfig.json.
const BOOT = `const { tsImport } = require("tsx/esm/api");
const { workerData } = require("node:worker_threads");
tsImport(workerData.entry, workerData.from).catch((e) => { console.error(e); process.exit(1); });`;

function entryFile(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "queries", "wxr-import-worker.ts");
}

/** A failure as the thread reported it, with the class the import page words its message by. */
function errorFrom(r: Extract<ThreadReply, { type: "error" }>): Error {
  let err: Error;
  if (r.name === "WxrError") {
    err = new WxrError(r.message);
    Object.assign(err, { line: r.line, column: r.column });
  } else if (r.name === "WxrImportError") err = new WxrImportError(r.message);
  else {
    // The database's own words (drizzle wraps them as the cause) go to the log with the rest.
    err = new Error(r.message, r.cause ? { cause: new Error(r.cause) } : undefined);
    err.name = r.name;
  }
  return err;
}

/**
 * One import's worker thread: `readFile` or `hold` gives it the export, `storeForOtherProcesses`
 * hands it to the database while the author form waits, `write` writes it. One request at a time.
 */
export class WxrImportThread {
  private worker: Worker;
  private pending: { resolve(r: ThreadReply): void; reject(e: Error): void; expect: ThreadReply["type"] } | null = null;
  private onProgress?: (p: ImportProgress) => void;
  private exited = false;

  private constructor() {
    this.worker = new Worker(BOOT, {
      eval: true,
      workerData: { entry: entryFile(), from: `file://${process.cwd()}/` },
    });
    // An abandoned author form must not keep a process from exiting.
    this.worker.unref();
    this.worker.on("message", (r: ThreadReply) => {
      if (r.type === "progress") return this.onProgress?.(r.progress);
      const p = this.pending;
      this.pending = null;
      if (!p) return;
      if (r.type === "error") p.reject(errorFrom(r));
      else if (r.type !== p.expect) p.reject(new Error(`the import thread answered ${r.type} to a request for ${p.expect}`));
      else p.resolve(r);
    });
    const died = (e: Error) => {
      this.exited = true;
      const p = this.pending;
      this.pending = null;
      p?.reject(e);
    };
    this.worker.on("error", died);
    this.worker.on("exit", (code) => died(new Error(`the import thread stopped (exit code ${code})`)));
  }

  private ask<K extends ThreadReply["type"]>(msg: ThreadRequest, expect: K, transfer: ArrayBuffer[] = []): Promise<Extract<ThreadReply, { type: K }>> {
    if (this.exited) return Promise.reject(new Error("the import thread has stopped"));
    if (this.pending) return Promise.reject(new Error("the import thread is busy"));
    const answer = new Promise<Extract<ThreadReply, { type: K }>>((resolve, reject) => {
      this.pending = { resolve: resolve as (r: ThreadReply) => void, reject, expect };
    });
    try {
      this.worker.postMessage(msg, transfer);
    } catch (e) {
      // A buffer of Node's shared pool cannot move: it is small, and copied instead.
      if (!transfer.length) {
        this.pending = null;
        return Promise.reject(e);
      }
      this.worker.postMessage(msg);
    }
    return answer;
  }

  /** A thread reading `bytes` (handed over, not copied, when they are a buffer of their own). */
  static readFile(bytes: Uint8Array, onProgress?: (p: ImportProgress) => void): { thread: WxrImportThread; read: Promise<{ authors: FileAuthor[]; threadId: number }> } {
    const thread = new WxrImportThread();
    thread.onProgress = onProgress;
    // The whole buffer moves (the upload's is a little larger than the file): copying 100 MB here
    // would hold the readers, and keep a second copy until the next collection.
    const msg: ThreadRequest = { type: "read", buffer: bytes.buffer, byteOffset: bytes.byteOffset, byteLength: bytes.byteLength };
    const read = thread.ask(msg, "read", bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : []);
    return { thread, read: read.then(({ authors, threadId }) => ({ authors, threadId })) };
  }

  /** Takes the job's stored file for this write, once (see claimImportParsed), on the thread. */
  async claim(jobId: string): Promise<boolean> {
    return (await this.ask({ type: "claim", jobId }, "claimed")).claimed;
  }

  /** A thread given an export read elsewhere (a live site's, or another process's as JSON). */
  static async hold(parsed: ParsedWxr | string): Promise<WxrImportThread> {
    const thread = new WxrImportThread();
    try {
      await thread.ask({ type: "parsed", parsed }, "parsed");
    } catch (e) {
      void thread.close();
      throw e;
    }
    return thread;
  }

  /**
   * A thread given the export that another process read and handed to the job's row (the author
   * form was sent to this one); null when the row holds none (taken already, or forgotten).
   */
  static async load(jobId: string): Promise<WxrImportThread | null> {
    const thread = new WxrImportThread();
    try {
      if ((await thread.ask({ type: "load", jobId }, "loaded")).found) return thread;
    } catch (e) {
      void thread.close();
      throw e;
    }
    void thread.close();
    return null;
  }

  /** Writes the held export as JSON into the job's row, for whichever process takes the author form. */
  async storeForOtherProcesses(jobId: string): Promise<void> {
    await this.ask({ type: "store", jobId }, "stored");
  }

  /** Writes the held export in one transaction, committed by the thread; the thread ends after. */
  async write(options: Omit<ImportOptions, "onProgress">, onProgress?: (p: ImportProgress) => void): Promise<ThreadWriteResult> {
    this.onProgress = onProgress;
    try {
      const r = await holdForThreadWrite(() => this.ask({ type: "write", options }, "written"));
      return { report: r.report, attachmentUrls: r.attachmentUrls, threadId: r.threadId };
    } finally {
      void this.close();
    }
  }

  /** Ends the thread (its connections closed; an open transaction, if any, rolled back). */
  async close(): Promise<void> {
    if (this.exited) return;
    if (!this.pending) {
      this.worker.postMessage({ type: "close" } satisfies ThreadRequest);
      // Closed politely within a second, else stopped.
      const t = setTimeout(() => void this.worker.terminate(), 1000);
      t.unref();
      return;
    }
    await this.worker.terminate();
  }
}
