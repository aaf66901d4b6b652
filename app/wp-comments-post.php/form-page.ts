// The page a browser without JavaScript sees when its comment is refused (the reason above the
// form, everything typed kept), or when it follows a "Reply" link (the comment being answered
// above the form). A route handler answers with a status code (409, 429, 403, 400) and cannot
// render React, so the form is HTML built here, every value escaped, and set into the active
// theme's page (lib/site/comment-shell.ts); a bare page of its own only if that cannot be had.
import { COMMENT_FIELDS, COMMENT_LIMITS } from "@/lib/validation/comment";
import { commentFormShell, fillCommentFormShell } from "@/lib/site/comment-shell";
import { escapeHtml as esc } from "@/lib/content/escape";

export interface FormPageProps {
  siteName: string;
  post: { id: number; title: string; url: string } | null;
  /** The comment being answered: its author, when (formatted and ISO) and the start of its text. */
  parent: { id: number; authorName: string; dateText: string; dateIso: string; excerpt: string } | null;
  error?: { message: string; field?: string };
  values: { author?: string; email?: string; url?: string; comment?: string; consent?: boolean };
  user: { displayName: string } | null;
  requireNameEmail: boolean;
  cookiesOptIn: boolean;
  token: string;
}

/** What these pages answer with: the theme's styles and images, and no script at all. */
export const FORM_PAGE_CSP =
  "default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https: http:; font-src 'self' data:; media-src 'self' https: http:; form-action 'self'; frame-ancestors 'self'; base-uri 'none'";

function pageTitle(p: FormPageProps): string {
  if (p.error) return "Comment Submission Failure";
  return p.parent ? `Leave a Reply to ${esc(p.parent.authorName || "Anonymous")}` : "Leave a Reply";
}

