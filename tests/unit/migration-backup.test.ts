// npm run backup: a consistent copy while another connection keeps writing, plus the uploads.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { closeDatabase, openDatabase, queryRow, resolveDatabasePath, sql } from "@/db";
import { backupSite } from "@/db/backup";
import { makePost, makeUser } from "./factories";

describe("backup", () => {
  it("copies the live database (WAL included) and the uploads, and the copy opens with every row", async () => {
    const admin = await makeUser("administrator");
    for (let i = 0; i < 50; i++) await makePost(admin.id, { title: `Backed up ${i}` });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-backup-"));
    const uploads = path.join(dir, "uploads", "2026", "11");
    fs.mkdirSync(uploads, { recursive: true });
    fs.writeFileSync(path.join(uploads, "photo.jpg"), "not really a jpeg");
    // A writer keeps going while the backup runs.
    let writes = 0;
    const timer = setInterval(() => {
      void makePost(admin.id, { title: `During ${writes++}` });
    }, 1);
    const r = await backupSite({ databaseFile: resolveDatabasePath(), uploadsDir: path.join(dir, "uploads"), backupsDir: path.join(dir, "backups"), now: new Date("2026-11-25T14:00:00Z") });
    clearInterval(timer);
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
});
