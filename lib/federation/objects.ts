// A post as ActivityPub sees it: an Article whose id is the post's own permalink (as WordPress's
// ActivityPub plugin does), with the full content as the feeds carry it (sanitized again on the
// way out), the excerpt as summary, the featured image and the content's images as attachments
// and tags as hashtags; or, with Settings → Discussion → "Post format for the fediverse" on Note,
// a Note with the title, the excerpt and the link. Password-protected posts and pages are not
// federated at all.
import { Temporal } from "@js-temporal/polyfill";
import { Article, Create, Delete, Hashtag, Image, Mention, Note, PUBLIC_COLLECTION, Tombstone, Update } from "@fedify/vocab";
import { postBody } from "@/lib/site/post-body";
import { sanitizePostHtml } from "@/lib/content/sanitize";
import { parseSqlGmt } from "@/lib/dates";
import { absoluteUrlFrom, siteUrl } from "@/lib/site-url";
import { absolutizeHtml } from "@/lib/site/feed-urls";
import { describePost } from "@/lib/site/seo";
import { featuredImagesFor, siteOptions, termsForPosts, type PostCard } from "@/lib/site/reads";
import { permalinkOf } from "@/lib/site/urls";

export const federates = (p: PostCard) => p.type === "post" && p.status === "publish" && !p.password;

/** At most this many images of the content go along as attachments (Mastodon shows four). */
export const MAX_ATTACHMENTS = 4;

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The images the content shows, as absolute URLs with their alt text, in order, without repeats. */
export function contentImages(html: string): { src: string; alt: string }[] {
  const out: { src: string; alt: string }[] = [];
  for (const m of html.matchAll(/<img\b[^>]*>/gi)) {
    const tag = m[0];
    const src = /\ssrc\s*=\s*"([^"]+)"/i.exec(tag)?.[1] ?? /\ssrc\s*=\s*'([^']+)'/i.exec(tag)?.[1];
    if (!src || !/^https?:\/\//i.test(src) || out.some((i) => i.src === src)) continue;
    const alt = /\salt\s*=\s*"([^"]*)"/i.exec(tag)?.[1] ?? "";
    out.push({ src: src.replace(/&amp;/g, "&"), alt: alt.replace(/&amp;/g, "&").replace(/&quot;/g, '"') });
  }
  return out;
}

async function parts(p: PostCard) {
  const opts = await siteOptions();
  const base = await siteUrl();
  const url = absoluteUrlFrom(base, await permalinkOf(p, opts));
  const [terms, images] = await Promise.all([termsForPosts([p.id]), featuredImagesFor([p])]);
  const image = images.get(p.id);
  const tagBase = opts.tag_base || "tag";
  const content = sanitizePostHtml(absolutizeHtml(await postBody(p), url));
  const attachments: Image[] = [];
  if (image) attachments.push(new Image({ url: new URL(absoluteUrlFrom(base, image.src)), name: image.alt || null, width: image.width || null, height: image.height || null }));
  for (const img of contentImages(content)) {
    if (attachments.length >= MAX_ATTACHMENTS) break;
    if (attachments.some((a) => a.url instanceof URL && a.url.href === new URL(img.src).href)) continue;
    attachments.push(new Image({ url: new URL(img.src), name: img.alt || null }));
  }
  const tags = terms
    .filter((t) => t.taxonomy === "post_tag")
    .map((t) => new Hashtag({ name: `#${t.name.replace(/\s+/g, "")}`, href: new URL(absoluteUrlFrom(base, `/${tagBase}/${encodeURIComponent(t.slug)}/`)) }));
  return {
    url,
    content,
    attachments,
    tags,
    format: opts.activitypub_object_type,
    published: Temporal.Instant.fromEpochMilliseconds(parseSqlGmt(p.dateGmt).getTime()),
    updated: p.modifiedGmt > p.dateGmt ? Temporal.Instant.fromEpochMilliseconds(parseSqlGmt(p.modifiedGmt).getTime()) : null,
  };
}

/**
 * A post written in reply to a fediverse post (the editor's "In reply to", lib/federation/
 * reply-posts.ts): its object, and the author of it when known, who is cc'd and mentioned.
 */
export interface ReplyTo {
  inReplyTo: URL;
  author?: { id: URL; handle: string } | null;
}

