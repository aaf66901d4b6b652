// Replayed inbox POSTs: Fedify refuses a signature whose Date is more than an hour off, but the
// same signed request sent again within that hour would pass. Each signature is claimed once (in
// the key–value table, atomically across processes) and kept past the window; a second request
// carrying it gets 401. Senders sign every attempt afresh (Mastodon, Fedify, WordPress's plugin),
// so a retried delivery is not a replay.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { kvKeyText, swapKvValue } from "@/db/queries/federation";

/** Longer than Fedify's signature window (an hour), so a replay cannot outlive the memory of it. */
export const REPLAY_MEMORY_MS = 2 * 3600_000;

/** true the first time a signature is seen (or when the request carries none: Fedify answers that). */
export async function claimSignature(headers: IncomingHttpHeaders, now = Date.now()): Promise<boolean> {
  const parts = ["signature", "signature-input"].map((h) => headers[h]).map((v) => (Array.isArray(v) ? v.join(", ") : (v ?? "")));
  if (!parts.join("")) return true;
  const key = kvKeyText(["inkwell", "seen-signature", createHash("sha256").update(parts.join("\n")).digest("hex")]);
  return await swapKvValue(key, undefined, "1", now + REPLAY_MEMORY_MS, now);
}
