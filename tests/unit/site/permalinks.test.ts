import { beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { updateOptions } from "@/db/queries/options";
import { insertPost } from "@/db/queries/posts";
import { PERMALINK_PRESETS, postPath } from "@/lib/content/permalinks";
import { resolvePath, resolveQuery, resolveSegments } from "@/lib/site/resolve-path";
import { clearReadCache } from "@/lib/site/cache";

let post: { id: number };
let child: { id: number };
const segs = (url: string) => url.split("/").filter(Boolean);
const setStructure = async (s: string) => {
  await updateOptions({ permalink_structure: s });
  clearReadCache();
};

beforeAll(async () => {
  const u = await makeUser("author");
  post = await makePost(u.id, { title: "Links", slug: "links-post", date: "2026-03-07 09:30:00", dateGmt: "2026-03-07 09:30:00" });
  const parent = await insertPost({ type: "page", status: "publish", title: "About", slug: "about", authorId: u.id, date: "2026-01-01 00:00:00", dateGmt: "2026-01-01 00:00:00", modified: "2026-01-01 00:00:00", modifiedGmt: "2026-01-01 00:00:00" });
  child = await insertPost({ type: "page", status: "publish", title: "Team", slug: "team", parentId: parent.id, authorId: u.id, date: "2026-01-01 00:00:00", dateGmt: "2026-01-01 00:00:00", modified: "2026-01-01 00:00:00", modifiedGmt: "2026-01-01 00:00:00" });
});

describe("permalink structures", () => {
  const p = { id: 42, slug: "hello", date: "2026-03-07 09:30:00", type: "post" as const };
  it("builds each of WordPress's structures", () => {
    expect(postPath(p, PERMALINK_PRESETS.day)).toBe("/2026/03/07/hello/");
    expect(postPath(p, PERMALINK_PRESETS.month)).toBe("/2026/03/hello/");
    expect(postPath(p, PERMALINK_PRESETS.postname)).toBe("/hello/");
    expect(postPath(p, PERMALINK_PRESETS.numeric)).toBe("/archives/42/");
    expect(postPath(p, PERMALINK_PRESETS.plain)).toBe("/?p=42");
  });

  it.each(Object.entries(PERMALINK_PRESETS).filter(([, s]) => s))("resolves a post under the %s structure and 301s every other one to it", async (_name, structure) => {
    await setStructure(structure);
    const current = postPath({ id: post.id, slug: "links-post", date: "2026-03-07 09:30:00", type: "post" }, structure);
    const route = await resolveSegments(segs(current));
    expect(route).toMatchObject({ kind: "single", post: { id: post.id } });
    for (const other of Object.values(PERMALINK_PRESETS).filter((s) => s && s !== structure)) {
      const old = postPath({ id: post.id, slug: "links-post", date: "2026-03-07 09:30:00", type: "post" }, other);
      expect(await resolveSegments(segs(old))).toEqual({ kind: "redirect", to: current });
    }
    expect(await resolveQuery({ p: String(post.id) })).toEqual({ kind: "redirect", to: current });
  });

  it("serves /?p=ID itself under plain permalinks, and old pretty links redirect there", async () => {
    await setStructure("");
    expect(await resolveQuery({ p: String(post.id) })).toMatchObject({ kind: "single", post: { id: post.id } });
    expect(await resolveSegments(segs("/2026/03/07/links-post/"))).toEqual({ kind: "redirect", to: `/?p=${post.id}` });
    await setStructure(PERMALINK_PRESETS.day);
  });

  it("does not resolve a post under the wrong date", async () => {
    expect(await resolveSegments(segs("/2026/03/08/links-post/"))).toBeNull();
  });

  it("serves pages at /parent/child/ and redirects a flat child path there", async () => {
    expect(await resolveSegments(["about", "team"])).toMatchObject({ kind: "single", post: { id: child.id } });
    expect(await resolveSegments(["team"])).toEqual({ kind: "redirect", to: "/about/team/" });
    expect(await resolveSegments(["wrong", "team"])).toEqual({ kind: "redirect", to: "/about/team/" });
    expect(await resolveQuery({ page_id: String(child.id) })).toEqual({ kind: "redirect", to: "/about/team/" });
  });

  it("maps WordPress's query-string archives to their pretty URLs", async () => {
    expect(await resolveQuery({ m: "202603" })).toEqual({ kind: "redirect", to: "/2026/03/" });
    expect(await resolveQuery({ m: "20260307", paged: "2" })).toEqual({ kind: "redirect", to: "/2026/03/07/page/2/" });
    expect(await resolveQuery({ feed: "rss2" })).toEqual({ kind: "redirect", to: "/feed/" });
    expect(await resolveQuery({ feed: "atom" })).toEqual({ kind: "redirect", to: "/feed/atom/" });
    expect(await resolveQuery({ paged: "3" })).toEqual({ kind: "redirect", to: "/page/3/" });
    expect(await resolveQuery({ m: "nope" })).toBeNull();
    expect(await resolveQuery({ p: "999999" })).toBeNull();
    expect(await resolveQuery({ p: "-1" })).toBeNull();
  });

  it("resolvePath finds the published post behind a current or an old link", async () => {
    expect((await resolvePath(segs("/2026/03/07/links-post/")))?.id).toBe(post.id);
    expect((await resolvePath(segs("/archives/" + post.id + "/")))?.id).toBe(post.id);
    expect((await resolvePath(["about", "team"]))?.id).toBe(child.id);
    expect(await resolvePath(["nothing-here"])).toBeUndefined();
  });

  it("sends ?paged=N on an archive to its /page/N/ form", async () => {
    expect(await resolveSegments(["2026", "03"], { paged: "2" })).toEqual({ kind: "redirect", to: "/2026/03/page/2/" });
    expect(await resolveSegments(["2026", "03"], { paged: "1" })).toMatchObject({ kind: "listing" });
  });

  it("rejects a bad /page/N/", async () => {
    expect(await resolveSegments(["page", "0"])).toBeNull();
    expect(await resolveSegments(["page", "x"])).toBeNull();
    expect(await resolveSegments(["page", "2"])).toMatchObject({ kind: "listing", listing: { type: "home", page: 2 } });
  });
});
