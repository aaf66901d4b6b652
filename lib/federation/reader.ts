// The Reader (admin → Reader), as WordPress's ActivityPub plugin's: the posts of the accounts a
// local actor follows. A Create of a Note or Article from a followed account, public or addressed
// to the follower, is kept (sanitized as a comment is, a bounded number, the oldest pruned); the
// author's Update edits it and Delete removes it. From an item the admin can Like it (a Like to
// its author's inbox; Unlike sends Undo(Like)) or reply (a new post "in reply to" it).
import type { Context } from "@fedify/fedify";
import { Article, Like, Note, PUBLIC_COLLECTION, Undo, type Create, type Delete, type Update } from "@fedify/vocab";
import { deleteReaderItems, getFollowingByActorId, getReaderItem, insertReaderItem, listLocalFollowersOf, setReaderLike, updateReaderItems } from "@/db/queries/following";
import { sanitizeCommentHtml } from "@/lib/content/sanitize";
import { logEvent } from "@/lib/log";
import { siteUrl } from "@/lib/site-url";
import { getFederation } from "./federation";

/** Posts kept per local actor; older ones are pruned as new ones come. */
export const READER_KEEP = 500;
/** The largest post kept, in bytes of sanitized HTML. */
export const READER_MAX_BYTES = 100_000;

function readable(object: unknown): object is Note | Article {
  return object instanceof Note || object instanceof Article;
}

function text(v: unknown): string {
  return v == null ? "" : String(v);
}

/** Title, sanitized content and link of a post, or undefined when it is empty or too large. */
function contentOf(object: Note | Article): { title: string; content: string; url: string } | undefined {
  const content = sanitizeCommentHtml(text(object.content));
  if (!content.replace(/<[^<>]*>/g, "").trim() || Buffer.byteLength(content) > READER_MAX_BYTES) return undefined;
  const url = object.url instanceof URL ? object.url.href : object.id!.href;
  return { title: text(object.name).slice(0, 500), content, url: /^https?:\/\//i.test(url) ? url : object.id!.href };
}

/** Whether the object is public (to or cc the Public collection) or addressed to this local actor. */
function addressedTo(object: Note | Article, create: Create, me: URL): boolean {
  const ids = [...object.toIds, ...object.ccIds, ...create.toIds, ...create.ccIds].map((u) => u.href);
  return ids.includes(PUBLIC_COLLECTION.href) || ids.includes(me.href);
}

/** A Create at the inbox: kept in the Reader of every local actor that follows its author. */
export async function receiveReaderCreate(ctx: Context<void>, create: Create): Promise<number> {
  if (!create.actorId) return 0;
  const followers = await listLocalFollowersOf(create.actorId.href);
  if (!followers.length) return 0;
  const object = await create.getObject({ documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader }).catch(() => null);
  if (!readable(object) || !object.id) return 0;
  // Written by whoever sent it (Fedify checked the signer is the Create's actor), on its server.
  if ((object.attributionId && object.attributionId.href !== create.actorId.href) || object.id.origin !== create.actorId.origin) return 0;
  const body = contentOf(object);
  if (!body) return 0;
  const published = object.published ? Math.min(object.published.epochMilliseconds, Date.now()) : Date.now();
  let kept = 0;
  for (const localActor of followers) {
    if (!addressedTo(object, create, ctx.getActorUri(localActor))) continue;
    const account = await getFollowingByActorId(create.actorId.href, localActor);
    if (!account) continue;
    const stored = await insertReaderItem(
      { localActor, objectId: object.id.href, actorId: create.actorId.href, authorName: account.name, authorHandle: account.handle, authorUrl: account.url, published: Number.isFinite(published) ? published : Date.now(), ...body },
      READER_KEEP,
    );
    if (stored) kept++;
  }
  if (kept) logEvent("federation.reader_kept", { object: object.id.href });
  return kept;
}

/** The author's Update: the kept post's text changes. */
export async function receiveReaderUpdate(ctx: Context<void>, update: Update): Promise<number> {
  if (!update.actorId) return 0;
  const object = await update.getObject({ documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader }).catch(() => null);
  if (!readable(object) || !object.id) return 0;
  const body = contentOf(object);
  if (!body) return 0;
  return await updateReaderItems(object.id.href, update.actorId.href, body);
}

/** The author's Delete (an id or a Tombstone): the kept post goes. */
export async function receiveReaderDelete(del: Delete): Promise<number> {
  if (!del.actorId || !del.objectId) return 0;
  return await deleteReaderItems(del.objectId.href, del.actorId.href);
}

export type LikeOutcome = "liked" | "unliked" | "not-found" | "unchanged";

/** Likes a Reader post: a Like from its local actor to the author's inbox (Unlike: Undo of it). */
export async function setReaderItemLiked(id: number, liked: boolean): Promise<LikeOutcome> {
  const item = await getReaderItem(id);
  if (!item) return "not-found";
  const account = await getFollowingByActorId(item.actorId, item.localActor);
  const ctx = getFederation().createContext(new URL(await siteUrl()), undefined);
  const me = ctx.getActorUri(item.localActor);
  const recipient = account
    ? { id: new URL(account.actorId), inboxId: new URL(account.inbox), endpoints: account.sharedInbox ? { sharedInbox: new URL(account.sharedInbox) } : null }
    : null;
  if (liked) {
    if (item.likeId) return "unchanged";
    const likeId = new URL(`#like-${crypto.randomUUID()}`, me);
    if (!(await setReaderLike(id, null, likeId.href))) return "unchanged";
    if (recipient) await ctx.sendActivity({ identifier: item.localActor }, recipient, new Like({ id: likeId, actor: me, object: new URL(item.objectId), to: recipient.id }));
    return "liked";
  }
  if (!item.likeId) return "unchanged";
  if (!(await setReaderLike(id, item.likeId, null))) return "unchanged";
  const like = new Like({ id: new URL(item.likeId), actor: me, object: new URL(item.objectId) });
  if (recipient) await ctx.sendActivity({ identifier: item.localActor }, recipient, new Undo({ id: new URL(`#undo-${crypto.randomUUID()}`, me), actor: me, object: like, to: recipient.id }));
  return "unliked";
}
