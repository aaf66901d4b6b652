// The admin lists: views and counts, search, filters by category, author and month, sort, pages.
import { beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { countAdminViews, listAdminPosts, listPostMonths, type AdminListQuery } from "@/db/queries/post-admin-list";
import { insertTerm } from "@/db/queries/terms";
import { execute, rawSql } from "@/db";

let me: { id: number };
let other: { id: number };
let cat: number;

beforeAll(async () => {
  me = await makeUser("author");
  other = await makeUser("author");
  cat = (await insertTerm({ taxonomy: "category", name: "Filtered", slug: "filtered" })).id;
  const a = await makePost(me.id, { title: "Apple pie", date: "2026-01-10 10:00:00", dateGmt: "2026-01-10 10:00:00" });
  await makePost(me.id, { title: "Banana bread", status: "draft", date: "2026-02-10 10:00:00", dateGmt: "2026-02-10 10:00:00" });
  await makePost(other.id, { title: "Cherry tart", status: "private", date: "2026-02-11 10:00:00", dateGmt: "2026-02-11 10:00:00" });
  await makePost(other.id, { title: "Date loaf", status: "trash", trashedFrom: "publish" });
  await makePost(other.id, { title: "Elder 100% juice", date: "2026-03-01 10:00:00", dateGmt: "2026-03-01 10:00:00" });
  await execute(rawSql("INSERT INTO post_terms (post_id, term_id) VALUES (?, ?)", a.id, cat));
});

const q = (over: Partial<AdminListQuery> = {}): AdminListQuery => ({ type: "post", view: "all", orderBy: "date", order: "desc", page: 1, perPage: 10, userId: me.id, canReadOthersPrivate: false, ...over });
const titles = async (over: Partial<AdminListQuery> = {}) => (await listAdminPosts(q(over))).rows.map((r) => r.title);

describe("admin post list", () => {
  it("counts each view; others' private posts stay hidden from those who may not read them", async () => {
    expect(await countAdminViews(q())).toEqual({ all: 3, mine: 2, publish: 2, future: 0, draft: 1, pending: 0, private: 0, trash: 1 });
    expect((await countAdminViews(q({ canReadOthersPrivate: true }))).private).toBe(1);
    expect(await titles()).toEqual(["Elder 100% juice", "Banana bread", "Apple pie"]);
    expect(await titles({ view: "trash" })).toEqual(["Date loaf"]);
    expect(await titles({ view: "mine" })).toEqual(["Banana bread", "Apple pie"]);
  });

  it("searches (LIKE wildcards are literal), filters by category, author and month, and sorts by title", async () => {
    expect(await titles({ search: "100%" })).toEqual(["Elder 100% juice"]);
    expect(await titles({ search: "%" })).toEqual(["Elder 100% juice"]);
    expect(await titles({ categoryId: cat })).toEqual(["Apple pie"]);
    expect(await titles({ authorId: other.id })).toEqual(["Elder 100% juice"]);
    expect(await titles({ month: "2026-02" })).toEqual(["Banana bread"]);
    expect(await titles({ orderBy: "title", order: "asc" })).toEqual(["Apple pie", "Banana bread", "Elder 100% juice"]);
    expect(await listPostMonths("post")).toContain("2026-03");
  });

  it("paginates", async () => {
    const first = await listAdminPosts(q({ perPage: 2 }));
    const second = await listAdminPosts(q({ perPage: 2, page: 2 }));
    expect(first.total).toBe(3);
    expect(first.rows.map((r) => r.title)).toEqual(["Elder 100% juice", "Banana bread"]);
    expect(second.rows.map((r) => r.title)).toEqual(["Apple pie"]);
  });
});
