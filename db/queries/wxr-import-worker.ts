// The web import's worker thread (started by wxr-import-thread.ts): it reads the uploaded export,
// keeps it while the author form waits, hands it to the database for the other processes, and
// writes it in one transaction that it commits itself, on connections of its own. Nothing here
// runs on the thread that serves readers.
import { parentPort, threadId } from "node:worker_threads";
import { closeDb } from "../client";
import { becomeWriterThread } from "../transaction";
import { claimImportParsed, getImportParsed, saveImportParsed } from "./import-jobs";
import { readWxr, writeWxr, type ImportOptions, type ParsedWxr } from "./wxr-import";
import { attachmentUrlsOfWxr, authorsOfWxr } from "@/lib/wxr/authors";
import type { ThreadReply, ThreadRequest } from "./wxr-import-thread";

becomeWriterThread();
const port = parentPort!;
let parsed: ParsedWxr | undefined;

async function* inSlices(bytes: Uint8Array, size = 256 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += size) yield bytes.subarray(at, at + size);
}

const reply = (r: ThreadReply) => port.postMessage(r);

async function handle(msg: ThreadRequest): Promise<void> {
  switch (msg.type) {
    case "read": {
      const bytes = new Uint8Array(msg.buffer, msg.byteOffset, msg.byteLength);
      const total = bytes.byteLength;
      let lastSent = 0;
      parsed = await readWxr(inSlices(bytes), (done) => {
        // A message per megabyte is plenty for a progress bar.
        if (done - lastSent >= 1 << 20 || done === total) {
          lastSent = done;
          reply({ type: "progress", progress: { phase: "reading", done, total } });
        }
      });
      return reply({ type: "read", authors: authorsOfWxr(parsed), threadId });
    }
    case "parsed":
      parsed = typeof msg.parsed === "string" ? (JSON.parse(msg.parsed) as ParsedWxr) : msg.parsed;
      return reply({ type: "parsed" });
    case "load": {
      const text = await getImportParsed(msg.jobId);
      parsed = text ? (JSON.parse(text) as ParsedWxr) : undefined;
      return reply({ type: "loaded", found: !!parsed });
    }
    case "claim":
      // Emptying the row of a 100 MB file frees thousands of pages: done here, not on the readers' thread.
      return reply({ type: "claimed", claimed: await claimImportParsed(msg.jobId) });
    case "store":
      await saveImportParsed(msg.jobId, JSON.stringify(parsed));
      return reply({ type: "stored" });
    case "write": {
      if (!parsed) throw new Error("the import thread holds no file to write");
      const opts: ImportOptions = { ...msg.options, onProgress: (progress) => reply({ type: "progress", progress }) };
      const report = await writeWxr(parsed, opts);
      const attachmentUrls = attachmentUrlsOfWxr(parsed);
      parsed = undefined;
      return reply({ type: "written", report, attachmentUrls, threadId });
    }
    case "close":
      await closeDb();
      return process.exit(0);
  }
}

// One request at a time, in the order sent.
let queue = Promise.resolve();
port.on("message", (msg: ThreadRequest) => {
  queue = queue.then(() =>
    handle(msg).catch((e: unknown) => {
      const err = e as Error;
      const cause = err?.cause instanceof Error ? err.cause.message : undefined;
      reply({ type: "error", name: err?.name ?? "Error", message: err?.message ?? String(e), cause, line: (e as { line?: number }).line, column: (e as { column?: number }).column });
    }),
  );
});
