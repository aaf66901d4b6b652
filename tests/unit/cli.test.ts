// `inkwell` (scripts/inkwell.mjs, as `npx inkwell` runs it) against a real database in a temp
// folder: each command's success, and its bad input (one line, exit 1, nothing written; or the
// usage and exit 2).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, execute, openDatabase, queryRow, rawSql } from "@/db";
import { describe, it, expect, beforeAll, afterAll, vi } from "vitest";
import { startMailServer } from "../e2e/support/mail-server";

// Every call starts node and tsx (about a second, more on a busy machine).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-cli-"));
const env = { ...process.env, DATABASE_URL: path.join(dir, "site.db"), INKWELL_DATA_DIR: dir, ADMIN_PASSWORD: "cli-test-password", INKWELL_LOG: "off", INKWELL_CALLER_CWD: "" };
const ink = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["scripts/inkwell.mjs", ...args], { env: { ...env, ...extra }, encoding: "utf8", timeout: 60_000 });
const query = async <T>(sql: string, ...args: unknown[]) => {
  const db = await openDatabase(env.DATABASE_URL, { migrate: false });
  try {
    return (await queryRow<T>(rawSql(sql, ...args), db)) as T;
  } finally {
    await closeDatabase(db);
  }
};
const exec = async (sql: string, ...args: unknown[]) => {
  const db = await openDatabase(env.DATABASE_URL, { migrate: false });
  try {
    await execute(rawSql(sql, ...args), db);
  } finally {
    await closeDatabase(db);
  }
};
/** As ink(), without blocking this process: a mail server in it must answer the command. */
const inkAsync = (args: string[], extra: Record<string, string> = {}) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["scripts/inkwell.mjs", ...args], { env: { ...env, ...extra } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c));
    child.stderr.on("data", (c: Buffer) => (stderr += c));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
/** A failure the way the brief wants it: one line on stderr, exit 1. */
function expectRefused(r: ReturnType<typeof ink>, message: RegExp) {
  expect(r.status).toBe(1);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr.trim()).toMatch(message);
}

