// `npm run db:copy`: a whole site from SQLite into an empty PostgreSQL database and back into a new
// SQLite file, every table checked; refusals that change nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDatabase, CopyError } from "@/db/copy";
import { seedIfEmpty } from "@/db/seed";
import { execute, rawSql } from "@/db";
import { makePost, makeUser } from "../support/factories";
import { freshPgDatabase } from "../support/postgres-harness";

const drops: (() => Promise<void>)[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-copy-"));
afterAll(async () => {
  for (const d of drops) await d();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function pgRows<T>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

let source: string;
beforeAll(async () => {
  source = process.env.DATABASE_URL!;
  await seedIfEmpty({ adminPassword: "correct horse battery" });
  const author = await makeUser("author");
  const parent = await makePost(author.id, { type: "page", title: "Parent é ✓", slug: "parent", sticky: false });
  // A child whose parent comes later in id order is the case a naive copy breaks on.
  const child = await makePost(author.id, { type: "page", title: "Child", slug: "child" });
  await execute(rawSql("UPDATE posts SET parent_id = ? WHERE id = ?", child.id, parent.id));
  await makePost(author.id, { title: "Sticky", slug: "sticky", sticky: true, content: "<p>quotes ' \" and emoji 🎉</p>" });
});

describe("db:copy", () => {
  it("copies SQLite into empty PostgreSQL and back into a new file, with the same rows and checksums", async () => {
    const target = await freshPgDatabase();
    drops.push(target.drop);
    const seen: number[] = [];
    const there = await copyDatabase(source, target.url, { start: (n) => seen.push(n), advance: () => {}, stop: () => {} });
    expect(there.rows).toBe(seen[0]);
    expect(there.rows).toBeGreaterThan(10);
    const counts = Object.fromEntries(there.tables.map((t) => [t.name, t.rows]));
    expect(counts.posts).toBe(5);
    const posts = await pgRows<{ slug: string; sticky: boolean; parent_id: number | null; title: string }>(target.url, "SELECT slug, sticky, parent_id, title FROM posts ORDER BY id");
    expect(posts.find((p) => p.slug === "sticky")?.sticky).toBe(true);
    expect(posts.find((p) => p.slug === "parent")?.parent_id).not.toBeNull();
    expect(posts.find((p) => p.slug === "parent")?.title).toBe("Parent é ✓");
    // New rows continue after the copied ids.
    const next = await pgRows<{ id: number }>(target.url, "INSERT INTO terms (taxonomy, name, slug) VALUES ('post_tag', 'n', 'n') RETURNING id");
    const maxBefore = await pgRows<{ m: number }>(target.url, "SELECT max(id) AS m FROM terms WHERE slug <> 'n'");
    expect(next[0]!.id).toBeGreaterThan(maxBefore[0]!.m);
    await pgRows(target.url, "DELETE FROM terms WHERE slug = 'n'");

    const back = path.join(dir, "back.db");
    const again = await copyDatabase(target.url, `file:${back}`);
    expect(again.tables.map((t) => [t.name, t.rows, t.sha256])).toEqual(there.tables.map((t) => [t.name, t.rows, t.sha256]));
    const sqlite = new Database(back, { readonly: true });
    expect(sqlite.prepare("SELECT count(*) AS n FROM posts_fts WHERE posts_fts MATCH 'emoji'").get()).toEqual({ n: 1 });
    sqlite.close();
  });

  it("refuses a target that already holds data, and writes nothing", async () => {
    const target = await freshPgDatabase();
    drops.push(target.drop);
    await copyDatabase(source, target.url);
    const before = await pgRows<{ n: string }>(target.url, "SELECT count(*) AS n FROM posts");
    await expect(copyDatabase(source, target.url)).rejects.toThrow(/already holds data/);
    expect(await pgRows<{ n: string }>(target.url, "SELECT count(*) AS n FROM posts")).toEqual(before);
  });

  it("refuses a source written by a newer Inkwell, leaving the target empty", async () => {
    const newer = path.join(dir, "newer.db");
    await copyDatabase(source, newer);
    const db = new Database(newer);
    db.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ?)").run(Date.now() + 10 ** 10);
    db.close();
    const target = await freshPgDatabase();
    drops.push(target.drop);
    const err = await copyDatabase(newer, target.url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CopyError);
    expect((err as Error).message).toMatch(/newer version of Inkwell/);
    expect(await pgRows(target.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
  });

  it("refuses to copy a database onto itself", async () => {
    await expect(copyDatabase(source, source)).rejects.toThrow(/source database itself/);
  });
});
