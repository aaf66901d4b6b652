// npm run backup: a consistent copy while another connection keeps writing, plus the uploads.
// SQLite: its online backup API (WAL included); PostgreSQL: the server's pg_dump, put back by pg_restore.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { closeDatabase, databaseEngine, execute, openDatabase, queryRow, resolveDatabasePath, sql } from "@/db";
import { backupSite, inkwellDatabaseProblem, isLiveDatabase, restoreDatabase } from "@/db/backup";
import { freshPgDatabase } from "../support/postgres-harness";
import { makePost, makeUser } from "../support/factories";

const postgres = databaseEngine() === "postgres";

/** 50 posts, an uploads folder with one file, and a writer that keeps going while `fn` runs. */
async function siteWithWriter<T>(fn: (dir: string) => Promise<T>): Promise<{ dir: string; result: T }> {
  const admin = await makeUser("administrator");
  for (let i = 0; i < 50; i++) await makePost(admin.id, { title: `Backed up ${i}` });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-backup-"));
  const uploads = path.join(dir, "uploads", "2026", "11");
  fs.mkdirSync(uploads, { recursive: true });
  fs.writeFileSync(path.join(uploads, "photo.jpg"), "not really a jpeg");
  let writes = 0;
  const timer = setInterval(() => {
    void makePost(admin.id, { title: `During ${writes++}` });
  }, 1);
  try {
    return { dir, result: await fn(dir) };
  } finally {
    clearInterval(timer);
  }
}

describe("backup", () => {
  // SQLite's own mechanism: the online backup API copies the live file, WAL included.
  it.skipIf(postgres)("copies the live database (WAL included) and the uploads, and the copy opens with every row", async () => {
    const { dir, result: r } = await siteWithWriter((dir) =>
      backupSite({ databaseFile: resolveDatabasePath(), uploadsDir: path.join(dir, "uploads"), backupsDir: path.join(dir, "backups"), now: new Date("2026-11-25T14:00:00Z") }),
    );
    expect(r.dir).toBe(path.join(dir, "backups", "2026-11-25T14-00-00Z"));
    expect(r.uploadFiles).toBe(1);
    expect(fs.readFileSync(path.join(r.dir, "uploads", "2026", "11", "photo.jpg"), "utf8")).toBe("not really a jpeg");
    const copy = await openDatabase(r.databaseFile, { migrate: false });
    const n = (await queryRow<{ n: number }>(sql`SELECT count(*) n FROM posts WHERE title LIKE 'Backed up %'`, copy))!.n;
    expect(n).toBe(50);
    expect(await queryRow(sql`PRAGMA integrity_check`, copy)).toEqual({ integrity_check: "ok" });
    await closeDatabase(copy);
    // The live database is still open and serving.
    expect(await queryRow(sql`SELECT 1 AS one`)).toEqual({ one: 1 });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // PostgreSQL's own mechanism: pg_dump --format=custom beside the uploads, pg_restore into an empty database.
  it.skipIf(!postgres)("dumps the live database with pg_dump beside the uploads, and pg_restore puts it into an empty database with every row", async () => {
    const { dir, result: r } = await siteWithWriter((dir) =>
      backupSite({ uploadsDir: path.join(dir, "uploads"), backupsDir: path.join(dir, "backups"), now: new Date("2026-11-25T14:00:00Z") }),
    );
    expect(r.dir).toBe(path.join(dir, "backups", "2026-11-25T14-00-00Z"));
    expect(r.databaseFile).toMatch(/\.dump$/);
    expect(r.databaseBytes).toBeGreaterThan(0);
    expect(r.uploadFiles).toBe(1);
    expect(fs.readFileSync(path.join(r.dir, "uploads", "2026", "11", "photo.jpg"), "utf8")).toBe("not really a jpeg");
    expect(await inkwellDatabaseProblem(r.databaseFile)).toBeNull();
    const text = path.join(dir, "notes.dump");
    fs.writeFileSync(text, "not a dump");
    expect(await inkwellDatabaseProblem(text)).toMatch(/notes\.dump is not a pg_dump archive pg_restore can read/);

    const target = await freshPgDatabase();
    try {
      expect(await isLiveDatabase(target.url)).toBe(false);
      await restoreDatabase({ from: r.databaseFile, databaseFile: target.url });
      expect(await isLiveDatabase(target.url)).toBe(true);
      const copy = await openDatabase(target.url, { migrate: false });
      const n = Number((await queryRow<{ n: number }>(sql`SELECT count(*) n FROM posts WHERE title LIKE 'Backed up %'`, copy))!.n);
      expect(n).toBe(50);
      // Restored with its triggers and identity sequences: a new post gets an ID past every restored one.
      expect(Number((await queryRow<{ n: number }>(sql`SELECT count(*) n FROM pg_trigger WHERE NOT tgisinternal`, copy))!.n)).toBeGreaterThan(0);
      const maxId = Number((await queryRow<{ m: number }>(sql`SELECT max(id) m FROM posts`, copy))!.m);
      await execute(
        sql`INSERT INTO posts (slug, author_id, date, date_gmt, modified, modified_gmt) SELECT 'after-restore', author_id, date, date_gmt, modified, modified_gmt FROM posts LIMIT 1`,
        copy,
      );
      expect(Number((await queryRow<{ id: number }>(sql`SELECT id FROM posts WHERE slug = 'after-restore'`, copy))!.id)).toBeGreaterThan(maxId);
      await closeDatabase(copy);
      // Only into an empty database.
      await expect(restoreDatabase({ from: r.databaseFile, databaseFile: target.url })).rejects.toThrow(/already holds tables: pg_restore puts a backup into an empty database only/);
    } finally {
      await target.drop();
    }
    // The live database is still open and serving.
    expect(await queryRow(sql`SELECT 1 AS one`)).toEqual({ one: 1 });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
