// Who hears of a new comment (WordPress's wp_new_comment_notify_postauthor and
// wp_new_comment_notify_moderator): the post's author of an approved comment (comments_notify),
// moderators of a held one (moderation_notify). Always on the dashboard; by email only when
// SMTP_URL is set ("json:" gives nodemailer's jsonTransport, for tests).
import nodemailer, { type Transporter } from "nodemailer";
import { insertNotifications, listModerators, type Recipient } from "@/db/queries/comment-notifications";
import { getUserById } from "@/db/queries/users";
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
  type: string;
  authorName: string;
  authorEmail: string;
  content: string;
  userId: number | null;
}

export interface NotifiedPost {
  id: number;
  title: string;
  authorId: number;
  url: string;
}

export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

export async function notifyNewComment(c: NewCommentFacts, post: NotifiedPost, opts: Pick<Options, "blogname" | "comments_notify" | "moderation_notify">): Promise<SentMail[]> {
  let recipients: Recipient[] = [];
  let kind = "";
  let subject = "";
  const who = c.authorName || "Anonymous";
  if (c.status === "1" && opts.comments_notify) {
    const author = getUserById(post.authorId);
    // Nobody needs telling of their own comment.
    if (author && author.id !== c.userId) recipients = [{ id: author.id, email: author.email, displayName: author.displayName }];
    kind = "comment_new";
    subject = `[${opts.blogname}] Comment: "${post.title}"`;
  } else if (c.status === "0" && opts.moderation_notify) {
    const author = getUserById(post.authorId);
    const list = listModerators();
    // The post's author may moderate comments on their own post, as in WordPress.
    if (author && !list.some((m) => m.id === author.id)) list.push({ id: author.id, email: author.email, displayName: author.displayName });
    recipients = list.filter((r) => r.id !== c.userId);
    kind = "comment_pending";
    subject = `[${opts.blogname}] Please moderate: "${post.title}"`;
  }
  if (!recipients.length) return [];

  const message = kind === "comment_new" ? `${who} commented on “${post.title}”.` : `A comment by ${who} on “${post.title}” is waiting for your approval.`;
  const link = kind === "comment_new" ? `${post.url}#comment-${c.id}` : `/admin/comments/?comment_status=moderated`;
  insertNotifications(recipients.map((r) => ({ userId: r.id, kind, message, link })));

  const transport = mailer();
  if (!transport) return [];
  const text = [
    message,
    "",
    `Author: ${who}`,
    c.authorEmail ? `Email: ${c.authorEmail}` : "",
    "Comment:",
    c.content,
    "",
    kind === "comment_new" ? `Permalink: ${absoluteUrl(link)}` : `Moderate it: ${absoluteUrl(`/admin/comments/?comment_status=moderated`)}`,
  ].filter((l, i, all) => l !== "" || all[i - 1] !== "").join("\n");
  const sent: SentMail[] = [];
  for (const r of recipients) {
    try {
      await transport.sendMail({ from: process.env.MAIL_FROM || `wordpress@${new URL(absoluteUrl("/")).hostname}`, to: r.email, subject, text });
      sent.push({ to: r.email, subject, text });
    } catch (e) {
      logEvent("mail_failed", { kind, error: (e as Error).message });
    }
  }
  return sent;
}
