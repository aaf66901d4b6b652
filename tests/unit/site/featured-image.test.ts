import { describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { insertMedia } from "@/db/queries/media";
import { toFeaturedImage } from "@/lib/media/featured";
import { featuredImagesFor, postById } from "@/lib/site/reads";
import { toPostView } from "@/lib/content/post-view";
import { OPTION_DEFAULTS } from "@/lib/options/defaults";

const sizes = JSON.stringify({
  thumbnail: { path: "2026/11/sea-150x150.jpg", width: 150, height: 150 },
  medium: { path: "2026/11/sea-300x200.jpg", width: 300, height: 200 },
  large: { path: "2026/11/sea-1024x683.jpg", width: 1024, height: 683 },
});

describe("featured image", () => {
  it("builds src, srcset (no cropped thumbnail), sizes, dimensions and alt", () => {
    const img = toFeaturedImage({ path: "2026/11/sea.jpg", mimeType: "image/jpeg", width: 1500, height: 1000, alt: "The sea at dawn", sizes });
    expect(img).toEqual({
      src: "/wp-content/uploads/2026/11/sea.jpg",
      srcSet: "/wp-content/uploads/2026/11/sea-300x200.jpg 300w, /wp-content/uploads/2026/11/sea-1024x683.jpg 1024w, /wp-content/uploads/2026/11/sea.jpg 1500w",
      sizes: "(max-width: 1500px) 100vw, 1500px",
      width: 1500,
      height: 1000,
      alt: "The sea at dawn",
    });
  });

  it("shows nothing for a non-image, an unfetched import or missing dimensions", () => {
    expect(toFeaturedImage({ path: "2026/11/a.pdf", mimeType: "application/pdf", width: null, height: null, alt: "", sizes: "{}" })).toBeUndefined();
    expect(toFeaturedImage({ path: "", mimeType: "image/jpeg", width: 10, height: 10, alt: "", sizes: "{}" })).toBeUndefined();
    expect(toFeaturedImage(undefined)).toBeUndefined();
    expect(toFeaturedImage({ path: "a.png", mimeType: "image/png", width: 10, height: 10, alt: "", sizes: "not json" })?.srcSet).toBeUndefined();
  });

  it("reaches the theme's PostView from posts.featuredMediaId, and never while a password locks the post", async () => {
    const u = await makeUser("author");
    const m = await insertMedia({ path: "2026/11/sea.jpg", fileName: "sea.jpg", mimeType: "image/jpeg", width: 1500, height: 1000, alt: "The sea at dawn", sizes });
    const withImage = await makePost(u.id, { title: "With image", featuredMediaId: m.id });
    const without = await makePost(u.id, { title: "Without" });
    const locked = await makePost(u.id, { title: "Locked", featuredMediaId: m.id, password: "secret" });
    const cards = (await Promise.all([withImage, without, locked].map((p) => postById(p.id)))).map((c) => c!);
    expect(cards[0]!.featuredMediaId).toBe(m.id);
    const images = await featuredImagesFor(cards);
    expect(images.get(withImage.id)?.alt).toBe("The sea at dawn");
    expect(images.has(without.id)).toBe(false);
    const view = toPostView({ ...cards[0]!, status: "publish" }, [], OPTION_DEFAULTS, "full", { featuredImage: images.get(withImage.id) });
    expect(view.featuredImage?.src).toBe("/wp-content/uploads/2026/11/sea.jpg");
    const lockedView = toPostView({ ...cards[2]! }, [], OPTION_DEFAULTS, "full", { locked: true, featuredImage: images.get(locked.id) });
    expect(lockedView.featuredImage).toBeUndefined();
  });
});
