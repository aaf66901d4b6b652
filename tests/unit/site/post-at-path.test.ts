// The one resolver from a URL to a post (lib/site/resolve-path.ts), as the machine endpoints use
// it (TrackBack, Pingback, Webmention, oEmbed): a post's current address, as url_to_postid.
import { beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { updateOptions } from "@/db/queries/options";
import { PERMALINK_PRESETS } from "@/lib/content/permalinks";
import { postAtIdParam, postAtPath, resolveSegments } from "@/lib/site/resolve-path";
import { clearReadCache } from "@/lib/site/cache";

const segs = (url: string) => url.split("/").filter(Boolean);
const stamp = { date: "2026-03-07 09:30:00", dateGmt: "2026-03-07 09:30:00" };
let post: { id: number }, locked: { id: number }, hidden: { id: number }, draft: { id: number }, parent: { id: number }, child: { id: number }, front: { id: number };

beforeAll(async () => {
  await updateOptions({ permalink_structure: PERMALINK_PRESETS.day });
  const u = await makeUser("author");
  post = await makePost(u.id, { title: "Target", slug: "target", ...stamp });
  locked = await makePost(u.id, { slug: "locked", password: "secret", ...stamp });
  hidden = await makePost(u.id, { slug: "hidden", status: "private", ...stamp });
  draft = await makePost(u.id, { slug: "drafted", status: "draft", ...stamp });
  parent = await makePost(u.id, { type: "page", slug: "about", ...stamp });
  child = await makePost(u.id, { type: "page", slug: "team", parentId: parent.id, ...stamp });
  front = await makePost(u.id, { type: "page", slug: "welcome", ...stamp });
  clearReadCache();
});

describe("postAtPath", () => {
  it("names the published post or page at its current address, as the reader's page does", async () => {
    expect((await postAtPath(segs("/2026/03/07/target/")))?.id).toBe(post.id);
    expect((await postAtPath(["2026", "03", "07", "target", ""]))?.id).toBe(post.id);
    expect((await postAtPath(segs("/about/team/")))?.id).toBe(child.id);
    expect((await postAtPath(segs("/about/")))?.id).toBe(parent.id);
    // The reader's routing agrees: the same paths are the same single posts.
    expect(await resolveSegments(segs("/2026/03/07/target/"))).toMatchObject({ kind: "single", post: { id: post.id } });
  });

  it("names nothing at an old link, a wrong date, a listing or a missing path", async () => {
    expect(await postAtPath(segs(`/archives/${post.id}/`))).toBeUndefined();
    expect(await postAtPath(segs("/2026/03/08/target/"))).toBeUndefined();
    expect(await postAtPath(segs("/team/"))).toBeUndefined();
    expect(await postAtPath(segs("/2026/03/"))).toBeUndefined();
    expect(await postAtPath([])).toBeUndefined();
    expect(await postAtPath(segs("/nothing-here/"))).toBeUndefined();
  });

  it("is never a protected, private or unpublished post", async () => {
    expect(await postAtPath(segs("/2026/03/07/locked/"))).toBeUndefined();
    expect(await postAtPath(segs("/2026/03/07/hidden/"))).toBeUndefined();
    expect(await postAtPath(segs("/2026/03/07/drafted/"))).toBeUndefined();
    for (const p of [locked, hidden, draft]) expect(await postAtIdParam(String(p.id))).toBeUndefined();
  });

  it("names the static front page at the site root and at its own address", async () => {
    await updateOptions({ show_on_front: "page", page_on_front: front.id });
    clearReadCache();
    try {
      expect((await postAtPath([]))?.id).toBe(front.id);
      expect((await postAtPath(segs("/welcome/")))?.id).toBe(front.id);
    } finally {
      await updateOptions({ show_on_front: "posts", page_on_front: 0 });
      clearReadCache();
    }
  });
});

describe("postAtIdParam", () => {
  it("takes ?p=ID's digits only", async () => {
    expect((await postAtIdParam(String(post.id)))?.id).toBe(post.id);
    expect((await postAtIdParam(String(child.id)))?.id).toBe(child.id);
    for (const bad of [null, undefined, "", "-1", "1e3", `${post.id} `, "9".repeat(13), "999999"]) expect(await postAtIdParam(bad)).toBeUndefined();
  });
});
