// The link field's search: the site's posts and pages by title, only what the searcher may read.
import { beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { listLinkTargets } from "@/db/queries/link-search";
import { normalizeHref, relFor } from "@/components/admin/editor/link/link-extension";

let me: { id: number };
let other: { id: number };

beforeAll(async () => {
  me = await makeUser("author");
  other = await makeUser("author");
  await makePost(me.id, { title: "Linkable apples", date: "2026-01-10 10:00:00", dateGmt: "2026-01-10 10:00:00" });
  await makePost(other.id, { title: "Linkable pears", type: "page", date: "2026-01-11 10:00:00", dateGmt: "2026-01-11 10:00:00" });
  await makePost(me.id, { title: "Linkable draft", status: "draft" });
  await makePost(other.id, { title: "Linkable secret", status: "private" });
  await makePost(me.id, { title: "Linkable mine private", status: "private" });
  await makePost(other.id, { title: "Linkable trashed", status: "trash", trashedFrom: "publish" });
  await makePost(other.id, { title: "100% linkable_odd", date: "2026-01-12 10:00:00", dateGmt: "2026-01-12 10:00:00" });
});

const titles = async (q: string, privatePosts = false) => (await listLinkTargets(q, { userId: me.id, privatePosts, privatePages: privatePosts })).map((r) => r.title);

describe("listLinkTargets", () => {
  it("finds published posts and pages by title, newest first, with what a permalink needs", async () => {
    expect(await titles("linkable")).toEqual(["Linkable mine private", "100% linkable_odd", "Linkable pears", "Linkable apples"]);
    const rows = await listLinkTargets("pears", { userId: me.id, privatePosts: false, privatePages: false });
    expect(rows).toEqual([expect.objectContaining({ type: "page", status: "publish", slug: expect.any(String), authorNicename: expect.any(String) })]);
  });

  it("never offers drafts or trash; private posts only to their author or those who may read them", async () => {
    expect(await titles("linkable")).not.toContain("Linkable draft");
    expect(await titles("linkable")).not.toContain("Linkable trashed");
    expect(await titles("linkable")).not.toContain("Linkable secret");
    expect(await titles("linkable")).toContain("Linkable mine private");
    expect(await titles("linkable", true)).toContain("Linkable secret");
  });

  it("treats % and _ as text, not wildcards", async () => {
    expect(await titles("100%")).toEqual(["100% linkable_odd"]);
    expect(await titles("e_o")).toEqual(["100% linkable_odd"]);
    expect(await titles("%")).toEqual(["100% linkable_odd"]);
  });
});

describe("the link field's address and rel", () => {
  it("makes a bare domain https, keeps paths and mail links, refuses other schemes and words", () => {
    expect(normalizeHref("example.com/out")).toBe("https://example.com/out");
    expect(normalizeHref("www.example.com")).toBe("https://www.example.com");
    expect(normalizeHref("/about/")).toBe("/about/");
    expect(normalizeHref("mailto:me@example.com")).toBe("mailto:me@example.com");
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "two words", ""]) expect(normalizeHref(bad), bad).toBeNull();
  });

  it("adds nofollow and noopener only when chosen, and keeps rel tokens it does not own", () => {
    expect(relFor(null, false, false)).toBeNull();
    expect(relFor("noopener noreferrer nofollow", false, false)).toBeNull();
    expect(relFor(null, true, false)).toBe("noopener");
    expect(relFor("me author", false, true)).toBe("me author nofollow");
  });
});
