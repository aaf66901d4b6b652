// The conversation coming home: a fediverse reply to one of our posts (or to a comment on it)
// becomes a comment, through the same rules as the comment form (lib/comments/store.ts:
// moderation, Disallowed Keys, duplicates, notifications) and a rate limit per server; its
// author's Update edits it and Delete removes it. A quote post of one of ours becomes a comment
// on it too, as WordPress's ActivityPub plugin stores quotes. Likes (Misskey's reactions and
// EmojiReact among them) and boosts are counted per post, one per actor, and Undo takes them
// back. An account deleted on its server takes its follow, reactions and comments with it.
// Called by the inbox listeners in federation.ts, after Fedify has checked the signature and
// that the signer is the activity's actor.
import type { Context } from "@fedify/fedify";
import { isActor, Link, Note, Article, Page, Question, type Actor, type Object as APObject } from "@fedify/vocab";
import type { Create, Update, Delete, Like, Announce, Undo, EmojiReact } from "@fedify/vocab";
import { getCommentTarget } from "@/db/queries/comments";
import { addReaction, deleteFollowerByActorId, deleteRemoteActorContent, deleteRemoteComment, getCommentBrief, hasApprovedFromActor, getCommentByRemoteId, removeReaction, updateRemoteComment, type ReactionKind } from "@/db/queries/federation";
import { getOptions } from "@/db/queries/options";
import { allowCommentAttempt } from "@/lib/comments/rate-limit";
import { commentsOpen } from "@/lib/comments/rules";
import { storeComment } from "@/lib/comments/store";
import { sanitizeCommentHtml } from "@/lib/content/sanitize";
import { toSqlGmt, toSqlLocal } from "@/lib/dates";
import { postFromUrl } from "@/lib/linkbacks/receive";
import { safeFetch } from "@/lib/net/safe-fetch";
import { logEvent } from "@/lib/log";
import { siteUrl } from "@/lib/site-url";
import { byteLength, COMMENT_LIMITS } from "@/lib/validation/comment";
import { storeAvatar } from "./avatars";
import { isBlockedActor } from "./blocks";
import { commentObjectId } from "./comment-object";

/** Replies a minute from one server (the actor's host), beyond which its replies are dropped. */
export const REPLY_RATE = { points: 30, seconds: 60 };

/** A comment's ActivityPub id: `/?c=N`, as WordPress's ActivityPub plugin names its comments. */
export async function commentObjectUrl(id: number): Promise<string> {
  return commentObjectId(await siteUrl(), id).href;
}

/** The comment an address of ours names: `/?c=N`, or a permalink's `#comment-N`. */
function commentIdIn(url: URL): number | undefined {
  const c = url.searchParams.get("c");
  if (c && /^\d+$/.test(c) && url.searchParams.size === 1) return Number(c);
  const hash = /^#comment-(\d+)$/.exec(url.hash)?.[1];
  return hash ? Number(hash) : undefined;
}

/** What a reply answers: one of our posts, with the comment it replies to if any. */
export async function replyTarget(inReplyTo: URL): Promise<{ postId: number; parentId: number | null } | undefined> {
  // A reply to a fediverse reply names that reply's own id.
  const remote = await getCommentByRemoteId(inReplyTo.href);
  if (remote) return { postId: remote.postId, parentId: remote.id };
  const site = new URL(await siteUrl());
  if (inReplyTo.origin !== site.origin) return undefined;
  const commentId = commentIdIn(inReplyTo);
  if (commentId !== undefined) {
    const parent = await getCommentBrief(commentId);
    return parent ? { postId: parent.postId, parentId: parent.id } : undefined;
  }
  const post = await postFromUrl(inReplyTo.href);
  return post && post.type === "post" && !post.password ? { postId: post.id, parentId: null } : undefined;
}

/** A quote of one of our posts (not a reply): the post, as a top-level comment's target. */
async function quoteTarget(quoted: URL): Promise<{ postId: number; parentId: null } | undefined> {
  const site = new URL(await siteUrl());
  if (quoted.origin !== site.origin) return undefined;
  const post = await postFromUrl(quoted.href);
  return post && post.type === "post" && !post.password ? { postId: post.id, parentId: null } : undefined;
}

/** FEP-e232's quote link rel (Misskey's term), beside `quote`, `quoteUrl`, `_misskey_quote`, `quoteUri`. */
const QUOTE_REL = "https://misskey-hub.net/ns#_misskey_quote";

/**
 * What a Note quotes, as WordPress's plugin reads it (`is_quote_activity`: quote, quoteUrl,
 * quoteUri, _misskey_quote; Fedify folds the last three into quoteUrl), or a FEP-e232 Link tag.
 */
async function quotedUrl(note: Note | Article | Page | Question): Promise<URL | null> {
  if (!(note instanceof Page)) {
    if (note.quoteId) return note.quoteId;
    if (note.quoteUrl) return note.quoteUrl;
  }
  for await (const tag of note.getTags({ suppressError: true })) {
    if (tag instanceof Link && tag.href && tag.rels.includes(QUOTE_REL)) return tag.href;
  }
  return null;
}

