// Who hears of a new comment (WordPress's wp_new_comment_notify_postauthor and
// wp_new_comment_notify_moderator): the post's author of an approved comment (comments_notify),
// moderators and the post's author of a held one (moderation_notify). Always on the dashboard
// (rows written in the comment's own transaction, so one commit per comment); by email only when
// SMTP_URL is set ("json:" gives nodemailer's jsonTransport, for tests), after the answer.
import nodemailer, { type Transporter } from "nodemailer";
import type { Recipient } from "@/db/queries/comment-notifications";
import type { Options } from "@/lib/options/defaults";
import { absoluteUrl } from "@/lib/site-url";
import { logEvent } from "@/lib/log";

const globalForMail = globalThis as unknown as { __inkwellMailer?: { url: string; transport: Transporter } };

function mailer(): Transporter | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  if (globalForMail.__inkwellMailer?.url === url) return globalForMail.__inkwellMailer.transport;
  const transport = url === "json:" ? nodemailer.createTransport({ jsonTransport: true }) : nodemailer.createTransport(url);
  globalForMail.__inkwellMailer = { url, transport };
  return transport;
}

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

export interface SentMail {
  to: string;
  subject: string;
  text: string;
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

export async function sendNotificationMail(plan: NotificationPlan | null, c: NewCommentFacts): Promise<SentMail[]> {
  const transport = mailer();
  if (!plan || !transport) return [];
  const text = [
    plan.message,
    "",
    `Author: ${c.authorName || "Anonymous"}`,
    ...(c.authorEmail ? [`Email: ${c.authorEmail}`] : []),
    "Comment:",
    c.content,
    "",
    plan.kind === "comment_new" ? `Permalink: ${absoluteUrl(plan.link)}` : `Moderate it: ${absoluteUrl(plan.link)}`,
  ].join("\n");
  const from = process.env.MAIL_FROM || `wordpress@${new URL(absoluteUrl("/")).hostname}`;
  const sent: SentMail[] = [];
  for (const r of plan.recipients) {
    try {
      await transport.sendMail({ from, to: r.email, subject: plan.subject, text });
      sent.push({ to: r.email, subject: plan.subject, text });
    } catch (e) {
      logEvent("mail_failed", { kind: plan.kind, error: (e as Error).message });
    }
  }
  return sent;
}
