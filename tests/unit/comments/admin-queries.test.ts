import { describe, expect, it } from "vitest";
import { applyCommentAction, countCommentViews, countPendingComments, insertAdminReply, listAdminComments } from "@/db/queries/comment-admin";
import { insertComment } from "@/db/queries/comments";
import { getPostById } from "@/db/queries/posts";
import { canModerateCommentOn } from "@/lib/comments/permissions";
import { makePost, makeUser } from "../support/factories";

const at = "2026-02-01 10:00:00";
const add = async (postId: number, status: "0" | "1" | "spam" | "trash", over: Record<string, unknown> = {}) =>
  await insertComment({ postId, status, authorName: "Ann", authorEmail: "ann@example.com", content: `c ${Math.random()}`, date: at, dateGmt: at, ...over });

describe("moderation actions keep comment counts right", () => {
  it("approve, unapprove, spam, not spam, trash, restore and delete", async () => {
    const author = await makeUser("author");
    const post = await makePost(author.id);
    const a = await add(post.id, "0");
    const b = await add(post.id, "1");
    const count = async () => (await getPostById(post.id))!.commentCount;
    expect(await count()).toBe(1);
    await applyCommentAction([a.id], "approve");
    expect(await count()).toBe(2);
    await applyCommentAction([a.id, b.id], "unapprove");
    expect(await count()).toBe(0);
    await applyCommentAction([b.id], "approve");
    await applyCommentAction([b.id], "spam");
    expect(await count()).toBe(0);
    // Not Spam restores the status it had before: approved.
    await applyCommentAction([b.id], "unspam");
    expect(await count()).toBe(1);
    await applyCommentAction([b.id], "trash");
    expect(await count()).toBe(0);
    await applyCommentAction([b.id], "restore");
    expect(await count()).toBe(1);
    // Restore only acts on trashed comments.
    await applyCommentAction([a.id], "restore");
    expect((await listAdminComments({ view: "moderated", userId: 0, page: 1, perPage: 50, postId: post.id })).rows.map((r) => r.id)).toEqual([a.id]);
    await applyCommentAction([b.id], "delete");
    expect(await count()).toBe(0);
  });

  it("an admin reply is approved and approves its held parent", async () => {
    const author = await makeUser("author");
    const post = await makePost(author.id);
    const held = await add(post.id, "0");
    await insertAdminReply({ postId: post.id, parentId: held.id, status: "1", authorName: "Mod", content: "thanks", date: at, dateGmt: at });
    expect((await getPostById(post.id))!.commentCount).toBe(2);
  });
});

describe("the Comments screen's views", () => {
  it("counts each view, filters by type, search and post, and scopes an author to their posts", async () => {
    const mine = await makeUser("author");
    const other = await makeUser("author");
    const p1 = await makePost(mine.id);
    const p2 = await makePost(other.id);
    await add(p1.id, "0", { content: "needle in pending" });
    await add(p1.id, "1", { userId: mine.id });
    await add(p1.id, "spam");
    await add(p1.id, "trash");
    await add(p1.id, "1", { type: "pingback", authorName: "Blog" });
    await add(p2.id, "0");
    const scoped = await countCommentViews({ postAuthorId: mine.id, userId: mine.id });
    expect(scoped).toEqual({ all: 3, mine: 1, moderated: 1, approved: 2, spam: 1, trash: 1 });
    expect((await countCommentViews({ postAuthorId: mine.id, userId: mine.id, type: "pings" })).all).toBe(1);
    expect((await countCommentViews({ postAuthorId: mine.id, userId: mine.id, type: "comment" })).all).toBe(2);
    const found = await listAdminComments({ view: "all", search: "NEEDLE", userId: mine.id, postAuthorId: mine.id, page: 1, perPage: 20 });
    expect(found.total).toBe(1);
    expect(found.rows[0]!.content).toBe("needle in pending");
    expect((await listAdminComments({ view: "all", search: "%", userId: mine.id, postAuthorId: mine.id, page: 1, perPage: 20 })).total).toBe(0);
    expect((await listAdminComments({ view: "all", postId: p2.id, userId: mine.id, page: 1, perPage: 20 })).total).toBe(1);
    expect(await countPendingComments(mine.id)).toBe(1);
    expect(await countPendingComments()).toBeGreaterThanOrEqual(2);
  });

  it("moderators act on every comment, authors on their own published posts only, contributors not on published ones", async () => {
    const ed = await makeUser("editor");
    const au = await makeUser("author");
    const co = await makeUser("contributor");
    const post = { authorId: au.id, status: "publish", trashedFrom: null, type: "post" as const };
    expect(canModerateCommentOn(ed, post)).toBe(true);
    expect(canModerateCommentOn(au, post)).toBe(true);
    expect(canModerateCommentOn(au, { ...post, authorId: ed.id })).toBe(false);
    expect(canModerateCommentOn(co, { ...post, authorId: co.id })).toBe(false);
  });
});
