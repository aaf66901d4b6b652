// From a stored post to the small view a theme renders.
import type { FeaturedImage, PostView, TermLink } from "@/lib/content/views";
import type { Options } from "@/lib/options/defaults";
import { formatWpDate, parseSqlGmt } from "@/lib/dates";
import { postPath } from "./permalinks";
import { contentPages, fullContent, splitMore } from "./format";
import { renderContentWithStyles } from "./blocks";
import { titleHtml, titleText } from "./title";
import { escapeHtml } from "./escape";
import { renderEmbeds, type KnownEmbeds } from "./embeds";
import { renderShortcodes, type ShortcodeMediaSet } from "./shortcodes";

export interface PostSource {
  id: number;
  type: "post" | "page";
  title: string;
  slug: string;
  content: string;
  date: string;
  dateGmt: string;
  sticky: boolean;
  commentCount: number;
  commentStatus: "open" | "closed";
  authorName: string;
  authorNicename: string;
  status?: string;
  password?: string;
  pingStatus?: "open" | "closed";
  parentId?: number | null;
}

export const PROTECTED_EXCERPT = "There is no excerpt because this is a protected post.";

export interface TermSource {
  taxonomy: "category" | "post_tag";
  name: string;
  slug: string;
}

export function termUrl(t: Pick<TermSource, "taxonomy" | "slug">, opts: Pick<Options, "category_base" | "tag_base">): string {
  const base = t.taxonomy === "category" ? opts.category_base || "category" : opts.tag_base || "tag";
  return `/${base}/${encodeURIComponent(t.slug)}/`;
}

export function postUrl(
  p: Pick<PostSource, "id" | "slug" | "date" | "type" | "authorNicename">,
  opts: Pick<Options, "permalink_structure"> & Partial<Pick<Options, "show_on_front" | "page_on_front">>,
): string {
  // The static front page (Settings → Reading) lives at the site root.
  if (p.type === "page" && opts.show_on_front === "page" && Number(opts.page_on_front) === p.id) return "/";
  return postPath({ id: p.id, slug: p.slug, date: p.date, type: p.type, authorNicename: p.authorNicename }, opts.permalink_structure);
}

/**
 * A theme's view of a post. `locked`: password-protected and the reader has not given the
 * password, so no content leaves the server. `url` overrides the computed permalink (nested pages);
 * `media` is what the post's [gallery] and other media shortcodes show (lib/site/shortcode-media.ts),
 * `embeds` the embeds its URLs need that are not built from the URL alone (lib/site/embed-set.ts).
 */
export function toPostView(
  p: PostSource,
  terms: TermSource[],
  opts: Options,
  mode: "teaser" | "full",
  extra: { locked?: boolean; url?: string; featuredImage?: FeaturedImage; media?: ShortcodeMediaSet; embeds?: KnownEmbeds; page?: number } = {},
): PostView {
  const locked = !!p.password && extra.locked !== false;
  const url = extra.url ?? postUrl(p, opts);
  // A post split by <!--nextpage-->: the page asked for (a listing shows the first), then the links
  // to every page, as wp_link_pages prints them after the content.
  const pages = contentPages(p.content);
  const pageNo = mode === "full" ? Math.min(Math.max(1, extra.page ?? 1), pages.length) : 1;
  const pageLinks = !locked && pages.length > 1 ? pageLinksHtml(url, pageNo, pages.length) : "";
  // As the_content: block delimiters out (or wpautop and shortcode_unautop for classic content), then
  // the shortcodes (priority 11), then embeds.
  const rendered = locked ? { html: "", css: "" } : renderContentWithStyles(pages[pageNo - 1]!);
  const html = locked ? "" : shortcodesAndEmbeds(rendered.html, p.id, extra.media, extra.embeds);
  const { teaser, hasMore } = locked
    ? { teaser: mode === "teaser" ? `<p>${PROTECTED_EXCERPT}</p>` : "", hasMore: false }
    : mode === "teaser"
      ? splitMore(html)
      : { teaser: fullContent(html, p.id), hasMore: false };
  const prefix = p.password ? "Protected: " : p.status === "private" ? "Private: " : "";
  const toLink = (t: TermSource): TermLink => ({ name: t.name, url: termUrl(t, opts) });
  return {
    id: p.id,
    type: p.type,
    title: p.title ? prefix + titleText(p.title) : p.title,
    titleHtml: p.title ? escapeHtml(prefix) + titleHtml(p.title) : "",
    url,
    dateText: formatWpDate(p.date, opts.date_format),
    dateIso: parseSqlGmt(p.dateGmt).toISOString(),
    authorName: p.authorName,
    authorUrl: `/author/${encodeURIComponent(p.authorNicename)}/`,
    contentHtml: teaser + pageLinks,
    ...(rendered.css ? { blockCss: rendered.css } : {}),
    hasMore,
    categories: terms.filter((t) => t.taxonomy === "category").map(toLink),
    tags: terms.filter((t) => t.taxonomy === "post_tag").map(toLink),
    commentCount: p.commentCount,
    commentsOpen: p.commentStatus === "open",
    sticky: p.sticky,
    pingsOpen: p.pingStatus === "open",
    locked,
    ...(extra.featuredImage && !locked ? { featuredImage: extra.featuredImage } : {}),
  };
}

/** The address of page `n` of a post split by <!--nextpage-->, as WordPress's _wp_link_page builds it. */
export function postPageUrl(url: string, n: number): string {
  if (n <= 1) return url;
  if (url.includes("?")) return `${url}&page=${n}`;
  if (url === "/") return `/page/${n}/`;
  return `${url.endsWith("/") ? url : `${url}/`}${n}/`;
}

/** wp_link_pages(): "Pages: 1 2 3", the current page unlinked. */
function pageLinksHtml(url: string, current: number, total: number): string {
  const items = Array.from({ length: total }, (_, i) => {
    const n = i + 1;
    return n === current
      ? `<span class="post-page-numbers current" aria-current="page">${n}</span>`
      : `<a href="${escapeHtml(postPageUrl(url, n))}" class="post-page-numbers">${n}</a>`;
  });
  return `<nav class="post-nav-links" aria-label="Pages of this post">Pages: ${items.join(" ")}</nav>`;
}

/** the_content's steps after the paragraphs: core shortcodes (priority 11), then embeds. */
export function shortcodesAndEmbeds(html: string, postId: number, media?: ShortcodeMediaSet, embeds?: KnownEmbeds): string {
  return renderEmbeds(renderShortcodes(html, { postId, media }), embeds);
}
