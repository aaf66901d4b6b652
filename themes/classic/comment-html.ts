// One comment of the thread, and its replies, as HTML. A post with 100 comments was 1,500 React
// elements, each rendered three times per page (server component payload, HTML, the payload again
// inside the HTML); as one string React passes it through. Names, URLs and dates are escaped
// here; contentHtml is the comment's text already sanitized (lib/content/sanitize.ts).
import { escapeHtml as esc } from "@/lib/content/escape";
import type { CommentView } from "@/lib/content/views";

export function commentItemHtml(c: CommentView): string {
  const name = esc(c.authorName);
  const author = c.authorUrl ? `<a href="${esc(c.authorUrl)}" rel="external nofollow ugc" class="underline">${name}</a>` : name;
  const avatar = c.avatarSrc
    ? `<img src="${esc(c.avatarSrc)}" alt="" width="40" height="40" class="float-left mr-3 h-10 w-10 rounded bg-paper" loading="lazy"/>`
    : "";
  const held = c.awaitingModeration ? `<p class="mt-1 text-sm italic text-accent">Your comment is awaiting moderation.</p>` : "";
  const reply = c.replyUrl
    ? `<p class="mt-2 text-sm"><a href="${esc(c.replyUrl)}" rel="nofollow" class="comment-reply-link underline" data-reply-to="${c.id}" data-reply-author="${name}" aria-label="Reply to ${name}">Reply</a></p>`
    : "";
  const replies = c.replies?.length ? `<ol class="children ml-4 border-l border-line pl-4 sm:ml-8">${c.replies.map(commentItemHtml).join("")}</ol>` : "";
  return (
    `<li id="comment-${c.id}" class="comment mt-4" data-depth="${c.depth ?? 1}">` +
    `<article class="border border-line bg-panel p-4" aria-label="Comment by ${name}">` +
    `<footer class="text-sm">${avatar}<p><strong class="comment-author">${author}</strong> <span class="text-muted">says:</span></p>` +
    `<p class="text-xs text-muted"><a href="#comment-${c.id}"><time datetime="${esc(c.dateIso)}">${esc(c.dateText)}</time></a></p>${held}</footer>` +
    `<div class="comment-content mt-2 clear-left">${c.contentHtml}</div>${reply}<div id="respond-slot-${c.id}"></div>` +
    `</article>${replies}</li>`
  );
}
