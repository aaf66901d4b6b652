// Comment posts answered by the server around Next itself, ahead of Next's request handling:
// Next's routing costs as much CPU as checking and storing the comment (`npm run bench:comments`
// measures both ways), and at 16 concurrent commenters that doubled every wait. The server hands
// such a request to the route's own POST handler (app/wp-comments-post.php/route.ts), as a web
// Request, and writes its Response. Nothing about the answer differs: same validation, rules, cookies and statuses. A
// signed-in commenter (an Auth.js session cookie) still goes through Next: reading the session
// needs Next's request context, which this path does not have.
import type { IncomingMessage, ServerResponse } from "node:http";
import { logEvent } from "@/lib/log";
import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { COMMENT_MAX_BODY } from "@/lib/http/body-limits";

type Handler = (req: Request) => Promise<Response>;

async function answer(req: IncomingMessage, res: ServerResponse, post: Handler) {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > COMMENT_MAX_BODY) {
        res.writeHead(413, { "content-type": "text/plain; charset=utf-8", connection: "close" });
        res.end("Request body too large.\n");
        req.destroy();
        return;
      }
      chunks.push(chunk);
    }
  } catch {
    // The client went away while sending: there is nobody to answer.
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const proto = req.headers["x-forwarded-proto"] === "https" ? "https" : "http";
  const host = req.headers["x-forwarded-host"] ?? req.headers.host ?? "localhost";
  let response: Response;
  try {
    response = await post(new Request(`${proto}://${host}${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }));
  } catch (err) {
    logEvent("request_error", { method: "POST", path: "/wp-comments-post.php", route: "fast-path", message: err instanceof Error ? err.message : String(err) }, "error");
    res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Sorry, something went wrong. Please try again.\n");
    return;
  }
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") out[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) out["set-cookie"] = cookies;
  const body = Buffer.from(await response.arrayBuffer());
  out["content-length"] = String(body.length);
  res.writeHead(response.status, out);
  res.end(body);
}

/** The POST handler as the server calls it: true when it took the request. */
export function commentFastPath(post: Handler) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "POST" || !req.url) return false;
    const path = req.url.split("?")[0];
    if (path !== "/wp-comments-post.php" || hasSessionCookie(req.headers.cookie)) return false;
    void answer(req, res, post);
    return true;
  };
}
