import { beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { insertTerm } from "@/db/queries/terms";
import { getPostById } from "@/db/queries/posts";
import { updateOptions } from "@/db/queries/options";
import { archivePage, publishDuePosts, stickyPosts } from "@/lib/site/reads";
import { resolveQuery, resolveSegments, isReadableStatus, dateRangeGmt } from "@/lib/site/resolve-path";
import { canReadPost, canReadPrivate } from "@/lib/auth/capabilities";
import { clearReadCache } from "@/lib/site/cache";
import { execute, rawSql } from "@/db";
import { getUserById } from "@/db/queries/users";
import { toPostView } from "@/lib/content/post-view";
import { OPTION_DEFAULTS } from "@/lib/options/defaults";
import { nowGmt, toSqlGmt } from "@/lib/dates";

let authorId: number;
let parentCat: number;
let childCat: number;
const ids: Record<string, number> = {};

async function listing(url: string) {
  const r = await resolveSegments(url.split("/").filter(Boolean));
  if (r?.kind !== "listing") throw new Error(`not a listing: ${url}`);
  return r.listing;
}
const titles = async (url: string, perPage = 10) => {
  const l = await listing(url);
  return (await archivePage(l.filter!, l.page, perPage)).items.map((p) => p.title);
};

beforeAll(async () => {
  authorId = (await makeUser("author")).id;
  parentCat = (await insertTerm({ taxonomy: "category", name: "Parent", slug: "parent" })).id;
  childCat = (await insertTerm({ taxonomy: "category", name: "Child", slug: "child", parentId: parentCat })).id;
  for (let i = 1; i <= 25; i++) {
    const d = `2025-05-${String(i).padStart(2, "0")} 12:00:00`;
    ids[`p${i}`] = (await makePost(authorId, { title: `Walk ${i}`, slug: `walk-${i}`, date: d, dateGmt: d })).id;
  }
  const { insertPost } = await import("@/db/queries/posts");
  const add = async (title: string, termIds: number[], over: Record<string, unknown> = {}) => {
    const d = (over.dateGmt as string) ?? "2025-06-01 00:00:00";
    ids[title] = (await insertPost({ type: "post", status: "publish", title, slug: title.toLowerCase().replace(/ /g, "-"), authorId, date: d, dateGmt: d, modified: d, modifiedGmt: d, ...over }, termIds)).id;
  };
  await add("In parent", [parentCat], { dateGmt: "2025-06-02 00:00:00" });
  await add("In child", [childCat], { dateGmt: "2025-06-03 00:00:00" });
  await add("Sticky old", [], { sticky: true, dateGmt: "2020-01-01 00:00:00" });
  await add("A draft", [parentCat], { status: "draft", dateGmt: "2025-06-04 00:00:00" });
  await add("A pending", [parentCat], { status: "pending", dateGmt: "2025-06-04 00:00:00" });
  await add("A trashed", [parentCat], { status: "trash", dateGmt: "2025-06-04 00:00:00" });
  await add("A private", [parentCat], { status: "private", dateGmt: "2025-06-04 00:00:00" });
  await add("Due scheduled", [parentCat], { status: "future", dateGmt: toSqlGmt(new Date(Date.now() - 60_000)) });
  await add("Later scheduled", [parentCat], { status: "future", dateGmt: toSqlGmt(new Date(Date.now() + 3_600_000)) });
  clearReadCache();
});

describe("home and pagination", () => {
  it("pages the home page by posts_per_page, newest first, sticky posts first on page 1 only", async () => {
    await publishDuePosts(true);
    const page1 = await listing("/");
    const first = (await archivePage(page1.filter!, 1, 10)).items;
    const sticky = await stickyPosts();
    expect(sticky.map((p) => p.title)).toEqual(["Sticky old"]);
    expect(first[0]!.title).toBe("Due scheduled");
    expect(first.map((p) => p.title)).not.toContain("Later scheduled");
    const p2 = await titles("/page/2/");
    expect(p2).toHaveLength(10);
    expect(new Set([...first.map((p) => p.title), ...p2]).size).toBe(20);
    const total = (await archivePage(page1.filter!, 1, 10)).total;
    expect(total).toBe(25 + 4); // walks + in parent + in child + sticky + due
    expect(await titles("/page/3/")).toHaveLength(9);
  });
});

describe("archives", () => {
  it("a category archive includes its child categories' posts", async () => {
    const parent = await titles("/category/parent/");
    expect(parent).toEqual(expect.arrayContaining(["In parent", "In child", "Due scheduled"]));
    expect(await titles("/category/child/")).toEqual(["In child"]);
    expect(await titles("/category/parent/child/")).toEqual(["In child"]);
    expect((await listing("/category/parent/")).heading).toBe("Category: Parent");
  });

  it("date archives follow the local date and are paginated", async () => {
    expect(await titles("/2025/05/", 10)).toHaveLength(10);
    expect(await titles("/2025/05/page/3/", 10)).toEqual(["Walk 5", "Walk 4", "Walk 3", "Walk 2", "Walk 1"]);
    expect(await titles("/2025/05/07/")).toEqual(["Walk 7"]);
    expect((await listing("/2025/05/07/")).heading).toBe("Day: May 7, 2025");
    expect((await listing("/2025/")).heading).toBe("Year: 2025");
    expect(await resolveSegments(["2025", "13"])).toBeNull();
    expect(await resolveSegments(["2025", "02", "30"])).toBeNull();
  });

  it("computes a day's GMT range in the site's time zone", () => {
    expect(dateRangeGmt(2026, 7, 1, "Europe/Berlin")).toEqual(["2026-06-30 22:00:00", "2026-07-01 22:00:00"]);
    expect(dateRangeGmt(2026, undefined, undefined, "UTC")).toEqual(["2026-01-01 00:00:00", "2027-01-01 00:00:00"]);
  });

  it("an author archive lists that author's published posts", async () => {
    const nicename = (await getUserById(authorId))!.nicename;
    expect((await listing(`/author/${nicename}/`)).heading).toMatch(/^Author: /);
    expect(await titles(`/author/${nicename}/`, 100)).toHaveLength(29);
  });

  it("unknown archives are 404s", async () => {
    expect(await resolveSegments(["category", "nope"])).toBeNull();
    expect(await resolveSegments(["tag", "nope"])).toBeNull();
    expect(await resolveSegments(["author", "nobody"])).toBeNull();
  });
});

describe("visibility", () => {
  it("never lists drafts, pending, trashed, private or not-yet-due posts", async () => {
    const all = [...await titles("/category/parent/", 100)];
    for (const hidden of ["A draft", "A pending", "A trashed", "A private", "Later scheduled"]) expect(all).not.toContain(hidden);
  });

  it("does not resolve drafts, pending or trashed posts at their permalinks; private ones only for their readers", async () => {
    for (const t of ["a-draft", "a-pending", "a-trashed"]) expect(await resolveSegments(["2025", "06", "04", t], {}, { id: authorId, role: "administrator" })).toBeNull();
    const privatePath = ["2025", "06", "04", "a-private"];
    expect(await resolveSegments(privatePath)).toBeNull();
    expect(await resolveSegments(privatePath, {}, { id: authorId + 1000, role: "subscriber" })).toBeNull();
    expect(await resolveSegments(privatePath, {}, { id: authorId, role: "author" })).toMatchObject({ kind: "single" });
    expect(await resolveSegments(privatePath, {}, { id: authorId + 1000, role: "editor" })).toMatchObject({ kind: "single" });
    // The plain address: no redirect that would name the permalink, for anyone who may not read it.
    const id = ids["A private"]!;
    expect(await resolveQuery({ p: String(id) })).toBeNull();
    expect(await resolveQuery({ p: String(id) }, { id: authorId + 1000, role: "subscriber" })).toBeNull();
    expect(await resolveQuery({ p: String(id) }, { id: authorId + 1000, role: "editor" })).toEqual({ kind: "redirect", to: "/2025/06/04/a-private/" });
    expect(isReadableStatus("private")).toBe(true);
    expect(isReadableStatus("future")).toBe(false);
  });

  it("private posts are for their author and for editors", () => {
    const post = { authorId: 5, status: "private", type: "post" as const };
    expect(canReadPrivate(null, post)).toBe(false);
    expect(canReadPrivate({ id: 6, role: "subscriber" }, post)).toBe(false);
    expect(canReadPrivate({ id: 6, role: "author" }, post)).toBe(false);
    expect(canReadPrivate({ id: 5, role: "contributor" }, post)).toBe(true);
    expect(canReadPrivate({ id: 6, role: "editor" }, post)).toBe(true);
    // The rule every public surface asks: published to all, private as above, the rest to nobody.
    expect(canReadPost(null, { ...post, status: "publish" })).toBe(true);
    expect(canReadPost({ id: 6, role: "editor" }, post)).toBe(true);
    for (const status of ["draft", "pending", "future", "trash"]) expect(canReadPost({ id: 5, role: "administrator" }, { ...post, status })).toBe(false);
    expect(canReadPost(null, { ...post, status: "publish", type: "revision" })).toBe(false);
  });

  it("publishes a scheduled post by itself once its time has come, with no cron", async () => {
    expect((await getPostById(ids["Due scheduled"]!))!.status).toBe("publish");
    expect((await getPostById(ids["Later scheduled"]!))!.status).toBe("future");
    // Move the later one into the past: the next read publishes it and clears the cached listing.
    const before = await titles("/category/parent/", 100);
    expect(before).not.toContain("Later scheduled");
    const past = toSqlGmt(new Date(Date.now() - 1000));
    await execute(rawSql(`UPDATE posts SET date_gmt = ?, date = ? WHERE id = ?`, past, past, ids["Later scheduled"]!));
    await publishDuePosts(true);
    expect(await titles("/category/parent/", 100)).toContain("Later scheduled");
    expect(nowGmt() >= past).toBe(true);
  });

  it("a protected post's teaser and title say it is protected, and no content leaks", () => {
    const src = { id: 1, type: "post" as const, title: "Secret", slug: "s", content: "<p>hidden words</p>", date: "2025-01-01 00:00:00", dateGmt: "2025-01-01 00:00:00", sticky: false, commentCount: 0, commentStatus: "open" as const, authorName: "a", authorNicename: "a", password: "pw" };
    const teaser = toPostView(src, [], OPTION_DEFAULTS, "teaser");
    expect(teaser.title).toBe("Protected: Secret");
    expect(teaser.contentHtml).toContain("There is no excerpt because this is a protected post.");
    expect(teaser.contentHtml).not.toContain("hidden");
    expect(toPostView(src, [], OPTION_DEFAULTS, "full").contentHtml).toBe("");
    expect(toPostView(src, [], OPTION_DEFAULTS, "full", { locked: false }).contentHtml).toContain("hidden words");
  });

  it("a more tag cuts the teaser on listings", () => {
    const src = { id: 2, type: "post" as const, title: "T", slug: "t", content: "<p>Intro</p><!--more--><p>Rest</p>", date: "2025-01-01 00:00:00", dateGmt: "2025-01-01 00:00:00", sticky: false, commentCount: 0, commentStatus: "open" as const, authorName: "a", authorNicename: "a" };
    const v = toPostView(src, [], OPTION_DEFAULTS, "teaser");
    expect(v.hasMore).toBe(true);
    expect(v.contentHtml).not.toContain("Rest");
    expect(toPostView(src, [], OPTION_DEFAULTS, "full").contentHtml).toContain('<span id="more-2"></span>');
  });

  it("posts_per_page comes from Settings", async () => {
    await updateOptions({ posts_per_page: 5 });
    expect((await listing("/")).page).toBe(1);
    await updateOptions({ posts_per_page: 10 });
  });
});
