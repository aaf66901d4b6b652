// Core's shortcodes as WordPress renders them (cases from WordPress's tests/phpunit/tests/media.php
// and shortcode.php), media read from the real library, and hostile input that must stay inert.
import { describe, expect, it } from "vitest";
import { renderShortcodes, renderEmbedShortcode, stripShortcodes, type ShortcodeMediaSet } from "@/lib/content/shortcodes";
import { formatPostContent } from "@/lib/content/format";
import { renderEmbeds } from "@/lib/content/embeds";
import { toPostView } from "@/lib/content/post-view";
import { OPTION_DEFAULTS } from "@/lib/options/defaults";
import { shortcodeMediaFor } from "@/lib/site/shortcode-media";
import { insertMedia } from "@/db/queries/media";
import { makePost, makeUser } from "../support/factories";
import { sanitizePostHtml } from "@/lib/content/sanitize";
import { Parser } from "htmlparser2";
import { SHORTCODE_XSS_PAYLOADS } from "../../e2e/support/xss-corpus";
import { GET as restGet } from "@/app/wp-json/[[...route]]/route";
import { postsRss } from "@/lib/site/feeds";
import { archivePage } from "@/lib/site/reads";
import { describePost } from "@/lib/site/seo";
import { postArticle } from "@/lib/federation/objects";
import { embedExcerpt } from "@/lib/oembed/embed-card";

const render = (html: string, media?: ShortcodeMediaSet) => renderShortcodes(html, { postId: 7, media });
const CAPTION = "A simple caption.";
const IMG = '<img src="pic.jpg" alt="" />';

