// Tools → Mail: whether mail can be sent at all, and what became of the latest mails.
import type { MailOutcome } from "@/lib/mail/queue";

const STATUS_LABELS: Record<MailOutcome["status"], string> = { queued: "Queued", running: "Sending", sent: "Sent", failed: "Failed" };
const KIND_LABELS: Record<string, string> = {
  password_reset: "Password reset", new_user: "New user's login details", new_user_admin: "New user registration", comment_new: "New comment", comment_pending: "Comment to moderate",
};

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";

export function MailNotConfigured() {
  return (
    <p role="status" className="border-l-4 border-yellow-600 bg-yellow-50 p-3 text-sm">
      Mail is not configured: this site cannot send password reset links, new user notices or comment notifications. Set <code>SMTP_URL</code> (and{" "}
      <code>MAIL_FROM</code>) in the server&apos;s environment and restart it.
    </p>
  );
}

export function MailLog({ configured, mails }: { configured: boolean; mails: MailOutcome[] }) {
  return (
    <section aria-labelledby="mail-heading" className="mt-8 max-w-4xl">
      <h2 id="mail-heading" className="text-xl font-semibold">Mail</h2>
      <div className="mt-2">{configured ? <p className="text-sm">Mail goes out through the job queue; a failed try is retried with growing pauses (30 s, 2 min, 8 min, …, six tries).</p> : <MailNotConfigured />}</div>
      {mails.length ? (
        // Six columns do not fit a phone: the table scrolls in its own box (focusable, for keyboards) and the page stays put.
        <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Latest mails">
        <table className="w-full min-w-[40rem] border border-gray-300 bg-white text-left text-sm">
          <caption className="sr-only">Latest mails</caption>
          <thead className="bg-gray-50">
            <tr><th scope="col" className="p-2">Queued</th><th scope="col" className="p-2">Mail</th><th scope="col" className="p-2">To</th><th scope="col" className="p-2">Status</th><th scope="col" className="p-2">Tries</th><th scope="col" className="p-2">Last error</th></tr>
          </thead>
          <tbody>
            {mails.map((m) => (
              <tr key={m.id} className="border-t border-gray-200 align-top">
                <td className="p-2 whitespace-nowrap">{when(m.createdAt)}</td>
                <td className="p-2">{KIND_LABELS[m.kind] ?? m.kind}<br /><span className="text-gray-700">{m.subject}</span></td>
                <td className="p-2">{m.to}</td>
                <td className="p-2">{STATUS_LABELS[m.status]}{m.status === "queued" && m.attempts > 0 && m.nextTryAt ? <><br /><span className="text-gray-700">next try {when(m.nextTryAt)}</span></> : null}</td>
                <td className="p-2">{m.attempts}</td>
                <td className="p-2 break-words text-red-900">{m.lastError}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : <p className="mt-3 text-sm">No mail has been queued in the last week.</p>}
    </section>
  );
}
