// The read and page caches forget when the content version moves (lib/site/cache.ts): it must
// move for every write a reader can see, and stay put for writes no reader can see, so that a
// flood of held comments or a draft's autosaves does not empty the page cache under the readers.
import { describe, expect, it } from "vitest";
import { getDataVersion } from "@/db/queries/archives";
import { insertComment } from "@/db/queries/comments";
import { applyCommentAction } from "@/db/queries/comment-admin";
import { getOptions, updateOptions } from "@/db/queries/options";
import { consumeRate } from "@/db/queries/rate-limits";
import { insertTerm } from "@/db/queries/terms";
import { closeDatabase, execute, getDb, openDatabase, sql } from "@/db";
import { posts } from "@/db/schema";
import { eq } from "drizzle-orm";
import { cached, peek, syncWithDatabase } from "@/lib/site/cache";
import { makePost, makeUser } from "../support/factories";

const comment = async (postId: number, status: "0" | "1" | "spam", n: number) =>
  await insertComment({ postId, status, authorName: `C${n}`, authorEmail: `c${n}@example.com`, content: `Comment ${n}`, date: "2026-01-16 10:00:00", dateGmt: "2026-01-16 10:00:00" });

describe("content version", () => {
  it("stays put for writes no reader sees: held and spam comments, drafts, rate-limit rows", async () => {
    const author = await makeUser("author");
    const post = await makePost(author.id);
    const draft = await makePost(author.id, { status: "draft" });
    const v = await getDataVersion();
    await comment(post.id, "0", 1);
    await comment(post.id, "spam", 2);
    await getDb().update(posts).set({ content: "<p>autosaved</p>" }).where(eq(posts.id, draft.id));
    await consumeRate("comment-ip", "203.0.113.9", 1, 60);
    expect(await getDataVersion()).toBe(v);
  });

  it("moves for every write a reader sees: an approved comment, an approval, a publish, a term, a setting", async () => {
    const author = await makeUser("author");
    const post = await makePost(author.id);
    const draft = await makePost(author.id, { status: "draft" });
    const seen = new Set([await getDataVersion()]);
    const moved = async (what: string) => {
      const v = await getDataVersion();
      expect(seen.has(v), what).toBe(false);
      seen.add(v);
    };
    await comment(post.id, "1", 3);
    await moved("approved comment");
    const held = await comment(post.id, "0", 4);
    await applyCommentAction([held.id], "approve");
    await moved("approval of a held comment");
    await applyCommentAction([held.id], "unapprove");
    await moved("unapproval");
    await getDb().update(posts).set({ status: "publish" }).where(eq(posts.id, draft.id));
    await moved("draft published");
    await getDb().update(posts).set({ status: "trash" }).where(eq(posts.id, draft.id));
    await moved("published post trashed");
    await insertTerm({ taxonomy: "post_tag", name: "Tea", slug: "tea" });
    await moved("new tag");
    await updateOptions({ blogname: "Another name" });
    await moved("setting");
  });

  it("a user's new password hash or session epoch leaves it put; their display name moves it", async () => {
    const { updateUserPasswordHash } = await import("@/db/queries/users");
    const { bumpSessionEpoch, updateUserProfile, getUserProfile } = await import("@/db/queries/user-admin");
    const u = await makeUser("author");
    const v = await getDataVersion();
    await updateUserPasswordHash(u.id, "$argon2id$another");
    await bumpSessionEpoch(u.id);
    expect(await getDataVersion()).toBe(v);
    const p = (await getUserProfile(u.id))!;
    await updateUserProfile(u.id, { displayName: "Renamed", nicename: p.nicename, email: p.email, url: p.url, bio: p.bio });
    expect(await getDataVersion()).not.toBe(v);
  });

  it("a held comment leaves cached pages in place; an approved one empties them", async () => {
    const author = await makeUser("author");
    const post = await makePost(author.id);
    await syncWithDatabase();
    await cached("html:/", () => "<html>");
    await comment(post.id, "0", 5);
    await syncWithDatabase();
    expect(peek("html:/")).toBe("<html>");
    await comment(post.id, "1", 6);
    await syncWithDatabase();
    expect(peek("html:/")).toBeUndefined();
  });

  it("settings read once per version are never stale, even when another process writes them", async () => {
    await updateOptions({ blogdescription: "First" });
    expect((await getOptions()).blogdescription).toBe("First");
    await updateOptions({ blogdescription: "Second" });
    expect((await getOptions()).blogdescription).toBe("Second");
    const other = await openDatabase(process.env.DATABASE_URL!, { migrate: false });
    await execute(sql`UPDATE options SET value = ${JSON.stringify("From a script")} WHERE name = 'blogdescription'`, other);
    await closeDatabase(other);
    expect((await getOptions()).blogdescription).toBe("From a script");
    // A caller changing its copy changes nobody else's.
    const mine = await getOptions();
    mine.blogdescription = "scribbled";
    expect((await getOptions()).blogdescription).toBe("From a script");
  });
});
