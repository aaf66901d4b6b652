// From rows to WordPress REST API objects, with WordPress's field names and shapes
// (title.rendered, content.rendered, date in site time without a zone, date_gmt, ...).
import { escapeHtml } from "@/lib/content/escape";
import { htmlToText } from "@/lib/content/html-text";
import { createHash } from "node:crypto";
import { minidenticon } from "minidenticons";
import { absoluteUrl } from "@/lib/site-url";
import { postPath, pagePath } from "@/lib/content/permalinks";
import { autop, contentPages, formatPostContent, fullContent } from "@/lib/content/format";
import { postBody } from "@/lib/site/post-body";
import { stripShortcodes } from "@/lib/content/shortcodes";
import { sanitizeCommentHtml } from "@/lib/content/sanitize";
import type { RestCommentRow, RestPostRow, RestTermRow, RestUserRow } from "@/db/queries/wp-rest";
import { titleHtml } from "@/lib/content/title";

const iso = (sql: string) => sql.replace(" ", "T").slice(0, 19);

/** WordPress's wp_trim_excerpt: shortcodes out, 55 words of the text, then " [&hellip;]". */
export function autoExcerpt(html: string): string {
  const words = htmlToText(stripShortcodes(contentPages(html)[0]!)).split(" ").filter(Boolean);
  const text = escapeHtml(words.slice(0, 55).join(" "));
  return words.length > 55 ? `${text} [&hellip;]` : text;
}

export function avatarUrls(seed: string): Record<"24" | "48" | "96", string> {
  const svg = minidenticon(createHash("sha256").update(seed.trim().toLowerCase()).digest("hex"));
  const url = `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
  return { "24": url, "48": url, "96": url };
}

export async function restPostLink(p: Pick<RestPostRow, "id" | "type" | "slug" | "date" | "authorNicename">, structure: string, ancestors: string[] = []): Promise<string> {
  if (p.type === "page") return await absoluteUrl(pagePath([...ancestors, p.slug]));
  return await absoluteUrl(postPath({ id: p.id, slug: p.slug, date: p.date, type: p.type, authorNicename: p.authorNicename }, structure));
}

export async function formatRestPost(
  p: RestPostRow,
  opts: { link: string; terms?: { categories: number[]; tags: number[] } },
): Promise<Record<string, unknown>> {
  const protectedPost = p.password !== "";
  // Password-protected content is never sent: WordPress answers "" with protected: true.
  const content = protectedPost ? "" : fullContent(await postBody(p), p.id);
  const excerpt = protectedPost ? "" : formatPostContent(p.excerpt.trim() ? p.excerpt : autoExcerpt(p.content));
  const base = await absoluteUrl(`/wp-json/wp/v2/${p.type === "page" ? "pages" : "posts"}/${p.id}`);
  const out: Record<string, unknown> = {
    id: p.id,
    date: iso(p.date),
    date_gmt: iso(p.dateGmt),
    guid: { rendered: p.guid || await absoluteUrl(`/?p=${p.id}`) },
    modified: iso(p.modified),
    modified_gmt: iso(p.modifiedGmt),
    slug: p.slug,
    status: p.status,
    type: p.type,
    link: opts.link,
    title: { rendered: titleHtml(p.title) },
    content: { rendered: content, protected: protectedPost },
    excerpt: { rendered: excerpt, protected: protectedPost },
    author: p.authorId,
    featured_media: p.featuredMediaId ?? 0,
  };
  if (p.type === "page") {
    out.parent = p.parentId ?? 0;
    out.menu_order = p.menuOrder;
  }
  out.comment_status = p.commentStatus;
  out.ping_status = p.pingStatus;
  if (p.type === "post") {
    out.sticky = !!p.sticky;
    out.template = "";
    out.format = "standard";
    out.meta = [];
    out.categories = opts.terms?.categories ?? [];
    out.tags = opts.terms?.tags ?? [];
  } else {
    out.template = "";
    out.meta = [];
  }
  out._links = {
    self: [{ href: base }],
    collection: [{ href: await absoluteUrl(`/wp-json/wp/v2/${p.type === "page" ? "pages" : "posts"}`) }],
    author: [{ embeddable: true, href: await absoluteUrl(`/wp-json/wp/v2/users/${p.authorId}`) }],
    replies: [{ embeddable: true, href: await absoluteUrl(`/wp-json/wp/v2/comments?post=${p.id}`) }],
  };
  return out;
}

export async function formatRestTerm(t: RestTermRow, link: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {
    id: t.id,
    count: t.count,
    description: t.description,
    link,
    name: t.name,
    slug: t.slug,
    taxonomy: t.taxonomy,
  };
  if (t.taxonomy === "category") out.parent = t.parentId ?? 0;
  out.meta = [];
  const route = t.taxonomy === "category" ? "categories" : "tags";
  out._links = {
    self: [{ href: await absoluteUrl(`/wp-json/wp/v2/${route}/${t.id}`) }],
    collection: [{ href: await absoluteUrl(`/wp-json/wp/v2/${route}`) }],
    "wp:post_type": [{ href: await absoluteUrl(`/wp-json/wp/v2/posts?${route}=${t.id}`) }],
  };
  return out;
}

/** Only what WordPress shows anyone: never login, email, roles or capabilities. */
export async function formatRestUser(u: RestUserRow): Promise<Record<string, unknown>> {
  return {
    id: u.id,
    name: u.displayName,
    url: u.url,
    description: u.bio,
    link: await absoluteUrl(`/author/${encodeURIComponent(u.nicename)}/`),
    slug: u.nicename,
    avatar_urls: avatarUrls(`user:${u.id}:${u.nicename}`),
    meta: [],
    _links: {
      self: [{ href: await absoluteUrl(`/wp-json/wp/v2/users/${u.id}`) }],
      collection: [{ href: await absoluteUrl("/wp-json/wp/v2/users") }],
    },
  };
}

export async function formatRestComment(c: RestCommentRow, postLink: string): Promise<Record<string, unknown>> {
  return {
    id: c.id,
    post: c.postId,
    parent: c.parentId ?? 0,
    author: c.userId ?? 0,
    author_name: c.authorName,
    author_url: c.authorUrl,
    date: iso(c.date),
    date_gmt: iso(c.dateGmt),
    content: { rendered: sanitizeCommentHtml(autop(c.content)) },
    link: `${postLink}#comment-${c.id}`,
    status: "approved",
    type: c.type,
    author_avatar_urls: avatarUrls(c.avatarKey || c.authorName),
    meta: [],
    _links: {
      self: [{ href: await absoluteUrl(`/wp-json/wp/v2/comments/${c.id}`) }],
      collection: [{ href: await absoluteUrl("/wp-json/wp/v2/comments") }],
      up: [{ embeddable: true, post_type: c.postType, href: await absoluteUrl(`/wp-json/wp/v2/${c.postType === "page" ? "pages" : "posts"}/${c.postId}`) }],
    },
  };
}
