// Writes that arrive together give the same answers on both engines. SQLite's writers take turns
// (BEGIN IMMEDIATE); PostgreSQL runs transactions side by side, so there the queries lock what
// they check: new slugs are chosen one save at a time, a category made twice at once is made once,
// and two administrators demoted at once cannot leave the site without one.
import { describe, expect, it } from "vitest";
import { queryRows, rawSql } from "@/db";
import { autosavePost } from "@/db/queries/post-editor";
import { addCategoryInline } from "@/db/queries/term-admin";
import { updateUserRole } from "@/db/queries/user-admin";
import { makeUser } from "../support/factories";

describe("writes that arrive together", () => {
  it("new drafts with one title get distinct slugs", async () => {
    const u = await makeUser("author");
    const draft = () => autosavePost({ type: "post", title: "Same title", content: "", excerpt: "", userId: u.id, date: "2026-01-01 00:00:00", dateGmt: "2026-01-01 00:00:00", defaultCategoryId: 0 });
    const made = await Promise.all(Array.from({ length: 6 }, draft));
    const rows = await queryRows<{ slug: string }>(rawSql(`SELECT slug FROM posts WHERE id IN (${made.map(() => "?").join(", ")})`, ...made.map((m) => m.id)));
    expect(rows.map((r) => r.slug).sort()).toEqual(["same-title", "same-title-2", "same-title-3", "same-title-4", "same-title-5", "same-title-6"]);
  });

  it("one category added inline from several editors at once is made once", async () => {
    const terms = await Promise.all(Array.from({ length: 5 }, () => addCategoryInline("Racing", null)));
    expect(new Set(terms.map((t) => t.id)).size).toBe(1);
  });

  it("of two administrators demoted at once, one stays", async () => {
    for (const { id } of await queryRows<{ id: number }>(rawSql("SELECT id FROM users WHERE role = 'administrator'"))) await updateUserRole(id, "editor");
    const a = await makeUser("administrator");
    const b = await makeUser("administrator");
    const answers = await Promise.all([updateUserRole(a.id, "editor"), updateUserRole(b.id, "editor")]);
    expect(answers.sort()).toEqual(["last-administrator", "ok"]);
  });
});
