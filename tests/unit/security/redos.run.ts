// Runs every function that applies regular expressions to visitor input on adversarial 100,000-
// character strings and prints one JSON line per case with its time. Run in a child process by
// hostile-input.test.ts, so a catastrophic backtrack is a bounded failure, not a hung suite.
import { autop, formatPostContent, splitMore } from "@/lib/content/format";
import { renderShortcodes } from "@/lib/content/shortcodes";
import { sanitizeCommentHtml, makeClickable, formatCommentHtml, sanitizePostHtml } from "@/lib/content/sanitize";
import { slugify } from "@/lib/content/slug";
import { matchStructure } from "@/lib/content/permalinks";
import { isEmail, normalizeCommentUrl, commentInputFromForm } from "@/lib/validation/comment";
import { countLinks, matchKey } from "@/lib/comments/moderation";
import { checkFormToken } from "@/lib/comments/form-token";
import { htmlToText, httpUrl, truncate } from "@/lib/linkbacks/text";
import { parseLinkHeader, scanHtml, contextExcerpt, parseHEntry, mentionContent, externalLinks } from "@/lib/linkbacks/html";
import { parseTrackbackForm, parseTrackbackResponse } from "@/lib/linkbacks/trackback";
import { autoExcerpt } from "@/lib/wp-rest/format";
import { parseMethodCall } from "@/lib/linkbacks/xmlrpc";
import { searchWords, toFtsQuery, highlightSnippet, htmlToText as searchText } from "@/lib/site/search-query";
import { parseTagList } from "@/lib/posts/slug";
import { normalizeLocal } from "@/lib/posts/schedule";

process.env.AUTH_SECRET ??= "redos-secret";
const N = Number(process.env.REDOS_N || 100_000);
const fill = (unit: string, tail = "!") => unit.repeat(Math.ceil(N / unit.length)).slice(0, N) + tail;
const INPUTS: Record<string, string> = {
  a: fill("a"),
  spaces: fill(" ", "x"),
  newlines: fill("\n", "x"),
  crlf: fill("\r\n \t", "x"),
  lt: fill("<"),
  tagOpen: fill("<a "),
  attrs: fill(' a="', "x"),
  comment: fill("<!--"),
  entity: fill("&#"),
  http: fill("http://"),
  httpA: fill("http://a"),
  www: fill("www."),
  at: fill("a@"),
  dots: fill("a."),
  dashes: fill("-"),
  slashes: fill("/"),
  percent: fill("%2"),
  paragraphs: fill("<p>x\n\n"),
  quotes: fill('"\''),
  unicode: fill("é\u0301\u200b"),
  brackets: fill("[a"),
  stars: fill("*"),
  script: fill("<script>"),
  pre: fill("<pre>"),
  commentOpen: fill("<!--<a "),
  message: fill("<message>"),
  aHref: fill("<a href"),
};

type Case = [string, (s: string) => unknown];
const CASES: Case[] = [
  ["autop", autop],
  ["formatPostContent", formatPostContent],
  ["renderShortcodes", (s) => renderShortcodes(s, { postId: 1 })],
  ["splitMore", (s) => splitMore(s + "<!--more-->")],
  ["sanitizeCommentHtml", sanitizeCommentHtml],
  ["makeClickable", makeClickable],
  ["formatCommentHtml", formatCommentHtml],
  ["sanitizePostHtml", sanitizePostHtml],
  ["slugify", slugify],
  ["matchStructure", (s) => matchStructure([s, s], "/%postname%/%post_id%/")],
  ["isEmail", isEmail],
  ["normalizeCommentUrl", normalizeCommentUrl],
  ["commentInputFromForm", (s) => commentInputFromForm(new URLSearchParams({ comment: s, author: s, email: s, url: s }))],
  ["countLinks", countLinks],
  ["matchKey", (s) => matchKey(`spam\n${s.slice(0, 200)}\nviagra`, [s, s])],
  ["checkFormToken", (s) => checkFormToken(s, 1)],
  ["linkbacks.htmlToText", htmlToText],
  ["httpUrl", (s) => httpUrl(s)],
  ["truncate", (s) => truncate(s, 252)],
  ["parseLinkHeader", (s) => parseLinkHeader(s, "http://example.test/")],
  ["scanHtml", (s) => scanHtml(s, "http://example.test/")],
  ["contextExcerpt", (s) => contextExcerpt(s + '<a href="http://blog.test/x/">x</a>', "http://example.test/", "http://blog.test/x/")],
  // microformats-parser builds a tree: 20,000 nested unclosed elements cost it ~2 s (it runs in
  // the job queue on a size-capped download, never in a request), so it gets half the input.
  ["parseHEntry", (s) => parseHEntry(`<div class="h-entry"><p class="e-content">${s.slice(0, N / 2)}</p></div>`, "http://example.test/")],
  ["mentionContent", (s) => mentionContent(s)],
  ["externalLinks", (s) => externalLinks(s, "http://blog.test/x/")],
  ["parseTrackbackForm", (s) => parseTrackbackForm(new URLSearchParams({ url: "http://example.test/", title: s, excerpt: s, blog_name: s }).toString())],
  ["parseTrackbackForm.raw", (s) => parseTrackbackForm(s)],
  ["parseMethodCall", (s) => { try { parseMethodCall(`<?xml version="1.0"?><methodCall><methodName>pingback.ping</methodName><params><param><value><string>${s.replace(/[<&]/g, "")}</string></value></param></params></methodCall>`); } catch { /* a fault is fine */ } }],
  ["searchWords", searchWords],
  ["toFtsQuery", toFtsQuery],
  ["search.htmlToText", searchText],
  ["highlightSnippet", (s) => highlightSnippet(s, s.slice(0, 100))],
  ["parseTagList", parseTagList],
  ["parseTrackbackResponse", parseTrackbackResponse],
  ["rest.autoExcerpt", autoExcerpt],
  ["normalizeLocal", normalizeLocal],
];

for (const [name, fn] of CASES) {
  let worst = 0;
  let worstInput = "";
  for (const [label, input] of Object.entries(INPUTS)) {
    const t0 = performance.now();
    try {
      fn(input);
    } catch {
      // refusing the input is fine; only the time matters here
    }
    const ms = performance.now() - t0;
    if (ms > worst) [worst, worstInput] = [ms, label];
  }
  process.stdout.write(JSON.stringify({ name, worstMs: Math.round(worst), worstInput }) + "\n");
}
process.stdout.write(JSON.stringify({ done: true, cases: CASES.length, inputs: Object.keys(INPUTS).length, chars: N }) + "\n");
