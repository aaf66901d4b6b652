// Publishing goes out: a post that becomes public sends a Create to the followers, an edit of a
// published post an Update, and a post that stops being public (Trash, back to draft, private,
// a password) a Delete with a Tombstone. Run from the job queue (lib/jobs: federate_post) after
// every save, so that the editor never waits on the network; post_meta remembers what was sent.
import { getPostCard } from "@/db/queries/archives";
import { getPostFederatedId, setPostFederatedId } from "@/db/queries/federation";
import { logEvent } from "@/lib/log";
import { siteUrl } from "@/lib/site-url";
import { BLOG, getFederation } from "./federation";
import { createActivity, deleteActivity, federates, updateActivity } from "./objects";
import { replyDeliveryFor } from "./reply-posts";

export type FederationOutcome = "create" | "update" | "delete" | "none";

export async function syncPostFederation(postId: number): Promise<FederationOutcome> {
  const post = await getPostCard(postId);
  const sentId = await getPostFederatedId(postId);
  const base = await siteUrl();
  const ctx = getFederation().createContext(new URL(base), undefined);
  const actor = ctx.getActorUri(BLOG);
  const followers = ctx.getFollowersUri(BLOG);
  // A reply to a fediverse post goes to that post's author too (lib/federation/reply-posts.ts).
  const replying = (post && federates(post)) || sentId ? await replyDeliveryFor(postId, ctx, BLOG) : undefined;
  const reply = replying?.reply;
  const send = async (activity: Parameters<typeof ctx.sendActivity>[2]) => {
    await ctx.sendActivity({ identifier: BLOG }, "followers", activity, { preferSharedInbox: true });
    if (replying?.recipient) await ctx.sendActivity({ identifier: BLOG }, replying.recipient, activity, { preferSharedInbox: true });
  };
  let outcome: FederationOutcome = "none";
  if (post && federates(post)) {
    if (!sentId) {
      const create = await createActivity(post, actor, followers, base, reply);
      await setPostFederatedId(postId, create.objectId!.href);
      await send(create);
      outcome = "create";
    } else {
      await send(await updateActivity(post, new URL(sentId), actor, followers, base, reply));
      outcome = "update";
    }
  } else if (sentId) {
    await setPostFederatedId(postId, null);
    await send(deleteActivity(postId, new URL(sentId), actor, followers, base, reply));
    outcome = "delete";
  }
  if (outcome !== "none") logEvent("federation.post", { postId, activity: outcome });
  return outcome;
}

/**
 * Before a post is deleted for good (its post_meta goes with it): the Delete for what was sent,
 * if anything still stands (a post trashed first has had its Delete already).
 */
export async function federatePermanentDeletion(postId: number): Promise<void> {
  const sentId = await getPostFederatedId(postId);
  if (!sentId) return;
  const base = await siteUrl();
  const ctx = getFederation().createContext(new URL(base), undefined);
  const replying = await replyDeliveryFor(postId, ctx, BLOG);
  await setPostFederatedId(postId, null);
  const del = deleteActivity(postId, new URL(sentId), ctx.getActorUri(BLOG), ctx.getFollowersUri(BLOG), base, replying?.reply);
  await ctx.sendActivity({ identifier: BLOG }, "followers", del, { preferSharedInbox: true });
  if (replying?.recipient) await ctx.sendActivity({ identifier: BLOG }, replying.recipient, del, { preferSharedInbox: true });
}
