// npm run import from the command line: progress without a TTY, the report, and a clear failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, databaseEngine, openDatabase, queryRow, sql } from "@/db";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { freshPgDatabase } from "../support/postgres-harness";

// The command-line site: a SQLite file, or on PostgreSQL a database of its own on the run's server.
const postgres = databaseEngine() === "postgres";
const site = postgres ? await freshPgDatabase() : undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-cli-"));
const env = { ...process.env, DATABASE_URL: site?.url ?? path.join(dir, "cli.db"), INKWELL_DATA_DIR: dir, ADMIN_PASSWORD: "cli-test-password", INKWELL_LOG: "off" };
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const run = (...args: string[]) => spawnSync(tsx, ["scripts/import.ts", ...args], { env, encoding: "utf8", timeout: 60_000 });

beforeAll(() => {
  const setup = spawnSync(tsx, ["scripts/setup.ts"], { env, encoding: "utf8", timeout: 60_000 });
  expect(setup.status).toBe(0);
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await site?.drop();
});

// Each test starts tsx processes (a few seconds each, far more on a busy machine): the processes
// carry their own 60 s limit, so the test waits as long as two of them may take.
describe("npm run import", { timeout: 120_000 }, () => {
  it("imports a file with an author map, shows progress and what arrived", async () => {
    const r = run("tests/fixtures/wxr/valid-wxr-1.1.xml", "--author-map", "john=admin");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Imported: .*1 posts.*1 pages|Imported: .*1 pages.*1 posts/);
    expect(r.stdout).toContain("Authors matched to existing users: 1");
    expect(r.stderr).toMatch(/reading|writing|done/);
    const db = await openDatabase(env.DATABASE_URL, { migrate: false });
    const author = await queryRow<{ login: string }>(sql`SELECT u.login FROM posts p JOIN users u ON u.id = p.author_id WHERE p.title = 'Hello world!' AND p.id IN (SELECT post_id FROM post_meta WHERE key = '_wp_import_id')`, db);
    await closeDatabase(db);
    expect(author?.login).toBe("admin");
  });

  it("exits non-zero naming the line of a broken file, and an unknown map target", () => {
    const broken = run("tests/fixtures/wxr/malformed-simple.xml");
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/nothing was imported: .*line 14/);
    const badMap = run("tests/fixtures/wxr/valid-wxr-1.1.xml", "--author-map", "john=nobody");
    expect(badMap.status).toBe(1);
    expect(badMap.stderr).toContain('there is no user "nobody"');
    expect(run().status).toBe(2);
  });
});

describe("npm run migrate", { timeout: 120_000 }, () => {
  const migrate = (url: string) => spawnSync(tsx, ["scripts/migrate.ts"], { env: { ...env, DATABASE_URL: url }, encoding: "utf8", timeout: 60_000 });

  it("creates and migrates a new database without seeding it, then says it is up to date", async () => {
    const fresh = postgres ? await freshPgDatabase() : undefined;
    const file = fresh?.url ?? path.join(dir, "migrate-only.db");
    const name = fresh ? fresh.name : "migrate-only\\.db";
    const first = migrate(file);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`${name} migrated from 0 to (\\d+) of \\1 migrations\\.`));
    const db = await openDatabase(file, { migrate: false });
    const users = (await queryRow<{ n: number }>(sql`SELECT count(*) AS n FROM users`, db))!;
    await closeDatabase(db);
    expect(Number(users.n)).toBe(0);
    const again = migrate(file);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/is up to date \(migration (\d+) of \1\)/);
    await fresh?.drop();
  });

  it("says in one line why it cannot, and exits non-zero", () => {
    const r = migrate("postgres://nowhere.invalid/blog");
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    // A postgres:// URL names a PostgreSQL server now (issue #18): one it cannot reach is said in one line.
    expect(r.stderr).toMatch(/^Inkwell cannot migrate: PostgreSQL host in DATABASE_URL \(nowhere\.invalid:5432\/blog\) was not found: fix the host name\.$/m);
  });
});

describe("npm run import -- --download-media", () => {
  it("downloads the attachments with progress, lists the failures, and retries them without a file", async () => {
    const { execFile } = await import("node:child_process");
    const http = await import("node:http");
    const sharp = (await import("sharp")).default;
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#3a7" } }).jpeg().toBuffer();
    let missingAppears = false;
    const server = http.createServer((req, res) => {
      if (req.url === "/up/one.jpg" || (req.url === "/up/two.jpg" && missingAppears)) res.writeHead(200, { "content-type": "image/jpeg" }).end(jpeg);
      else res.writeHead(404).end("no");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const origin = `http://127.0.0.1:${(server.address() as import("node:net").AddressInfo).port}`;
    const att = (id: number, f: string) =>
      `<item><title>${f}</title><wp:post_id>${id}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><wp:post_parent>900</wp:post_parent><wp:attachment_url>${origin}/up/${f}</wp:attachment_url></item>`;
    const file = path.join(dir, "media.xml");
    fs.writeFileSync(
      file,
      `<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>With pictures</title><wp:post_id>900</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_date>2020-02-02 10:00:00</wp:post_date><content:encoded><![CDATA[<img src="${origin}/up/one-300x225.jpg" />]]></content:encoded></item>
${att(901, "one.jpg")}${att(902, "two.jpg")}</channel></rss>`,
    );
    const runAsync = (...args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(tsx, ["scripts/import.ts", ...args], { env: { ...env, OUTBOUND_ALLOW_HOSTS: "127.0.0.1" }, encoding: "utf8", timeout: 60_000 }, (err, stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
    try {
      const first = await runAsync(file, "--download-media");
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain("Attachments downloaded: 1, failed: 1; posts pointed at the local copies: 1");
      expect(first.stdout).toContain(`failed ${origin}/up/two.jpg: The old site answered HTTP 404.`);
      expect(first.stderr).toMatch(/attachments \[/);
      missingAppears = true;
      const retry = await runAsync("--download-media");
      expect(retry.stdout).toContain("Attachments downloaded: 1;");
      const db = await openDatabase(env.DATABASE_URL, { migrate: false });
      const content = (await queryRow<{ content: string }>(sql`SELECT content FROM posts WHERE title = 'With pictures'`, db))!.content;
      await closeDatabase(db);
      expect(content).toMatch(/^<img src="\/wp-content\/uploads\/\d{4}\/\d{2}\/one-300x225\.jpg" \/>$/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 120_000);
});
