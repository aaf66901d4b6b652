import { describe, expect, it } from "vitest";
process.env.AUTH_SECRET = "unit-test-secret";
import { formatCommentHtml, makeClickable, sanitizeCommentHtml } from "@/lib/content/sanitize";
import { buildThread } from "@/lib/comments/thread";
import { createHash } from "node:crypto";
import { AVATAR_FILE, avatarSrc, avatarSvg } from "@/lib/comments/avatar";
import { checkFormToken, issueFormToken } from "@/lib/comments/form-token";
import { decodeCommenter, encodeCommenter } from "@/lib/comments/cookies";
import { normalizeCommentUrl, isEmail } from "@/lib/validation/comment";

describe("comment HTML", () => {
  it("keeps WordPress's comment tags and their allowed attributes", () => {
    const html = '<b>b</b> <i>i</i> <em>e</em> <strong>s</strong> <code>c</code> <del>d</del> <s>s</s> <strike>x</strike> <q cite="http://q.example">q</q> <cite>c</cite> <abbr title="t">a</abbr> <acronym title="t">a</acronym> <blockquote cite="http://b.example">bq</blockquote>';
    expect(sanitizeCommentHtml(html)).toBe(html);
  });

  it("removes scripts, event handlers, styles and other tags", () => {
    expect(sanitizeCommentHtml('<script>alert(1)</script>hi')).toBe("hi");
    expect(sanitizeCommentHtml('<img src=x onerror=alert(1)>')).toBe("");
    expect(sanitizeCommentHtml('<b onclick="alert(1)" style="color:red">x</b>')).toBe("<b>x</b>");
    expect(sanitizeCommentHtml('<iframe src="http://evil"></iframe><style>body{}</style><svg onload=alert(1)>')).toBe("");
    expect(sanitizeCommentHtml('<div class="x"><span>t</span></div>')).toBe("t");
  });

  it("drops javascript:, data: and vbscript: links, in any encoding", () => {
    for (const href of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "jav&#x09;ascript:alert(1)", "&#106;avascript:alert(1)", " javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "//evil.example/x"]) {
      const out = sanitizeCommentHtml(`<a href="${href}">x</a>`);
      expect(out, href).not.toMatch(/href/);
    }
  });

  it("marks every link rel=\"nofollow ugc\", replacing the commenter's own rel", () => {
    expect(sanitizeCommentHtml('<a href="https://a.example" rel="me" title="t">a</a>')).toBe('<a href="https://a.example" rel="nofollow ugc" title="t">a</a>');
    expect(formatCommentHtml("see https://b.example/x")).toContain('rel="nofollow ugc"');
  });

  it("escapes text that looks like markup instead of running it", () => {
    expect(sanitizeCommentHtml("1 < 2 & 3 > 2")).toBe("1 &lt; 2 &amp; 3 &gt; 2");
    expect(formatCommentHtml("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });

  it("turns line breaks into paragraphs and <br>", () => {
    expect(formatCommentHtml("one\ntwo\n\nthree")).toBe("<p>one<br />\ntwo</p>\n<p>three</p>");
  });

  it("turns bare URLs into links, keeping sentence punctuation out and existing links whole", () => {
    expect(makeClickable("visit https://example.com/a?b=1&amp;c=2.")).toBe('visit <a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc">https://example.com/a?b=1&amp;c=2</a>.');
    expect(makeClickable("www.example.org")).toBe('<a href="http://www.example.org" rel="nofollow ugc">www.example.org</a>');
    const linked = '<a href="https://x.example" rel="nofollow ugc">https://x.example</a>';
    expect(makeClickable(linked)).toBe(linked);
  });

  it("cannot be tricked into an attribute by a quote inside a bare URL", () => {
    const out = formatCommentHtml('http://x.example/"onmouseover="alert(1)"');
    expect(out).not.toMatch(/<a[^>]*\sonmouseover/i);
  });
});

describe("threads", () => {
  const c = (id: number, parentId: number | null = null) => ({ id, parentId });

  it("nests replies under their parents", () => {
    const t = buildThread([c(1), c(2, 1), c(3), c(4, 2)], { threaded: true, maxDepth: 5 });
    expect(t.map((n) => n.item.id)).toEqual([1, 3]);
    expect(t[0]!.children[0]!.item.id).toBe(2);
    expect(t[0]!.children[0]!.children[0]!).toMatchObject({ item: { id: 4 }, depth: 3 });
  });

  it("shows replies deeper than the maximum on the last level, after their parent", () => {
    // 1 > 2 > 3 (max 3) > 4 > 5: 4 and 5 appear beside 3, at depth 3.
    const t = buildThread([c(1), c(2, 1), c(3, 2), c(4, 3), c(5, 4)], { threaded: true, maxDepth: 3 });
    const level3 = t[0]!.children[0]!.children;
    expect(level3.map((n) => [n.item.id, n.depth])).toEqual([[3, 3], [4, 3], [5, 3]]);
  });

  it("is flat with threading off, and starts a thread for a reply whose parent is hidden", () => {
    expect(buildThread([c(1), c(2, 1)], { threaded: false, maxDepth: 5 }).map((n) => n.depth)).toEqual([1, 1]);
    expect(buildThread([c(2, 99)], { threaded: true, maxDepth: 5 })[0]).toMatchObject({ item: { id: 2 }, depth: 1 });
  });
});

describe("avatars", () => {
  const opts = { show_avatars: true, use_gravatar: false, avatar_rating: "G", avatar_default: "identicon" };
  it("points at a local SVG named by a keyed hash, without the email in it", () => {
    const src = avatarSrc("Ann@Example.com", "Ann", opts);
    expect(src).toMatch(/^\/avatar\/[0-9a-f]{32}\.svg$/);
    // Not an unkeyed hash of the address that a guess could be checked against.
    expect(src).not.toContain(createHash("sha256").update("ann@example.com").digest("hex").slice(0, 32));
    expect(src).not.toContain(createHash("md5").update("ann@example.com").digest("hex"));
    expect(avatarSvg(AVATAR_FILE.exec(src.split("/").pop()!)![1])).toMatch(/^<svg[^>]*>.*<\/svg>$/s);
    expect(avatarSvg("0".repeat(32))).not.toMatch(/<script|on\w+=/i);
    expect(avatarSrc("ann@example.com ", "x", opts)).toBe(src);
    expect(avatarSrc("bob@example.com", "x", opts)).not.toBe(src);
  });
  it("uses Gravatar only when asked, and nothing with avatars off", () => {
    expect(avatarSrc("ann@example.com", "Ann", { ...opts, use_gravatar: true })).toMatch(/^https:\/\/secure\.gravatar\.com\/avatar\/[0-9a-f]{32}\?/);
    expect(avatarSrc("ann@example.com", "Ann", { ...opts, show_avatars: false })).toBe("");
  });
  it("honours Settings → Discussion → Default Avatar, with Gravatar as WordPress asks it and without", async () => {
    const gravatar = (avatar_default: string) => new URL(avatarSrc("ann@example.com", "Ann", { ...opts, use_gravatar: true, avatar_default })).searchParams;
    expect(gravatar("mystery").get("d")).toBe("mm");
    expect(gravatar("blank").get("d")).toBe("blank");
    expect(gravatar("retro").get("d")).toBe("retro");
    expect(gravatar("identicon").get("d")).toBe("identicon");
    expect(gravatar("gravatar_default").has("d")).toBe(false);
    expect(gravatar("mystery").get("r")).toBe("g");
    // Without Gravatar: one picture for everyone for Mystery Person and Blank, an identicon otherwise.
    expect(avatarSrc("ann@example.com", "Ann", { ...opts, avatar_default: "mystery" })).toBe("/avatar/mystery.svg");
    expect(avatarSrc("bob@example.com", "Bob", { ...opts, avatar_default: "blank" })).toBe("/avatar/blank.svg");
    expect(avatarSrc("ann@example.com", "Ann", { ...opts, avatar_default: "wavatar" })).toBe(avatarSrc("ann@example.com", "Ann", opts));
    const { GET } = await import("@/app/avatar/[file]/route");
    const get = (file: string) => GET(new Request(`http://x/avatar/${file}`), { params: Promise.resolve({ file }) });
    for (const file of ["mystery.svg", "blank.svg", `${"a".repeat(32)}.svg`]) {
      const res = await get(file);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
      expect(await res.text()).toMatch(/^<svg[^>]*(\/>|>.*<\/svg>)$/s);
    }
    expect((await get("other.svg")).status).toBe(404);
    expect((await get("../mystery.svg")).status).toBe(404);
  });
});

describe("small pieces", () => {
  it("form tokens: signed, not too fast, not too old", () => {
    const t0 = 1_800_000_000_000;
    const tok = issueFormToken(7, t0);
    expect(checkFormToken(tok, 7, t0 + 1_000)).toBe("too_fast");
    expect(checkFormToken(tok, 7, t0 + 3_000)).toBe("ok");
    expect(checkFormToken(tok, 7, t0 + 25 * 3600_000)).toBe("expired");
    expect(checkFormToken(tok, 8, t0 + 3_000)).toBe("forged");
    expect(checkFormToken("", 7)).toBe("missing");
    expect(checkFormToken("garbage", 7)).toBe("forged");
  });
  it("remembered-commenter cookie round-trips and tolerates garbage", () => {
    const v = { author: "Zoë; =x", email: "z@example.com", url: "https://z.example" };
    expect(decodeCommenter(encodeCommenter(v))).toEqual(v);
    expect(encodeCommenter(v)).not.toMatch(/[;\s]/);
    expect(decodeCommenter("%%%")).toBeNull();
  });
  it("commenter URLs: http(s) only", () => {
    expect(normalizeCommentUrl("example.com")).toBe("http://example.com/");
    expect(normalizeCommentUrl("javascript:alert(1)")).toBe("");
    expect(isEmail("a@example.com")).toBe(true);
    expect(isEmail("a@b")).toBe(false);
  });
});

describe("comment pages", () => {
  const threads = Array.from({ length: 7 }, (_, i) => i + 1);
  it("are off by default and when everything fits", async () => {
    const { pageThreads } = await import("@/lib/comments/paging");
    expect(pageThreads(threads, { enabled: false, perPage: 3, defaultPage: "newest" }).paging).toBeNull();
    expect(pageThreads(threads, { enabled: true, perPage: 50, defaultPage: "newest" }).paging).toBeNull();
  });
  it("show the newest page first by default, and any page asked for", async () => {
    const { pageThreads } = await import("@/lib/comments/paging");
    const opts = { enabled: true, perPage: 3, defaultPage: "newest" as const };
    expect(pageThreads(threads, opts)).toEqual({ threads: [7], paging: { page: 3, pages: 3, olderPage: 2, newerPage: undefined } });
    expect(pageThreads(threads, { ...opts, defaultPage: "oldest" }).threads).toEqual([1, 2, 3]);
    expect(pageThreads(threads, opts, 2)).toEqual({ threads: [4, 5, 6], paging: { page: 2, pages: 3, olderPage: 1, newerPage: 3 } });
    expect(pageThreads(threads, opts, 99).paging!.page).toBe(3);
  });
});

describe("formatted comments are kept by their text", () => {
  it("answers the same text the same way, and an edited text anew, however many texts came between", () => {
    const a = formatCommentHtml("Hello <script>x</script> https://a.test");
    for (let i = 0; i < 10_050; i++) formatCommentHtml(`filler ${i}`);
    expect(formatCommentHtml("Hello <script>x</script> https://a.test")).toBe(a);
    expect(a).not.toContain("<script");
    expect(formatCommentHtml("Hello <script>x</script> https://b.test")).toContain('href="https://b.test"');
  });
});

describe("plain-text comments skip the sanitizer", () => {
  it("and come out exactly as the two sanitizer passes would make them, on random text", async () => {
    const { autop } = await import("@/lib/content/format");
    const full = (s: string) => sanitizeCommentHtml(makeClickable(autop(sanitizeCommentHtml(s)))).trimEnd();
    // Words, URLs, quotes, whitespace and punctuation, but never < > or & (those take the full path).
    const parts = ["word", " ", "\n", "\n\n", "\r\n", "\t", '"', "'", "“”", "é", "✓", ".", ",", ")", "(", "=", ";", "http://a.example/x?y=1", "https://b.example/", "www.c.example", "javascript:alert(1)", "mailto:x@y.z", "/", "#", "%20"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % parts.length;
    for (let i = 0; i < 400; i++) {
      let text = "";
      for (let j = 0, n = 1 + (i % 30); j < n; j++) text += parts[next()];
      expect(formatCommentHtml(text), JSON.stringify(text)).toBe(full(text));
    }
  });

  it("while text with markup or entities still goes through both passes", () => {
    expect(formatCommentHtml('<a href="javascript:alert(1)" onclick="x()">hi</a> & bye')).toBe("<p><a rel=\"nofollow ugc\">hi</a> &amp; bye</p>");
  });
});
