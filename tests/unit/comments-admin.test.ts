import { describe, expect, it } from "vitest";
import { applyCommentAction, countCommentViews, countPendingComments, insertAdminReply, listAdminComments } from "@/db/queries/comment-admin";
import { insertComment } from "@/db/queries/comments";
import { getPostById } from "@/db/queries/posts";
import { canModerateCommentOn } from "@/lib/comments/permissions";
import { makePost, makeUser } from "./factories";

const at = "2026-02-01 10:00:00";
const add = (postId: number, status: "0" | "1" | "spam" | "trash", over: Record<string, unknown> = {}) =>
  insertComment({ postId, status, authorName: "Ann", authorEmail: "ann@example.com", content: `c ${Math.random()}`, date: at, dateGmt: at, ...over });

describe("moderation actions keep comment counts right", () => {
  it("approve, unapprove, spam, not spam, trash, restore and delete", async () => {
    const author = await makeUser("author");
    const post = makePost(author.id);
    const a = add(post.id, "0");
    const b = add(post.id, "1");
    const count = () => getPostById(post.id)!.commentCount;
    expect(count()).toBe(1);
    applyCommentAction([a.id], "approve");
    expect(count()).toBe(2);
    applyCommentAction([a.id, b.id], "unapprove");
    expect(count()).toBe(0);
    applyCommentAction([b.id], "approve");
    applyCommentAction([b.id], "spam");
    expect(count()).toBe(0);
    // Not Spam restores the status it had before: approved.
    applyCommentAction([b.id], "unspam");
    expect(count()).toBe(1);
    applyCommentAction([b.id], "trash");
    expect(count()).toBe(0);
    applyCommentAction([b.id], "restore");
    expect(count()).toBe(1);
    // Restore only acts on trashed comments.
    applyCommentAction([a.id], "restore");
    expect(listAdminComments({ view: "moderated", userId: 0, page: 1, perPage: 50, postId: post.id }).rows.map((r) => r.id)).toEqual([a.id]);
    applyCommentAction([b.id], "delete");
    expect(count()).toBe(0);
  });

  it("an admin reply is approved and approves its held parent", async () => {
    const author = await makeUser("author");
    const post = makePost(author.id);
    const held = add(post.id, "0");
    insertAdminReply({ postId: post.id, parentId: held.id, status: "1", authorName: "Mod", content: "thanks", date: at, dateGmt: at });
    expect(getPostById(post.id)!.commentCount).toBe(2);
  });
});

describe("the Comments screen's views", () => {
  it("counts each view, filters by type, search and post, and scopes an author to their posts", async () => {
    const mine = await makeUser("author");
    const other = await makeUser("author");
    const p1 = makePost(mine.id);
    const p2 = makePost(other.id);
    add(p1.id, "0", { content: "needle in pending" });
    add(p1.id, "1", { userId: mine.id });
    add(p1.id, "spam");
    add(p1.id, "trash");
    add(p1.id, "1", { type: "pingback", authorName: "Blog" });
    add(p2.id, "0");
    const scoped = countCommentViews({ postAuthorId: mine.id, userId: mine.id });
    expect(scoped).toEqual({ all: 3, mine: 1, moderated: 1, approved: 2, spam: 1, trash: 1 });
    expect(countCommentViews({ postAuthorId: mine.id, userId: mine.id, type: "pings" }).all).toBe(1);
    expect(countCommentViews({ postAuthorId: mine.id, userId: mine.id, type: "comment" }).all).toBe(2);
    const found = listAdminComments({ view: "all", search: "NEEDLE", userId: mine.id, postAuthorId: mine.id, page: 1, perPage: 20 });
    expect(found.total).toBe(1);
    expect(found.rows[0]!.content).toBe("needle in pending");
    expect(listAdminComments({ view: "all", search: "%", userId: mine.id, postAuthorId: mine.id, page: 1, perPage: 20 }).total).toBe(0);
    expect(listAdminComments({ view: "all", postId: p2.id, userId: mine.id, page: 1, perPage: 20 }).total).toBe(1);
    expect(countPendingComments(mine.id)).toBe(1);
    expect(countPendingComments()).toBeGreaterThanOrEqual(2);
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
