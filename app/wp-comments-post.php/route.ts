// WordPress's own address for the comment form. A plain form POST gets a 303 to the post at
// #comment-ID, or the form again with the error beside it and the status code of the rule that
// refused it; a script asking for JSON gets the same answer as JSON.
import { getOptions } from "@/db/queries/options";
import { getCommentParent } from "@/db/queries/comments";
import { getPostCardById } from "@/db/queries/posts";
import { getCurrentUser } from "@/lib/session";
import { clientIpFrom } from "@/lib/request-ip";
import { postUrl } from "@/lib/content/post-view";
import { canReadPost } from "@/lib/auth/capabilities";
import { submitComment, type SubmitError } from "@/lib/comments/submit";
import { issueFormToken } from "@/lib/comments/form-token";
import { POSTPASS_COOKIE } from "@/lib/content/post-pass";
import { AUTHOR_TOKEN_COOKIE, AUTHOR_TOKEN_MAX_AGE, COMMENTER_COOKIE, COMMENTER_MAX_AGE, encodeCommenter, isAuthorToken } from "@/lib/comments/cookies";
import { newAuthorToken } from "@/lib/comments/author-token";
import { commentInputFromForm } from "@/lib/validation/comment";
import { logEvent } from "@/lib/log";
import { FORM_PAGE_CSP, renderThemedCommentPage } from "./form-page";
import { answeredComment } from "./answered-comment";
import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { isSameOriginRequest } from "@/lib/http/same-origin";

function cookie(name: string, value: string, maxAge: number, opts: { httpOnly?: boolean; secure: boolean }) {
  return `${name}=${value}; Path=/; Max-Age=${maxAge}; SameSite=Lax${opts.httpOnly ? "; HttpOnly" : ""}${opts.secure ? "; Secure" : ""}`;
}

/**
 * Most comments come from visitors without a session: skip Auth.js entirely for them. A session
 * counts only on a request from this site's own pages: a form on another site posting with a
 * moderator's cookie is an anonymous visitor's comment (name, email, moderation and spam checks
 * apply), as WordPress posts it without the user's rights when _wp_unfiltered_html_comment fails.
 */
async function commenter(req: Request) {
  return hasSessionCookie(req.headers.get("cookie")) && isSameOriginRequest(req.headers) ? getCurrentUser() : null;
}

function wantsJson(req: Request) {
  return (req.headers.get("accept") ?? "").includes("application/json");
}

async function formPage(req: Request, status: number, err: Pick<SubmitError, "message" | "field" | "values" | "postId" | "parentId"> | null, parentId?: number, postIdHint?: number) {
  const opts = await getOptions();
  const user = await commenter(req);
  const pid = err?.postId ?? postIdHint;
  const post = pid ? await getPostCardById(pid) : undefined;
  // The form names the post: only one this visitor may read.
  const shown = post && canReadPost(user, post) ? post : undefined;
  const parentRow = parentId ? await getCommentParent(parentId) : undefined;
  const parent = parentRow && shown && parentRow.postId === shown.id && parentRow.status === "1" ? answeredComment(parentRow, opts) : null;
  const html = await renderThemedCommentPage({
    siteName: opts.blogname,
    post: shown ? { id: shown.id, title: shown.title, url: postUrl(shown, opts) } : null,
    parent,
    error: err ? { message: err.message, field: err.field } : undefined,
    values: { ...(err?.values ?? {}) },
    user: user ? { displayName: user.displayName } : null,
    requireNameEmail: opts.require_name_email,
    cookiesOptIn: opts.show_comments_cookies_opt_in,
    token: shown ? issueFormToken(shown.id) : "",
  });
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": FORM_PAGE_CSP } });
}

export async function POST(req: Request) {
  const json = wantsJson(req);
  let form: FormData | URLSearchParams;
  try {
    // The plain form posts urlencoded: URLSearchParams reads it without the web-stream
    // machinery of Request.formData(); the script's FormData (multipart) still goes through it.
    form = (req.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")
      ? new URLSearchParams(await req.text())
      : await req.formData();
  } catch {
    const message = "Sorry, that comment could not be read. Please try again.";
    return json ? Response.json({ ok: false, code: "invalid", message }, { status: 400 }) : formPage(req, 400, { message, values: {} });
  }
  const cookies = new Map(
    (req.headers.get("cookie") ?? "").split(/;\s*/).map((kv) => {
      const i = kv.indexOf("=");
      return [kv.slice(0, i), kv.slice(i + 1)] as const;
    }),
  );
  const existing = cookies.get(AUTHOR_TOKEN_COOKIE);
  const authorToken = isAuthorToken(existing) ? existing : newAuthorToken();
  const user = await commenter(req);
  const raw = commentInputFromForm(form);
  const result = await submitComment(raw, {
    ip: clientIpFrom(req.headers),
    userAgent: req.headers.get("user-agent") ?? "",
    user,
    authorToken,
    postPassCookie: cookies.get(POSTPASS_COOKIE),
  });

  if (!result.ok) {
    logEvent("comment_refused", { code: result.code, status: result.status });
    if (json) return Response.json({ ok: false, code: result.code, message: result.message, field: result.field }, { status: result.status });
    return formPage(req, result.status, result, result.parentId);
  }

  // Every reader's copy of the post (and lists showing its comment count) is now stale: an
  // approved comment moves the content version (drizzle/0002), which empties Inkwell's caches.
  const secure = new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  const headers = new Headers({ "cache-control": "no-store" });
  headers.append("set-cookie", cookie(AUTHOR_TOKEN_COOKIE, authorToken, AUTHOR_TOKEN_MAX_AGE, { httpOnly: true, secure }));
  if (!user) {
    headers.append(
      "set-cookie",
      result.consent ? cookie(COMMENTER_COOKIE, encodeCommenter(result.remember), COMMENTER_MAX_AGE, { secure }) : cookie(COMMENTER_COOKIE, "", 0, { secure }),
    );
  }
  const location = `${result.postUrl}#comment-${result.comment.id}`;
  if (json) {
    headers.set("content-type", "application/json");
    return new Response(JSON.stringify({ ok: true, id: result.comment.id, status: result.answerStatus, url: location }), { status: 201, headers });
  }
  headers.set("location", location);
  return new Response(null, { status: 303, headers });
}

/** Without JavaScript, "Reply" lands here: the form, titled "Leave a Reply to X". */
export async function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  const replyTo = Number(params.get("replytocom"));
  const parent = Number.isInteger(replyTo) && replyTo > 0 ? await getCommentParent(replyTo) : undefined;
  if (!parent) return new Response("Method Not Allowed\n", { status: 405, headers: { allow: "POST", "content-type": "text/plain" } });
  return formPage(req, 200, null, parent.id, parent.postId);
}

