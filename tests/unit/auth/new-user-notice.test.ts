// WordPress's new user notices against real SQLite and a real SMTP server on loopback: the new
// user's "Login Details" with a working set-password link (the reset link's rules), the
// administrator's "New User Registration" for self-registrations, both through the job queue
// with retries; and the three ways a user is created (Add New, registration; the CLI is in
// cli/inkwell.test.ts). Next's navigation and the session are mocked, never the database.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const session: { id: number | null } = { id: null };
vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { user: { id: String(session.id) } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
let ipCounter = 0;
// The session cookie only makes lib/session ask the mocked auth(); the address keeps registrations under their hourly limit.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-inkwell-client-ip": `198.51.100.${++ipCounter}`, cookie: "authjs.session-token=mocked" }) }));
class Redirect extends Error {
  constructor(readonly url: string) {
    super(url);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
  forbidden: () => {
    throw new Error("403");
  },
}));

await import("@/lib/jobs");
const { drainJobs } = await import("@/lib/jobs/queue");
const { execute, queryRows, rawSql } = await import("@/db");
const { updateOptions } = await import("@/db/queries/options");
const { getUserCredentialsByLoginOrEmail } = await import("@/db/queries/users");
const { verifyPassword } = await import("@/lib/auth/password");
const { checkResetKey, resetPasswordWithKey } = await import("@/lib/auth/password-reset");
const { enqueueNewUserNotices, NEW_USER_LINK_TTL_MS } = await import("@/lib/auth/new-user-notice");
const { listMailOutcomes } = await import("@/lib/mail/queue");
const { createUserAction } = await import("@/app/admin/users/actions");
const { registerAction } = await import("@/app/(auth)/register/actions");
const { makeUser } = await import("../support/factories");
const { startMailServer } = await import("../../e2e/support/mail-server");
type MailServer = Awaited<ReturnType<typeof startMailServer>>;

let smtp: MailServer;
const jobs = () => queryRows<{ type: string; status: string; attempts: number; lastError: string; payload: string }>(rawSql('SELECT type, status, attempts, last_error AS "lastError", payload FROM jobs ORDER BY id'));
const fd = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};
async function redirectOf(p: Promise<unknown>) {
  try {
    return { state: await p };
  } catch (e) {
    if (e instanceof Redirect) return { redirect: e.url };
    throw e;
  }
}
const linkIn = (text: string) => new URL(/http:\/\/\S+\/reset-password\/\S+/.exec(text)![0]);

beforeAll(async () => {
  smtp = await startMailServer(0);
  await updateOptions({ blogname: "Notice Blog", admin_email: "owner@example.com", users_can_register: true, default_role: "subscriber" });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});
beforeEach(async () => {
  process.env.SMTP_URL = smtp.url;
  smtp.refuseWith(null);
  await execute(rawSql("DELETE FROM jobs"));
});

