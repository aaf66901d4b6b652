// A post as ActivityPub sees it: an Article whose id is the post's own permalink (as WordPress's
// ActivityPub plugin does), with the full content as the feeds carry it, the excerpt as summary,
// the featured image as an attachment and tags as hashtags. Password-protected posts are not
// federated at all.
import { Temporal } from "@js-temporal/polyfill";
import { Article, Create, Hashtag, Image, PUBLIC_COLLECTION } from "@fedify/vocab";
import { renderContent } from "@/lib/content/blocks";
import { parseSqlGmt } from "@/lib/dates";
import { absoluteUrlFrom, siteUrl } from "@/lib/site-url";
import { absolutizeHtml } from "@/lib/site/feed-urls";
import { describePost } from "@/lib/site/seo";
import { featuredImagesFor, siteOptions, termsForPosts, type PostCard } from "@/lib/site/reads";
import { permalinkOf } from "@/lib/site/urls";

export const federates = (p: PostCard) => p.type === "post" && p.status === "publish" && !p.password;

export async function postArticle(p: PostCard, actor: URL, followers: URL): Promise<Article> {
  const opts = await siteOptions();
  const base = await siteUrl();
  const url = absoluteUrlFrom(base, await permalinkOf(p, opts));
  const [terms, images] = await Promise.all([termsForPosts([p.id]), featuredImagesFor([p])]);
  const image = images.get(p.id);
  const tags = terms.filter((t) => t.taxonomy === "post_tag");
  const tagBase = opts.tag_base || "tag";
  return new Article({
    id: new URL(url),
    url: new URL(url),
    attribution: actor,
    name: p.title,
    summary: describePost(p, 500),
    content: absolutizeHtml(renderContent(p.content), url),
    published: Temporal.Instant.fromEpochMilliseconds(parseSqlGmt(p.dateGmt).getTime()),
    updated: p.modifiedGmt > p.dateGmt ? Temporal.Instant.fromEpochMilliseconds(parseSqlGmt(p.modifiedGmt).getTime()) : null,
    to: PUBLIC_COLLECTION,
    cc: followers,
    attachments: image ? [new Image({ url: new URL(absoluteUrlFrom(base, image.src)), name: image.alt || null, width: image.width || null, height: image.height || null })] : [],
    tags: tags.map((t) => new Hashtag({ name: `#${t.name.replace(/\s+/g, "")}`, href: new URL(absoluteUrlFrom(base, `/${tagBase}/${encodeURIComponent(t.slug)}/`)) })),
  });
}

/** The outbox's item for a post: its Create, with an id of its own under the permalink. */
export async function postCreate(p: PostCard, actor: URL, followers: URL): Promise<Create> {
  const article = await postArticle(p, actor, followers);
  return new Create({
    id: new URL("#activity-create", article.id!),
    actor,
    object: article,
    published: article.published,
    to: PUBLIC_COLLECTION,
    cc: followers,
  });
}
