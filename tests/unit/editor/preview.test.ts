// Preview's data: the person's autosave and the terms and image on their screen, only for those who may edit.
import { beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { autosavePost } from "@/db/queries/post-editor";
import { savePreviewExtras } from "@/db/queries/post-preview";
import { insertTerm } from "@/db/queries/terms";
import { loadPreview, previewId } from "@/lib/site/preview";
import type { CurrentUser } from "@/lib/session";

let author: CurrentUser;
let other: CurrentUser;
let editor: CurrentUser;
let subscriber: CurrentUser;
let postId: number;
let catId: number;

const who = (u: { id: number; login: string; email: string; displayName: string; nicename: string; role: CurrentUser["role"] }): CurrentUser => ({ ...u, url: "" });

beforeAll(async () => {
  author = who(await makeUser("author"));
  other = who(await makeUser("author"));
  editor = who(await makeUser("editor"));
  subscriber = who(await makeUser("subscriber"));
  postId = (await makePost(author.id, { title: "Saved title", status: "draft", content: "<p>Saved</p>" })).id;
  catId = (await insertTerm({ taxonomy: "category", name: "Previewed cat", slug: "previewed-cat" })).id;
});

describe("preview", () => {
  it("reads only /?p=ID&preview=true (or page_id)", () => {
    expect(previewId({ p: "12", preview: "true" })).toBe(12);
    expect(previewId({ page_id: "7", preview: "true" })).toBe(7);
    expect(previewId({ p: "12" })).toBeNull();
    expect(previewId({ p: "x", preview: "true" })).toBeNull();
  });

  it("shows the editor's autosave and on-screen terms, not the saved ones", async () => {
    await autosavePost({ id: postId, type: "post", title: "Unsaved title", content: "<p>Unsaved</p>", excerpt: "", userId: author.id, date: "2026-01-15 10:00:00", dateGmt: "2026-01-15 10:00:00", defaultCategoryId: 0 });
    await savePreviewExtras(postId, author.id, { categoryIds: [catId], tagNames: ["Brand new tag"], featuredMediaId: null });
    const p = (await loadPreview(postId, author))!;
    expect(p.post.title).toBe("Unsaved title");
    expect(p.post.content).toBe("<p>Unsaved</p>");
    expect(p.terms).toEqual([
      { taxonomy: "category", name: "Previewed cat", slug: "previewed-cat" },
      { taxonomy: "post_tag", name: "Brand new tag", slug: "brand-new-tag" },
    ]);
  });

  it("is nothing to those who may not edit the post, or when nobody is signed in", async () => {
    expect(await loadPreview(postId, null)).toBeNull();
    expect(await loadPreview(postId, subscriber)).toBeNull();
    expect(await loadPreview(postId, other)).toBeNull();
    expect(await loadPreview(987_654, author)).toBeNull();
    // An editor may edit it, and sees their own (empty) preview: the saved post.
    expect((await loadPreview(postId, editor))?.post.title).toBe("Saved title");
  });
});
