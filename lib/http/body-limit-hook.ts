// Hands scripts/server.mjs the per-route body limits (lib/http/body-limits.ts) at start-up, from
// instrumentation.ts, so that even the first request after a start is cut at its route's limit.
import type { IncomingMessage } from "node:http";
import { getOptions } from "@/db/queries/options";
import { bodyLimitFor } from "./body-limits";

const uploadMaxBytes = () => getOptions().upload_max_bytes;

export function bodyLimit(req: IncomingMessage): number {
  return bodyLimitFor(new URL(req.url || "/", "http://inkwell.invalid").pathname, uploadMaxBytes);
}

(globalThis as unknown as { __inkwellBodyLimit?: typeof bodyLimit }).__inkwellBodyLimit = bodyLimit;
