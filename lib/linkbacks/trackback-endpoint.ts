// The TrackBack endpoint shared by <permalink>/trackback/ and /wp-trackback.php?p=ID.
import type { PostCard } from "@/db/queries/posts";
import { clientIpFrom } from "@/lib/request-ip";
import { logEvent } from "@/lib/log";
import { BodyTooLarge, mediaType, readBodyText } from "./http";
import { receiveTrackback } from "./receive";
import { parseTrackbackForm, trackbackResponse, TRACKBACK_MAX_BODY } from "./trackback";

function xml(body: string, status = 200) {
  return new Response(body, { status, headers: { "content-type": "text/xml; charset=utf-8", "cache-control": "no-store" } });
}

export function trackbackGet() {
  return xml(trackbackResponse("TrackBack pings must be sent with POST."));
}

export async function trackbackPost(req: Request, findPost: () => Promise<PostCard | undefined>) {
  if (mediaType(req) !== "application/x-www-form-urlencoded") {
    return xml(trackbackResponse("TrackBack pings must be sent as application/x-www-form-urlencoded."));
  }
  let body: string;
  try {
    body = await readBodyText(req, TRACKBACK_MAX_BODY);
  } catch (e) {
    if (e instanceof BodyTooLarge) return xml(trackbackResponse("The request is too large."), 413);
    throw e;
  }
  const parsed = parseTrackbackForm(body);
  if (!parsed.ok) return xml(trackbackResponse(parsed.message));
  const post = await findPost();
  try {
    const result = await receiveTrackback(post, parsed.value, { ip: clientIpFrom(req.headers), userAgent: req.headers.get("user-agent") ?? "" });
    return xml(result.ok ? trackbackResponse() : trackbackResponse(result.message));
  } catch (e) {
    logEvent("linkback.trackback_error", { error: (e as Error).message });
    return xml(trackbackResponse("The trackback could not be stored; try again later."));
  }
}
