// What a shared link shows: og:image and twitter:image from the featured image, else the first
// image in the content; summary_large_image only when there is a picture.
import { beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { insertMedia } from "@/db/queries/media";
import { routeMetadata } from "@/lib/site/seo";
import { postById } from "@/lib/site/reads";
import { firstContentImage } from "@/lib/site/share-image";
import { updateOptions } from "@/db/queries/options";

let featured: number, inContent: number, none: number, locked: number, icon: number;

beforeAll(async () => {
  const u = await makeUser("author");
  const m = await insertMedia({ authorId: u.id, fileName: "sea.jpg", mimeType: "image/jpeg", title: "Sea", alt: "The sea at dawn", path: "2026/12/sea.jpg", width: 1600, height: 900 });
  const d = { date: "2026-01-02 03:04:05", dateGmt: "2026-01-02 03:04:05" };
  featured = (await makePost(u.id, { ...d, slug: "featured", title: "Featured", featuredMediaId: m.id, content: `<p><img src="/wp-content/uploads/other.jpg" alt="not this"></p>` })).id;
  inContent = (await makePost(u.id, { ...d, slug: "in-content", title: "In content", content: `<p>Text</p><img src="data:image/gif;base64,R0lG" alt="pixel"><img src="/wp-content/uploads/2026/12/hill.jpg" width="1200" height="800" alt="A hill"><img src="/second.jpg">` })).id;
  icon = (await insertMedia({ authorId: u.id, fileName: "icon.png", mimeType: "image/png", title: "Icon", alt: "", path: "2026/12/icon.png", width: 512, height: 512 })).id;
  none = (await makePost(u.id, { ...d, slug: "plain", title: "Plain", content: "<p>Words only.</p>" })).id;
  locked = (await makePost(u.id, { ...d, slug: "locked", title: "Locked", password: "pw", featuredMediaId: m.id, content: `<img src="/secret.jpg">` })).id;
});

async function meta(id: number) {
  const post = (await postById(id))!;
  return await routeMetadata({ kind: "single", post } as never);
}

describe("share image", () => {
  it("uses the featured image, with its size and alt text", async () => {
    const m = await meta(featured);
    const og = (m.openGraph!.images as { url: string; width: number; height: number; alt: string }[])[0]!;
    expect(og.url).toMatch(/^https?:\/\/[^/]+\/wp-content\/uploads\/2026\/12\/sea\.jpg$/);
    expect([og.width, og.height, og.alt]).toEqual([1600, 900, "The sea at dawn"]);
    expect(m.twitter).toMatchObject({ card: "summary_large_image", images: [{ url: og.url, alt: "The sea at dawn" }] });
  });

  it("else the first http image in the content, absolute, with the size its tag gives", async () => {
    const m = await meta(inContent);
    const og = (m.openGraph!.images as { url: string; width?: number; height?: number; alt: string }[])[0]!;
    expect(og.url).toMatch(/^https?:\/\/[^/]+\/wp-content\/uploads\/2026\/12\/hill\.jpg$/);
    expect([og.width, og.height, og.alt]).toEqual([1200, 800, "A hill"]);
    expect((m.twitter as { card: string }).card).toBe("summary_large_image");
  });

  it("else no image and a summary card; a protected post shows no picture", async () => {
    for (const id of [none, locked]) {
      const m = await meta(id);
      expect(m.openGraph!.images, String(id)).toBeUndefined();
      expect((m.twitter as { card: string }).card).toBe("summary");
    }
  });

  it("else the site icon, once one is set; still nothing for a protected post", async () => {
    await updateOptions({ site_icon: icon });
    try {
      const og = ((await meta(none)).openGraph!.images as { url: string; width: number; height: number }[])[0]!;
      expect(og.url).toMatch(/^https?:\/\/[^/]+\/wp-content\/uploads\/2026\/12\/icon\.png$/);
      expect([og.width, og.height]).toEqual([512, 512]);
      expect((await meta(locked)).openGraph!.images).toBeUndefined();
    } finally {
      await updateOptions({ site_icon: 0 });
    }
  });

  it("omits a size the tag does not state, and relative sources resolve against the post", () => {
    expect(firstContentImage(`<img src="pics/a.png" width="50%">`, "https://s.test/2026/post/")).toEqual({ url: "https://s.test/2026/post/pics/a.png", alt: "" });
  });
});
