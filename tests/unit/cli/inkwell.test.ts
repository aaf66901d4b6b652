// `inkwell` (scripts/inkwell.mjs, as `npx inkwell` runs it) against a real database in a temp
// folder: usage, users and mail. Each command's success, and its bad input (one line, exit 1,
// nothing written; or the usage and exit 2). The content and site commands: import-export-options.test.ts.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { startMailServer } from "../../e2e/support/mail-server";
import { cliSite, expectRefused } from "../support/cli";

const { dir, ink, inkAsync, query, exec } = cliSite();

describe("inkwell usage", () => {
  it("prints the usage and exits 2 on a missing, unknown or wrong argument; --help on each command", () => {
    expect(ink([]).status).toBe(2);
    const unknown = ink(["frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain("search-replace");
    const sub = ink(["user", "promote"]);
    expect(sub.status).toBe(2);
    expect(sub.stderr).toContain("usage: inkwell user set-role");
    const flag = ink(["user", "list", "--colour"]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/unknown option "--colour"\nusage: inkwell user list/);
    expect(ink(["user", "set-role", "admin"]).status).toBe(2);
    for (const c of [["user", "create"], ["import"], ["export"], ["restore"], ["db", "migrate"], ["option", "set"], ["cache", "clear"], ["search-replace"]]) {
      const h = ink([...c, "--help"]);
      expect(h.status).toBe(0);
      expect(h.stdout).toContain(`usage: inkwell ${c.join(" ")}`);
    }
  });

  it("says in one line that it cannot open the database, and creates none", () => {
    const missing = path.join(dir, "nowhere.db");
    expectRefused(ink(["user", "list"], { DATABASE_URL: missing }), /^No database at .*nowhere\.db/);
    expect(fs.existsSync(missing)).toBe(false);
    const notDb = path.join(dir, "notes.txt");
    fs.writeFileSync(notDb, "this is not a database, just some text long enough to be read as a header\n".repeat(20));
    expectRefused(ink(["option", "get", "blogname"], { DATABASE_URL: notDb }), /^Inkwell: Cannot open the database .*notes\.txt: file is not a database/);
    expectRefused(ink(["user", "list"], { DATABASE_URL: "postgres://db.invalid/blog" }), /^Inkwell: PostgreSQL host in DATABASE_URL \(db\.invalid:5432\/blog\) was not found: fix the host name/);
  });
});

describe("inkwell user", () => {
  it("creates, lists, changes the role of, resets the password of and deletes a user", async () => {
    const created = ink(["user", "create", "ada", "ada@example.com", "--role", "author", "--display-name", "Ada L."]);
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/Created user \d+ "ada" \(author\)\.\nPassword \(shown once\): \S{20,}/);
    expect(ink(["user", "list"]).stdout).toMatch(/ada\s+ada@example\.com\s+author\s+0/);
    expect(ink(["user", "set-role", "ADA@example.com", "editor"]).stdout).toContain('"ada" is now an editor.');
    expect((await query<{ role: string }>("SELECT role FROM users WHERE login = 'ada'")).role).toBe("editor");
    const before = await query<{ password_hash: string; session_epoch: number }>("SELECT password_hash, session_epoch FROM users WHERE login = 'ada'");
    const reset = ink(["user", "reset-password", "ada", "--password", "a new long password"]);
    expect(reset.status).toBe(0);
    const after = await query<{ password_hash: string; session_epoch: number }>("SELECT password_hash, session_epoch FROM users WHERE login = 'ada'");
    expect(after.password_hash).not.toBe(before.password_hash);
    expect(after.session_epoch).toBe(before.session_epoch + 1);
    expect(ink(["user", "delete", "ada"]).stdout).toContain('Deleted "ada".');
    expect((await query<{ n: number }>("SELECT count(*) AS n FROM users WHERE login = 'ada'")).n).toBe(0);
  });

  it("refuses an unknown user, a bad email, a taken login, the last administrator, a user with content", async () => {
    const users = async () => (await query<{ n: number }>("SELECT count(*) AS n FROM users")).n;
    const n = await users();
    expectRefused(ink(["user", "set-role", "nobody", "editor"]), /^No user "nobody"\.$/);
    expectRefused(ink(["user", "reset-password", "nobody"]), /^No user "nobody"\.$/);
    expectRefused(ink(["user", "create", "eve", "not-an-email"]), /^The user was not added: Enter a valid email address\.$/);
    expectRefused(ink(["user", "create", "Admin", "other@example.com"]), /username "Admin" already exists/);
    expect(ink(["user", "set-role", "admin", "overlord"]).status).toBe(2);
    expectRefused(ink(["user", "set-role", "admin", "subscriber"]), /last administrator/);
    expect(ink(["user", "create", "bea", "bea@example.com", "--role", "author"]).status).toBe(0);
    await exec("UPDATE posts SET author_id = (SELECT id FROM users WHERE login = 'bea') WHERE id = (SELECT min(id) FROM posts)");
    expectRefused(ink(["user", "delete", "bea"]), /has content: name who gets it with --reassign/);
    expect(ink(["user", "delete", "bea", "--reassign", "admin"]).status).toBe(0);
    expect(await users()).toBe(n);
  });
});

describe("inkwell user: links by mail", () => {
  const rows = async () => (await query<{ n: number }>("SELECT (SELECT count(*) FROM jobs) + (SELECT count(*) FROM password_resets) AS n")).n;

  it("reset-password mails the reset link, or prints it with --show-link; the password is unchanged until it is used", async () => {
    const smtp = await startMailServer(0);
    try {
      expect(ink(["user", "create", "cleo", "cleo@example.com", "--role", "author"]).status).toBe(0);
      const hash = (await query<{ password_hash: string }>("SELECT password_hash FROM users WHERE login = 'cleo'")).password_hash;
      const mailed = await inkAsync(["user", "reset-password", "CLEO@example.com"], { SMTP_URL: smtp.url });
      expect(mailed.stderr).toBe("");
      expect(mailed.stdout.trim()).toBe('Mailed "cleo" a password reset link (cleo@example.com).');
      expect(mailed.status).toBe(0);
      const mail = await smtp.waitFor((m) => m.to.includes("cleo@example.com"));
      expect(mail.subject).toContain("Password Reset");
      const key = new URL(/http:\/\/\S+/.exec(mail.text)![0]).searchParams.get("key")!;
      const stored = await query<{ key_hash: string }>("SELECT key_hash FROM password_resets WHERE user_id = (SELECT id FROM users WHERE login = 'cleo')");
      expect(stored.key_hash).toBe(createHash("sha256").update(key).digest("hex"));
      expect((await query<{ status: string }>("SELECT status FROM jobs WHERE type = 'send_password_reset' ORDER BY id DESC LIMIT 1")).status).toBe("done");

      const shown = ink(["user", "reset-password", "cleo", "--show-link"]);
      expect(shown.status).toBe(0);
      const link = new URL(/http:\/\/\S+/.exec(shown.stdout)![0]);
      expect(link.pathname).toBe("/reset-password/");
      expect(link.searchParams.get("login")).toBe("cleo");
      // The printed link replaced the mailed one; the password itself is untouched.
      expect((await query<{ key_hash: string }>("SELECT key_hash FROM password_resets WHERE user_id = (SELECT id FROM users WHERE login = 'cleo')")).key_hash)
        .toBe(createHash("sha256").update(link.searchParams.get("key")!).digest("hex"));
      expect((await query<{ password_hash: string }>("SELECT password_hash FROM users WHERE login = 'cleo'")).password_hash).toBe(hash);

      const created = await inkAsync(["user", "create", "dora", "dora@example.com", "--send-email"], { SMTP_URL: smtp.url });
      expect(created.status).toBe(0);
      expect(created.stdout).toContain('Mailed "dora" a link to set their password (dora@example.com).');
      expect(created.stdout).not.toContain("Password (shown once)");
      const welcome = await smtp.waitFor((m) => m.to.includes("dora@example.com"));
      expect(welcome.subject).toMatch(/Login Details$/);
      expect(welcome.text).toMatch(/Username: dora\n\nTo set your password, visit the following address/);
    } finally {
      await smtp.close();
    }
  });

  it("refuses an unknown user, mail that is not configured or refused, and a contradiction, writing nothing", async () => {
    const before = await rows();
    expectRefused(ink(["user", "reset-password", "nobody@example.com"], { SMTP_URL: "smtp://127.0.0.1:6097" }), /^No user "nobody@example\.com"\.$/);
    expectRefused(ink(["user", "reset-password", "nobody", "--show-link"]), /^No user "nobody"\.$/);
    expectRefused(ink(["user", "reset-password", "admin"]), /^Mail is not configured \(SMTP_URL is not set\): no link was sent; use --show-link/);
    expectRefused(ink(["user", "create", "erin", "erin@example.com", "--send-email"]), /^Mail is not configured .*the user was not added\.$/);
    const both = ink(["user", "reset-password", "admin", "--show-link", "--password", "long enough password"]);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("usage: inkwell user reset-password");
    expect(await rows()).toBe(before);
    expect((await query<{ n: number }>("SELECT count(*) AS n FROM users WHERE login = 'erin'")).n).toBe(0);

    // A server that refuses the address for good: said in one line, and the failed mail is on record.
    const smtp = await startMailServer(0);
    smtp.refuseWith(550);
    try {
      const refused = await inkAsync(["user", "reset-password", "admin"], { SMTP_URL: smtp.url });
      expect(refused.status).toBe(1);
      expect(refused.stderr.trim()).toMatch(/^The mail could not be sent: .*550/);
      expect(refused.stderr.trim().split("\n")).toHaveLength(1);
      expect((await query<{ status: string }>("SELECT status FROM jobs ORDER BY id DESC LIMIT 1")).status).toBe("failed");
    } finally {
      await smtp.close();
    }
  });
});
