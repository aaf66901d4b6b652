// Embeds from a URL alone: which URLs play, which stay links, and what reaches the page.
import { describe, expect, it } from "vitest";
import { embedBlockHtml, parseEmbedUrl, playerHtml, previewHtml, renderEmbeds } from "@/lib/content/embeds";
import { contentSecurityPolicy } from "@/lib/security/csp";
import { toPostView } from "@/lib/content/post-view";
import { OPTION_DEFAULTS } from "@/lib/options/defaults";

const src = (url: string) => parseEmbedUrl(url)?.src ?? null;

describe("parseEmbedUrl", () => {
  it("knows YouTube's URL forms and plays them from the no-cookie host", () => {
    const player = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ";
    for (const url of [
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
      "https://youtube.com/watch?v=dQw4w9WgXcQ&list=PL1&index=2",
      "http://m.youtube.com/watch?v=dQw4w9WgXcQ",
      "https://youtu.be/dQw4w9WgXcQ",
      "https://www.youtube.com/shorts/dQw4w9WgXcQ",
      "https://www.youtube.com/embed/dQw4w9WgXcQ",
      "https://www.youtube.com/live/dQw4w9WgXcQ?si=abc",
    ]) expect(src(url), url).toBe(player);
    expect(src("https://youtu.be/dQw4w9WgXcQ?t=1m30s")).toBe(`${player}?start=90`);
    expect(parseEmbedUrl("https://youtu.be/dQw4w9WgXcQ")).toMatchObject({ provider: "youtube", type: "video" });
  });

  it("knows Vimeo's forms, with the unlisted hash and do-not-track", () => {
    expect(src("https://vimeo.com/76979871")).toBe("https://player.vimeo.com/video/76979871?dnt=1");
    expect(src("https://vimeo.com/channels/staffpicks/76979871")).toBe("https://player.vimeo.com/video/76979871?dnt=1");
    expect(src("https://player.vimeo.com/video/76979871")).toBe("https://player.vimeo.com/video/76979871?dnt=1");
    expect(src("https://vimeo.com/76979871/abcdef1234")).toBe("https://player.vimeo.com/video/76979871?dnt=1&h=abcdef1234");
  });

  it("refuses hostile and look-alike URLs", () => {
    for (const url of [
      "javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ",
      "data:text/html,<script>alert(1)</script>",
      "https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ",
      "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
      "https://evil.example/?u=https://youtu.be/dQw4w9WgXcQ",
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>",
      "https://www.youtube.com/watch?v=../../x%22onload",
      "https://youtu.be/short",
      "https://vimeo.com/about",
      "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
      "ftp://youtu.be/dQw4w9WgXcQ",
      "https://example.com/video.mp4",
    ]) expect(parseEmbedUrl(url), url).toBeNull();
  });
});

describe("renderEmbeds", () => {
  it("gives an embed block a click-to-load preview: a link to the provider, nothing loaded from it", () => {
    const block = embedBlockHtml("https://www.youtube.com/watch?v=dQw4w9WgXcQ")!;
    expect(block).toBe(
      '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ","type":"video","providerNameSlug":"youtube"} --><figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">https://www.youtube.com/watch?v=dQw4w9WgXcQ</div></figure><!-- /wp:embed -->',
    );
    const html = renderEmbeds(block);
    expect(html).not.toMatch(/<iframe|<img|youtube-nocookie|src=/);
    expect(html).toContain('<div class="wp-embed-preview is-type-video" style="aspect-ratio:16/9"><a class="wp-embed-preview__link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">');
    expect(html).toContain('<span class="wp-embed-preview__title">YouTube video</span>');
    expect(html).toContain("Play from YouTube");
    // A player of its own height keeps it, so the page does not jump when it loads.
    expect(renderEmbeds("<p>https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC</p>")).toContain('<div class="wp-embed-preview is-type-rich" style="height:152px">');
  });

  it("builds the player the preview turns into: sandboxed, lazy, 16:9, autoplaying only once asked", () => {
    const e = parseEmbedUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQ")!;
    const html = playerHtml(e);
    expect(html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"');
    expect(html).toContain("aspect-ratio:16/9");
    expect(html).not.toContain("autoplay");
    const clicked = playerHtml(e, { autoplay: true });
    expect(clicked).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"');
    expect(clicked).toContain('allow="autoplay; encrypted-media');
    expect(playerHtml(parseEmbedUrl("https://youtu.be/dQw4w9WgXcQ?t=90")!, { autoplay: true })).toContain("?start=90&amp;autoplay=1");
  });

  it("escapes what the preview prints of the URL and a title", () => {
    const e = parseEmbedUrl("https://vimeo.com/76979871")!;
    const html = previewHtml(e, 'https://vimeo.com/76979871?x="><script>', "<b>T</b>");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;b&gt;T&lt;/b&gt;");
  });

  it("turns a URL alone on its line or paragraph into a preview (autoembed), and leaves other URLs alone", () => {
    const classic = "Before\n\nhttps://vimeo.com/76979871\n\nSee https://youtu.be/dQw4w9WgXcQ in a sentence.";
    const view = toPostView(
      { id: 1, type: "post", title: "t", slug: "t", content: classic, date: "2026-01-01 00:00:00", dateGmt: "2026-01-01 00:00:00", sticky: false, commentCount: 0, commentStatus: "open", authorName: "a", authorNicename: "a" },
      [], { ...OPTION_DEFAULTS }, "full",
    );
    expect(view.contentHtml).toContain('<a class="wp-embed-preview__link" href="https://vimeo.com/76979871">');
    expect(view.contentHtml).toContain("See https://youtu.be/dQw4w9WgXcQ in a sentence.");
    expect(renderEmbeds("<p>intro</p>\nhttps://youtu.be/dQw4w9WgXcQ\n<p>end</p>")).toContain('href="https://youtu.be/dQw4w9WgXcQ"');
    expect(renderEmbeds("<pre>https://youtu.be/dQw4w9WgXcQ</pre>")).toBe("<pre>https://youtu.be/dQw4w9WgXcQ</pre>");
    expect(renderEmbeds('<p><img alt="\nhttps://youtu.be/dQw4w9WgXcQ\n" src="/x.png"></p>')).not.toContain("wp-embed-preview");
    expect(renderEmbeds("<p>https://example.com/page</p>")).toBe("<p>https://example.com/page</p>");
  });

  it("shows an unknown or hostile URL in an embed block as a plain, escaped link", () => {
    const fig = (text: string) => `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${text}</div></figure>`;
    expect(renderEmbeds(fig("https://example.com/a?b=1&amp;c=2"))).toBe(fig('<a href="https://example.com/a?b=1&amp;c=2">https://example.com/a?b=1&amp;c=2</a>'));
    expect(renderEmbeds(fig("javascript:alert(1)"))).not.toContain("<a");
    expect(renderEmbeds(fig("https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ"))).not.toContain("<iframe");
  });

  it("lets the page frame only the players' hosts", () => {
    const csp = contentSecurityPolicy("n");
    const frames = /frame-src ([^;]+)/.exec(csp)![1]!.split(" ");
    expect(frames).toContain("https://www.youtube-nocookie.com");
    expect(frames).toContain("https://player.vimeo.com");
    expect(frames).not.toContain("https:");
    expect(frames).not.toContain("https://www.youtube.com");
  });
});
