// inkwell user list|create|set-role|reset-password|delete: the Users screen's rules (the same
// schemas, the last administrator kept, content reassigned before a delete).
import { ROLES, type Role } from "@/db/schema";
import { bumpSessionEpoch, deleteUserReassigning, isEmailTaken, isLoginTaken, isNicenameTaken, listUsersWithPostCounts, updateUserRole } from "@/db/queries/user-admin";
import { getUserByLoginOrEmail, getUserCredentialsByLoginOrEmail, insertUser, updateUserPasswordHash, type PublicUser } from "@/db/queries/users";
import "@/lib/jobs";
import { runJobNow } from "@/lib/jobs/queue";
import { enqueueNewUserNotices } from "@/lib/auth/new-user-notice";
import { enqueuePasswordReset, issueResetKey, resetLinkFor } from "@/lib/auth/password-reset";
import { mailConfigured } from "@/lib/mail/transport";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { slugify, findUniqueSlug } from "@/lib/content/slug";
import { NewUserSchema, USER_LIMITS } from "@/lib/validation/user";
import { parseArgs, UsageError } from "../args";
import { CliError, type Command } from "../command";

async function findUser(who: string): Promise<PublicUser> {
  const u = await getUserByLoginOrEmail(who);
  if (!u) throw new CliError(`No user "${who}".`);
  return u;
}

function role(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new UsageError(`"${value}" is not a role: use one of ${ROLES.join(", ")}`);
  return value as Role;
}

const pad = (s: string, n: number) => s.padEnd(n);

export const userList: Command = {
  usage: "user list [--role <role>]",
  summary: "list users with their role and published posts",
  async run(argv) {
    const a = parseArgs(argv, { flags: ["role"], positionals: [0, 0] });
    const rows = await listUsersWithPostCounts(a.flags.role ? role(a.flags.role) : undefined);
    const w = Math.max(5, ...rows.map((r) => r.login.length));
    const e = Math.max(5, ...rows.map((r) => r.email.length));
    console.log(`${pad("ID", 5)} ${pad("LOGIN", w)} ${pad("EMAIL", e)} ${pad("ROLE", 13)} POSTS`);
    for (const r of rows) console.log(`${pad(String(r.id), 5)} ${pad(r.login, w)} ${pad(r.email, e)} ${pad(r.role, 13)} ${r.postCount}`);
  },
};

export const userCreate: Command = {
  usage: "user create <login> <email> [--role <role>] [--display-name <name>] [--password <password>] [--send-email]",
  summary: "add a user (a password is generated and printed once if none is given)",
  help: "--send-email mails the new user WordPress's \"Login Details\" with a link to set their password (valid a day, once);\nthen no password is printed.",
  async run(argv) {
    const a = parseArgs(argv, { flags: ["role", "display-name", "password"], switches: ["send-email"], positionals: [2, 2] });
    const sendEmail = a.switches.has("send-email");
    if (sendEmail) requireMail("the user was not added");
    const generated = a.flags.password ? undefined : generatePassword();
    const parsed = NewUserSchema.safeParse({
      login: a.positionals[0],
      email: a.positionals[1],
      displayName: a.flags["display-name"] ?? "",
      password: a.flags.password ?? generated,
      role: a.flags.role ?? "subscriber",
    });
    if (!parsed.success) throw new CliError(`The user was not added: ${parsed.error.issues[0]?.message}`);
    const u = parsed.data;
    if (await isLoginTaken(u.login)) throw new CliError(`The user was not added: the username "${u.login}" already exists.`);
    if (await isEmailTaken(u.email)) throw new CliError(`The user was not added: the email address ${u.email} is already used.`);
    const nicename = await findUniqueSlug(slugify(u.login), async (s) => await isNicenameTaken(s), "user");
    const passwordHash = await hashPassword(u.password);
    let created: PublicUser;
    try {
      created = await insertUser({ login: u.login, email: u.email, displayName: u.displayName || u.login, nicename, role: u.role, passwordHash });
    } catch (e) {
      // Someone added the same login or email meanwhile: the unique index decides.
      if (e instanceof Error && /UNIQUE constraint failed/.test(e.message)) throw new CliError("The user was not added: that username or email address was just taken.");
      throw e;
    }
    console.log(`Created user ${created.id} "${created.login}" (${created.role}).`);
    if (sendEmail) {
      const [jobId] = await enqueueNewUserNotices(created, { user: true, admin: false });
      await sendNow(jobId!, `Mailed "${created.login}" a link to set their password (${created.email}).`);
    } else if (generated) console.log(`Password (shown once): ${generated}`);
  },
};

