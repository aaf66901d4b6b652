// How many request-body bytes each route may receive: one table, enforced by server/main.mjs as
// the bytes arrive (Content-Length or chunked alike; the request is cut at the limit, never read
// whole), and read by the routes themselves for their own messages. Each number is what that
// route's largest legitimate request can be, so a flood costs the server a few KB per request.
// No imports but the comment fields, so next.config.ts can read the server-action limit.
import { COMMENT_FIELDS, COMMENT_LIMITS } from "../validation/comment-fields";

const KB = 1024;
const MB = 1024 * KB;

/** The ceiling for every route (MAX_BODY_BYTES, 32 MB): the largest WXR file the browser may import. */
export const MAX_BODY_BYTES = Number(process.env.MAX_BODY_BYTES || 32 * MB);

/** Sign-in and registration: a name, an email, a password and Auth.js's token fit in far less. */
export const SIGN_IN_MAX_BODY = 16 * KB;
/** The screens whose forms carry only that: sign-in, registration, lost and reset password. */
const SIGN_IN_SCREENS = new Set(["/login", "/register", "/lost-password", "/reset-password"]);

/**
 * The largest comment form: every field at its byte limit, each byte percent-encoded (3 bytes, as
 * a browser sends a non-ASCII comment urlencoded), plus the field names, the hidden fields and
 * multipart's boundaries.
 */
export const COMMENT_MAX_BODY =
  3 * Object.values(COMMENT_LIMITS).reduce((a, b) => a + b, 0) + Object.values(COMMENT_FIELDS).join("").length + 4 * KB;

/** TrackBack: a title, an excerpt, a blog name and a URL, a few KB; 64 KB leaves legacy senders room. */
export const TRACKBACK_MAX_BODY = 64 * KB;
/** Pingback: a methodCall with two URLs; 256 KB as WordPress's own XML-RPC clients never come near. */
export const XMLRPC_MAX_BODY = 256 * KB;
/** XML-RPC publishing also uploads files as base64 (4 bytes per 3) inside a methodCall. */
export const xmlrpcMaxBody = (uploadMaxBytes: number) => Math.ceil((uploadMaxBytes * 4) / 3) + XMLRPC_MAX_BODY;
/** Webmention: source and target URLs, form-encoded. */
export const WEBMENTION_MAX_BODY = 16 * KB;
/** REST API writes (a post's JSON, a term, a comment): as much as a server action, whose largest is a post. */
export const REST_MAX_BODY = 2 * MB;
/** An ActivityPub inbox POST: one activity (Mastodon's own cap on a fetched document is 1 MB; a Create with a long post is a few tens of KB). */
export const ACTIVITYPUB_MAX_BODY = 256 * KB;
/** A server action's arguments (Next's bodySizeLimit): a post's content is the largest of them. */
export const SERVER_ACTION_MAX_BODY = 2 * MB;
/** Multipart's boundaries and headers around a media upload's file (Settings → Media's limit). */
export const UPLOAD_MULTIPART_ALLOWANCE = 64 * KB;

const isTrackback = (path: string) => path === "/wp-trackback.php" || path.startsWith("/trackback/") || /\/trackback\/?$/.test(path);

/** The body limit of one request, by its path; uploadMaxBytes is Settings → Media's limit. */
export function bodyLimitFor(pathname: string, uploadMaxBytes: () => number): number {
  const path = pathname.replace(/\/+$/, "") || "/";
  let limit = SERVER_ACTION_MAX_BODY;
  if (path.startsWith("/api/auth/") || SIGN_IN_SCREENS.has(path)) limit = SIGN_IN_MAX_BODY;
  else if (path === "/wp-comments-post.php") limit = COMMENT_MAX_BODY;
  else if (path === "/xmlrpc.php") limit = xmlrpcMaxBody(uploadMaxBytes());
  else if (path === "/webmention") limit = WEBMENTION_MAX_BODY;
  else if (/^\/wp-json\/wp\/v2\/media(\/\d+)?$/.test(path)) limit = uploadMaxBytes() + UPLOAD_MULTIPART_ALLOWANCE;
  else if (path.startsWith("/wp-json/activitypub/")) limit = ACTIVITYPUB_MAX_BODY;
  else if (path === "/wp-json" || path.startsWith("/wp-json/")) limit = REST_MAX_BODY;
  else if (isTrackback(path)) limit = TRACKBACK_MAX_BODY;
  else if (path === "/admin/media/upload" || path === "/micropub" || path === "/micropub/media") limit = uploadMaxBytes() + UPLOAD_MULTIPART_ALLOWANCE;
  else if (path === "/admin/tools/import/start") limit = MAX_BODY_BYTES;
  return Math.min(limit, MAX_BODY_BYTES);
}
