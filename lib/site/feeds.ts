// RSS 2.0 and Atom feeds built with feedsmith (it declares the content, dc, slash, wfw, sy and
// atom namespaces WordPress's feeds carry).
import { generateAtomFeed, generateRssFeed } from "feedsmith";
import type { Options } from "@/lib/options/defaults";
import { autop } from "@/lib/content/format";
import { postBodies } from "./post-body";
import { PROTECTED_EXCERPT } from "@/lib/content/post-view";
import { sanitizeCommentHtml } from "@/lib/content/sanitize";
import { parseSqlGmt } from "@/lib/dates";
import { absoluteUrl, absoluteUrlFrom, siteUrl } from "@/lib/site-url";
import { listPostCommentsForFeed, listRecentApprovedComments, type FeedComment } from "@/db/queries/feeds";
import { cached } from "./cache";
import { describePost } from "./seo";
import { termsForPosts, type PostCard } from "./reads";
import { permalinkOf } from "./urls";
import { absolutizeHtml, mediaEnclosures } from "./feed-urls";
import { siteLanguageTag } from "@/lib/options/language";
import { titleText } from "@/lib/content/title";

// XML 1.0 forbids most control characters; stored content may hold them (imports, pastes).
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

export interface FeedChannel {
  title: string;
  /** The page the feed is of (absolute). */
  link: string;
  /** The feed's own URL (absolute). */
  self: string;
  description: string;
}

async function postItem(p: PostCard, opts: Options, bodies: Map<number, string>) {
  const link = await absoluteUrl(await permalinkOf(p, opts));
  const terms = await termsForPosts([p.id]);
  const protectedPost = !!p.password;
  const description = protectedPost ? PROTECTED_EXCERPT : describePost(p, 300);
  const content = protectedPost ? `<p>${PROTECTED_EXCERPT}</p>` : absolutizeHtml(bodies.get(p.id) ?? "", link);
  const enclosures = protectedPost ? [] : mediaEnclosures(p.content, link);
  const commentFeed = link.includes("?") ? await absoluteUrl(`/feeds/?p=${p.id}`) : `${link}feed/`;
  return { p, link, terms, description, content, enclosures, commentFeed };
}

export async function postsRss(channel: FeedChannel, posts: PostCard[], opts: Options): Promise<string> {
  const base = await siteUrl();
  const bodies = await postBodies(posts.filter((post) => !post.password));
  const items = await Promise.all(posts.map((post) => postItem(post, opts, bodies)));
  const updated = posts[0] ? parseSqlGmt(posts[0].modifiedGmt > posts[0].dateGmt ? posts[0].modifiedGmt : posts[0].dateGmt) : new Date(0);
  return clean(
    generateRssFeed({
      title: channel.title,
      link: channel.link,
      description: channel.description || channel.title,
      language: siteLanguageTag(opts),
      lastBuildDate: updated,
      generator: "Inkwell",
      atom: { links: [{ href: channel.self, rel: "self", type: "application/rss+xml" }] },
      sy: { updatePeriod: "hourly", updateFrequency: 1 },
      items: items.map(({ p, link, terms, description, content, enclosures, commentFeed }) => {
        return {
          title: titleText(p.title),
          link,
          comments: `${link}#comments`,
          pubDate: parseSqlGmt(p.dateGmt),
          guid: { value: absoluteUrlFrom(base, `/?p=${p.id}`), isPermaLink: false },
          description,
          categories: terms.map((t) => ({ name: t.name })),
          dc: { creators: [p.authorName] },
          content: opts.rss_use_excerpt ? undefined : { encoded: content },
          enclosures: enclosures.length ? enclosures : undefined,
          wfw: { commentRss: commentFeed },
          slash: { comments: p.commentCount },
        };
      }),
    }) as string,
  );
}

