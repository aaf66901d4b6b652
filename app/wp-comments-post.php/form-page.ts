// The page a browser without JavaScript sees when its comment is refused (the error beside the
// form, what was typed kept), or when it follows a "Reply" link. A route handler answers with a
// status code (409, 429, 403, 400), so this page is plain HTML built here, every value escaped.
import { COMMENT_FIELDS, COMMENT_LIMITS } from "@/lib/validation/comment";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export interface FormPageProps {
  siteName: string;
  post: { id: number; title: string; url: string } | null;
  parent: { id: number; authorName: string } | null;
  error?: { message: string; field?: string };
  values: { author?: string; email?: string; url?: string; comment?: string; consent?: boolean };
  user: { displayName: string } | null;
  requireNameEmail: boolean;
  cookiesOptIn: boolean;
  token: string;
}

export function renderCommentFormPage(p: FormPageProps): string {
  const req = p.requireNameEmail ? ' <span aria-hidden="true">*</span>' : "";
  const reqAttr = p.requireNameEmail ? " required" : "";
  const fieldError = (name: string) =>
    p.error && p.error.field === name ? ` aria-invalid="true" aria-describedby="comment-error"` : "";
  const title = p.parent ? `Leave a Reply to ${esc(p.parent.authorName || "Anonymous")}` : "Leave a Reply";
  const back = p.post ? `<p><a href="${esc(p.post.url)}${p.parent ? `#comment-${p.parent.id}` : "#respond"}">${p.parent ? "Cancel reply" : `Back to “${esc(p.post.title)}”`}</a></p>` : "";
  const identity = p.user
    ? `<p class="logged-in-as">Logged in as ${esc(p.user.displayName)}. <a href="/api/auth/signout">Log out?</a></p>`
    : `<p class="comment-notes">Your email address will not be published.${p.requireNameEmail ? " Required fields are marked *" : ""}</p>
<p><label for="author">Name${req}</label><br><input id="author" name="${COMMENT_FIELDS.author}" type="text" autocomplete="name" maxlength="${COMMENT_LIMITS.author}" value="${esc(p.values.author ?? "")}"${reqAttr}${fieldError("author")}></p>
<p><label for="email">Email${req}</label><br><input id="email" name="${COMMENT_FIELDS.email}" type="email" autocomplete="email" maxlength="${COMMENT_LIMITS.email}" value="${esc(p.values.email ?? "")}"${reqAttr}${fieldError("email")}></p>
<p><label for="url">Website</label><br><input id="url" name="${COMMENT_FIELDS.url}" type="url" autocomplete="url" maxlength="${COMMENT_LIMITS.url}" value="${esc(p.values.url ?? "")}"${fieldError("url")}></p>
${p.cookiesOptIn ? `<p><input id="wp-comment-cookies-consent" name="${COMMENT_FIELDS.consent}" type="checkbox" value="yes"${p.values.consent ? " checked" : ""}> <label for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label></p>` : ""}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${p.error ? "Comment Submission Failure" : title} – ${esc(p.siteName)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d2327}
input[type=text],input[type=email],input[type=url],textarea{width:100%;padding:.4rem;border:1px solid #8c8f94;box-sizing:border-box}
.error{border-left:4px solid #d63638;background:#fcf0f1;padding:.5rem 1rem}.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
button{padding:.5rem 1rem;background:#2271b1;color:#fff;border:0;cursor:pointer}</style></head>
<body><main>
<p><a href="/">${esc(p.siteName)}</a></p>
${p.post ? `<p>On “<a href="${esc(p.post.url)}">${esc(p.post.title)}</a>”</p>` : ""}
<div id="respond">
<h1 id="reply-title">${title}</h1>
${p.error ? `<p id="comment-error" class="error" role="alert"><strong>Error:</strong> ${esc(p.error.message)}</p>` : ""}
${p.post ? `<form action="/wp-comments-post.php" method="post" id="commentform">
${identity}
<p><label for="comment">Comment <span aria-hidden="true">*</span></label><br><textarea id="comment" name="${COMMENT_FIELDS.comment}" rows="8" maxlength="${COMMENT_LIMITS.comment}" required${fieldError("comment")}>${esc(p.values.comment ?? "")}</textarea></p>
<div class="hp" aria-hidden="true"><label for="${COMMENT_FIELDS.honeypot}">Leave this field empty</label><input id="${COMMENT_FIELDS.honeypot}" name="${COMMENT_FIELDS.honeypot}" type="text" tabindex="-1" autocomplete="off" value=""></div>
<input type="hidden" name="${COMMENT_FIELDS.timestamp}" value="${esc(p.token)}">
<input type="hidden" name="${COMMENT_FIELDS.postId}" value="${p.post.id}">
<input type="hidden" name="${COMMENT_FIELDS.parentId}" value="${p.parent?.id ?? 0}">
<p><button type="submit">Post Comment</button></p>
</form>` : ""}
${back}
</div>
</main></body></html>`;
}
