// The no-JavaScript comment pages: the form set into the theme's page, every value escaped, what
// was typed kept, the comment answered shown with its author, date and first words.
import { describe, expect, it } from "vitest";
import { parseDocument } from "htmlparser2";
import { renderCommentForm, renderCommentFormPage, type FormPageProps } from "@/app/wp-comments-post.php/form-page";
import { answeredComment } from "@/app/wp-comments-post.php/answered-comment";
import { COMMENT_FORM_MARKER, fillCommentFormShell } from "@/lib/site/comment-shell";

const base: FormPageProps = {
  siteName: "Site <&>",
  post: { id: 7, title: "A \"quoted\" <post>", url: "/2026/01/02/post/" },
  parent: answeredComment(
    { id: 3, authorName: "Ann <b>", content: `<p>${Array.from({ length: 25 }, (_, i) => `w${i + 1}`).join(" ")}</p>`, date: "2026-01-02 15:04:05", dateGmt: "2026-01-02 14:04:05" },
    { date_format: "F j, Y", time_format: "g:i a" },
  ),
  error: { message: "Please fill the required fields.", field: "author" },
  values: { author: `"><script>alert(1)</script>`, email: "a@b.c", url: "https://x.test/?a=1&b=2", comment: "line one\n</textarea><b>two</b>", consent: true },
  user: null,
  requireNameEmail: true,
  cookiesOptIn: true,
  token: "tok",
};

const text = (html: string) => parseDocument(html);

describe("the comment form pages", () => {
  it("shows the comment answered: author, date in the site's formats, first 20 words", () => {
    expect(base.parent).toEqual({ id: 3, authorName: "Ann <b>", dateText: "January 2, 2026 at 3:04 pm", dateIso: "2026-01-02T14:04:05.000Z", excerpt: "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20…" });
    const html = renderCommentForm(base);
    expect(html).toContain("<strong class=\"text-ink\">Ann &lt;b&gt;</strong> wrote on <time datetime=\"2026-01-02T14:04:05.000Z\">January 2, 2026 at 3:04 pm</time>");
    expect(html).toContain("<h1 id=\"reply-title\" class=\"font-heading text-2xl font-bold\">Leave a Reply to Ann &lt;b&gt;</h1>");
  });

  it("keeps every value typed, escaped, and marks the field at fault", () => {
    const doc = text(renderCommentForm(base));
    const byId = (id: string) => {
      let found: { attribs: Record<string, string>; children: unknown[] } | undefined;
      const walk = (nodes: unknown[]) => {
        for (const n of nodes as { attribs?: Record<string, string>; children?: unknown[] }[]) {
          if (n.attribs?.id === id) found = n as never;
          if (n.children) walk(n.children);
        }
      };
      walk(doc.children);
      return found!;
    };
    expect(byId("author").attribs.value).toBe(`"><script>alert(1)</script>`);
    expect(byId("author").attribs["aria-invalid"]).toBe("true");
    expect(byId("url").attribs.value).toBe("https://x.test/?a=1&b=2");
    expect((byId("comment").children[0] as { data: string }).data).toBe("line one\n</textarea><b>two</b>");
    expect(byId("wp-comment-cookies-consent").attribs.checked).toBe("");
    expect(byId("comment-error").attribs.role).toBe("alert");
    expect(renderCommentForm(base)).not.toContain("<script>");
  });

  it("sets the form into the theme's page in place of its marker, with the page's title", () => {
    const shell = `<html><head><title>Leave a Reply – Site</title></head><body><header>Site</header><main><div>${COMMENT_FORM_MARKER}</div></main></body></html>`;
    const page = fillCommentFormShell(shell, "Comment Submission Failure – Site &lt;&amp;&gt;", renderCommentForm(base));
    expect(page).toContain("<title>Comment Submission Failure – Site &lt;&amp;&gt;</title>");
    expect(page).toMatch(/<main><div><section class="comment-form-page"[\s\S]*<\/section><\/div><\/main>/);
    expect(page).not.toContain(COMMENT_FORM_MARKER);
  });

  it("the bare page, when the theme's cannot be had, carries the same form", () => {
    const page = renderCommentFormPage(base);
    expect(page).toContain("<title>Comment Submission Failure – Site &lt;&amp;&gt;</title>");
    expect(page).toContain(renderCommentForm(base));
  });
});