describe("new user notices", () => {
  it("mail the user a set-password link that works once, for a day, and the administrator the registration", async () => {
    const user = await makeUser("author", "chosen by nobody");
    expect(await enqueueNewUserNotices(user, { user: true, admin: true })).toHaveLength(2);
    await drainJobs();
    const mail = await smtp.waitFor((m) => m.to.includes(user.email) && m.subject === "[Notice Blog] Login Details");
    expect(mail.text).toContain(`Username: ${user.login}\n\nTo set your password, visit the following address`);
    expect(mail.text).toContain("http://blog.test/login/");
    const link = linkIn(mail.text);
    expect(link.origin + link.pathname).toBe("http://blog.test/reset-password/");
    const key = link.searchParams.get("key")!;
    // A day, as WordPress's password_reset_expiration: still good after 23 hours, not after 25.
    expect(await checkResetKey(user.login, key, Date.now() + NEW_USER_LINK_TTL_MS - 3600_000)).not.toBeNull();
    expect(await checkResetKey(user.login, key, Date.now() + NEW_USER_LINK_TTL_MS + 3600_000)).toBeNull();
    expect(await resetPasswordWithKey(link.searchParams.get("login")!, key, "set from the welcome mail")).toBe(true);
    expect(await verifyPassword((await getUserCredentialsByLoginOrEmail(user.login))!.passwordHash, "set from the welcome mail")).toBe(true);
    expect(await resetPasswordWithKey(user.login, key, "second use")).toBe(false);

    const admin = await smtp.waitFor((m) => m.to.includes("owner@example.com") && m.subject === "[Notice Blog] New User Registration");
    expect(admin.text).toBe(`New user registration on your site Notice Blog:\n\nUsername: ${user.login}\n\nEmail: ${user.email}\n`);
    // The queue (kept a week for Tools → Mail) never holds the key; the list shows both as sent.
    expect((await jobs()).map((j) => j.payload).join()).not.toContain(key);
    const outcomes = await listMailOutcomes();
    expect(outcomes.filter((o) => o.kind === "new_user" || o.kind === "new_user_admin").map((o) => [o.kind, o.to, o.status]).sort()).toEqual([
      ["new_user", user.email, "sent"],
      ["new_user_admin", "owner@example.com", "sent"],
    ]);
  });

  it("is retried with backoff when the server refuses for now, with a fresh link that works", async () => {
    const user = await makeUser("subscriber");
    smtp.refuseWith(451);
    await enqueueNewUserNotices(user, { user: true, admin: false });
    await drainJobs();
    expect(await jobs()).toMatchObject([{ type: "send_new_user_notice", status: "queued", attempts: 1 }]);
    expect((await jobs())[0]!.lastError).toContain("451");
    smtp.refuseWith(null);
    await execute(rawSql("UPDATE jobs SET run_at = 0"));
    await drainJobs();
    expect(await jobs()).toMatchObject([{ status: "done", attempts: 2 }]);
    const link = linkIn((await smtp.waitFor((m) => m.to.includes(user.email))).text);
    expect((await checkResetKey(user.login, link.searchParams.get("key")!))?.id).toBe(user.id);
  });

  it("queues nothing while the site cannot send mail, and nothing to a missing Administration Email Address", async () => {
    delete process.env.SMTP_URL;
    const user = await makeUser("subscriber");
    expect(await enqueueNewUserNotices(user, { user: true, admin: true })).toEqual([]);
    process.env.SMTP_URL = smtp.url;
    await updateOptions({ admin_email: "" });
    try {
      expect(await enqueueNewUserNotices(user, { user: false, admin: true })).toEqual([]);
    } finally {
      await updateOptions({ admin_email: "owner@example.com" });
    }
    expect(await jobs()).toEqual([]);
  });
});

describe("where users are created", () => {
  it("Users → Add New mails the notice when its box is ticked, and only then", async () => {
    session.id = (await makeUser("administrator")).id;
    const ticked = await redirectOf(createUserAction({ status: "idle" }, fd({ login: "welcomed", email: "welcomed@example.com", password: "a-good-password", role: "author", sendUserNotification: "on" })));
    expect(ticked.redirect).toMatch(/^\/admin\/users\/\?message=created-notified&id=\d+$/);
    const quiet = await redirectOf(createUserAction({ status: "idle" }, fd({ login: "unwelcomed", email: "unwelcomed@example.com", password: "a-good-password", role: "author" })));
    expect(quiet.redirect).toMatch(/^\/admin\/users\/\?message=created&id=\d+$/);
    await drainJobs();
    expect((await jobs()).map((j) => [j.type, JSON.parse(j.payload).to])).toEqual([["send_new_user_notice", "welcomed@example.com"]]);
    await smtp.waitFor((m) => m.to.includes("welcomed@example.com") && m.subject.endsWith("Login Details"));
    // A refused form queues nothing.
    const refused = await redirectOf(createUserAction({ status: "idle" }, fd({ login: "welcomed", email: "other@example.com", password: "a-good-password", role: "author", sendUserNotification: "on" })));
    expect(refused.state).toMatchObject({ status: "error", values: { sendUserNotification: "on" } });
    expect(await jobs()).toHaveLength(1);
  });

  it("a registration mails the new user and the administrator; a refused one mails no one", async () => {
    const done = await redirectOf(registerAction({ status: "idle" }, fd({ login: "newreader", email: "newreader@example.com", password: "long enough pw" })));
    expect(done.redirect).toBe("/login/?checkemail=registered");
    await drainJobs();
    await smtp.waitFor((m) => m.to.includes("newreader@example.com") && m.subject === "[Notice Blog] Login Details");
    await smtp.waitFor((m) => m.to.includes("owner@example.com") && m.text.includes("Username: newreader"));
    const before = (await jobs()).length;
    const dup = await redirectOf(registerAction({ status: "idle" }, fd({ login: "newreader", email: "again@example.com", password: "long enough pw" })));
    expect(dup.state).toMatchObject({ status: "error" });
    expect(await jobs()).toHaveLength(before);
  });
});
