// A database made by the first release's migrations upgrades in place: every later migration
// applies on top of it at start, and no row is lost.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, execute, getMigrationStatus, MIGRATIONS_FOLDER, openDatabase, queryRow, queryRows, sql } from "@/db";

// The migrations that shipped in Inkwell's first release.
const FIRST_RELEASE = ["0000_init", "0001_search_fts"];

function firstReleaseFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-first-release-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"));
  journal.entries = journal.entries.filter((e: { tag: string }) => FIRST_RELEASE.includes(e.tag));
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify(journal));
  for (const tag of FIRST_RELEASE) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), path.join(dir, `${tag}.sql`));
  return dir;
}

describe("upgrading a first-release database", () => {
  it("applies every later migration and keeps the rows", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-upgrade-")), "old.db");
    const old = await openDatabase(file, { migrationsFolder: firstReleaseFolder() });
    await execute(sql`INSERT INTO users (login, email, display_name, nicename, password_hash, role) VALUES ('old', 'old@example.com', 'Old', 'old', 'x', 'administrator')`, old);
    await execute(sql`
      INSERT INTO posts (type, status, title, slug, content, author_id, date, date_gmt, modified, modified_gmt)
        VALUES ('post', 'publish', 'From the first release', 'first', '<p>kept</p>', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
    `, old);
    await closeDatabase(old);

    const upgraded = await openDatabase(file);
    expect((await getMigrationStatus(upgraded)).current).toBe(true);
    expect(await queryRow(sql`SELECT title, content FROM posts WHERE slug = 'first'`, upgraded)).toEqual({ title: "From the first release", content: "<p>kept</p>" });
    expect(await queryRows(sql`SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'release'`, upgraded)).toHaveLength(1);
    await closeDatabase(upgraded);
  });
});