beforeAll(() => {
  const setup = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/setup.ts"], { env, encoding: "utf8", timeout: 60_000 });
  expect(setup.status).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

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
    const smtp = await startMailServer(6096);
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
    const smtp = await startMailServer(6097);
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

describe("inkwell import and export", () => {
  it("imports a file with progress, and exports WXR to a file and to standard output", () => {
    const r = ink(["import", "tests/fixtures/wxr/valid-wxr-1.1.xml", "--author-map", "john=admin"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Authors matched to existing users: 1");
    expect(r.stderr).toMatch(/reading|writing|done/);
    const file = path.join(dir, "out.xml");
    const exported = ink(["export", "--to", file, "--content", "post"]);
    expect(exported.status).toBe(0);
    expect(fs.readFileSync(file, "utf8")).toMatch(/<wp:wxr_version>1\.2<\/wp:wxr_version>[\s\S]*<title><!\[CDATA\[Hello world!\]\]><\/title>/);
    const stdout = ink(["export"]);
    expect(stdout.status).toBe(0);
    expect(stdout.stdout).toMatch(/^<\?xml[\s\S]*<\/rss>\s*$/);
  });

  it("refuses a missing file, a private address, an unknown author or a bad month, writing nothing", async () => {
    const posts = (await query<{ n: number }>("SELECT count(*) AS n FROM posts")).n;
    expectRefused(ink(["import", "no-such-export.xml"]), /^No such file: no-such-export\.xml$/);
    const privateSite = ink(["import", "--from", "http://10.1.2.3"]);
    expect(privateSite.status).toBe(1);
    expect(privateSite.stderr.trim().split("\n").at(-1)).toMatch(/^Import failed, nothing was imported: Refused: http:\/\/10\.1\.2\.3 .* private or local network address\.$/);
    const broken = ink(["import", "tests/fixtures/wxr/malformed-simple.xml"]);
    expect(broken.status).toBe(1);
    // The progress bar shares stderr; the failure is its last line.
    expect(broken.stderr.trim().split("\n").at(-1)).toMatch(/^Import failed, nothing was imported: .*line 14/);
    expect((await query<{ n: number }>("SELECT count(*) AS n FROM posts")).n).toBe(posts);
    const file = path.join(dir, "never.xml");
    expectRefused(ink(["export", "--to", file, "--author", "nobody"]), /^No user "nobody"\.$/);
    expect(ink(["export", "--to", file, "--start", "2024-13"]).status).toBe(2);
    expectRefused(ink(["export", "--to", path.join(dir, "no-folder", "x.xml")]), /^No such folder/);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe("inkwell option and cache", () => {
  it("reads and sets options through the Settings screens' validation", () => {
    expect(ink(["option", "set", "blogname", "Field Notes"]).stdout).toContain("blogname = Field Notes");
    expect(ink(["option", "get", "blogname"]).stdout).toBe("Field Notes\n");
    expect(ink(["option", "set", "blog_public", "false"]).status).toBe(0);
    expect(ink(["option", "get", "blog_public"]).stdout).toBe("false\n");
    expect(ink(["option", "set", "permalink_structure", "/%postname%"]).stdout).toContain("permalink_structure = /%postname%/");
  });

  it("refuses what the screen refuses, with its message, and unknown options", () => {
    expectRefused(ink(["option", "set", "posts_per_page", "0"]), /^Option not saved: Settings → Reading refuses it: The number of posts per page must be at least 1\.$/);
    expectRefused(ink(["option", "set", "siteurl", "ftp://x"]), /Settings → General refuses it: Enter an address starting with http/);
    expectRefused(ink(["option", "set", "default_role", "administrator"]), /New users cannot be administrators by default/);
    expectRefused(ink(["option", "set", "show_on_front", "page"]), /Choose the page to show on the home page/);
    expectRefused(ink(["option", "set", "permalink_structure", "/%year%/"]), /must contain %postname% or %post_id%/);
    expectRefused(ink(["option", "set", "comment_moderation", "maybe"]), /use true or false/);
    expectRefused(ink(["option", "set", "no_such_option", "1"]), /^Option not saved: There is no option "no_such_option"\.$/);
    expectRefused(ink(["option", "get", "no_such_option"]), /^There is no option "no_such_option"\.$/);
    expect(ink(["option", "get", "posts_per_page"]).stdout).toBe("10\n");
    expect(ink(["option", "get", "show_on_front"]).stdout).toBe("posts\n");
  });

  it("cache clear moves the content version every page cache compares", async () => {
    const before = (await query<{ n: number }>("SELECT n FROM content_version WHERE id = 1")).n;
    const r = ink(["cache", "clear"]);
    expect(r.status).toBe(0);
    expect((await query<{ n: number }>("SELECT n FROM content_version WHERE id = 1")).n).toBe(before + 1);
  });
});

describe("inkwell search-replace", () => {
  const OLD = "http://old.example";
  const NEW = "https://www.new-site.example";
  const serialized = `a:2:{s:3:"url";s:${OLD.length + 6}:"${OLD}/a.jpg";s:5:"sizes";a:1:{i:0;s:${OLD.length + 6}:"${OLD}/b.jpg";}}`;

  beforeAll(async () => {
    expect(ink(["option", "set", "siteurl", OLD]).status).toBe(0);
    const post = (await query<{ id: number }>("SELECT min(id) AS id FROM posts")).id;
    await exec("UPDATE posts SET content = ?, guid = ? WHERE id = ?", `<a href="${OLD}/about/">About</a> and <img src="${OLD}/uploads/x.jpg">`, `${OLD}/?p=${post}`, post);
    await exec("INSERT INTO post_meta (post_id, key, value) VALUES (?, 'enclosure_meta', ?)", post, serialized);
    await exec("UPDATE comments SET author_url = ?, content = ? WHERE id = (SELECT min(id) FROM comments)", `${OLD}/me`, `see ${OLD}/x`);
  });

  it("reports what it would change per column and changes nothing without --apply", async () => {
    const before = (await query<{ c: string }>("SELECT group_concat(content) AS c FROM posts")).c;
    const dry = ink(["search-replace", OLD, NEW]);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/posts\.content\s+1 rows\s+2 replacements/);
    expect(dry.stdout).toMatch(/posts\.guid\s+1 rows\s+1 replacements/);
    expect(dry.stdout).toMatch(/post_meta\.value\s+1 rows\s+2 replacements/);
    expect(dry.stdout).toMatch(/comments\.author_url\s+1 rows/);
    expect(dry.stdout).toMatch(/options\.value\s+1 rows/);
    expect(dry.stdout).toContain("Dry run: ");
    expect((await query<{ c: string }>("SELECT group_concat(content) AS c FROM posts")).c).toBe(before);
  });

  it("--apply rewrites every place, keeps serialized values valid, and leaves nothing behind", async () => {
    const r = ink(["search-replace", OLD, NEW, "--apply"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Replaced \d+ occurrences in \d+ rows\./);
    expect(ink(["option", "get", "siteurl"]).stdout).toBe(`${NEW}\n`);
    const meta = (await query<{ value: string }>("SELECT value FROM post_meta WHERE key = 'enclosure_meta'")).value;
    const url = `${NEW}/a.jpg`;
    expect(meta).toBe(`a:2:{s:3:"url";s:${url.length}:"${url}";s:5:"sizes";a:1:{i:0;s:${url.length}:"${NEW}/b.jpg";}}`);
    expect((await query<{ author_url: string }>("SELECT author_url FROM comments WHERE id = (SELECT min(id) FROM comments)")).author_url).toBe(`${NEW}/me`);
    const again = ink(["search-replace", OLD, NEW]);
    expect(again.stdout).toContain(`"${OLD}" was not found: nothing would change.`);
    expect(ink(["search-replace", "x"]).status).toBe(2);
  });
});

describe("inkwell backup and restore", () => {
  it("restores a backup over a live database only with --force, uploads included", async () => {
    fs.mkdirSync(path.join(dir, "uploads", "2026", "01"), { recursive: true });
    fs.writeFileSync(path.join(dir, "uploads", "2026", "01", "a.txt"), "kept");
    expect(ink(["option", "set", "blogname", "Before the backup"]).status).toBe(0);
    const b = ink(["backup", "--to", path.join(dir, "backups")]);
    expect(b.status).toBe(0);
    const folder = path.join(dir, "backups", fs.readdirSync(path.join(dir, "backups"))[0]!);
    expect(ink(["option", "set", "blogname", "Changed after the backup"]).status).toBe(0);
    fs.rmSync(path.join(dir, "uploads"), { recursive: true });
    expectRefused(ink(["restore", folder]), /^Nothing restored: .*site\.db already holds a site; add --force/);
    expect(ink(["option", "get", "blogname"]).stdout).toBe("Changed after the backup\n");
    const version = (await query<{ n: number }>("SELECT n FROM content_version WHERE id = 1")).n;
    const r = ink(["restore", folder, "--force"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(ink(["option", "get", "blogname"]).stdout).toBe("Before the backup\n");
    expect(fs.readFileSync(path.join(dir, "uploads", "2026", "01", "a.txt"), "utf8")).toBe("kept");
    // A page cached under the restored (older) version number must not come back.
    expect((await query<{ n: number }>("SELECT n FROM content_version WHERE id = 1")).n).toBeGreaterThan(version);
  });

  it("refuses a missing backup, a file that is not an Inkwell database, and restores nothing", async () => {
    const before = fs.readFileSync(env.DATABASE_URL);
    expectRefused(ink(["restore", path.join(dir, "missing"), "--force"]), /^No such backup: /);
    const text = path.join(dir, "fake.db");
    fs.writeFileSync(text, "not sqlite at all ".repeat(100));
    expectRefused(ink(["restore", text, "--force"]), /^Nothing restored: .*fake\.db/);
    const other = path.join(dir, "other.db");
    const o = await openDatabase(other, { migrate: false });
    await execute(rawSql("CREATE TABLE notes (id INTEGER PRIMARY KEY)"), o);
    await closeDatabase(o);
    expectRefused(ink(["restore", other, "--force"]), /^Nothing restored: .*other\.db is not an Inkwell database \(no __drizzle_migrations, users, posts, options, content_version table\)/);
    expect(fs.readFileSync(env.DATABASE_URL).equals(before)).toBe(true);
  });
});
