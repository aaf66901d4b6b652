// Several server processes on one database each publish due scheduled posts on their next read
// (lib/site/reads.ts): a post goes live once, and only one of them is told it published it (and so
// queues its pings). On PostgreSQL the calls run side by side on the pool's connections, as
// processes would; the conditional UPDATE (status = 'future') is what makes the second find none.
import { describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { publishDueScheduledPosts } from "@/db/queries/archives";
import { getPostById } from "@/db/queries/posts";

describe("scheduled posts across processes", () => {
  it("publishes a due post once, whichever of many concurrent checks gets there first", async () => {
    const author = await makeUser("author");
    const due = await Promise.all([1, 2, 3].map((i) => makePost(author.id, { status: "future", date: `2026-03-0${i} 09:00:00` })));
    const later = await makePost(author.id, { status: "future", date: "2099-01-01 09:00:00" });
    const results = await Promise.all(Array.from({ length: 8 }, () => publishDueScheduledPosts("2026-06-01 00:00:00")));
    const told = results.flat().filter((id) => due.some((p) => p.id === id));
    expect(told.sort((a, b) => a - b)).toEqual(due.map((p) => p.id).sort((a, b) => a - b));
    for (const p of due) expect((await getPostById(p.id))!.status).toBe("publish");
    expect((await getPostById(later.id))!.status).toBe("future");
  });
});
