// A reply written on the blog goes back: when an approved comment answers a comment that came
// from the fediverse, it is sent as a Create(Note) inReplyTo that comment's object, mentioning its
// author, to the author's inbox and the blog's followers, so the remote author sees it in their
// notifications (as WordPress's ActivityPub plugin federates comments). Run from the job queue
// (lib/jobs: federate_comment) after a comment is approved; sent once per comment.
import { Create, Mention, Note, PUBLIC_COLLECTION, isActor } from "@fedify/vocab";
import { Temporal } from "@js-temporal/polyfill";
import { getPostCard } from "@/db/queries/archives";
import { getCommentForFederation, getCommentRemoteOrigin, markCommentSent } from "@/db/queries/federation";
import { escapeHtml } from "@/lib/content/escape";
import { sanitizeCommentHtml } from "@/lib/content/sanitize";
import { parseSqlGmt } from "@/lib/dates";
import { logEvent } from "@/lib/log";
import { absoluteUrlFrom, siteUrl } from "@/lib/site-url";
import { siteOptions } from "@/lib/site/reads";
import { permalinkOf } from "@/lib/site/urls";
import { BLOG, getFederation } from "./federation";
import { isDeliverableInbox } from "./loader";
import { actorMode, blogIsActor } from "./authors";
import { federates } from "./objects";
import { commentObjectId } from "./comment-object";

export type ReplyOutcome = "sent" | "not-a-reply" | "not-approved" | "parent-not-remote" | "already-sent" | "post-not-public" | "actor-unreachable" | "no-blog-actor";

export async function sendCommentReply(commentId: number): Promise<ReplyOutcome> {
  const c = await getCommentForFederation(commentId);
  if (!c || !c.parentId || c.type !== "comment") return "not-a-reply";
  if (c.status !== "1") return "not-approved";
  // A comment that itself came from the fediverse is not sent back there.
  if (await getCommentRemoteOrigin(c.id)) return "parent-not-remote";
  const origin = await getCommentRemoteOrigin(c.parentId);
  if (!origin) return "parent-not-remote";
  const post = await getPostCard(c.postId);
  if (!post || !federates(post)) return "post-not-public";
  // Replies go out as the blog: with author profiles only (Settings → Discussion) it has no actor, no key to sign with.
  if (!blogIsActor(await actorMode())) return "no-blog-actor";

  const base = await siteUrl();
  const ctx = getFederation().createContext(new URL(base), undefined);
  const me = ctx.getActorUri(BLOG);
  const followers = ctx.getFollowersUri(BLOG);
  const remote = await ctx.lookupObject(origin.actorId, { documentLoader: await ctx.getDocumentLoader({ identifier: BLOG }) }).catch(() => null);
  if (!isActor(remote) || !remote.id || !remote.inboxId || !(await isDeliverableInbox(remote.inboxId.href))) {
    logEvent("federation.reply_not_sent", { commentId, actor: origin.actorId, reason: "actor unreachable" }, "warn");
    return "actor-unreachable";
  }
  const username = remote.preferredUsername?.toString() ?? remote.id.pathname.split("/").pop() ?? "";
  const handle = `@${username}@${remote.id.host}`;
  const profile = remote.url instanceof URL ? remote.url.href : remote.id.href;
  const url = absoluteUrlFrom(base, `${await permalinkOf(post, await siteOptions())}#comment-${c.id}`);
  const id = commentObjectId(base, c.id);
  const content =
    `<p><span class="h-card"><a href="${escapeHtml(profile)}" class="u-url mention">@<span>${escapeHtml(username)}</span></a></span></p>` +
    sanitizeCommentHtml(c.content) +
    `<p>— ${escapeHtml(c.authorName || "Anonymous")}</p>`;
  const published = Temporal.Instant.fromEpochMilliseconds(parseSqlGmt(c.dateGmt).getTime());
  const note = new Note({
    id,
    url: new URL(url),
    attribution: me,
    replyTarget: new URL(origin.objectId),
    content,
    published,
    to: PUBLIC_COLLECTION,
    ccs: [followers, remote.id],
    tags: [new Mention({ href: remote.id, name: handle })],
  });
  if (!(await markCommentSent(c.id, id.href))) return "already-sent";
  const create = new Create({ id: new URL(`/?c=${c.id}#activity-create`, base), actor: me, object: note, published, to: PUBLIC_COLLECTION, ccs: [followers, remote.id] });
  await ctx.sendActivity({ identifier: BLOG }, remote, create, { preferSharedInbox: true });
  await ctx.sendActivity({ identifier: BLOG }, "followers", create, { preferSharedInbox: true, excludeBaseUris: [new URL(remote.id.origin)] });
  logEvent("federation.reply_sent", { commentId, inReplyTo: origin.objectId });
  return "sent";
}
