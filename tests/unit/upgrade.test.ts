// A database made by the first release's migrations upgrades in place: every later migration
// applies on top of it at start, and no row is lost.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MIGRATIONS_FOLDER, migrationStatus, openDb } from "@/db/client";

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
  it("applies every later migration and keeps the rows", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-upgrade-")), "old.db");
    const old = openDb(file, { migrationsFolder: firstReleaseFolder() });
    old.$client.exec(`
      INSERT INTO users (login, email, display_name, nicename, password_hash, role) VALUES ('old', 'old@example.com', 'Old', 'old', 'x', 'administrator');
      INSERT INTO posts (type, status, title, slug, content, author_id, date, date_gmt, modified, modified_gmt)
        VALUES ('post', 'publish', 'From the first release', 'first', '<p>kept</p>', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
    `);
    old.$client.close();

    const upgraded = openDb(file);
    expect(migrationStatus(upgraded.$client).current).toBe(true);
    expect(upgraded.$client.prepare("SELECT title, content FROM posts WHERE slug = 'first'").get()).toEqual({ title: "From the first release", content: "<p>kept</p>" });
    expect(upgraded.$client.prepare("SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'release'").all()).toHaveLength(1);
    upgraded.$client.close();
  });
});
