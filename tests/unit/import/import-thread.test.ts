// The web import runs on a worker thread of its own (db/queries/wxr-import-thread.ts): the thread
// that serves readers only relays progress, so its timers keep firing while a big export is read
// and written; and the write stays one transaction that the thread commits or rolls back, so a
// failure in the middle, or the thread stopped in the middle, leaves no posts, terms, comments or
// users behind, and the site takes writes again at once.
import { threadId } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { databaseEngine, databaseState, execute, rawSql, withTransaction } from "@/db";
import { options } from "@/db/tables";
import { WxrImportThread } from "@/db/queries/wxr-import-thread";
import type { ImportProgress } from "@/db/queries/wxr-import";
import { wxrHeader, wxrItem, wxrFooter } from "@/lib/wxr/write";
import type { WxrItem } from "@/lib/wxr/types";
import { makeUser } from "../support/factories";
import { dbCount, dbSnapshot } from "../support/wxr";

const POSTS = 300;
const COMMENTS = 5;

function item(p: number, name: string): WxrItem {
  return {
    title: `${name} ${p}`, link: `https://old.example/${name}-${p}/`, pubDate: "", creator: `${name.toLowerCase()}-writer${p % 3}`, guid: `https://old.example/?${name}=${p}`,
    description: "", content: `<p>Body of post ${p}. ${"Lorem ipsum dolor sit amet. ".repeat(20)}</p>`, excerpt: "", postId: p,
    postDate: "2020-01-01 10:00:00", postDateGmt: "2020-01-01 10:00:00", postModified: "", postModifiedGmt: "", commentStatus: "open",
    pingStatus: "open", postName: `${name.toLowerCase()}-${p}`, status: "publish", postParent: 0, menuOrder: 0, postType: "post", postPassword: "",
    isSticky: false, attachmentUrl: "",
    terms: [{ domain: "category", slug: `${name}-cat-${p % 7}`, name: `Cat ${p % 7}` }, { domain: "post_tag", slug: `${name}-tag-${p % 11}`, name: `Tag ${p % 11}` }],
    meta: [{ key: "views", value: String(p) }],
    comments: Array.from({ length: COMMENTS }, (_, c) => ({
      id: p * 100 + c, author: `Reader ${c}`, authorEmail: `r${c}@mail.example`, authorUrl: "", authorIp: "192.0.2.1",
      date: "2020-01-02 10:00:00", dateGmt: "2020-01-02 10:00:00", content: `Comment ${c} on ${p}`, approved: "1", type: "comment",
      parent: c > 0 && c % 2 === 0 ? p * 100 + c - 1 : 0, userId: 0, meta: [],
    })),
  };
}

/** An export of POSTS posts named "<name> 1"…, with their comments, authors, categories and tags. */
function bigExport(name: string, posts = POSTS): Uint8Array {
  const site = { title: "Old", link: "https://old.example", description: "", language: "en-US", wxrVersion: "1.2", baseSiteUrl: "https://old.example", baseBlogUrl: "https://old.example", pubDate: "" };
  const authors = [0, 1, 2].map((a) => ({ id: a + 1, login: `${name.toLowerCase()}-writer${a}`, email: `${name.toLowerCase()}-writer${a}@old.example`, displayName: `Writer ${a}`, firstName: "", lastName: "" }));
  let xml = wxrHeader(site, authors, []);
  for (let p = 1; p <= posts; p++) xml += wxrItem(item(p, name));
  return new TextEncoder().encode(xml + wxrFooter());
}

const sqlite = databaseEngine() === "sqlite";

afterEach(async () => {
  await execute(rawSql(sqlite ? "DROP TRIGGER IF EXISTS import_fails_midway" : "DROP TRIGGER IF EXISTS import_fails_midway ON posts"));
});