export async function postsAtom(channel: FeedChannel, posts: PostCard[], opts: Options): Promise<string> {
  const base = await siteUrl();
  const bodies = await postBodies(posts.filter((post) => !post.password));
  const items = await Promise.all(posts.map((post) => postItem(post, opts, bodies)));
  const updated = posts[0] ? parseSqlGmt(posts[0].modifiedGmt > posts[0].dateGmt ? posts[0].modifiedGmt : posts[0].dateGmt) : new Date(0);
  return clean(
    generateAtomFeed({
      id: channel.self,
      title: { value: channel.title },
      subtitle: channel.description ? { value: channel.description } : undefined,
      updated,
      generator: { text: "Inkwell", uri: base + "/" },
      links: [
        { href: channel.link, rel: "alternate", type: "text/html" },
        { href: channel.self, rel: "self", type: "application/atom+xml" },
      ],
      entries: items.map(({ p, link, terms, description, content, enclosures }) => {
        return {
          id: absoluteUrlFrom(base, `/?p=${p.id}`),
          title: { value: titleText(p.title), type: "text" },
          updated: parseSqlGmt(p.modifiedGmt > p.dateGmt ? p.modifiedGmt : p.dateGmt),
          published: parseSqlGmt(p.dateGmt),
          authors: [{ name: p.authorName, uri: absoluteUrlFrom(base, `/author/${encodeURIComponent(p.authorNicename)}/`) }],
          links: [{ href: link, rel: "alternate", type: "text/html" }, ...enclosures.map((e) => ({ href: e.url, rel: "enclosure", type: e.type, ...(e.length ? { length: e.length } : {}) }))],
          categories: terms.map((t) => ({ term: t.name, scheme: base + "/" })),
          summary: { value: description, type: "text" },
          content: opts.rss_use_excerpt ? undefined : { value: content, type: "html" },
        };
      }),
    }) as string,
  ).replace(/<feed\b/, `<feed xml:lang="${siteLanguageTag(opts)}"`);
}

async function commentItem(c: FeedComment, opts: Options) {
  const postLink = await absoluteUrl(await permalinkOf({ id: c.postId, type: c.postType, slug: c.postSlug, date: c.postDate, authorNicename: c.postAuthorNicename, parentId: c.postParentId }, opts));
  const link = `${postLink}#comment-${c.id}`;
  const html = absolutizeHtml(sanitizeCommentHtml(autop(c.content)), link);
  return {
    title: `Comment on ${titleText(c.postTitle)} by ${c.authorName || "Anonymous"}`,
    link,
    pubDate: parseSqlGmt(c.dateGmt),
    guid: { value: await absoluteUrl(`/?p=${c.postId}#comment-${c.id}`), isPermaLink: false },
    dc: { creators: [c.authorName || "Anonymous"] },
    description: html.replace(/<[^<>]+>/g, " ").replace(/\s+/g, " ").trim(),
    content: { encoded: html },
  };
}

export async function commentsRss(channel: FeedChannel, comments: FeedComment[], opts: Options): Promise<string> {
  const items = await Promise.all(comments.map((c) => commentItem(c, opts)));
  return clean(
    generateRssFeed({
      title: channel.title,
      link: channel.link,
      description: channel.description || channel.title,
      language: siteLanguageTag(opts),
      lastBuildDate: comments[0] ? parseSqlGmt(comments[0].dateGmt) : new Date(0),
      generator: "Inkwell",
      atom: { links: [{ href: channel.self, rel: "self", type: "application/rss+xml" }] },
      sy: { updatePeriod: "hourly", updateFrequency: 1 },
      items,
    }) as string,
  );
}

export async function recentCommentsCached(limit: number) {
  return await cached(`feed-comments:${limit}`, () => listRecentApprovedComments(limit));
}

export async function postCommentsCached(postId: number, limit: number) {
  return await cached(`feed-post-comments:${postId}:${limit}`, () => listPostCommentsForFeed(postId, limit));
}
