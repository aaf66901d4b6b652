// `inkwell` (scripts/inkwell.mjs, as `npx inkwell` runs it) against a real database in a temp
// folder: import and export, options and the cache, search-replace, backup and restore (usage,
// users and mail: inkwell.test.ts). Each command's success, and its bad input, writing nothing.
import fs from "node:fs";
import path from "node:path";
import { closeDatabase, execute, openDatabase, rawSql } from "@/db";
import { describe, it, expect, beforeAll } from "vitest";
import { cliSite, expectRefused } from "../support/cli";

const { dir, env, ink, query, exec } = cliSite();

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