const isNoteLike = (o: unknown): o is Note | Article | Page | Question => o instanceof Note || o instanceof Article || o instanceof Page || o instanceof Question;

function textOf(v: unknown): string {
  return v == null ? "" : String(v);
}

/** The name, handle and profile link a comment shows for a remote actor. */
export function describeAuthor(actor: Actor) {
  const id = actor.id!;
  const username = actor.preferredUsername?.toString() ?? id.pathname.split("/").filter(Boolean).pop() ?? "";
  const handle = `@${username}@${id.host}`;
  const url = actor.url instanceof URL ? actor.url.href : ((actor.url as APObject | null | undefined)?.id?.href ?? id.href);
  const name = (textOf(actor.name).trim() || handle).slice(0, 245);
  return { name, handle, url: /^https?:\/\//i.test(url) ? url : id.href };
}

/** The actor's icon copied into our uploads (once per icon address), or null. */
async function avatarOf(ctx: Context<void>, actor: Actor, name: string): Promise<string | null> {
  try {
    const icon = await actor.getIcon({ documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader });
    const src = icon?.url instanceof URL ? icon.url.href : undefined;
    return src ? await storeAvatar(src, name) : null;
  } catch (e) {
    logEvent("federation.avatar_failed", { actor: actor.id?.href, error: (e as Error).message }, "info");
    return null;
  }
}

function cleanContent(note: Note | Article | Page | Question, quote = false): string | undefined {
  let raw = textOf(note.content);
  // Mastodon's fallback line for servers without quotes ("RE: <link>"), dropped as the plugin does.
  if (quote) raw = raw.replace(/<p[^>]*class=["'][^"']*\bquote-inline\b[^"']*["'][^>]*>[\s\S]*?<\/p>/i, "");
  const content = sanitizeCommentHtml(raw);
  if (!content.replace(/<[^<>]*>/g, "").trim()) return undefined;
  if (byteLength(content) > COMMENT_LIMITS.comment) return undefined;
  return content;
}

export type ReplyOutcome = "stored" | "known" | "not-ours" | "refused";

/**
 * A Create whose object replies to one of our posts or comments, or quotes one of our posts (a
 * reply first, as the plugin reads them): stored as a comment.
 */
export async function receiveReply(ctx: Context<void>, create: Create): Promise<ReplyOutcome> {
  const object = await create.getObject({ documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader });
  if (!isNoteLike(object) || !object.id || !create.actorId) return "not-ours";
  const quoted = object.replyTargetId ? null : await quotedUrl(object);
  const target = object.replyTargetId ? await replyTarget(object.replyTargetId) : quoted ? await quoteTarget(quoted) : undefined;
  if (!target) return "not-ours";
  const refuse = (reason: string) => {
    logEvent("federation.reply_refused", { object: object.id?.href, reason }, "info");
    return "refused" as const;
  };
  // Written by whoever sent it: Fedify checked that the signer is the Create's actor.
  if (object.attributionId && object.attributionId.href !== create.actorId.href) return refuse("attributed to someone else");
  if (object.id.origin !== create.actorId.origin) return refuse("object on another server than its actor");
  if (await getCommentByRemoteId(object.id.href)) return "known";
  const actor = await create.getActor({ documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader });
  if (!isActor(actor) || actor.id?.href !== create.actorId.href) return refuse("actor not found");
  const author = describeAuthor(actor);
  if (await isBlockedActor(actor.id.href, author.handle)) return refuse("blocked");
  if (!(await allowCommentAttempt(`fediverse:${actor.id.host}`, REPLY_RATE.points, REPLY_RATE.seconds))) return refuse("rate limited");

  const now = Date.now();
  const post = await getCommentTarget(target.postId);
  const opts = await getOptions();
  if (!post || post.type !== "post" || post.status !== "publish" || post.password) return refuse("no such post");
  if (!commentsOpen(post, opts, now)) return refuse("comments closed");
  // A reply to a held comment is kept, held too, under it (WordPress's form refuses replies to
  // unapproved comments, but a fediverse reply cannot be sent again later): approving both shows
  // the thread. One to spam or trash is refused.
  let parentHeld = false;
  if (target.parentId) {
    const parent = await getCommentBrief(target.parentId);
    if (!parent || parent.postId !== post.id || (parent.status !== "1" && parent.status !== "0")) return refuse("parent not approved");
    parentHeld = parent.status === "0";
  }
  const content = cleanContent(object, quoted !== null);
  if (!content) return refuse("empty or too long");

  const avatarUrl = await avatarOf(ctx, actor, author.name);
  const published = object.published ? new Date(object.published.epochMilliseconds) : new Date(now);
  const date = published.getTime() > now || Number.isNaN(published.getTime()) ? new Date(now) : published;
  const result = await storeComment(
    post,
    opts,
    {
      postId: post.id,
      parentId: target.parentId,
      type: "comment",
      authorName: author.name,
      authorEmail: "",
      authorUrl: author.url.slice(0, 200),
      authorIp: "",
      userAgent: `ActivityPub (${author.handle})`.slice(0, 254),
      content,
      date: toSqlLocal(date, opts.timezone_string),
      dateGmt: toSqlGmt(date),
      remoteId: object.id.href,
      remoteActor: actor.id.href,
      avatarUrl,
    },
    // Flood is limited per server (above), not by the empty address every remote reply shares.
    // "Comment author must have a previously approved comment": this actor's, not a name's.
    { trusted: false, noFloodCheck: true, previouslyApproved: await hasApprovedFromActor(actor.id.href), hold: parentHeld, now },
  );
  if (result.outcome !== "stored") return refuse(result.outcome);
  return "stored";
}

/** An Update of a reply: only its author edits it. */
export async function receiveUpdate(ctx: Context<void>, update: Update): Promise<boolean> {
  const object = await update.getObject({ documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader });
  if (!isNoteLike(object) || !object.id || !update.actorId) return false;
  const row = await getCommentByRemoteId(object.id.href);
  if (!row) return false;
  if (row.remoteActor !== update.actorId.href) {
    logEvent("federation.update_refused", { object: object.id.href, actor: update.actorId.href }, "warn");
    return false;
  }
  const content = cleanContent(object);
  if (!content) return false;
  const actor = await update.getActor({ documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader });
  if (!isActor(actor)) return false;
  const author = describeAuthor(actor);
  return await updateRemoteComment(row.id, { content, authorName: author.name, authorUrl: author.url.slice(0, 200), avatarUrl: await avatarOf(ctx, actor, author.name) });
}

/** A Delete (or a Tombstone) of a reply: only its author removes it. */
export async function receiveDelete(del: Delete): Promise<boolean> {
  const id = del.objectId;
  if (!id || !del.actorId) return false;
  const row = await getCommentByRemoteId(id.href);
  if (!row || row.remoteActor !== del.actorId.href) return false;
  return await deleteRemoteComment(row.id);
}

/** The post a Like or an Announce is about, if it is one of ours that federates. */
async function reactedPost(object: URL | null): Promise<number | undefined> {
  if (!object) return undefined;
  const site = new URL(await siteUrl());
  if (object.origin !== site.origin) return undefined;
  const post = await postFromUrl(object.href);
  return post && post.type === "post" && !post.password ? post.id : undefined;
}

/** Like, Misskey's Like with `_misskey_reaction`, EmojiReact (Pleroma, Akkoma, Misskey): a like; Announce: a boost. */
export async function receiveReaction(kind: ReactionKind, activity: Like | Announce | EmojiReact): Promise<boolean> {
  const postId = await reactedPost(activity.objectId);
  if (!postId || !activity.actorId) return false;
  if (await isBlockedActor(activity.actorId.href)) return false;
  await addReaction({ postId, kind, actorId: activity.actorId.href, activityId: activity.id?.href ?? null });
  return true;
}

/** Undo(Like) / Undo(Announce): by the undone activity's id, or by what it was about. */
export async function receiveUndoReaction(undo: Undo, object: Like | Announce | EmojiReact | null, kind: ReactionKind): Promise<boolean> {
  if (!undo.actorId) return false;
  const inner = object;
  if (inner?.actorId && inner.actorId.href !== undo.actorId.href) return false;
  // The Like itself may be named by its id alone (Mastodon's #likes/N cannot be fetched).
  const undone = inner?.id ?? undo.objectId;
  if (undone && (await removeReaction(undo.actorId.href, { activityId: undone.href }))) return true;
  const postId = await reactedPost(inner?.objectId ?? null);
  return postId ? await removeReaction(undo.actorId.href, { postId, kind }) : false;
}



/**
 * Whether a remote actor's account is gone: its address answers 410 or 404, or a Tombstone, as
 * WordPress's plugin checks (`Http::is_tombstone`) before it removes anything of theirs.
 */
export async function isGoneActor(actorId: string): Promise<boolean> {
  try {
    const res = await safeFetch(actorId, { headers: { accept: "application/activity+json" } });
    if (res.status === 410 || res.status === 404) return true;
    if (res.status !== 200) return false;
    const doc = JSON.parse(res.text()) as { type?: unknown };
    return doc.type === "Tombstone";
  } catch (e) {
    logEvent("federation.actor_check_failed", { actor: actorId, error: (e as Error).message }, "info");
    return false;
  }
}

/**
 * Delete of an actor by that actor (Mastodon, Misskey: `object` is the actor's own id): once its
 * address says the account is gone, its follow, its likes and boosts and its comments are
 * removed (the comments for good, their replies moving up, as the plugin's wp_delete_comment).
 */
export async function receiveActorDelete(actorId: string): Promise<boolean> {
  if (!(await isGoneActor(actorId))) {
    logEvent("federation.actor_delete_refused", { actor: actorId, reason: "actor still answers" }, "info");
    return false;
  }
  // Its follows of the blog and of every author go; a blocked account stays blocked (its row is the block).
  const accepted = await deleteFollowerByActorId(actorId, "accepted", null);
  const pending = await deleteFollowerByActorId(actorId, "pending", null);
  const follower = accepted || pending;
  const removed = await deleteRemoteActorContent(actorId);
  logEvent("federation.actor_deleted", { actor: actorId, follower, ...removed });
  return true;
}
