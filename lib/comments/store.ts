// The last step of every new comment, whoever sends it (the form, a fediverse reply): duplicate
// and flood checks, WordPress's moderation decision, the Dashboard notifications and the mails,
// atomically with the insert (db/queries/comments.ts insertCommentCheckedBatched).
import type { CommentTarget } from "@/db/queries/comments";
import { insertCommentCheckedBatched } from "@/db/queries/comments";
import type { NewComment } from "@/db/schema";
import { postUrl } from "@/lib/content/post-view";
import { nowGmt, toSqlGmt } from "@/lib/dates";
import { logEvent } from "@/lib/log";
import { JOB_SEND_MAIL } from "@/lib/mail/queue";
import { mailConfigured } from "@/lib/mail/transport";
import { nudgeJobs } from "@/lib/jobs/queue";
import type { Options } from "@/lib/options/defaults";
import { siteUrlFrom } from "@/lib/site-url";
import { decideModeration } from "./moderation";
import { notificationMails, notificationRows, planNotifications, type NotificationPlan } from "./notify";

/** WordPress's comment flood interval (check_comment_flood_db). */
export const FLOOD_SECONDS = 15;

export interface StoreCommentRules {
  /** A moderator, or the post's author on their own post: never held by the rules. */
  trusted: boolean;
  /** Skip the flood check (moderators; fediverse replies, limited per server instead). */
  noFloodCheck?: boolean;
  /**
   * Whether the author has an approved comment already, when the email cannot tell (a fediverse
   * reply has none: its actor's address tells instead); else the database's email-and-name check.
   */
  previouslyApproved?: boolean;
  /** The form's own checks found spam (honeypot, form token): stored as spam with this reason. */
  spamReason?: string;
  /** Held for moderation even when the rules would approve it (a fediverse reply to a held comment). */
  hold?: boolean;
  now: number;
}

export type StoredComment = Awaited<ReturnType<typeof insertCommentCheckedBatched>> & { postUrl: string; mailsQueued: number };

export async function storeComment(post: CommentTarget, opts: Options, row: Omit<NewComment, "status">, rules: StoreCommentRules): Promise<StoredComment> {
  const url_ = postUrl(post, opts);
  const postAuthor = { id: post.authorId, email: post.authorEmail, displayName: post.authorDisplayName };
  let plan: NotificationPlan | null = null;
  const siteBase = siteUrlFrom(opts.siteurl);
  let mailsQueued = 0;
  const spamReason = rules.spamReason ?? "";
  let reason: string = spamReason ? `spam:${spamReason}` : "";
  const result = await insertCommentCheckedBatched(row, {
    floodSinceGmt: rules.noFloodCheck ? null : toSqlGmt(new Date(rules.now - FLOOD_SECONDS * 1000)),
    decide: (previouslyApproved) => {
      if (spamReason) return "spam";
      const decision = decideModeration(
        { type: "comment", authorName: row.authorName ?? "", authorEmail: row.authorEmail ?? "", authorUrl: row.authorUrl ?? "", content: row.content ?? "", ip: row.authorIp ?? "", userAgent: row.userAgent ?? "" },
        opts,
        { trusted: rules.trusted, previouslyApproved: rules.previouslyApproved ?? previouslyApproved },
      );
      reason = decision.reason;
      if (rules.hold && decision.status === "1") {
        reason = "parent held";
        return "0";
      }
      return decision.status;
    },
    spamReason: spamReason || undefined,
    // Moderators are only told of held comments: db reads them only then, in the same commit.
    moderatorsIfHeld: opts.moderation_notify,
    notify: (stored, moderators) => {
      plan = planNotifications(stored, { title: post.title, url: url_ }, { postAuthor, moderators }, opts);
      return notificationRows(plan);
    },
    jobs: (stored) => {
      const mails = notificationMails(plan, stored, mailConfigured(), siteBase);
      mailsQueued = mails.length;
      return mails.map((payload) => ({ type: JOB_SEND_MAIL, payload }));
    },
  });
  if (result.outcome === "stored") {
    // One line per moderation decision; never the commenter's email or address.
    logEvent("moderation", { type: "comment", commentId: result.comment.id, postId: post.id, status: result.comment.status, reason, at: nowGmt(), ...(row.remoteId ? { source: "fediverse" } : {}) });
    if (mailsQueued) nudgeJobs();
  }
  return Object.assign(result, { postUrl: url_, mailsQueued });
}
