// Downloading an import's attachments from the old site into the media library, then pointing
// posts at the local copies. Each file goes through the SSRF-safe fetch (public addresses only,
// every redirect checked, size and time bounded) and the upload pipeline (type from the bytes,
// sizes made). A row is only filled once its file is stored, so a failed or interrupted run is
// retried by running again, and nothing is ever downloaded twice.
import { countPendingImportedMedia, listDownloadedImportedMedia, listPendingImportedMedia, listPostsMentioning, setImportedMediaFile, updatePostBodies, type PendingMedia } from "@/db/queries/media-download";
import { getOptions } from "@/db/queries/options";
import { safeFetch, SafeFetchError } from "@/lib/net/safe-fetch";
import { formatBytes, storeUpload, UploadError, type UploadPolicy } from "@/lib/media/process";
import { localCopyOf, mediaKey, rewriteMediaUrls, type LocalCopy } from "./media-urls";

export const DOWNLOAD_CONCURRENCY = 4;
const DOWNLOAD_TIMEOUT_MS = 60_000;

export interface MediaFailure {
  id: number;
  url: string;
  reason: string;
}

export interface MediaDownloadReport {
  downloaded: number;
  failed: MediaFailure[];
  /** Posts and pages whose old media addresses now point here. */
  rewritten: number;
}

export interface MediaDownloadOptions {
  onProgress?(done: number, total: number): void;
  concurrency?: number;
  /** The upload policy; the site's own (Settings → Media) by default. */
  policy?: UploadPolicy;
  /** Hosts allowed besides public ones (the `outbound_allow_hosts` option by default). */
  allowHosts?: string;
  /** Only these original addresses (one file's attachments); every pending one by default. */
  onlyUrls?: Set<string>;
}

export { countPendingImportedMedia };

async function downloadOne(m: PendingMedia, policy: UploadPolicy, allowHosts: string): Promise<void> {
  let res;
  try {
    // One byte over the limit tells "too large" from "exactly at the limit".
    res = await safeFetch(m.originalUrl, { allowHosts, maxBytes: policy.maxBytes + 1, timeoutMs: DOWNLOAD_TIMEOUT_MS, headers: { accept: "image/*,audio/*,video/*,application/pdf,*/*;q=0.5" } });
  } catch (e) {
    if (e instanceof SafeFetchError) {
      throw new Error(
        e.code === "blocked"
          ? `Refused: the address (or a redirect) leads to a private or local network (${e.message}).`
          : e.code === "timeout"
            ? "The old site did not answer in time."
            : e.code === "too_many_redirects"
              ? "Too many redirects."
              : e.code === "invalid_url"
                ? `Not a web address (${e.message}).`
                : `The old site could not be reached (${e.message}).`,
      );
    }
    throw e;
  }
  if (res.status !== 200) throw new Error(`The old site answered HTTP ${res.status}.`);
  if (res.truncated) throw new Error(`The file is larger than the ${formatBytes(policy.maxBytes)} upload limit.`);
  const type = (res.headers.get("content-type") ?? "").toLowerCase();
  if (type.includes("text/html") || /^\s*<(!doctype|html)/i.test(res.body.subarray(0, 64).toString("latin1"))) {
    throw new Error("The address answered with a web page, not a file (the file is probably gone).");
  }
  const created = new Date(`${m.createdGmt.replace(" ", "T")}Z`);
  let stored;
  try {
    stored = await storeUpload(new Uint8Array(res.body), m.fileName, policy, Number.isNaN(created.getTime()) ? new Date() : created);
  } catch (e) {
    if (e instanceof UploadError) throw new Error(e.status === 415 ? `${e.message} Allowed types are set in Settings → Media.` : e.message);
    throw e;
  }
  await setImportedMediaFile(m.id, { ...stored, sizes: JSON.stringify(stored.sizes) });
}

/** Points every post and page at the local copies of the imported attachments downloaded so far. */
export async function rewriteImportedMediaUrls(): Promise<number> {
  const copies = new Map<string, LocalCopy>();
  const hosts = new Set<string>();
  for (const m of await listDownloadedImportedMedia()) {
    const parsed = mediaKey(m.originalUrl);
    if (!parsed) continue;
    copies.set(parsed.key, localCopyOf(m));
    hosts.add(parsed.key.split("/")[0]!);
  }
  const seen = new Set<number>();
  let rewritten = 0;
  for (const host of hosts) {
    for (const p of await listPostsMentioning(host)) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      const content = rewriteMediaUrls(p.content, copies);
      const excerpt = rewriteMediaUrls(p.excerpt, copies);
      if (content !== p.content || excerpt !== p.excerpt) {
        await updatePostBodies(p.id, content, excerpt);
        rewritten++;
      }
    }
  }
  return rewritten;
}

/** Downloads every imported attachment still on the old site (at most `concurrency` at once), then rewrites posts. */
export async function downloadImportedMedia(opts: MediaDownloadOptions = {}): Promise<MediaDownloadReport> {
  const site = await getOptions();
  const policy = opts.policy ?? { maxBytes: Number(site.upload_max_bytes) || 10 * 1024 * 1024, extraTypes: String(site.upload_extra_types ?? "") };
  const allowHosts = opts.allowHosts ?? String(site.outbound_allow_hosts ?? "");
  const pending = (await listPendingImportedMedia()).filter((m) => !opts.onlyUrls || opts.onlyUrls.has(m.originalUrl));
  const failed: MediaFailure[] = [];
  let downloaded = 0;
  let done = 0;
  opts.onProgress?.(0, pending.length);
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const m = pending[next++]!;
      try {
        await downloadOne(m, policy, allowHosts);
        downloaded++;
      } catch (e) {
        failed.push({ id: m.id, url: m.originalUrl, reason: (e as Error).message || "Unknown error." });
      }
      opts.onProgress?.(++done, pending.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? DOWNLOAD_CONCURRENCY, pending.length)) }, worker));
  failed.sort((a, b) => a.id - b.id);
  return { downloaded, failed, rewritten: await rewriteImportedMediaUrls() };
}
