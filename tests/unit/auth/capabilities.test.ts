import { describe, expect, it } from "vitest";
import { CAPABILITIES, canDeletePost, canEditPost, canPublish, canReadPrivate, roleCan, type Capability } from "@/lib/auth/capabilities";
import { ROLES, type Role } from "@/db/schema";

// WordPress 6.x's role → capability table (wp-admin/includes/schema.php populate_roles).
const EXPECTED: Record<Role, Capability[]> = {
  administrator: [...CAPABILITIES],
  editor: [
    "read", "edit_posts", "edit_others_posts", "edit_published_posts", "publish_posts", "delete_posts", "delete_others_posts",
    "delete_published_posts", "read_private_posts", "edit_private_posts", "edit_pages", "edit_others_pages", "edit_published_pages",
    "publish_pages", "delete_pages", "delete_others_pages", "read_private_pages", "moderate_comments", "manage_categories",
    "upload_files", "unfiltered_html",
  ],
  author: ["read", "edit_posts", "edit_published_posts", "publish_posts", "delete_posts", "delete_published_posts", "upload_files"],
  contributor: ["read", "edit_posts", "delete_posts"],
  subscriber: ["read"],
};

describe("capability matrix", () => {
  for (const role of ROLES) {
    for (const cap of CAPABILITIES) {
      const allowed = EXPECTED[role].includes(cap);
      it(`${role} ${allowed ? "can" : "cannot"} ${cap}`, () => {
        expect(roleCan(role, cap)).toBe(allowed);
      });
    }
  }
});

describe("ownership rules", () => {
  const me = (role: Role) => ({ id: 1, role });
  const mine = (status: string, type: "post" | "page" = "post", trashedFrom: string | null = null) => ({ authorId: 1, status, type, trashedFrom });
  const theirs = (status: string, type: "post" | "page" = "post", trashedFrom: string | null = null) => ({ authorId: 2, status, type, trashedFrom });

  it("an author edits and deletes only their own posts, published included", () => {
    expect(canEditPost(me("author"), mine("publish"))).toBe(true);
    expect(canEditPost(me("author"), mine("draft"))).toBe(true);
    expect(canEditPost(me("author"), theirs("draft"))).toBe(false);
    expect(canDeletePost(me("author"), mine("publish"))).toBe(true);
    expect(canDeletePost(me("author"), theirs("publish"))).toBe(false);
  });

  it("a contributor edits their own unpublished posts only and cannot publish", () => {
    expect(canEditPost(me("contributor"), mine("draft"))).toBe(true);
    expect(canEditPost(me("contributor"), mine("pending"))).toBe(true);
    expect(canEditPost(me("contributor"), mine("publish"))).toBe(false);
    expect(canEditPost(me("contributor"), theirs("draft"))).toBe(false);
    expect(canDeletePost(me("contributor"), mine("publish"))).toBe(false);
    expect(canPublish(me("contributor"), "post")).toBe(false);
    expect(canPublish(me("author"), "post")).toBe(true);
    expect(canPublish(me("author"), "page")).toBe(false);
  });

  it("an editor edits everyone's posts and pages, private included", () => {
    expect(canEditPost(me("editor"), theirs("publish"))).toBe(true);
    expect(canEditPost(me("editor"), theirs("private"))).toBe(true);
    expect(canEditPost(me("editor"), theirs("publish", "page"))).toBe(true);
    expect(canEditPost(me("author"), mine("draft", "page"))).toBe(false);
  });

  it("private posts are readable by their author and by editors, not by others", () => {
    expect(canReadPrivate(null, theirs("private"))).toBe(false);
    expect(canReadPrivate(me("subscriber"), theirs("private"))).toBe(false);
    expect(canReadPrivate(me("author"), mine("private"))).toBe(true);
    expect(canReadPrivate(me("editor"), theirs("private"))).toBe(true);
  });

  it("a trashed post is judged by the status it had before the Trash, and as published when that is unknown", () => {
    expect(canDeletePost(me("contributor"), mine("trash", "post", "draft"))).toBe(true);
    expect(canDeletePost(me("contributor"), mine("trash", "post", "publish"))).toBe(false);
    expect(canDeletePost(me("contributor"), mine("trash", "post", "future"))).toBe(false);
    expect(canEditPost(me("contributor"), mine("trash", "post", "publish"))).toBe(false);
    expect(canDeletePost(me("contributor"), mine("trash", "post", null))).toBe(false);
    expect(canDeletePost(me("author"), mine("trash", "post", "publish"))).toBe(true);
    expect(canEditPost(me("author"), theirs("trash", "post", "draft"))).toBe(false);
    expect(canEditPost(me("editor"), theirs("trash", "post", "private"))).toBe(true);
  });

  it("a subscriber can only read", () => {
    expect(canEditPost(me("subscriber"), mine("draft"))).toBe(false);
    expect(canDeletePost(me("subscriber"), mine("draft"))).toBe(false);
  });
});
