// Micropub's errors (W3C Micropub §3.7.4): a status and an OAuth-style JSON body.
import { XmlRpcFault } from "@/lib/linkbacks/xmlrpc";

export class MicropubError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415,
    readonly code: "invalid_request" | "unauthorized" | "forbidden" | "insufficient_scope",
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The shared write path answers in WordPress's XML-RPC faults; Micropub says the same in its words. */
export function fromFault(e: XmlRpcFault): MicropubError {
  if (e.code === 401) return new MicropubError(403, "forbidden", e.message);
  if (e.code === 409) return new MicropubError(409, "invalid_request", e.message);
  // The uploader's refusals (WordPress's XML-RPC says 500 for them all) keep HTTP's own statuses.
  if (e.message === "Sorry, you are not allowed to upload this file type.") return new MicropubError(415, "invalid_request", e.message);
  if (/larger than the .* limit/.test(e.message)) return new MicropubError(413, "invalid_request", e.message);
  return new MicropubError(400, "invalid_request", e.message);
}
