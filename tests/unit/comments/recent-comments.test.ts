// Recent Comments and the comments feed: the newest approved comments on public posts, found a
// batch at a time from the comments index (never a pass over every post).
import { describe, expect, it } from "vitest";
import { listRecentComments } from "@/db/queries/archives";
import { listRecentApprovedComments } from "@/db/queries/feeds";
import { insertComment } from "@/db/queries/comments";
import { makePost, makeUser } from "../support/factories";

let n = 0;
const comment = async (postId: number, status: "0" | "1", minute: number) =>
  (await insertComment({ postId, status, authorName: `C${++n}`, authorEmail: "", content: `Comment ${n}`, date: `2026-02-01 10:${String(minute).padStart(2, "0")}:00`, dateGmt: `2026-02-01 10:${String(minute).padStart(2, "0")}:00` })).id;

describe("newest approved comments on public posts", () => {
  it("skips comments on private and password-protected posts and held comments, past whole batches of them", async () => {
    const a = await makeUser("author");
    const open = await makePost(a.id);
    const secret = await makePost(a.id, { status: "private" });
    const locked = await makePost(a.id, { password: "tea" });
    const visible = [await comment(open.id, "1", 1), await comment(open.id, "1", 2), await comment(open.id, "1", 3)];
    await comment(open.id, "0", 4);
    // 70 newer comments that no visitor may see: more than three batches of 20.
    for (let i = 0; i < 70; i++) await comment(i % 2 ? secret.id : locked.id, "1", 5 + (i % 50));
    expect((await listRecentComments(5)).map((c) => c.id)).toEqual([...visible].reverse());
    expect((await listRecentApprovedComments(2)).map((c) => c.id)).toEqual([visible[2], visible[1]]);
    const fresh = await comment(open.id, "1", 59);
    expect((await listRecentComments(1)).map((c) => c.id)).toEqual([fresh]);
  });
});
