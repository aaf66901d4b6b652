import { describe, expect, it } from "vitest";
import { commentItemHtml } from "@/themes/classic/comment-html";
import type { CommentView } from "@/lib/content/views";

const base: CommentView = { id: 7, authorName: "Ann", authorUrl: "", dateText: "March 1, 2026 at 10:00 am", dateIso: "2026-03-01T10:00:00.000Z", contentHtml: "<p>Hi</p>", depth: 1 };

describe("a comment's HTML in the thread", () => {
  it("escapes the author's name and URL, and keeps the sanitized text as it is", () => {
    const html = commentItemHtml({ ...base, authorName: `"><script>alert(1)</script>`, authorUrl: `https://x.test/?a=1&b="2"`, replyUrl: "/wp-comments-post.php?replytocom=7" });
    expect(html).not.toContain("<script>");
    expect(html).toContain(`<a href="https://x.test/?a=1&amp;b=&quot;2&quot;" rel="external nofollow ugc" class="underline">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>`);
    expect(html).toContain(`data-reply-author="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`);
    expect(html).toContain(`<div class="comment-content mt-2 clear-left"><p>Hi</p></div>`);
  });

  it("nests replies, marks held comments, and offers Reply only when given a reply URL", () => {
    const html = commentItemHtml({ ...base, replies: [{ ...base, id: 8, depth: 2, awaitingModeration: true }], replyUrl: "/wp-comments-post.php?replytocom=7" });
    expect(html).toMatch(/^<li id="comment-7" class="comment mt-4" data-depth="1">.*<ol class="children[^"]*"><li id="comment-8"[^>]*data-depth="2">.*Your comment is awaiting moderation\..*<\/li><\/ol><\/li>$/s);
    expect(html.match(/comment-reply-link/g)).toHaveLength(1);
    expect(html).toContain(`<div id="respond-slot-7"></div>`);
    expect(html).toContain(`<time datetime="2026-03-01T10:00:00.000Z">March 1, 2026 at 10:00 am</time>`);
  });
});
