// A post written in reply to a fediverse post (Reader → Reply, or the editor's "In reply to"), as
// WordPress's ActivityPub plugin's reply block does: it federates with `inReplyTo` that post, its
// author cc'd and mentioned, and is delivered to the author's inbox as well as to the followers,
// so it lands in their thread. The author is the Reader's (an account the blog follows), else the
// replied-to object's `attributedTo`, fetched through the SSRF-safe loader.
import type { Context } from "@fedify/fedify";
import { isActor } from "@fedify/vocab";
import { getFollowingByActorId, getReaderItemsByObject } from "@/db/queries/following";
import { getPostInReplyTo } from "@/db/queries/post-editor";
import { logEvent } from "@/lib/log";
import { describeFollower } from "./federation";
import { isDeliverableInbox } from "./loader";
import type { ReplyTo } from "./objects";

export interface Recipient {
  id: URL;
  inboxId: URL;
  endpoints: { sharedInbox: URL } | null;
}

export interface ReplyDelivery {
  reply: ReplyTo;
  /** The replied-to post's author, to deliver to; null when it could not be found or reached. */
  recipient: Recipient | null;
}

/** What a post replies to, and who to tell; undefined for a post that replies to nothing. */
export async function replyDeliveryFor(postId: number, ctx: Context<void>, sender: string): Promise<ReplyDelivery | undefined> {
  const raw = await getPostInReplyTo(postId);
  if (!raw || !URL.canParse(raw)) return undefined;
  const inReplyTo = new URL(raw);
  // A reply to one of this site's own posts stays here: no remote author to tell.
  if (inReplyTo.origin === ctx.origin) return { reply: { inReplyTo }, recipient: null };
  const [item] = await getReaderItemsByObject([inReplyTo.href], sender);
  const account = item ? await getFollowingByActorId(item.actorId, sender) : undefined;
  if (account) {
    const recipient = { id: new URL(account.actorId), inboxId: new URL(account.inbox), endpoints: account.sharedInbox ? { sharedInbox: new URL(account.sharedInbox) } : null };
    return { reply: { inReplyTo, author: { id: recipient.id, handle: account.handle } }, recipient };
  }
  try {
    const documentLoader = await ctx.getDocumentLoader({ identifier: sender });
    const object = await ctx.lookupObject(inReplyTo.href, { documentLoader });
    const authorId = object && "attributionId" in object ? (object.attributionId as URL | null) : null;
    const author = authorId ? await ctx.lookupObject(authorId.href, { documentLoader }) : null;
    if (isActor(author) && author.id && author.inboxId && (await isDeliverableInbox(author.inboxId.href))) {
      const d = describeFollower(author);
      const shared = d.sharedInbox && (await isDeliverableInbox(d.sharedInbox)) ? new URL(d.sharedInbox) : null;
      return { reply: { inReplyTo, author: { id: author.id, handle: d.handle } }, recipient: { id: author.id, inboxId: author.inboxId, endpoints: shared ? { sharedInbox: shared } : null } };
    }
  } catch (e) {
    logEvent("federation.reply_target_unknown", { postId, inReplyTo: inReplyTo.href, error: (e as Error).message }, "info");
  }
  return { reply: { inReplyTo }, recipient: null };
}
