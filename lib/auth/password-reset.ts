// WordPress's lost-password flow (wp-login.php?action=lostpassword, then action=rp): a link with a
// single-use key, mailed to the account's address. The key is 192 random bits, so a fast SHA-256
// of it is what is stored (a slow hash guards guessable secrets; this one is not guessable). A
// link is good for an hour, for one use, and only while the password it was issued against is
// current: a password set any other way (Profile, an administrator, an import) voids it. Every
// refusal (unknown login, expired, used, forged, another user's key) is the same "invalid".
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { getOptions } from "@/db/queries/options";
import { clearSignInFailures, consumeRate } from "@/db/queries/rate-limits";
import { consumePasswordReset, getPasswordReset, getResetTargetByLogin, savePasswordReset } from "@/db/queries/password-resets";
import { getUserCredentialsByLoginOrEmail } from "@/db/queries/users";
import { getUserProfile } from "@/db/queries/user-admin";
import { enqueueJob, GiveUp, nudgeJobs } from "@/lib/jobs/queue";
import { deliver, JOB_PASSWORD_RESET } from "@/lib/mail/queue";
import { mailConfigured } from "@/lib/mail/transport";
import { absoluteUrl } from "@/lib/site-url";
import { logEvent } from "@/lib/log";
import { hashPassword } from "./password";
import { passwordStamp } from "./password-stamp";

/** WordPress's password_reset_expiration: a day; an hour here, as the issue asks (a mail arrives in minutes). */
export const RESET_LINK_TTL_MS = 60 * 60_000;
/**
 * Requests per client address and per account, per hour: a person who mistyped twice still gets
 * a link; a script cannot use the form to flood one inbox (3 mails an hour) or to try many names
 * (10 an hour from one address).
 */
export const LOST_PASSWORD_RATE = { perIp: 10, perAccount: 3, seconds: 3600 } as const;

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** Makes the user's live link (replacing an earlier one) and returns its key, which is never stored. */
export async function issueResetKey(userId: number, passwordHash: string, now = Date.now(), ttlMs = RESET_LINK_TTL_MS): Promise<string> {
  const key = randomBytes(24).toString("base64url");
  await savePasswordReset({ userId, keyHash: hashKey(key), passwordStamp: passwordStamp(passwordHash)!, expiresAt: now + ttlMs });
  return key;
}

/** The address of the "set a new password" screen for a key (WordPress's wp-login.php?action=rp). */
export async function resetLinkFor(login: string, key: string): Promise<string> {
  return await absoluteUrl(`/reset-password/?key=${encodeURIComponent(key)}&login=${encodeURIComponent(login)}`);
}

/**
 * For a mail job: the user's address and a fresh link, made only now so that the key exists
 * nowhere but in the mail (a retry makes a new one, voiding the old). Without SMTP no key is
 * made and the job fails at once, visibly.
 */
export async function freshLinkFor(userId: number, ttlMs = RESET_LINK_TTL_MS): Promise<{ login: string; email: string; link: string }> {
  if (!mailConfigured()) throw new GiveUp("mail is not configured: SMTP_URL is not set");
  const user = await getUserProfile(userId);
  const target = user ? await getResetTargetByLogin(user.login) : undefined;
  if (!user || !target) throw new GiveUp("the user no longer exists");
  const key = await issueResetKey(user.id, target.passwordHash, Date.now(), ttlMs);
  return { login: user.login, email: user.email, link: await resetLinkFor(user.login, key) };
}

/** The user a link opens, or null: one answer for every way a link can be wrong. */
export async function checkResetKey(login: string, key: string, now = Date.now()): Promise<{ id: number; login: string; passwordHash: string } | null> {
  if (!login || !key || key.length > 100) return null;
  const user = await getResetTargetByLogin(login);
  const link = user ? await getPasswordReset(user.id) : undefined;
  if (!user || !link || link.expiresAt <= now) return null;
  const given = Buffer.from(hashKey(key));
  const stored = Buffer.from(link.keyHash);
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  if (link.passwordStamp !== passwordStamp(user.passwordHash)) return null;
  return user;
}

/**
 * Sets a new password through a link, spending it. The new hash ends every session of the user
 * (their tokens carry a stamp of the old one: password-stamp.ts), and the account's sign-in
 * lockout is lifted: whoever holds the mailbox has proved more than a password would.
 */
export async function resetPasswordWithKey(login: string, key: string, newPassword: string, now = Date.now()): Promise<boolean> {
  const user = await checkResetKey(login, key, now);
  if (!user) return false;
  const newHash = await hashPassword(newPassword);
  if (!await consumePasswordReset(user.id, hashKey(key), user.passwordHash, newHash)) return false;
  await clearSignInFailures([`user:${user.id}`]);
  logEvent("password.reset", { userId: user.id });
  return true;
}

/** Per client address: false once it has asked too often (the only refusal a visitor is told of). */
export async function allowLostPasswordRequest(ip: string): Promise<boolean> {
  return await consumeRate("lostpassword-ip", ip, LOST_PASSWORD_RATE.perIp, LOST_PASSWORD_RATE.seconds);
}

/**
 * "Lost your password?" for a login or an email: queues the mail when the account exists and has
 * asked less than its hourly allowance. The caller answers the same whatever this finds; unknown
 * names spend an allowance too (keyed as typed), so the two paths do the same writes.
 */
export async function requestPasswordReset(identifier: string): Promise<"queued" | "unknown" | "limited"> {
  const user = await getUserCredentialsByLoginOrEmail(identifier);
  const key = user ? `user:${user.id}` : `account:${identifier.trim().toLowerCase()}`;
  if (!(await consumeRate("lostpassword-account", key, LOST_PASSWORD_RATE.perAccount, LOST_PASSWORD_RATE.seconds))) return "limited";
  if (!user) return "unknown";
  await enqueuePasswordReset(user.id, user.email, "request");
  return "queued";
}

/** Queues a reset mail; `by` says who asked (the user, an administrator on Edit User, the command line). */
export async function enqueuePasswordReset(userId: number, to: string, by: "request" | "administrator" | "cli"): Promise<number> {
  const job = await enqueueJob(JOB_PASSWORD_RESET, { kind: "password_reset", userId, to, subject: await resetSubject(), by });
  nudgeJobs();
  return job.id;
}

const resetSubject = async () => `[${(await getOptions()).blogname}] Password Reset`;

/** The job: WordPress's retrieve_password() mail. */
export async function sendPasswordResetLink(payload: unknown): Promise<void> {
  const { userId } = payload as { userId: number };
  const { login, email, link } = await freshLinkFor(userId);
  const text = [
    "Someone has requested a password reset for the following account:",
    "",
    `Site Name: ${(await getOptions()).blogname}`,
    "",
    `Username: ${login}`,
    "",
    "If this was a mistake, ignore this email and nothing will happen.",
    "",
    "To reset your password, visit the following address (it works once, within an hour):",
    "",
    link,
    "",
  ].join("\n");
  await deliver({ to: email, subject: await resetSubject(), text });
}