export const userSetRole: Command = {
  usage: "user set-role <login|email> <role>",
  summary: "change a user's role (the last administrator stays one)",
  async run(argv) {
    const a = parseArgs(argv, { positionals: [2, 2] });
    const r = role(a.positionals[1]!);
    const u = await findUser(a.positionals[0]!);
    const result = await updateUserRole(u.id, r);
    if (result === "last-administrator") throw new CliError(`"${u.login}" is the last administrator: make someone else an administrator first.`);
    if (result === "not-found") throw new CliError(`No user "${a.positionals[0]}".`);
    console.log(`"${u.login}" is now ${r === "administrator" || r === "editor" || r === "author" ? "an" : "a"} ${r}.`);
  },
};

export const userResetPassword: Command = {
  usage: "user reset-password <login|email> [--show-link | --password <password>]",
  summary: "mail the user a password reset link (or print it, or set a password)",
  help: [
    "Mails the link that \"Lost your password?\" sends: it works once, within an hour, and setting",
    "the new password through it ends every session of the user. The password is unchanged until then.",
    "--show-link          print the link instead of mailing it (for a site without mail)",
    "--password <p>       set this password now and end every session of the user",
  ].join("\n"),
  async run(argv) {
    const a = parseArgs(argv, { flags: ["password"], switches: ["show-link"], positionals: [1, 1] });
    if (a.flags.password !== undefined && a.switches.has("show-link")) throw new UsageError("--show-link and --password do not go together");
    const password = a.flags.password;
    if (password !== undefined) {
      if (password.length < USER_LIMITS.passwordMin) throw new CliError(`The password was not changed: use at least ${USER_LIMITS.passwordMin} characters.`);
      if (password.length > USER_LIMITS.passwordMax) throw new CliError("The password was not changed: it is too long.");
    }
    const u = await findUser(a.positionals[0]!);
    if (password === undefined && !a.switches.has("show-link")) requireMail("no link was sent; use --show-link to print it instead");
    if (password !== undefined) {
      await updateUserPasswordHash(u.id, await hashPassword(password));
      // A new password ends the sessions opened with the old one (as Edit User does).
      await bumpSessionEpoch(u.id);
      console.log(`New password set for "${u.login}"; their sessions are ended.`);
    } else if (a.switches.has("show-link")) {
      const target = (await getUserCredentialsByLoginOrEmail(u.login))!;
      const link = await resetLinkFor(u.login, await issueResetKey(u.id, target.passwordHash));
      console.log(`Password reset link for "${u.login}" (it works once, within an hour):\n${link}`);
    } else {
      await sendNow(await enqueuePasswordReset(u.id, u.email, "cli"), `Mailed "${u.login}" a password reset link (${u.email}).`);
    }
  },
};

function requireMail(consequence: string) {
  if (!mailConfigured()) throw new CliError(`Mail is not configured (SMTP_URL is not set): ${consequence}.`);
}

/**
 * Sends a queued mail now and says what became of it. A passing failure stays queued: the
 * site's job queue retries it with backoff (Tools → Mail), so that is not this command's failure.
 */
async function sendNow(jobId: number, done: string) {
  // The job's own log lines would be JSON among this command's sentences; the outcome is printed below.
  process.env.LOG_LEVEL ||= "error";
  const job = await runJobNow(jobId);
  if (job?.status === "done") console.log(done);
  else if (job?.status === "failed") throw new CliError(`The mail could not be sent: ${job.lastError}`);
  else console.error(`The mail is not sent yet (${job?.lastError || "still in the queue"}); the site will try again (Tools → Mail).`);
}

export const userDelete: Command = {
  usage: "user delete <login|email> [--reassign <login|email>]",
  summary: "delete a user, attributing their content to another",
  async run(argv) {
    const a = parseArgs(argv, { flags: ["reassign"], positionals: [1, 1] });
    const u = await findUser(a.positionals[0]!);
    const to = a.flags.reassign ? await findUser(a.flags.reassign) : null;
    const result = await deleteUserReassigning(u.id, to?.id ?? null);
    if (result === "needs-reassign") throw new CliError(`"${u.login}" has content: name who gets it with --reassign <login>.`);
    if (result === "bad-reassign") throw new CliError("The content cannot be attributed to the user being deleted.");
    if (result === "last-administrator") throw new CliError(`"${u.login}" is the last administrator and cannot be deleted.`);
    if (result === "not-found") throw new CliError(`No user "${a.positionals[0]}".`);
    console.log(`Deleted "${u.login}"${to ? `; their content now belongs to "${to.login}"` : ""}.`);
  },
};
