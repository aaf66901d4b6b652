// The Permalinks screen tells what happens to old links; these are the facts it states.
import { beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { updateOptions } from "@/db/queries/options";
import { insertTerm } from "@/db/queries/terms";
import { PERMALINK_PRESETS } from "@/lib/content/permalinks";
import { resolveSegments } from "@/lib/site/resolve-path";
import { clearReadCache } from "@/lib/site/cache";

const set = async (o: Parameters<typeof updateOptions>[0]) => {
  await updateOptions(o);
  clearReadCache();
};
let id = 0;

beforeAll(async () => {
  const u = await makeUser("author");
  await insertTerm({ taxonomy: "category", name: "Travel notes", slug: "travel-notes" });
  id = (await makePost(u.id, { title: "Moved", slug: "moved-post", date: "2026-05-04 10:00:00", dateGmt: "2026-05-04 10:00:00" })).id;
});

describe("what the Permalinks screen says about old links", () => {
  it("a link in one of the listed structures redirects to the post's new address", async () => {
    await set({ permalink_structure: PERMALINK_PRESETS.postname });
    expect(await resolveSegments(["2026", "05", "04", "moved-post"])).toEqual({ kind: "redirect", to: "/moved-post/" });
    expect(await resolveSegments(["archives", String(id)])).toEqual({ kind: "redirect", to: "/moved-post/" });
  });

  it("a link under a custom structure left behind stops resolving", async () => {
    await set({ permalink_structure: "/blog/%postname%/" });
    expect(await resolveSegments(["blog", "moved-post"])).toMatchObject({ kind: "single", post: { id } });
    await set({ permalink_structure: PERMALINK_PRESETS.postname });
    expect(await resolveSegments(["blog", "moved-post"])).toBeNull();
  });

  it("an archive under a changed category base stops resolving", async () => {
    await set({ category_base: "topics" });
    expect(await resolveSegments(["topics", "travel-notes"])).toMatchObject({ kind: "listing" });
    expect(await resolveSegments(["category", "travel-notes"])).toBeNull();
    await set({ category_base: "" });
  });
});
