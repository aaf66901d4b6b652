// WordPress's wp_new_user_notification(): the new user is mailed "Login Details" with a link to
// set their password (the lost-password link: single use, stored hashed, void once the password
// changes), and for a self-registration the site's Administration Email Address is mailed "New
// User Registration". WordPress also tells the administrator of users other administrators add;
// Inkwell does not, as an administrator who adds a user already knows. Both go through the job
// queue, so they are retried and listed under Tools → Mail.
import { getOptions } from "@/db/queries/options";
import { enqueueJob, nudgeJobs } from "@/lib/jobs/queue";
import { deliver, enqueueMail, JOB_NEW_USER_NOTICE } from "@/lib/mail/queue";
import { mailConfigured } from "@/lib/mail/transport";
import { absoluteUrl } from "@/lib/site-url";
import { freshLinkFor } from "./password-reset";

/** WordPress's password_reset_expiration (a day) for a welcome link: a new user may read mail later than someone who just asked. */
export const NEW_USER_LINK_TTL_MS = 24 * 3600_000;

interface NewUser {
  id: number;
  login: string;
  email: string;
}

/**
 * Queues the notices for a user just created; `admin` adds the administrator's notice (for
 * self-registrations). Nothing is queued while the site cannot send mail (the screens say so),
 * so no failed notice piles up for each registration. Returns the queued jobs' ids.
 */
export async function enqueueNewUserNotices(user: NewUser, to: { user: boolean; admin: boolean }): Promise<number[]> {
  if (!mailConfigured()) return [];
  const opts = await getOptions();
  const ids: number[] = [];
  if (to.user) {
    // The link is made when the job runs (new-user-notice's handler), never stored in the queue.
    ids.push((await enqueueJob(JOB_NEW_USER_NOTICE, { kind: "new_user", userId: user.id, to: user.email, subject: `[${opts.blogname}] Login Details` })).id);
  }
  if (to.admin && opts.admin_email) {
    const text = [`New user registration on your site ${opts.blogname}:`, "", `Username: ${user.login}`, "", `Email: ${user.email}`, ""].join("\n");
    ids.push(await enqueueMail({ kind: "new_user_admin", to: opts.admin_email, subject: `[${opts.blogname}] New User Registration`, text }));
  }
  nudgeJobs();
  return ids;
}

/** The job: the user's "Login Details", with a link made now. */
export async function sendNewUserNotice(payload: unknown): Promise<void> {
  const { userId } = payload as { userId: number };
  const { login, email, link } = await freshLinkFor(userId, NEW_USER_LINK_TTL_MS);
  const text = [
    `Username: ${login}`,
    "",
    "To set your password, visit the following address (it works once, within a day):",
    "",
    link,
    "",
    await absoluteUrl("/login/"),
    "",
  ].join("\n");
  await deliver({ to: email, subject: `[${(await getOptions()).blogname}] Login Details`, text });
}
