// Webmention receiver (W3C): quick checks now (400), verification later from the job queue (202).
import { clientIpFrom } from "@/lib/request-ip";
import { BodyTooLarge, mediaType, readBodyText } from "@/lib/linkbacks/http";
import { checkWebmention } from "@/lib/linkbacks/receive";
import { enqueueWebmentionVerification } from "@/lib/jobs";
import { WEBMENTION_MAX_BODY } from "@/lib/http/body-limits";

export const dynamic = "force-dynamic";

function text(body: string, status: number, extra: Record<string, string> = {}) {
  return new Response(body + "\n", { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...extra } });
}

export function GET() {
  return text("This is a Webmention endpoint: POST source and target, form-encoded.", 405, { allow: "POST" });
}

export async function POST(req: Request) {
  if (mediaType(req) !== "application/x-www-form-urlencoded") return text("Send source and target as application/x-www-form-urlencoded.", 400);
  let body: string;
  try {
    body = await readBodyText(req, WEBMENTION_MAX_BODY);
  } catch (e) {
    if (e instanceof BodyTooLarge) return text("The request is too large.", 413);
    throw e;
  }
  const form = new URLSearchParams(Buffer.from(body, "latin1").toString("utf8"));
  const sender = { ip: clientIpFrom(req.headers), userAgent: req.headers.get("user-agent") ?? "" };
  const check = await checkWebmention(form.get("source") ?? "", form.get("target") ?? "", sender);
  if (!check.ok) return text(check.message, check.status);
  await enqueueWebmentionVerification({ postId: check.postId, source: check.source, target: check.target, ip: sender.ip, userAgent: sender.userAgent.slice(0, 255) });
  return text("Accepted: the mention will be verified shortly.", 202);
}