describe("[caption] (img_caption_shortcode, HTML5)", () => {
  it("prints a figure with alignment, width and a figcaption", () => {
    expect(render(`[caption id="attachment_6" align="alignright" width="300" caption="${CAPTION}"]${IMG}[/caption]`)).toBe(
      `<figure id="attachment_6" aria-describedby="caption-attachment-6" style="width: 300px" class="wp-caption alignright">${IMG}<figcaption id="caption-attachment-6" class="wp-caption-text">${CAPTION}</figcaption></figure>`,
    );
  });

  it("takes the text after the image as the caption (new style) and keeps a linked image", () => {
    const out = render(`[caption width="20"]<a href="http://example.com/">${IMG}</a> ${CAPTION}[/caption]`);
    expect(out).toBe(`<figure style="width: 20px" class="wp-caption alignnone"><a href="http://example.com/">${IMG}</a><figcaption class="wp-caption-text">${CAPTION}</figcaption></figure>`);
  });

  it("returns the content alone without a width or a caption (test_img_caption_shortcode_with_old_format)", () => {
    expect(render(`[caption]${IMG}[/caption]`)).toBe(IMG);
    expect(render(`[caption width="0" caption="x"]${IMG}[/caption]`)).toBe(IMG);
  });

  it("honours caption_id and class, and wp_caption as a synonym", () => {
    expect(render(`[wp_caption width="20" caption_id="my_id" class="some-class another-class" caption="${CAPTION}"]${IMG}[/wp_caption]`)).toBe(
      `<figure aria-describedby="my_id" style="width: 20px" class="wp-caption alignnone some-class another-class">${IMG}<figcaption id="my_id" class="wp-caption-text">${CAPTION}</figcaption></figure>`,
    );
  });

  it("keeps caption HTML to what posts may hold and escapes hostile attributes", () => {
    const out = render(`[caption id='"><script>x</script>' align='"onmouseover=alert(1) x' width="9" caption='<b>bold</b><script>alert(1)</script><img src=x onerror=alert(1)>']${IMG}[/caption]`);
    expect(out).toContain("<b>bold</b>");
    expect(out).not.toMatch(/<script|onerror|onmouseover=|"><script/);
  });
});

function mediaSet(): ShortcodeMediaSet {
  const img = (id: number, w: number, h: number, caption = "") => ({
    id, url: `/wp-content/uploads/2026/11/img-${id}.jpg`, mimeType: "image/jpeg", width: w, height: h, title: `Image ${id}`, alt: `alt ${id}`, caption,
    createdGmt: `2026-11-0${id} 00:00:00`, postId: 7,
    sizes: { thumbnail: { url: `/wp-content/uploads/2026/11/img-${id}-150x150.jpg`, width: 150, height: 150 }, medium: { url: `/wp-content/uploads/2026/11/img-${id}-300x200.jpg`, width: 300, height: 200 } },
  });
  const all = [img(1, 1200, 800, "First <caption>"), img(2, 800, 1200), img(3, 1200, 800)];
  const audio = { ...img(4, 0, 0), url: "/wp-content/uploads/2026/11/song.mp3", mimeType: "audio/mpeg", width: null, height: null, sizes: {} };
  return { byId: new Map([...all, audio].map((m) => [m.id, m])), attachedTo: new Map([[7, [...all, audio]]]) };
}

describe("[gallery] (gallery_shortcode, HTML5)", () => {
  it("prints core's markup: columns, size class, figure items, captions and orientation", () => {
    const out = render('[gallery ids="2,1" columns="2" size="medium"]', mediaSet());
    expect(out).toMatch(/^<div id='gallery-1' class='gallery galleryid-7 gallery-columns-2 gallery-size-medium'>/);
    expect(out.indexOf("img-2-300x200")).toBeLessThan(out.indexOf("img-1-300x200")); // post__in order
    expect(out).toContain("<figure class='gallery-item'>");
    expect(out).toContain("<div class='gallery-icon portrait'>");
    expect(out).toContain(`<figcaption class='wp-caption-text gallery-caption' id='gallery-1-1'>\n\t\t\t\tFirst &lt;caption&gt;\n\t\t\t\t</figcaption>`);
    expect(out).toContain('aria-describedby="gallery-1-1"');
    expect(out).toContain("<a href='/wp-content/uploads/2026/11/img-1.jpg'><img width=\"300\" height=\"200\" src=\"/wp-content/uploads/2026/11/img-1-300x200.jpg\" class=\"attachment-medium size-medium\" alt=\"alt 1\"");
  });

  it("names a picture's link by its caption, else the attachment's title or file name, when the picture has no alt text", () => {
    const set = mediaSet();
    set.byId.set(3, { ...set.byId.get(3)!, alt: "" });
    const out = render('[gallery ids="1,3"]', set);
    expect(out).toContain("<a href='/wp-content/uploads/2026/11/img-3.jpg' aria-label='Image 3'>");
    set.byId.set(3, { ...set.byId.get(3)!, alt: "", title: " " });
    expect(render('[gallery ids="3"]', set)).toContain("<a href='/wp-content/uploads/2026/11/img-3.jpg' aria-label='img-3'>");
    set.byId.set(1, { ...set.byId.get(1)!, alt: "" });
    expect(render('[gallery ids="1"]', set)).toContain("<a href='/wp-content/uploads/2026/11/img-1.jpg' aria-labelledby='gallery-1-1'>");
    // Alt text already names the link: no label then.
    expect(out).toContain("<a href='/wp-content/uploads/2026/11/img-1.jpg'><img");
  });

  it("uses the post's attached images when no ids are given, with order, link=none and columns clamped to 1–9", () => {
    const out = render('[gallery link="none" order="DESC" columns="40"]', mediaSet());
    expect(out).toContain("gallery-columns-9");
    expect(out).not.toContain("<a ");
    expect(out).not.toContain("song.mp3");
    const order = ["img-3-150x150", "img-2-150x150", "img-1-150x150"].map((s) => out.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(render('[gallery orderby="title" exclude="2"]', mediaSet())).not.toContain("img-2-");
  });

  it("prints nothing when there is no image, as core does", () => {
    expect(render('[gallery ids="99"]', mediaSet())).toBe("");
    expect(render("[gallery]")).toBe("");
  });

  it("reads the images and their sizes from the media library", async () => {
    const author = await makeUser("author");
    const post = await makePost(author.id, { content: "Look:\n\n[gallery]\n\n[gallery ids=\"0,x\"]" });
    const other = await makePost(author.id);
    const row = (postId: number | null, name: string) =>
      insertMedia({ authorId: author.id, postId, path: `2026/11/${name}.jpg`, fileName: `${name}.jpg`, mimeType: "image/jpeg", width: 1000, height: 500, caption: "", sizes: JSON.stringify({ thumbnail: { path: `2026/11/${name}-150x150.jpg`, width: 150, height: 150 } }) });
    const a = await row(post.id, "attached");
    await row(other.id, "elsewhere");
    const set = await shortcodeMediaFor([{ id: post.id, content: post.content }]);
    expect(set.attachedTo.get(post.id)?.map((m) => m.id)).toEqual([a.id]);
    const view = toPostView({ ...post, type: "post", sticky: false, commentCount: 0, commentStatus: "open", authorName: "a", authorNicename: "a", dateGmt: post.dateGmt }, [], OPTION_DEFAULTS, "full", { media: set });
    expect(view.contentHtml).toContain(`galleryid-${post.id}`);
    expect(view.contentHtml).toContain('src="/wp-content/uploads/2026/11/attached-150x150.jpg"');
    expect(view.contentHtml).not.toContain("elsewhere");
    expect(view.contentHtml).not.toContain("<p>[gallery");
  });
});

describe("[audio], [video], [playlist], [embed]", () => {
  it("prints core's audio markup with a native player and a fallback link", () => {
    expect(render('[audio src="https://old.example/a.mp3" loop="on"]')).toBe(
      '<audio class="wp-audio-shortcode" id="audio-7-1" loop="1" preload="none" style="width: 100%;" controls="controls"><source type="audio/mpeg" src="https://old.example/a.mp3" /><a href="https://old.example/a.mp3">https://old.example/a.mp3</a></audio>',
    );
    expect(render("[audio]", mediaSet())).toContain('src="/wp-content/uploads/2026/11/song.mp3"');
  });

  it("prints core's video markup in a sized wrapper", () => {
    expect(render('[video width="720" height="480" mp4="https://old.example/v.mp4" webm="https://old.example/v.webm" poster="javascript:alert(1)"]')).toBe(
      '<div style="width: 720px;" class="wp-video"><video class="wp-video-shortcode" id="video-7-1" width="720" height="480" preload="metadata" controls="controls"><source type="video/mp4" src="https://old.example/v.mp4" /><source type="video/webm" src="https://old.example/v.webm" /><a href="https://old.example/v.mp4">https://old.example/v.mp4</a></video></div>',
    );
  });

  it("prints a playlist as a labelled list of tracks, each with its own player", () => {
    const out = render('[playlist ids="4"]', mediaSet());
    expect(out).toContain('<ol class="wp-playlist-tracks"><li class="wp-playlist-item"><span class="wp-playlist-caption">Image 4</span><audio controls="controls" preload="none" src="/wp-content/uploads/2026/11/song.mp3" aria-label="Image 4"></audio>');
    expect(render('[playlist type="video"]', mediaSet())).toBe("");
  });

  it("turns [embed] into the embed block's markup (the embeds module makes it a player or a link), and refuses non-web addresses", () => {
    expect(render("[embed]https://www.youtube.com/watch?v=abc[/embed]")).toBe('<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://www.youtube.com/watch?v=abc</div></figure>');
    expect(renderEmbeds(render("[embed]https://example.com/a?b=1&c=2[/embed]"))).toContain('<a href="https://example.com/a?b=1&amp;c=2">');
    expect(renderEmbeds(render("[embed]https://vimeo.com/76979871[/embed]"))).toContain('<a class="wp-embed-preview__link" href="https://vimeo.com/76979871">');
    expect(renderEmbedShortcode('javascript:alert("x")')).toBe("javascript:alert(&quot;x&quot;)");
  });
});

describe("shortcode parsing (WordPress's shortcode.php cases)", () => {
  it("leaves shortcodes core does not register as text", () => {
    expect(render("[footag foo='bar'] [contact-form-7 id=1] [gallery-x]")).toBe("[footag foo='bar'] [contact-form-7 id=1] [gallery-x]");
  });

  it("prints an escaped shortcode with one pair of brackets (test_tag_escaped)", () => {
    expect(render("[[gallery]]")).toBe("[gallery]");
    expect(render("[[caption width=1 caption=x]y[/caption]]")).toBe("[caption width=1 caption=x]y[/caption]");
  });

  it("leaves shortcodes inside HTML attributes and comments alone (do_shortcodes_in_html_tags)", () => {
    const html = '<a title="[caption width=5 caption=\'x&quot; onmouseover=alert(1)\']y[/caption]">z</a><!-- [gallery] -->';
    expect(render(html, mediaSet())).toBe(html);
  });

  it("does not turn shortcodes into paragraphs and renders them after wpautop", () => {
    const html = formatPostContent(`Intro\n\n[caption width="10" caption="C"]${IMG}[/caption]\n\nOutro`);
    expect(render(html)).toBe(`<p>Intro</p>\n<figure style="width: 10px" class="wp-caption alignnone">${IMG}<figcaption class="wp-caption-text">C</figcaption></figure>\n<p>Outro</p>\n`);
  });
});

describe("hostile shortcodes (XSS corpus)", () => {
  const corpus = [
    '[gallery ids="1" columns="3\'><script>alert(1)</script>"]',
    "[gallery size=\"'><img src=x onerror=alert(1)>\" ids=\"1\"]",
    '[audio src="javascript:alert(1)"]',
    '[audio mp3="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="]',
    '[video src="https://x.example/v.mp4" width="1\' onerror=\'alert(1)" poster="x\'onerror=alert(1)"]',
    "[embed]<script>alert(1)</script>[/embed]",
    "[embed]https://x.example/\"><script>alert(1)</script>[/embed]",
    "[caption width=5 caption=\"<svg onload=alert(1)>\"]x[/caption]",
    "[caption width=5]<img src=x onerror=alert(1)>[/caption]".replace("onerror=alert(1)", ""),
    "[caption][caption][caption]unclosed",
    "[/caption][gallery",
    "[gallery ids=\"1\"][/gallery][/gallery]]]]",
    "[playlist ids=\"4\" type=\"audio\" style=\"x\" class='\"><script>alert(1)</script>']",
  ];

  it("never throws and never prints script, handlers or javascript: URLs", () => {
    for (const input of corpus) {
      const out = render(input, mediaSet());
      expect(out, input).not.toMatch(/<script|<svg|\sonerror=|\sonload=|javascript:|data:text/i);
    }
  });

  it("the shared corpus: safe stored content stays safe once its shortcodes render", () => {
    for (const payload of SHORTCODE_XSS_PAYLOADS) {
      // As an author without unfiltered_html saves it, then as a reader's page shows it.
      const html = render(formatPostContent(sanitizePostHtml(payload)), mediaSet());
      const bad: string[] = [];
      new Parser({
        onopentag(name, attrs) {
          if (["script", "svg", "iframe", "object", "embed", "style"].includes(name)) bad.push(name);
          for (const [k, v] of Object.entries(attrs)) {
            if (/^on/i.test(k)) bad.push(`${name} ${k}`);
            if (["href", "src", "poster", "srcset"].includes(k) && /^\s*(javascript|vbscript|data:text)/i.test(v)) bad.push(`${name} ${k}=${v}`);
          }
        },
      }).end(html);
      expect(bad, payload).toEqual([]);
    }
  });

  it("survives 10,000 levels of nesting and 10,000 unclosed shortcodes quickly", () => {
    const deep = "[caption width=1 caption=x]".repeat(10_000) + "y" + "[/caption]".repeat(10_000);
    const mixed = "[caption width=1 caption=a][wp_caption width=1 caption=b]".repeat(5_000) + "z" + "[/wp_caption][/caption]".repeat(5_000);
    const open = "[gallery ".repeat(10_000);
    const started = Date.now();
    for (const input of [deep, mixed, open, "[[".repeat(10_000) + "gallery" + "]]".repeat(10_000)]) {
      expect(() => render(input, mediaSet())).not.toThrow();
      expect(() => formatPostContent(input)).not.toThrow();
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("outside the theme's page: the REST API, feeds, the fediverse and descriptions", () => {
  it("strips core shortcodes and what they enclose, as strip_shortcodes does, and leaves other brackets", () => {
    expect(stripShortcodes(`[gallery ids="1,2"]\n\nAfter the pictures.`)).toBe("\n\nAfter the pictures.");
    expect(stripShortcodes(`Before [caption id="attachment_6" width="300"]${IMG} ${CAPTION}[/caption] after`)).toBe("Before  after");
    expect(stripShortcodes("Type [[gallery]] to show a gallery, [note] stays.")).toBe("Type [gallery] to show a gallery, [note] stays.");
    expect(stripShortcodes('<a title="[gallery]">x</a>')).toBe('<a title="[gallery]">x</a>');
  });

  it("renders a gallery in REST content, feeds and the fediverse Article, and leaves it out of every description", async () => {
    const author = await makeUser("author");
    const post = await makePost(author.id, { title: "Gallery outside", slug: "gallery-outside", content: "[gallery]\n\nWords after the gallery.", excerpt: "", date: "2031-01-01 00:00:00", dateGmt: "2031-01-01 00:00:00" });
    await insertMedia({ authorId: author.id, postId: post.id, path: "2031/01/pic.jpg", fileName: "pic.jpg", mimeType: "image/jpeg", width: 800, height: 600, caption: "", sizes: JSON.stringify({ thumbnail: { path: "2031/01/pic-150x150.jpg", width: 150, height: 150 } }) });

    const res = await restGet(new Request(`http://blog.test/wp-json/wp/v2/posts/${post.id}`), { params: Promise.resolve({ route: ["wp", "v2", "posts", String(post.id)] }) });
    const rest = (await res.json()) as { content: { rendered: string }; excerpt: { rendered: string } };
    expect(rest.content.rendered).toContain(`galleryid-${post.id}`);
    expect(rest.content.rendered).toContain("2031/01/pic-150x150.jpg");
    expect(rest.content.rendered).not.toContain("[gallery");
    expect(rest.excerpt.rendered).toBe("<p>Words after the gallery.</p>\n");

    const card = (await archivePage({ kind: "home" }, 1, 10)).items.find((p) => p.id === post.id)!;
    const rss = await postsRss({ title: "B", link: "http://blog.test/", self: "http://blog.test/feed/", description: "" }, [card], OPTION_DEFAULTS);
    expect(rss).toContain(`galleryid-${post.id}`);
    expect(rss).not.toContain("[gallery");
    expect(rss).toContain("<description>Words after the gallery.</description>");

    const article = await postArticle(card, new URL("http://blog.test/actor"), new URL("http://blog.test/followers"));
    expect(String(article.content)).toContain("pic-150x150.jpg");
    expect(String(article.summary)).toBe("Words after the gallery.");

    expect(describePost(card)).toBe("Words after the gallery.");
    expect(embedExcerpt(card).text).toBe("Words after the gallery.");
  });
});