// A worker thread loading the importer, then 1,800 rows: on PostgreSQL under a loaded machine this
// took longer than the default 20 s when files ran side by side.
describe("the web import's thread", { timeout: 90_000 }, () => {
  it("reads and writes off this thread: this thread's timers fire throughout, and the posts arrive", async () => {
    const admin = await makeUser("administrator");
    const progress: ImportProgress[] = [];
    let ticks = 0;
    let ticksWhileWriting = 0;
    let writing = false;
    const timer = setInterval(() => {
      ticks++;
      if (writing) ticksWhileWriting++;
    }, 1);
    try {
      const { thread, read } = WxrImportThread.readFile(bigExport("Post"), (p) => progress.push(p));
      const { authors, threadId: readOn } = await read;
      expect(readOn).not.toBe(threadId);
      expect(authors.map((a) => a.login)).toEqual(["post-writer0", "post-writer1", "post-writer2"]);
      expect(progress.at(-1)).toMatchObject({ phase: "reading" });
      writing = true;
      const result = await thread.write({ fallbackAuthorId: admin.id, authorMap: { "post-writer0": admin.login } }, (p) => progress.push(p));
      writing = false;
      expect(result.threadId).not.toBe(threadId);
      expect(result.report.created).toMatchObject({ posts: POSTS, comments: POSTS * COMMENTS, users: 2 });
      expect(result.attachmentUrls).toEqual([]);
    } finally {
      clearInterval(timer);
    }
    // Writing progress came through, in order, up to the whole.
    const written = progress.filter((p) => p.phase === "writing").map((p) => p.done);
    expect(written.length).toBeGreaterThan(1);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    // A 1 ms timer on this thread kept firing while the thread wrote: the write never held it.
    expect(ticksWhileWriting).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(ticksWhileWriting);
    expect(await dbCount("SELECT count(*) AS n FROM posts WHERE title LIKE 'Post %'")).toBe(POSTS);
    expect(await dbCount("SELECT count(*) AS n FROM comments WHERE parent_id IS NOT NULL")).toBe(POSTS * 2);
    expect(databaseState().longWrite).toBe(false);
  });

  it("leaves nothing behind when the write fails in the middle, and the site takes writes again", async () => {
    const admin = await makeUser("administrator");
    // The database refuses the 250th post, most of the way through the file (after 249 posts, their
    // comments, meta, terms and two new users were written in the thread's transaction).
    if (sqlite) {
      await execute(rawSql("CREATE TRIGGER import_fails_midway BEFORE INSERT ON posts WHEN NEW.title = 'Broken 250' BEGIN SELECT RAISE(ABORT, 'refused post 250'); END"));
    } else {
      await execute(rawSql(`CREATE OR REPLACE FUNCTION import_fails_midway() RETURNS trigger AS $$
        BEGIN IF NEW.title = 'Broken 250' THEN RAISE EXCEPTION 'refused post 250'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`));
      await execute(rawSql("CREATE TRIGGER import_fails_midway BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION import_fails_midway()"));
    }
    const before = await dbSnapshot();
    const progress: ImportProgress[] = [];
    const { thread, read } = WxrImportThread.readFile(bigExport("Broken"));
    await read;
    const failure = await thread.write({ fallbackAuthorId: admin.id, authorMap: {} }, (p) => progress.push(p)).then(() => null, (e: Error) => e);
    // SQLite's message is the error's; PostgreSQL's comes as its cause (drizzle's "Failed query").
    expect(`${failure?.message} ${(failure?.cause as Error | undefined)?.message}`).toMatch(/refused post 250/);
    // It failed midway: the thread had reported writing progress before the refusal.
    expect(progress.some((p) => p.phase === "writing" && p.done >= 200)).toBe(true);
    expect(progress.at(-1)?.phase).toBe("failed");
    expect(await dbSnapshot()).toEqual(before);
    expect(await dbCount("SELECT count(*) AS n FROM users WHERE login LIKE 'broken-writer%'")).toBe(0);
    expect(await dbCount("SELECT count(*) AS n FROM terms WHERE slug LIKE 'broken-%'")).toBe(0);
    // The writers' turn was given back: a write on this thread goes through at once.
    expect(databaseState().longWrite).toBe(false);
    await withTransaction(async (tx) => tx.insert(options).values({ name: "after_failed_import", value: "1" }));
    expect(await dbCount("SELECT count(*) AS n FROM options WHERE name = 'after_failed_import'")).toBe(1);
  });

  it("leaves nothing behind when the thread is stopped in the middle of the write", async () => {
    const admin = await makeUser("administrator");
    const before = await dbSnapshot();
    // Long enough (1,500 posts, 7,500 comments) that the write is still going when it is stopped.
    const { thread, read } = WxrImportThread.readFile(bigExport("Stopped", 1500));
    await read;
    let written = 0;
    const outcome = thread.write({ fallbackAuthorId: admin.id, authorMap: {} }, (p) => {
      if (p.phase === "writing") written = p.done;
    }).then(() => "committed", (e: Error) => e.message);
    // Stopped once it has written 200 of its posts, authors and terms, in its open transaction.
    for (let i = 0; i < 3000 && written < 200; i++) await new Promise((r) => setTimeout(r, 5));
    expect(written).toBeGreaterThanOrEqual(200);
    await thread.close();
    expect(await outcome).toMatch(/stopped/);
    expect(await dbSnapshot()).toEqual(before);
    expect(databaseState().longWrite).toBe(false);
    await withTransaction(async (tx) => tx.insert(options).values({ name: "after_stopped_import", value: "1" }));
    expect(await dbCount("SELECT count(*) AS n FROM options WHERE name = 'after_stopped_import'")).toBe(1);
  });
});
