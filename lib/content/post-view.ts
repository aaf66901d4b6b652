// From a stored post to the small view a theme renders.
import type { PostView, TermLink } from "@/themes/types";
import type { Options } from "@/lib/options/defaults";
import { formatWpDate, parseSqlGmt } from "@/lib/dates";
import { postPath } from "./permalinks";
import { autop, fullContent, splitMore } from "./format";

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
}

export interface TermSource {
  taxonomy: "category" | "post_tag";
  name: string;
  slug: string;
}

export function termUrl(t: Pick<TermSource, "taxonomy" | "slug">, opts: Pick<Options, "category_base" | "tag_base">): string {
  const base = t.taxonomy === "category" ? opts.category_base || "category" : opts.tag_base || "tag";
  return `/${base}/${encodeURIComponent(t.slug)}/`;
}

export function postUrl(p: Pick<PostSource, "id" | "slug" | "date" | "type" | "authorNicename">, opts: Pick<Options, "permalink_structure">): string {
  return postPath({ id: p.id, slug: p.slug, date: p.date, type: p.type, authorNicename: p.authorNicename }, opts.permalink_structure);
}

export function toPostView(p: PostSource, terms: TermSource[], opts: Options, mode: "teaser" | "full"): PostView {
  const html = autop(p.content);
  const { teaser, hasMore } = mode === "teaser" ? splitMore(html) : { teaser: fullContent(html, p.id), hasMore: false };
  const toLink = (t: TermSource): TermLink => ({ name: t.name, url: termUrl(t, opts) });
  return {
    id: p.id,
    type: p.type,
    title: p.title,
    url: postUrl(p, opts),
    dateText: formatWpDate(p.date, opts.date_format),
    dateIso: parseSqlGmt(p.dateGmt).toISOString(),
    authorName: p.authorName,
    authorUrl: `/author/${encodeURIComponent(p.authorNicename)}/`,
    contentHtml: teaser,
    hasMore,
    categories: terms.filter((t) => t.taxonomy === "category").map(toLink),
    tags: terms.filter((t) => t.taxonomy === "post_tag").map(toLink),
    commentCount: p.commentCount,
    commentsOpen: p.commentStatus === "open",
    sticky: p.sticky,
  };
}
