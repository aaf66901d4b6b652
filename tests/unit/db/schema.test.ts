import { describe, expect, it } from "vitest";
import { getDb, MMAP_BYTES, migrationStatus, openDb, resolveDatabasePath, StartupError } from "@/db/client";
import { makePost, makeUser } from "../support/factories";
import { insertComment, listApprovedComments } from "@/db/queries/comments";
import { getPostById, isSlugTaken, listPublishedPosts, countPublishedPosts } from "@/db/queries/posts";
import { getOptions, updateOptions } from "@/db/queries/options";
import { insertTerm } from "@/db/queries/terms";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

describe("database", () => {
  it("runs with WAL, foreign keys, a busy timeout, reads through a memory map and every migration applied", () => {
    const db = getDb();
    expect(db.$client.pragma("mmap_size", { simple: true })).toBe(MMAP_BYTES);
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(migrationStatus(db.$client)).toMatchObject({ current: true });
  });

  it("refuses a slug used twice for the same type, but allows it for a page", async () => {
    const u = await makeUser("author");
    await makePost(u.id, { slug: "same" });
    await expect(makePost(u.id, { slug: "same" })).rejects.toThrow(/UNIQUE/);
    expect((await makePost(u.id, { slug: "same", type: "page" })).slug).toBe("same");
    expect(await isSlugTaken("post", "same")).toBe(true);
    expect(await isSlugTaken("post", "other")).toBe(false);
  });

  it("lists only published posts, newest first, and counts them", async () => {
    const u = await makeUser("author");
    const before = await countPublishedPosts();
    await makePost(u.id, { title: "older", dateGmt: "2020-01-01 00:00:00" });
    await makePost(u.id, { title: "newer", dateGmt: "2030-01-01 00:00:00" });
    await makePost(u.id, { title: "draft", status: "draft", dateGmt: "2031-01-01 00:00:00" });
    await makePost(u.id, { title: "private", status: "private", dateGmt: "2031-01-01 00:00:00" });
    expect(await countPublishedPosts()).toBe(before + 2);
    const titles = (await listPublishedPosts({ page: 1, perPage: 100 })).map((p) => p.title);
    expect(titles[0]).toBe("newer");
    expect(titles).not.toContain("draft");
    expect(titles).not.toContain("private");
  });

  it("keeps a post's approved comment count and never returns held ones to readers", async () => {
    const u = await makeUser("author");
    const p = await makePost(u.id);
    const base = { postId: p.id, authorName: "A", content: "hi", date: "2026-01-01 00:00:00", dateGmt: "2026-01-01 00:00:00" };
    await insertComment({ ...base, status: "1" });
    await insertComment({ ...base, status: "0", content: "held" });
    expect((await getPostById(p.id))!.commentCount).toBe(1);
    const visible = await listApprovedComments(p.id);
    expect(visible.map((c) => c.content)).toEqual(["hi"]);
    expect(visible[0]).not.toHaveProperty("authorEmail");
    expect(visible[0]).not.toHaveProperty("authorIp");
  });

  it("cascades a post's deletion to its comments and term links (foreign keys on)", async () => {
    const u = await makeUser("author");
    const t = await insertTerm({ taxonomy: "category", name: "Cascade", slug: "cascade" });
    const p = await makePost(u.id);
    await insertComment({ postId: p.id, authorName: "A", content: "x", status: "1", date: "2026-01-01 00:00:00", dateGmt: "2026-01-01 00:00:00" });
    const db = getDb();
    db.$client.prepare("INSERT INTO post_terms (post_id, term_id) VALUES (?, ?)").run(p.id, t.id);
    db.$client.prepare("DELETE FROM posts WHERE id = ?").run(p.id);
    expect(db.$client.prepare("SELECT count(*) n FROM comments WHERE post_id = ?").get(p.id)).toEqual({ n: 0 });
    expect(db.$client.prepare("SELECT count(*) n FROM post_terms WHERE post_id = ?").get(p.id)).toEqual({ n: 0 });
  });

  it("reads options over WordPress's defaults and stores changes", async () => {
    expect((await getOptions()).posts_per_page).toBe(10);
    expect((await getOptions()).comment_max_links).toBe(2);
    expect((await getOptions()).permalink_structure).toBe("/%year%/%monthnum%/%day%/%postname%/");
    await updateOptions({ posts_per_page: 5, blogname: "Renamed" });
    expect(await getOptions()).toMatchObject({ posts_per_page: 5, blogname: "Renamed" });
  });

  it("keeps the search index in sync on insert, update and delete", async () => {
    const u = await makeUser("author");
    const p = await makePost(u.id, { title: "Zebrafish anatomy", content: "<p>stripes</p>" });
    const db = getDb().$client;
    const find = (q: string) => db.prepare("SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?").all(q).map((r) => (r as { rowid: number }).rowid);
    expect(find("zebrafish")).toContain(p.id);
    db.prepare("UPDATE posts SET title = 'Okapi' WHERE id = ?").run(p.id);
    expect(find("zebrafish")).not.toContain(p.id);
    expect(find("okapi")).toContain(p.id);
    db.prepare("DELETE FROM posts WHERE id = ?").run(p.id);
    expect(find("okapi")).not.toContain(p.id);
  });

  it("uses an index for the home page and single-post queries (no full scans)", () => {
    const db = getDb().$client;
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(" | ");
    const home = plan("SELECT id FROM posts WHERE type='post' AND status='publish' ORDER BY date_gmt DESC LIMIT 10");
    expect(home).toMatch(/USING (COVERING )?INDEX posts_type_status_date/);
    expect(home).not.toMatch(/TEMP B-TREE/);
    expect(plan("SELECT id FROM posts WHERE type='post' AND slug='x'")).toMatch(/INDEX posts_type_slug_unique/);
    expect(plan("SELECT id FROM comments WHERE post_id=1 AND status='1' ORDER BY date_gmt")).toMatch(/INDEX comments_post_status_date/);
  });
});