/** The post it is about, the comment answered, the reason for a refusal and the form. */
export function renderCommentForm(p: FormPageProps): string {
  const star = p.requireNameEmail ? '<span aria-hidden="true"> *</span>' : "";
  const reqAttr = p.requireNameEmail ? " required" : "";
  const input = "mt-1 w-full border border-line bg-paper p-2";
  const fieldError = (name: string) => (p.error && p.error.field === name ? ` aria-invalid="true" aria-describedby="comment-error"` : "");
  const heading = p.parent ? `Leave a Reply to ${esc(p.parent.authorName || "Anonymous")}` : "Leave a Reply";
  const back = p.post
    ? `<p class="mt-4 text-sm"><a class="underline" href="${esc(p.post.url)}${p.parent ? `#comment-${p.parent.id}` : "#respond"}">${p.parent ? "Cancel reply" : `Back to “${esc(p.post.title)}”`}</a></p>`
    : `<p class="mt-4 text-sm"><a class="underline" href="/">Back to ${esc(p.siteName)}</a></p>`;
  const answered = p.parent
    ? `<figure class="comment-answered mt-4 border-l-4 border-line pl-4" aria-labelledby="answered-caption">
<figcaption id="answered-caption" class="text-sm text-muted"><strong class="text-ink">${esc(p.parent.authorName || "Anonymous")}</strong> wrote on <time datetime="${esc(p.parent.dateIso)}">${esc(p.parent.dateText)}</time>:</figcaption>
<blockquote class="mt-1"><p>${esc(p.parent.excerpt)}</p></blockquote>
</figure>`
    : "";
  const identity = p.user
    ? `<p class="logged-in-as">Logged in as ${esc(p.user.displayName)}. <a class="underline" href="/api/auth/signout">Log out?</a></p>`
    : `<p class="comment-notes text-muted"><span id="email-notes">Your email address will not be published.</span>${p.requireNameEmail ? " Required fields are marked *" : ""}</p>
<p><label for="author">Name${star}</label><input id="author" class="${input}" name="${COMMENT_FIELDS.author}" type="text" autocomplete="name" maxlength="${COMMENT_LIMITS.author}" value="${esc(p.values.author ?? "")}"${reqAttr}${fieldError("author")}></p>
<p><label for="email">Email${star}</label><input id="email" class="${input}" name="${COMMENT_FIELDS.email}" type="email" autocomplete="email" maxlength="${COMMENT_LIMITS.email}" value="${esc(p.values.email ?? "")}"${reqAttr}${fieldError("email") || ' aria-describedby="email-notes"'}></p>
<p><label for="url">Website</label><input id="url" class="${input}" name="${COMMENT_FIELDS.url}" type="url" autocomplete="url" maxlength="${COMMENT_LIMITS.url}" value="${esc(p.values.url ?? "")}"${fieldError("url")}></p>
${p.cookiesOptIn ? `<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="${COMMENT_FIELDS.consent}" type="checkbox" value="yes"${p.values.consent ? " checked" : ""}> <label for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label></p>` : ""}`;
  const form = p.post
    ? `<form action="/wp-comments-post.php" method="post" id="commentform" class="mt-2 space-y-3 text-sm">
${identity}
<p><label for="comment">Comment<span aria-hidden="true"> *</span></label><textarea id="comment" class="${input}" name="${COMMENT_FIELDS.comment}" rows="8" maxlength="${COMMENT_LIMITS.comment}" required${fieldError("comment")}>${esc(p.values.comment ?? "")}</textarea></p>
<div aria-hidden="true" style="position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden"><label for="${COMMENT_FIELDS.honeypot}">Leave this field empty</label><input id="${COMMENT_FIELDS.honeypot}" name="${COMMENT_FIELDS.honeypot}" type="text" tabindex="-1" autocomplete="off" value=""></div>
<input type="hidden" name="${COMMENT_FIELDS.timestamp}" value="${esc(p.token)}">
<input type="hidden" name="${COMMENT_FIELDS.postId}" value="${p.post.id}">
<input type="hidden" name="${COMMENT_FIELDS.parentId}" value="${p.parent?.id ?? 0}">
<p><button type="submit" class="bg-accent px-4 py-2 text-paper">Post Comment</button></p>
</form>`
    : "";
  return `<section class="comment-form-page" aria-labelledby="reply-title">
${p.post ? `<p class="text-sm text-muted">On “<a class="underline" href="${esc(p.post.url)}">${esc(p.post.title)}</a>”</p>` : ""}
<div id="respond" class="comment-respond mt-2">
<h1 id="reply-title" class="font-heading text-2xl font-bold">${heading}</h1>
${answered}
${p.error ? `<p id="comment-error" class="mt-4 border-l-4 border-red-600 bg-red-50 p-2 text-sm text-red-900" role="alert"><strong>Error:</strong> ${esc(p.error.message)}</p>` : ""}
${form}
${back}
</div>
</section>`;
}

/** The bare page, for when the theme's page cannot be rendered (the server is not Inkwell's own). */
export function renderCommentFormPage(p: FormPageProps): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${pageTitle(p)} – ${esc(p.siteName)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d2327}
input[type=text],input[type=email],input[type=url],textarea{display:block;width:100%;padding:.4rem;border:1px solid #8c8f94;box-sizing:border-box}
#comment-error{border-left:4px solid #d63638;background:#fcf0f1;padding:.5rem 1rem}blockquote{margin:.25rem 0 0;padding-left:1rem;border-left:4px solid #dcdcde}
button{padding:.5rem 1rem;background:#2271b1;color:#fff;border:0;cursor:pointer}</style></head>
<body><main>
<p><a href="/">${esc(p.siteName)}</a></p>
${renderCommentForm(p)}
</main></body></html>`;
}

/** The form inside the active theme's page, else the bare page. */
export async function renderThemedCommentPage(p: FormPageProps): Promise<string> {
  const shell = await commentFormShell();
  return shell ? fillCommentFormShell(shell, `${pageTitle(p)} – ${esc(p.siteName)}`, renderCommentForm(p)) : renderCommentFormPage(p);
}
