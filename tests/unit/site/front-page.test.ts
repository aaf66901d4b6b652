import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { updateOptions } from "@/db/queries/options";
import { clearReadCache } from "@/lib/site/cache";
import { resolveQuery, resolveSegments } from "@/lib/site/resolve-path";
import { permalinkOf } from "@/lib/site/urls";
import { getOptions } from "@/db/queries/options";

let front: number;
let blog: number;
let draft: number;

async function setReading(v: Record<string, unknown>) {
  await updateOptions(v);
  clearReadCache();
}

beforeAll(async () => {
  const u = await makeUser("editor");
  front = (await makePost(u.id, { type: "page", title: "Welcome", slug: "welcome" })).id;
  blog = (await makePost(u.id, { type: "page", title: "Journal", slug: "journal" })).id;
  draft = (await makePost(u.id, { type: "page", status: "draft", title: "Unfinished", slug: "unfinished" })).id;
  for (let i = 1; i <= 12; i++) await makePost(u.id, { title: `Entry ${i}`, slug: `entry-${i}` });
});

beforeEach(async () => await setReading({ show_on_front: "posts", page_on_front: 0, page_for_posts: 0, permalink_structure: "/%postname%/", posts_per_page: 10 }));

describe("Settings → Reading: a static front page", () => {
  it("shows the latest posts at / by default", async () => {
    expect(await resolveSegments([])).toMatchObject({ kind: "listing", listing: { type: "home", heading: "" } });
    expect(await resolveQuery({})).toMatchObject({ kind: "listing" });
  });

  it("shows the chosen page at / and redirects its own URL there", async () => {
    await setReading({ show_on_front: "page", page_on_front: front });
    expect(await resolveSegments([])).toMatchObject({ kind: "single", post: { id: front, title: "Welcome" } });
    expect(await resolveQuery({})).toMatchObject({ kind: "single", post: { id: front } });
    expect(await resolveSegments(["welcome"])).toEqual({ kind: "redirect", to: "/" });
    expect(await resolveQuery({ page_id: String(front) })).toEqual({ kind: "redirect", to: "/" });
    expect(await permalinkOf({ id: front, type: "page", slug: "welcome", date: "2026-01-15 10:00:00" }, await getOptions())).toBe("/");
    // No posts page: /page/2/ is not a listing any more.
    expect(await resolveSegments(["page", "2"])).toBeNull();
  });

  it("lists the posts on the posts page, paginated under its URL", async () => {
    await setReading({ show_on_front: "page", page_on_front: front, page_for_posts: blog });
    expect(await resolveSegments(["journal"])).toMatchObject({ kind: "listing", listing: { type: "home", heading: "Journal", baseUrl: "/journal/", page: 1 } });
    expect(await resolveSegments(["journal", "page", "2"])).toMatchObject({ kind: "listing", listing: { baseUrl: "/journal/", page: 2 } });
    expect(await resolveQuery({ paged: "2" })).toEqual({ kind: "redirect", to: "/journal/page/2/" });
  });

  it("works under plain permalinks (?page_id=)", async () => {
    await setReading({ show_on_front: "page", page_on_front: front, page_for_posts: blog, permalink_structure: "" });
    expect(await resolveQuery({ page_id: String(blog) })).toMatchObject({ kind: "listing", listing: { baseUrl: `/?page_id=${blog}` } });
    expect(await resolveQuery({ page_id: String(front) })).toEqual({ kind: "redirect", to: "/" });
  });

  it("ignores a front page that is not published, as WordPress does", async () => {
    await setReading({ show_on_front: "page", page_on_front: draft, page_for_posts: blog });
    expect(await resolveSegments([])).toMatchObject({ kind: "listing", listing: { type: "home", heading: "" } });
  });
});

describe("the front page's URL everywhere", () => {
  it("postUrl (comment redirects, admin View links, pings) says / for the static front page", async () => {
    const { postUrl } = await import("@/lib/content/post-view");
    const p = { id: 7, slug: "welcome", date: "2026-01-15 10:00:00", type: "page" as const, authorNicename: "x" };
    expect(postUrl(p, { permalink_structure: "/%postname%/", show_on_front: "page", page_on_front: 7 })).toBe("/");
    expect(postUrl(p, { permalink_structure: "/%postname%/", show_on_front: "posts", page_on_front: 7 })).toBe("/welcome/");
  });
});
