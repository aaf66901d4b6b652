// A comment of this site as ActivityPub sees it, so that a reply to it can name it: its id is
// `/?c=N`, as WordPress's ActivityPub plugin names comments; asked for as activity+json that
// address answers a Note (approved comments written here only; a fediverse reply keeps its own
// id), and a browser there is sent to the comment on its post.
import { Temporal } from "@js-temporal/polyfill";
import { Note, PUBLIC_COLLECTION } from "@fedify/vocab";
import { getCommentForObject } from "@/db/queries/federation";
import { formatCommentHtml } from "@/lib/content/sanitize";
import { parseSqlGmt } from "@/lib/dates";
import { postById, siteOptions } from "@/lib/site/reads";
import { absoluteUrlFrom, siteUrl } from "@/lib/site-url";
import { permalinkOf } from "@/lib/site/urls";
import { federates } from "./objects";

/** The id a comment of this site has as an ActivityPub object: `/?c=N`, as WordPress's ActivityPub plugin names comments. */
export const commentObjectId = (base: string, id: number) => new URL(`/?c=${id}`, base);

/** The comment id a `/?c=N` request names (nothing else in its query), if any. */
export function commentIdParam(url: URL): number | undefined {
  if (url.pathname !== "/" || url.searchParams.size !== 1) return undefined;
  const c = url.searchParams.get("c");
  return c && /^\d{1,10}$/.test(c) ? Number(c) : undefined;
}

/** The comment with its permalink (post URL#comment-N), if it is one that federates. */
export async function federatedComment(id: number) {
  const c = await getCommentForObject(id);
  if (!c) return undefined;
  const post = await postById(c.postId);
  if (!post || !federates(post)) return undefined;
  const base = await siteUrl();
  const postUrl = absoluteUrlFrom(base, await permalinkOf(post, await siteOptions()));
  return { comment: c, postUrl, link: `${postUrl}#comment-${c.id}`, base };
}

export async function commentNote(found: NonNullable<Awaited<ReturnType<typeof federatedComment>>>, actor: URL): Promise<Note> {
  const { comment: c, postUrl, link, base } = found;
  const inReplyTo = c.parentId ? (c.parentRemoteId ?? commentObjectId(base, c.parentId).href) : postUrl;
  return new Note({
    id: commentObjectId(base, c.id),
    url: new URL(link),
    attribution: actor,
    replyTarget: new URL(inReplyTo),
    content: formatCommentHtml(c.content),
    published: Temporal.Instant.fromEpochMilliseconds(parseSqlGmt(c.dateGmt).getTime()),
    to: PUBLIC_COLLECTION,
  });
}
