// The jobs Inkwell runs in the background, and how other areas ask for them.
import { findQueuedJob } from "@/db/queries/jobs";
import { upsertPing } from "@/db/queries/pings";
import { pendingPingUrls, sendPostPings } from "@/lib/linkbacks/send";
import { verifyWebmention, type WebmentionJob } from "@/lib/linkbacks/receive";
import { sendPasswordResetLink } from "@/lib/auth/password-reset";
import { sendNewUserNotice } from "@/lib/auth/new-user-notice";
import { JOB_NEW_USER_NOTICE, JOB_PASSWORD_RESET, JOB_SEND_MAIL, runSendMailJob } from "@/lib/mail/queue";
import { refreshPostEmbeds } from "@/lib/oembed/cache";
import { JOB_FEDERATION, runFederationJob } from "@/lib/federation/queue";
import { enqueueJob, nudgeJobs as nudge, registerJobHandler, RetryWith } from "./queue";

export const JOB_SEND_PINGS = "send_pings";
export const JOB_VERIFY_WEBMENTION = "verify_webmention";
export const JOB_DISCOVER_EMBEDS = "discover_embeds";
export const JOB_FEDERATE_POST = "federate_post";
export const JOB_FEDERATE_COMMENT = "federate_comment";

registerJobHandler(JOB_SEND_PINGS, async (payload) => {
  const { postId, only } = payload as { postId: number; only?: string[] };
  const summary = await sendPostPings(postId, only);
  // Only the URLs that failed for a passing reason are tried again: the rest are recorded.
  if (summary.retry.length) throw new RetryWith(`will retry ${summary.retry.length} URL(s): ${summary.retry.join(" ")}`, { postId, only: summary.retry });
});

registerJobHandler(JOB_VERIFY_WEBMENTION, async (payload) => {
  await verifyWebmention(payload as WebmentionJob);
});

registerJobHandler(JOB_SEND_MAIL, runSendMailJob);
registerJobHandler(JOB_DISCOVER_EMBEDS, async (payload) => await refreshPostEmbeds((payload as { postId: number }).postId));
registerJobHandler(JOB_PASSWORD_RESET, sendPasswordResetLink);
registerJobHandler(JOB_NEW_USER_NOTICE, sendNewUserNotice);
// ActivityPub deliveries and deferred inbox work (Fedify's queue, lib/federation/queue.ts).
registerJobHandler(JOB_FEDERATION, runFederationJob, { forgetPayload: true });
// A post's Create/Update/Delete to the fediverse's followers (lib/federation/publish.ts).
registerJobHandler(JOB_FEDERATE_POST, async (payload) => {
  const { syncPostFederation } = await import("@/lib/federation/publish");
  await syncPostFederation((payload as { postId: number }).postId);
});

// A reply written here to a comment from the fediverse goes back (lib/federation/replies-out.ts).
registerJobHandler(JOB_FEDERATE_COMMENT, async (payload) => {
  const { sendCommentReply } = await import("@/lib/federation/replies-out");
  await sendCommentReply((payload as { commentId: number }).commentId);
});

/** After a comment is approved (or posted approved): sends it back if it answers a fediverse comment. */
export async function enqueueCommentFederation(commentIds: number[]) {
  for (const commentId of commentIds) await enqueueJob(JOB_FEDERATE_COMMENT, { commentId });
  if (commentIds.length) nudge();
}

/**
 * Tells the fediverse about a post after any save, trash or status change: a Create when it
 * became public, an Update when it was and is, a Delete when it stopped being. Safe to call on
 * every save; one queued job per post at a time.
 */
export async function enqueuePostFederation(postId: number) {
  const payload = { postId };
  if (!(await findQueuedJob(JOB_FEDERATE_POST, payload))) await enqueueJob(JOB_FEDERATE_POST, payload);
  nudge();
}

/**
 * Sends this post's trackbacks, pingbacks and webmentions in the background. Call it after a
 * post is published or updated: links already pinged (posts.pinged) are skipped, so calling it
 * on every save is safe. Never blocks the caller on the network.
 */
export async function enqueuePostPings(postId: number) {
  const payload = { postId };
  // The editor's ping view shows every URL about to be pinged as "Queued" at once.
  const pending = await pendingPingUrls(postId);
  for (const url of pending.trackbacks) await upsertPing(postId, url, "trackback", "queued");
  for (const url of pending.links) await upsertPing(postId, url, "none", "queued");
  if (!await findQueuedJob(JOB_SEND_PINGS, payload)) await enqueueJob(JOB_SEND_PINGS, payload);
  nudge();
}

export async function enqueueWebmentionVerification(job: WebmentionJob) {
  await enqueueJob(JOB_VERIFY_WEBMENTION, job);
  nudge();
}

/** Looks up (or refreshes) a post's oEmbed-discovered embeds in the background, once per post at a time. */
export async function enqueueEmbedDiscovery(postId: number) {
  const payload = { postId };
  if (await findQueuedJob(JOB_DISCOVER_EMBEDS, payload)) return;
  await enqueueJob(JOB_DISCOVER_EMBEDS, payload);
  nudge();
}