describe("startup checks", () => {
  it("explains a malformed DATABASE_URL in one line", () => {
    expect(() => resolveDatabasePath("postgres://db/blog")).toThrow(StartupError);
    expect(() => resolveDatabasePath("data/")).toThrow(/does not name a file/);
    expect(resolveDatabasePath("file:data/x.db")).toBe(path.resolve("data/x.db"));
  });

  it("refuses an unwritable data folder", () => {
    if (process.getuid?.() === 0) {
      // root writes everywhere; a path under a regular file is unwritable for anyone.
      const f = path.join(os.tmpdir(), `inkwell-file-${Date.now()}`);
      fs.writeFileSync(f, "");
      expect(() => openDb(path.join(f, "sub", "x.db"))).toThrow(/not writable/);
    } else {
      expect(() => openDb("/proc/inkwell/x.db")).toThrow(/not writable/);
    }
  });

  it("refuses a database written by a newer version and leaves it untouched", () => {
    const file = path.join(os.tmpdir(), `inkwell-newer-${Date.now()}.db`);
    const db = openDb(file);
    db.$client.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ?)").run(Date.now() + 10 ** 12);
    db.$client.close();
    const before = fs.readFileSync(file);
    expect(() => openDb(file)).toThrow(/newer version of Inkwell/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("rolls a failed migration back whole", () => {
    const file = path.join(os.tmpdir(), `inkwell-half-${Date.now()}.db`);
    const db = openDb(file, { migrate: false });
    // A table that the first migration will try to create makes it fail half-way.
    db.$client.exec("CREATE TABLE users (x int)");
    db.$client.close();
    expect(() => openDb(file)).toThrow();
    const again = openDb(file, { migrate: false });
    const tables = again.$client.prepare("SELECT name FROM sqlite_master WHERE type='table'").all().map((r) => (r as { name: string }).name);
    expect(tables).not.toContain("posts");
    again.$client.close();
  });
});
