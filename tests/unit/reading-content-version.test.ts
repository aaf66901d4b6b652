// The read and page caches forget when the content version moves (lib/site/cache.ts): it must
// move for every write a reader can see, and stay put for writes no reader can see, so that a
// flood of held comments or a draft's autosaves does not empty the page cache under the readers.
import { describe, expect, it } from "vitest";
import { getDataVersion } from "@/db/queries/archives";
import { insertComment } from "@/db/queries/comments";
import { applyCommentAction } from "@/db/queries/comment-admin";
import { getOptions, updateOptions } from "@/db/queries/options";
import Database from "better-sqlite3";
import { consumeRate } from "@/db/queries/rate-limits";
import { insertTerm } from "@/db/queries/terms";
import { getDb } from "@/db/client";
import { posts } from "@/db/schema";
import { eq } from "drizzle-orm";
import { cached, peek, syncWithDatabase } from "@/lib/site/cache";
import { makePost, makeUser } from "./factories";

const comment = (postId: number, status: "0" | "1" | "spam", n: number) =>
  insertComment({ postId, status, authorName: `C${n}`, authorEmail: `c${n}@example.com`, content: `Comment ${n}`, date: "2026-01-16 10:00:00", dateGmt: "2026-01-16 10:00:00" });

describe("content version", () => {
  it("stays put for writes no reader sees: held and spam comments, drafts, rate-limit rows", async () => {
    const author = await makeUser("author");
    const post = makePost(author.id);
    const draft = makePost(author.id, { status: "draft" });
    const v = getDataVersion();
    comment(post.id, "0", 1);
    comment(post.id, "spam", 2);
    getDb().update(posts).set({ content: "<p>autosaved</p>" }).where(eq(posts.id, draft.id)).run();
    await consumeRate("comment-ip", "203.0.113.9", 1, 60);
    expect(getDataVersion()).toBe(v);
  });

  it("moves for every write a reader sees: an approved comment, an approval, a publish, a term, a setting", async () => {
    const author = await makeUser("author");
    const post = makePost(author.id);
    const draft = makePost(author.id, { status: "draft" });
    const seen = new Set([getDataVersion()]);
    const moved = (what: string) => {
      const v = getDataVersion();
      expect(seen.has(v), what).toBe(false);
      seen.add(v);
    };
    comment(post.id, "1", 3);
    moved("approved comment");
    const held = comment(post.id, "0", 4);
    applyCommentAction([held.id], "approve");
    moved("approval of a held comment");
    applyCommentAction([held.id], "unapprove");
    moved("unapproval");
    getDb().update(posts).set({ status: "publish" }).where(eq(posts.id, draft.id)).run();
    moved("draft published");
    getDb().update(posts).set({ status: "trash" }).where(eq(posts.id, draft.id)).run();
    moved("published post trashed");
    insertTerm({ taxonomy: "post_tag", name: "Tea", slug: "tea" });
    moved("new tag");
    updateOptions({ blogname: "Another name" });
    moved("setting");
  });

  it("a user's new password hash or session epoch leaves it put; their display name moves it", async () => {
    const { updateUserPasswordHash } = await import("@/db/queries/users");
    const { bumpSessionEpoch, updateUserProfile, getUserProfile } = await import("@/db/queries/user-admin");
    const u = await makeUser("author");
    const v = getDataVersion();
    updateUserPasswordHash(u.id, "$argon2id$another");
    bumpSessionEpoch(u.id);
    expect(getDataVersion()).toBe(v);
    const p = getUserProfile(u.id)!;
    updateUserProfile(u.id, { displayName: "Renamed", nicename: p.nicename, email: p.email, url: p.url, bio: p.bio });
    expect(getDataVersion()).not.toBe(v);
  });

  it("a held comment leaves cached pages in place; an approved one empties them", async () => {
    const author = await makeUser("author");
    const post = makePost(author.id);
    syncWithDatabase();
    cached("html:/", ["html"], () => "<html>");
    comment(post.id, "0", 5);
    syncWithDatabase();
    expect(peek("html:/")).toBe("<html>");
    comment(post.id, "1", 6);
    syncWithDatabase();
    expect(peek("html:/")).toBeUndefined();
  });

  it("settings read once per version are never stale, even when another process writes them", () => {
    updateOptions({ blogdescription: "First" });
    expect(getOptions().blogdescription).toBe("First");
    updateOptions({ blogdescription: "Second" });
    expect(getOptions().blogdescription).toBe("Second");
    const other = new Database(process.env.DATABASE_URL!);
    other.prepare("UPDATE options SET value = ? WHERE name = 'blogdescription'").run(JSON.stringify("From a script"));
    other.close();
    expect(getOptions().blogdescription).toBe("From a script");
    // A caller changing its copy changes nobody else's.
    const mine = getOptions();
    mine.blogdescription = "scribbled";
    expect(getOptions().blogdescription).toBe("From a script");
  });
});
