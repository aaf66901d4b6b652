// A batch of comments is committed with its fsync off the event loop (db/wal-sync.ts): the server
// keeps reading requests while the disk flushes, and nobody is answered before the flush that
// covers their comment has returned.
import fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { insertCommentCheckedBatched } from "@/db/queries/comments";
import { syncWal } from "@/db/wal-sync";
import { makePost, makeUser } from "../support/factories";

const at = () => new Date().toISOString().slice(0, 19).replace("T", " ");
const rules = { floodSinceGmt: null, decide: () => "0" as const };
let n = 0;
const comment = (postId: number) => ({ postId, authorName: `D${++n}`, authorEmail: `d${n}@example.com`, content: `durable ${n}`, date: at(), dateGmt: at(), authorIp: `192.0.2.${n % 250}` });

/** Holds every fsync of the WAL until released, to see who waits for it. */
function holdWalFsyncs() {
  const real = fs.fsync;
  const held: (() => void)[] = [];
  const walFds = new Set<number>();
  const realOpen = fs.open;
  vi.spyOn(fs, "open").mockImplementation(((file: fs.PathLike, flags: fs.OpenMode, cb: (e: NodeJS.ErrnoException | null, fd: number) => void) =>
    realOpen(file, flags, (e, fd) => {
      if (!e && String(file).endsWith("-wal")) walFds.add(fd);
      cb(e, fd);
    })) as typeof fs.open);
  const spy = vi.spyOn(fs, "fsync").mockImplementation(((fd: number, cb: (e: NodeJS.ErrnoException | null) => void) => {
    if (walFds.has(fd)) held.push(() => real(fd, cb));
    else real(fd, cb);
  }) as typeof fs.fsync);
  const waitHeld = async (count: number) => {
    for (let i = 0; i < 200 && held.length < count; i++) await new Promise((r) => setTimeout(r, 5));
    return held.length;
  };
  return { spy, held, waitHeld, release: () => held.splice(0).forEach((f) => f()) };
}

afterEach(() => vi.restoreAllMocks());

describe("a batch's fsync off the event loop", () => {
  it("a comment is answered only after the WAL's fsync returns, and the connection is back to synchronous=FULL", async () => {
    const author = await makeUser("author");
    const post = await makePost(author.id);
    const hold = holdWalFsyncs();
    let answered = false;
    const p = insertCommentCheckedBatched(comment(post.id), rules).then((r) => ((answered = true), r));
    expect(await hold.waitHeld(1)).toBe(1);
    // Committed (another reader sees it), the event loop free, but not yet answered.
    expect(getDb().$client.prepare("SELECT count(*) AS n FROM comments WHERE post_id = ?").get(post.id)).toEqual({ n: 1 });
    expect(getDb().$client.pragma("synchronous", { simple: true })).toBe(2);
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    hold.release();
    expect((await p).outcome).toBe("stored");
  });

  it("a commit that lands while a flush is in flight waits for the next flush", async () => {
    const author = await makeUser("author");
    const post = await makePost(author.id);
    const hold = holdWalFsyncs();
    const first = insertCommentCheckedBatched(comment(post.id), rules);
    expect(await hold.waitHeld(1)).toBe(1);
    let secondDone = false;
    const second = insertCommentCheckedBatched(comment(post.id), rules).then((r) => ((secondDone = true), r));
    await new Promise((r) => setTimeout(r, 20));
    // One flush at a time: the second one starts only when the first returns.
    expect(hold.held.length).toBe(1);
    hold.release();
    await first;
    expect(await hold.waitHeld(1)).toBe(1);
    expect(secondDone).toBe(false);
    hold.release();
    expect((await second).outcome).toBe("stored");
  });

  it("a failed flush fails the requests that waited for it", async () => {
    vi.spyOn(fs, "fsync").mockImplementation(((_fd: number, cb: (e: NodeJS.ErrnoException | null) => void) => cb(Object.assign(new Error("EIO: i/o error"), { code: "EIO" }))) as typeof fs.fsync);
    const err = await new Promise<NodeJS.ErrnoException | null>((r) => syncWal(`${getDb().$client.name}-wal`, r));
    expect(err?.code).toBe("EIO");
    const author = await makeUser("author");
    const post = await makePost(author.id);
    await expect(insertCommentCheckedBatched(comment(post.id), rules)).rejects.toThrow("EIO");
  });
});

describe("a first-time commenter's token", () => {
  it("is a fresh 32-character token every time, accepted as a token cookie", async () => {
    const { newAuthorToken } = await import("@/lib/comments/author-token");
    const { isAuthorToken } = await import("@/lib/comments/cookies");
    const tokens = Array.from({ length: 1000 }, newAuthorToken);
    expect(new Set(tokens).size).toBe(1000);
    for (const t of tokens) expect(isAuthorToken(t) && t.length === 32).toBe(true);
  });
});
