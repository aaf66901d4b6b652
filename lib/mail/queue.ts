// Every mail Inkwell sends is a job (`send_mail`, or `send_password_reset` and
// `send_new_user_notice` whose link is made only when it is sent: lib/auth/), so it is retried with backoff and its outcome is
// listed under Tools → Mail. The payload is what the list shows: never a reset key.
import { listRecentJobs } from "@/db/queries/jobs";
import { enqueueJob, GiveUp, nudgeJobs } from "@/lib/jobs/queue";
import { MailRefused, sendMail, type MailMessage } from "./transport";

export const JOB_SEND_MAIL = "send_mail";
export const JOB_PASSWORD_RESET = "send_password_reset";
export const JOB_NEW_USER_NOTICE = "send_new_user_notice";

export interface QueuedMail extends MailMessage {
  /** What the mail is about, for the list: comment_new, comment_pending, … */
  kind: string;
}

export async function enqueueMail(mail: QueuedMail): Promise<number> {
  const job = await enqueueJob(JOB_SEND_MAIL, mail);
  nudgeJobs();
  return job.id;
}

/** Sends through SMTP; a refusal for good ends the job at once instead of after six tries. */
export async function deliver(m: MailMessage): Promise<void> {
  try {
    await sendMail(m);
  } catch (e) {
    if (e instanceof MailRefused) throw new GiveUp(e.message);
    throw e;
  }
}

export async function runSendMailJob(payload: unknown): Promise<void> {
  const m = payload as QueuedMail;
  await deliver({ to: m.to, subject: m.subject, text: m.text });
}

/** The job types that send mail, for the list of what was sent. */
export const MAIL_JOB_TYPES = [JOB_SEND_MAIL, JOB_PASSWORD_RESET, JOB_NEW_USER_NOTICE];

export interface MailOutcome {
  id: number;
  kind: string;
  to: string;
  subject: string;
  /** queued (first try or a retry), running, sent, failed (for good). */
  status: "queued" | "running" | "sent" | "failed";
  attempts: number;
  lastError: string;
  createdAt: number;
  nextTryAt: number | null;
}

/** What became of the latest mails, for administrators (Tools → Mail). */
export async function listMailOutcomes(limit = 20): Promise<MailOutcome[]> {
  return (await listRecentJobs(MAIL_JOB_TYPES, limit)).map((j) => {
    const p = JSON.parse(j.payload) as Partial<QueuedMail>;
    return {
      id: j.id,
      kind: p.kind ?? j.type,
      to: p.to ?? "",
      subject: p.subject ?? "",
      status: j.status === "done" ? "sent" : j.status,
      attempts: j.attempts,
      lastError: j.lastError,
      createdAt: j.createdAt,
      nextTryAt: j.status === "queued" ? j.runAt : null,
    };
  });
}
