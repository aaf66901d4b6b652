// Outgoing mail: nodemailer to the SMTP server named by SMTP_URL (e.g.
// smtp://user:pass@mail.example:587), from MAIL_FROM. Only the job queue calls sendMail
// (lib/mail/queue.ts), so that a slow or failing server is retried and never makes a visitor wait.
import nodemailer, { type Transporter } from "nodemailer";
import { absoluteUrl } from "@/lib/site-url";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** A failure that another try cannot mend (no SMTP_URL, an address the server refuses for good). */
export class MailRefused extends Error {}

const globalForMail = globalThis as unknown as { __inkwellMailer?: { url: string; transport: Transporter } };

export function mailConfigured(): boolean {
  return !!process.env.SMTP_URL;
}

function mailer(): Transporter {
  const url = process.env.SMTP_URL;
  if (!url) throw new MailRefused("mail is not configured: SMTP_URL is not set");
  if (globalForMail.__inkwellMailer?.url !== url) globalForMail.__inkwellMailer = { url, transport: nodemailer.createTransport(url) };
  return globalForMail.__inkwellMailer.transport;
}

export async function mailFrom(): Promise<string> {
  return process.env.MAIL_FROM || `wordpress@${new URL(await absoluteUrl("/")).hostname}`;
}

// SMTP replies quote the addresses they refuse; the error goes to the job row and the log.
const withoutAddresses = (s: string) => s.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, "<address>").slice(0, 500);

export async function sendMail(m: MailMessage): Promise<void> {
  const transport = mailer();
  try {
    await transport.sendMail({ from: await mailFrom(), to: m.to, subject: m.subject, text: m.text });
  } catch (e) {
    const err = e as Error & { responseCode?: number };
    const message = withoutAddresses(err.message || String(e));
    // A 5xx reply is the server's final word (RFC 5321 §4.2.1); anything else may pass.
    if (err.responseCode && err.responseCode >= 500) throw new MailRefused(message);
    throw new Error(message);
  }
}
