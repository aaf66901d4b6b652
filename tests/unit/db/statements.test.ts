import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { prepared } from "@/db/statements";
import { insertPost, listTermsForPosts } from "@/db/queries/posts";
import { insertTerm } from "@/db/queries/terms";
import { makeUser } from "../support/factories";

describe("prepared statements", () => {
  it("are compiled once per connection and SQL text", () => {
    const sqlite = getDb().$client;
    const a = prepared(sqlite, "SELECT ? AS x");
    expect(prepared(sqlite, "SELECT ? AS x")).toBe(a);
    expect(a.get(7)).toEqual({ x: 7 });
    const other = new Database(":memory:");
    expect(prepared(other, "SELECT ? AS x")).not.toBe(a);
    other.close();
  });

  it("the terms of any number of posts come from one statement, sorted by name", async () => {
    const u = await makeUser("author");
    const zeta = await insertTerm({ taxonomy: "post_tag", name: "Zeta", slug: "zeta-st" });
    const alpha = await insertTerm({ taxonomy: "category", name: "Alpha", slug: "alpha-st" });
    const post = async (slug: string, termIds: number[]) =>
      await insertPost({ type: "post", status: "publish", title: slug, slug, content: "", authorId: u.id, date: "2026-01-01 00:00:00", dateGmt: "2026-01-01 00:00:00", modified: "2026-01-01 00:00:00", modifiedGmt: "2026-01-01 00:00:00" }, termIds);
    const p1 = await post("st-one", [zeta.id, alpha.id]);
    const p2 = await post("st-two", [zeta.id]);
    expect(await listTermsForPosts([p1.id])).toEqual([
      { postId: p1.id, id: alpha.id, taxonomy: "category", name: "Alpha", slug: "alpha-st" },
      { postId: p1.id, id: zeta.id, taxonomy: "post_tag", name: "Zeta", slug: "zeta-st" },
    ]);
    expect((await listTermsForPosts([p1.id, p2.id])).filter((t) => t.id === zeta.id).map((t) => t.postId).sort()).toEqual([p1.id, p2.id].sort());
    expect(await listTermsForPosts([])).toEqual([]);
  });
});
