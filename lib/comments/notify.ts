// Who hears of a new comment (WordPress's wp_new_comment_notify_postauthor and
// wp_new_comment_notify_moderator): the post's author of an approved comment (comments_notify),
// moderators and the post's author of a held one (moderation_notify). Always on the dashboard
// (rows written in the comment's own transaction, so one commit per comment); by email when
// SMTP_URL is set, as mail jobs queued in that same commit and sent by the job queue after the answer.
import type { Recipient } from "@/db/queries/comment-notifications";
import type { Options } from "@/lib/options/defaults";
import type { QueuedMail } from "@/lib/mail/queue";
import { absoluteUrlFrom } from "@/lib/site-url";

export interface NewCommentFacts {
  id: number;
  status: string;
  authorName: string;
  authorEmail: string;
  content: string;
  userId: number | null;
}

export interface NotifiedPost {
  title: string;
  url: string;
}

export interface NotificationPlan {
  kind: "comment_new" | "comment_pending";
  subject: string;
  message: string;
  link: string;
  recipients: Recipient[];
}

type NotifyOptions = Pick<Options, "blogname" | "comments_notify" | "moderation_notify">;

/** Who is told, and what, about a comment just stored. */
export function planNotifications(
  c: NewCommentFacts,
  post: NotifiedPost,
  people: { postAuthor: Recipient | undefined; moderators: Recipient[] },
  opts: NotifyOptions,
): NotificationPlan | null {
  const who = c.authorName || "Anonymous";
  let plan: NotificationPlan | null = null;
  if (c.status === "1" && opts.comments_notify) {
    plan = {
      kind: "comment_new",
      subject: `[${opts.blogname}] Comment: "${post.title}"`,
      message: `${who} commented on “${post.title}”.`,
      link: `${post.url}#comment-${c.id}`,
      recipients: people.postAuthor ? [people.postAuthor] : [],
    };
  } else if (c.status === "0" && opts.moderation_notify) {
    const list = [...people.moderators];
    // The post's author may moderate comments on their own post, as in WordPress.
    if (people.postAuthor && !list.some((m) => m.id === people.postAuthor!.id)) list.push(people.postAuthor);
    plan = {
      kind: "comment_pending",
      subject: `[${opts.blogname}] Please moderate: "${post.title}"`,
      message: `A comment by ${who} on “${post.title}” is waiting for your approval.`,
      link: "/admin/comments/?comment_status=moderated",
      recipients: list,
    };
  }
  if (!plan) return null;
  // Nobody needs telling of their own comment.
  plan.recipients = plan.recipients.filter((r) => r.id !== c.userId);
  return plan.recipients.length ? plan : null;
}

export function notificationRows(plan: NotificationPlan | null) {
  return plan ? plan.recipients.map((r) => ({ userId: r.id, kind: plan.kind, message: plan.message, link: plan.link })) : [];
}

/** The mails of a plan, one per recipient (without SMTP, none: the dashboard rows are the notice). */
export function notificationMails(plan: NotificationPlan | null, c: NewCommentFacts, mailOn: boolean, siteBase: string): QueuedMail[] {
  if (!plan || !mailOn) return [];
  const text = [
    plan.message,
    "",
    `Author: ${c.authorName || "Anonymous"}`,
    ...(c.authorEmail ? [`Email: ${c.authorEmail}`] : []),
    "Comment:",
    c.content,
    "",
    plan.kind === "comment_new" ? `Permalink: ${absoluteUrlFrom(siteBase, plan.link)}` : `Moderate it: ${absoluteUrlFrom(siteBase, plan.link)}`,
  ].join("\n");
  return plan.recipients.map((r) => ({ kind: plan.kind, to: r.email, subject: plan.subject, text }));
}
