// The per-route body limits (lib/http/body-limits.ts) as the server around Next applies them
// while the bytes arrive, and the refusal in each protocol's own format, as the route itself
// would have answered it.
import type { IncomingMessage } from "node:http";
import { getOptions, peekOptions } from "@/db/queries/options";
import { OPTION_DEFAULTS } from "@/lib/options/defaults";
import { trackbackResponse } from "@/lib/linkbacks/trackback";
import { FAULTS, faultResponse } from "@/lib/linkbacks/xmlrpc";
import { formatBytes } from "@/lib/media/process";
import { bodyLimitFor } from "@/lib/http/body-limits";
import type { TooLarge } from "./wing";

// The server asks before any query can run: the settings last read, refreshed in the background.
const uploadMaxBytes = () => {
  getOptions().catch(() => undefined);
  return (peekOptions() ?? OPTION_DEFAULTS).upload_max_bytes;
};


const xml = (body: string): TooLarge => ({ contentType: "text/xml; charset=UTF-8", body });
const json = (body: unknown): TooLarge => ({ contentType: "application/json", body: JSON.stringify(body) });

function tooLargeAnswer(path: string, req: IncomingMessage): TooLarge | undefined {
  const wantsJson = String(req.headers.accept ?? "").includes("application/json");
  if (path === "/xmlrpc.php") return xml(faultResponse(FAULTS.invalidRequest, "The request is too large."));
  if (path === "/wp-trackback.php" || path.startsWith("/trackback/") || /\/trackback\/?$/.test(path)) return xml(trackbackResponse("The request is too large."));
  if (path === "/wp-json" || path.startsWith("/wp-json/")) {
    return json({ code: "rest_request_too_large", message: /^\/wp-json\/wp\/v2\/media/.test(path) ? `The file is larger than the ${formatBytes(uploadMaxBytes())} limit.` : "The request is too large.", data: { status: 413 } });
  }
  if (path.startsWith("/admin/media/upload") && wantsJson) return json({ error: `The file is larger than the ${formatBytes(uploadMaxBytes())} limit.` });
  if (path === "/wp-comments-post.php" && wantsJson) return json({ ok: false, code: "too-large", message: "Sorry, that comment is too long." });
  return undefined;
}

export function bodyLimit(req: IncomingMessage): { limit: number; answer?: TooLarge } {
  const path = new URL(req.url || "/", "http://inkwell.invalid").pathname;
  const limit = bodyLimitFor(path, uploadMaxBytes);
  return { limit, get answer() { return tooLargeAnswer(path, req); } };
}
