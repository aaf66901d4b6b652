// Publishing goes out: a post that becomes public sends a Create to the followers, an edit of a
// published post an Update, and a post that stops being public (Trash, back to draft, private,
// a password) a Delete with a Tombstone. Run from the job queue (lib/jobs: federate_post) after
// every save, so that the editor never waits on the network; post_meta remembers what was sent.
import type { Context } from "@fedify/fedify";
import { getPostCard } from "@/db/queries/archives";
import { getPostFederatedActor, getPostFederatedId, listFollowerRecipients, setPostFederatedActor, setPostFederatedId } from "@/db/queries/federation";
import { logEvent } from "@/lib/log";
import { siteUrl } from "@/lib/site-url";
import { actorMode, blogIsActor, isLocalActor, postSender } from "./authors";
import { BLOG, getFederation } from "./federation";
import { createActivity, deleteActivity, federates, updateActivity } from "./objects";
import { replyDeliveryFor } from "./reply-posts";

export type FederationOutcome = "create" | "update" | "delete" | "none";

type Activity = Parameters<Context<void>["sendActivity"]>[2];

/**
 * Sends as `sender`: the blog to its followers, as before authors were actors; an author to their
 * followers and the blog's (each remote actor once, shared inboxes preferred), as the plugin adds
 * the blog's followers to an author's post.
 */
async function sendAs(ctx: Context<void>, sender: string, activity: Activity) {
  if (sender === BLOG) {
    await ctx.sendActivity({ identifier: BLOG }, "followers", activity, { preferSharedInbox: true });
    return;
  }
  const followed = blogIsActor(await actorMode()) ? [sender, BLOG] : [sender];
  const recipients = (await listFollowerRecipients(followed)).map((f) => ({ id: new URL(f.actorId), inboxId: new URL(f.inbox), endpoints: f.sharedInbox ? { sharedInbox: new URL(f.sharedInbox) } : null }));
  if (recipients.length) await ctx.sendActivity({ identifier: sender }, recipients, activity, { preferSharedInbox: true });
}

export async function syncPostFederation(postId: number): Promise<FederationOutcome> {
  const post = await getPostCard(postId);
  const sentId = await getPostFederatedId(postId);
  const base = await siteUrl();
  const ctx = getFederation().createContext(new URL(base), undefined);
  // Who sends: for a post already sent, whoever sent its Create (its Update and Delete must come
  // from the same actor); else its author when they are an actor, or the blog.
  const sender = sentId ? await getPostFederatedActor(postId) : post ? await postSender(post.authorId) : null;
  // An actor that is gone (an author who turned their profile off) sends nothing more: its
  // followers were told it was deleted, and with it its posts.
  if (!sender || !(await isLocalActor(sender))) {
    if (sentId && !(post && federates(post))) {
      await setPostFederatedId(postId, null);
      await setPostFederatedActor(postId, null);
    }
    return "none";
  }
  const actor = ctx.getActorUri(sender);
  const followers = ctx.getFollowersUri(sender);
  // A reply to a fediverse post goes to that post's author too (lib/federation/reply-posts.ts).
  const replying = (post && federates(post)) || sentId ? await replyDeliveryFor(postId, ctx, sender) : undefined;
  const reply = replying?.reply;
  const send = async (activity: Activity) => {
    await sendAs(ctx, sender, activity);
    if (replying?.recipient) await ctx.sendActivity({ identifier: sender }, replying.recipient, activity, { preferSharedInbox: true });
  };
  let outcome: FederationOutcome = "none";
  if (post && federates(post)) {
    if (!sentId) {
      const create = await createActivity(post, actor, followers, base, reply);
      await setPostFederatedId(postId, create.objectId!.href);
      await setPostFederatedActor(postId, sender === BLOG ? null : sender);
      await send(create);
      outcome = "create";
    } else {
      await send(await updateActivity(post, new URL(sentId), actor, followers, base, reply));
      outcome = "update";
    }
  } else if (sentId) {
    await setPostFederatedId(postId, null);
    await setPostFederatedActor(postId, null);
    await send(deleteActivity(postId, new URL(sentId), actor, followers, base, reply));
    outcome = "delete";
  }
  if (outcome !== "none") logEvent("federation.post", { postId, activity: outcome, actor: sender });
  return outcome;
}

/**
 * Before a post is deleted for good (its post_meta goes with it): the Delete for what was sent,
 * if anything still stands (a post trashed first has had its Delete already), from its sender.
 */
export async function federatePermanentDeletion(postId: number): Promise<void> {
  const sentId = await getPostFederatedId(postId);
  if (!sentId) return;
  const sender = await getPostFederatedActor(postId);
  const base = await siteUrl();
  const ctx = getFederation().createContext(new URL(base), undefined);
  const local = await isLocalActor(sender);
  // Read before the post's meta goes: a reply's Delete goes to the replied-to author too.
  const replying = local ? await replyDeliveryFor(postId, ctx, sender) : undefined;
  await setPostFederatedId(postId, null);
  await setPostFederatedActor(postId, null);
  if (!local) return;
  const del = deleteActivity(postId, new URL(sentId), ctx.getActorUri(sender), ctx.getFollowersUri(sender), base, replying?.reply);
  await sendAs(ctx, sender, del);
  if (replying?.recipient) await ctx.sendActivity({ identifier: sender }, replying.recipient, del, { preferSharedInbox: true });
}
