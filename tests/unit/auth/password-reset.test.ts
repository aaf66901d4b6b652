// The lost-password link's rules against real SQLite: one hour, one use, one user, and void once
// the password changes; every refusal is the same null and changes nothing. The mail itself goes
// through the job queue to a real SMTP server on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/jobs";
import { drainJobs } from "@/lib/jobs/queue";
import { execute, queryRow, queryRows, rawSql } from "@/db";
import { getPasswordHash } from "@/db/queries/user-admin";
import { updateUserPasswordHash } from "@/db/queries/users";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { LOST_PASSWORD_RATE, RESET_LINK_TTL_MS, checkResetKey, issueResetKey, requestPasswordReset, resetPasswordWithKey } from "@/lib/auth/password-reset";
import { makeUser } from "../support/factories";
import { startMailServer, type MailServer } from "../../e2e/support/mail-server";

async function userWithLink(now = Date.now()) {
  const user = await makeUser("author", "old password 1");
  const key = await issueResetKey(user.id, (await getPasswordHash(user.id))!, now);
  return { user, key };
}

const jobsOfType = (type: string) => queryRows<{ status: string; attempts: number; lastError: string; payload: string }>(rawSql('SELECT status, attempts, last_error AS "lastError", payload FROM jobs WHERE type = ? ORDER BY id', type));

describe("reset links", () => {
  it("opens the account it was made for, once, and sets the new password", async () => {
    const { user, key } = await userWithLink();
    expect((await checkResetKey(user.login, key))?.id).toBe(user.id);
    expect(await resetPasswordWithKey(user.login, key, "brand new password")).toBe(true);
    expect(await verifyPassword((await getPasswordHash(user.id))!, "brand new password")).toBe(true);
    // Reused: refused, and the password stays what the first use set.
    expect(await checkResetKey(user.login, key)).toBeNull();
    expect(await resetPasswordWithKey(user.login, key, "attacker password")).toBe(false);
    expect(await verifyPassword((await getPasswordHash(user.id))!, "brand new password")).toBe(true);
  });

  it("is refused after an hour", async () => {
    const issued = Date.now() - RESET_LINK_TTL_MS - 1;
    const { user, key } = await userWithLink(issued);
    const before = await getPasswordHash(user.id);
    expect(await checkResetKey(user.login, key)).toBeNull();
    expect(await resetPasswordWithKey(user.login, key, "brand new password")).toBe(false);
    expect(await getPasswordHash(user.id)).toBe(before);
  });

  it("refuses a forged key, an unknown login and another user's key", async () => {
    const a = await userWithLink();
    const b = await userWithLink();
    const before = await getPasswordHash(b.user.id);
    expect(await checkResetKey(a.user.login, a.key.slice(0, -1) + (a.key.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(await checkResetKey(a.user.login, "")).toBeNull();
    expect(await checkResetKey("nobody-here", a.key)).toBeNull();
    expect(await resetPasswordWithKey(b.user.login, a.key, "brand new password")).toBe(false);
    expect(await getPasswordHash(b.user.id)).toBe(before);
    // Each still opens its own account.
    expect((await checkResetKey(a.user.login, a.key))?.id).toBe(a.user.id);
  });

  it("is void once the password changes another way, and replaced by a newer link", async () => {
    const { user, key } = await userWithLink();
    await updateUserPasswordHash(user.id, await hashPassword("changed on Profile"));
    expect(await checkResetKey(user.login, key)).toBeNull();
    expect(await resetPasswordWithKey(user.login, key, "brand new password")).toBe(false);
    expect(await verifyPassword((await getPasswordHash(user.id))!, "changed on Profile")).toBe(true);

    const first = await issueResetKey(user.id, (await getPasswordHash(user.id))!);
    const second = await issueResetKey(user.id, (await getPasswordHash(user.id))!);
    expect(await checkResetKey(user.login, first)).toBeNull();
    expect((await checkResetKey(user.login, second))?.id).toBe(user.id);
  });

  it("is stored only as a hash", async () => {
    const { user, key } = await userWithLink();
    const row = await queryRow(rawSql("SELECT * FROM password_resets WHERE user_id = ?", user.id));
    expect(JSON.stringify(row)).not.toContain(key);
  });
});

describe("lost password requests", () => {
  let smtp: MailServer;
  beforeAll(async () => {
    smtp = await startMailServer(0);
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await smtp.close();
  });

  it("mails a working link through the queue for a login or an email, and nothing for an unknown name", async () => {
    process.env.SMTP_URL = smtp.url;
    const user = await makeUser("author", "old password 1");
    expect(await requestPasswordReset(user.email.toUpperCase())).toBe("queued");
    expect(await requestPasswordReset("no-such-user@example.com")).toBe("unknown");
    await drainJobs();
    const mail = await smtp.waitFor((m) => m.to.includes(user.email));
    expect(mail.subject).toContain("Password Reset");
    const link = new URL(/http:\/\/\S+/.exec(mail.text)![0]);
    expect(link.pathname).toBe("/reset-password/");
    expect(await resetPasswordWithKey(link.searchParams.get("login")!, link.searchParams.get("key")!, "from the mail")).toBe(true);
    // The queued job's payload, kept a week for the Tools → Mail list, holds no key.
    expect((await jobsOfType("send_password_reset")).map((j) => j.payload).join()).not.toContain(link.searchParams.get("key"));
    expect(smtp.mails.some((m) => m.to.includes("no-such-user@example.com"))).toBe(false);
  });

  it("sends an account at most its hourly allowance", async () => {
    process.env.SMTP_URL = smtp.url;
    const user = await makeUser("author");
    const answers = [];
    for (let i = 0; i < LOST_PASSWORD_RATE.perAccount + 2; i++) answers.push(await requestPasswordReset(i % 2 ? user.login : user.email));
    expect(answers.filter((a) => a === "queued")).toHaveLength(LOST_PASSWORD_RATE.perAccount);
    expect(answers.slice(-1)).toEqual(["limited"]);
  });

  it("without SMTP_URL the job fails at once, visibly, and no link is made", async () => {
    delete process.env.SMTP_URL;
    const user = await makeUser("author");
    expect(await requestPasswordReset(user.login)).toBe("queued");
    await drainJobs();
    const last = (await jobsOfType("send_password_reset")).at(-1)!;
    expect(last).toMatchObject({ status: "failed", attempts: 1, lastError: "mail is not configured: SMTP_URL is not set" });
    expect(await queryRow(rawSql("SELECT 1 FROM password_resets WHERE user_id = ?", user.id))).toBeUndefined();
  });

  it("a refused mail is retried with backoff, and a 5xx refusal is final", async () => {
    process.env.SMTP_URL = smtp.url;
    const { enqueueMail } = await import("@/lib/mail/queue");
    smtp.refuseWith(451);
    await enqueueMail({ kind: "test", to: "later@example.com", subject: "Try again", text: "x" });
    await drainJobs();
    let last = (await jobsOfType("send_mail")).at(-1)!;
    expect(last).toMatchObject({ status: "queued", attempts: 1 });
    expect(last.lastError).toContain("451");
    expect(last.lastError).not.toContain("later@example.com");
    await execute(rawSql("DELETE FROM jobs WHERE type = 'send_mail'"));
    smtp.refuseWith(550);
    await enqueueMail({ kind: "test", to: "never@example.com", subject: "Never", text: "x" });
    await drainJobs();
    last = (await jobsOfType("send_mail")).at(-1)!;
    expect(last).toMatchObject({ status: "failed", attempts: 1 });
    smtp.refuseWith(null);
  });
});