/** The post as it federates: an Article (or a Note, as Settings → Discussion says); `id` keeps an object's first id. */
export async function postObject(p: PostCard, actor: URL, followers: URL, id?: URL, reply?: ReplyTo | null): Promise<Article | Note> {
  const x = await parts(p);
  const replyParts = reply
    ? {
        replyTarget: reply.inReplyTo,
        ccs: reply.author ? [followers, reply.author.id] : [followers],
        tags: reply.author ? [...x.tags, new Mention({ href: reply.author.id, name: reply.author.handle })] : x.tags,
      }
    : { cc: followers, tags: x.tags };
  const common = {
    id: id ?? new URL(x.url),
    url: new URL(x.url),
    attribution: actor,
    summary: null as string | null,
    published: x.published,
    updated: x.updated,
    to: PUBLIC_COLLECTION,
    attachments: x.attachments,
    ...replyParts,
  };
  if (x.format === "note") {
    const excerpt = describePost(p, 500);
    const hashtags = x.tags.map((t) => `<a href="${escapeHtml(t.href!.href)}" class="mention hashtag" rel="tag">${escapeHtml(t.name!.toString())}</a>`).join(" ");
    const content = [`<p><strong>${escapeHtml(p.title)}</strong></p>`, excerpt ? `<p>${escapeHtml(excerpt)}</p>` : "", `<p><a href="${escapeHtml(x.url)}">${escapeHtml(x.url)}</a></p>`, hashtags ? `<p>${hashtags}</p>` : ""].join("");
    return new Note({ ...common, content });
  }
  return new Article({ ...common, name: p.title, summary: describePost(p, 500), content: x.content });
}

/** The post's Article as its permalink and the outbox serve it (whatever the delivery format). */
export async function postArticle(p: PostCard, actor: URL, followers: URL): Promise<Article> {
  const x = await parts(p);
  return new Article({
    id: new URL(x.url),
    url: new URL(x.url),
    attribution: actor,
    name: p.title,
    summary: describePost(p, 500),
    content: x.content,
    published: x.published,
    updated: x.updated,
    to: PUBLIC_COLLECTION,
    cc: followers,
    attachments: x.attachments,
    tags: x.tags,
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

/**
 * A sent activity's id: under the site's shortlink (?p=ID) so that the delivery results know the
 * post, with a fragment of its own (an Update sent twice is two activities).
 */
export function activityIdFor(base: string, postId: number, kind: "create" | "update" | "delete"): URL {
  return new URL(`/?p=${postId}#activity-${kind}-${crypto.randomUUID()}`, base);
}

/** The post an activity id made by activityIdFor names, if it is one of this site's. */
export function postIdOfActivity(activityId: string | undefined, base: string): number | null {
  if (!activityId) return null;
  try {
    const u = new URL(activityId);
    if (u.origin !== new URL(base).origin || u.pathname !== "/" || !u.hash.startsWith("#activity-")) return null;
    const id = Number(u.searchParams.get("p"));
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

const ccOf = (followers: URL, reply?: ReplyTo | null) => (reply?.author ? [followers, reply.author.id] : [followers]);

export async function createActivity(p: PostCard, actor: URL, followers: URL, base: string, reply?: ReplyTo | null): Promise<Create> {
  const object = await postObject(p, actor, followers, undefined, reply);
  return new Create({ id: activityIdFor(base, p.id, "create"), actor, object, published: object.published, to: PUBLIC_COLLECTION, ccs: ccOf(followers, reply) });
}

export async function updateActivity(p: PostCard, objectId: URL, actor: URL, followers: URL, base: string, reply?: ReplyTo | null): Promise<Update> {
  const object = await postObject(p, actor, followers, objectId, reply);
  return new Update({ id: activityIdFor(base, p.id, "update"), actor, object, updated: Temporal.Now.instant(), to: PUBLIC_COLLECTION, ccs: ccOf(followers, reply) });
}

export function deleteActivity(postId: number, objectId: URL, actor: URL, followers: URL, base: string, reply?: ReplyTo | null): Delete {
  const tombstone = new Tombstone({ id: objectId, deleted: Temporal.Now.instant() });
  return new Delete({ id: activityIdFor(base, postId, "delete"), actor, object: tombstone, to: PUBLIC_COLLECTION, ccs: ccOf(followers, reply) });
}
