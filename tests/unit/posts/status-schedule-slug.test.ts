import { describe, expect, it } from "vitest";
import { resolveStatus } from "@/lib/posts/status";
import { resolvePostDate } from "@/lib/posts/schedule";
import { parseTagList, resolveSlug } from "@/lib/posts/slug";
import { sideBySide, htmlToLines } from "@/lib/posts/diff";
import { flattenTree } from "@/lib/posts/tree";

const now = Date.UTC(2026, 10, 25, 12, 0, 0);
const base = { current: null, canPublish: true, visibility: "public" as const, dateMs: now, nowMs: now };

describe("status flow", () => {
  it("Publish with a date in the future schedules; private visibility publishes privately", () => {
    expect(resolveStatus({ ...base, intent: "publish" })).toEqual({ status: "publish" });
    expect(resolveStatus({ ...base, intent: "publish", dateMs: now + 5000 })).toEqual({ status: "future" });
    expect(resolveStatus({ ...base, intent: "publish", visibility: "private" })).toEqual({ status: "private" });
  });
  it("a contributor's Publish becomes Submit for Review", () => {
    expect(resolveStatus({ ...base, intent: "publish", canPublish: false })).toEqual({ status: "pending" });
    expect(resolveStatus({ ...base, intent: "submit_review", canPublish: false })).toEqual({ status: "pending" });
  });
  it("Update keeps a live post live (and re-schedules for a future date); Switch to Draft unpublishes", () => {
    expect(resolveStatus({ ...base, intent: "update", current: "publish" })).toEqual({ status: "publish" });
    expect(resolveStatus({ ...base, intent: "update", current: "publish", dateMs: now + 60_000 })).toEqual({ status: "future" });
    expect(resolveStatus({ ...base, intent: "update", current: "draft" })).toEqual({ status: "draft" });
    expect(resolveStatus({ ...base, intent: "switch_draft", current: "publish" })).toEqual({ status: "draft" });
    expect(resolveStatus({ ...base, intent: "update", current: "publish", canPublish: false })).toHaveProperty("error");
  });
  it("Save Draft keeps a pending post pending", () => {
    expect(resolveStatus({ ...base, intent: "save_draft", current: "pending" })).toEqual({ status: "pending" });
  });
});

describe("post dates in the site's time zone", () => {
  const at = new Date(now);
  it("stores local time and GMT", () => {
    expect(resolvePostDate("2026-07-01T09:30", "Europe/Paris", at)).toEqual({ date: "2026-07-01 09:30:00", dateGmt: "2026-07-01 07:30:00", ms: Date.UTC(2026, 6, 1, 7, 30) });
    expect(resolvePostDate("", "UTC", at)).toMatchObject({ date: "2026-11-25 12:00:00", dateGmt: "2026-11-25 12:00:00" });
  });
  it("refuses dates that do not exist: February 30th, and a time the spring DST change skips", () => {
    expect(resolvePostDate("2026-02-30T10:00", "UTC", at)).toHaveProperty("error");
    expect(resolvePostDate("2026-13-01T10:00", "UTC", at)).toHaveProperty("error");
    const gap = resolvePostDate("2026-03-29T02:30", "Europe/Paris", at);
    expect(gap).toHaveProperty("error");
    expect((gap as { error: string }).error).toMatch(/does not exist in Europe\/Paris/);
  });
});

describe("slugs and tags", () => {
  const taken = (s: string) => ["hello", "hello-2"].includes(s);
  it("makes a unique slug from a Unicode title, but a typed duplicate is an error", () => {
    expect(resolveSlug({ typed: "", title: "Hello", current: null, type: "post" }, taken)).toEqual({ slug: "hello-3" });
    expect(resolveSlug({ typed: "", title: "日本語のタイトル", current: null, type: "post" }, taken)).toEqual({ slug: "日本語のタイトル" });
    expect(resolveSlug({ typed: "hello", title: "x", current: null, type: "post" }, taken)).toHaveProperty("error");
    // The editor fills the field from the title: a second post with a taken title gets -N, as in WordPress.
    expect(resolveSlug({ typed: "hello", title: "Hello", current: null, type: "post" }, taken)).toEqual({ slug: "hello-3" });
    expect(resolveSlug({ typed: "hello", title: "Hello", current: "hello-3", type: "post" }, taken)).toEqual({ slug: "hello-3" });
    expect(resolveSlug({ typed: "hello", title: "x", current: "hello", type: "post" }, taken)).toEqual({ slug: "hello" });
    expect(resolveSlug({ typed: "!!!", title: "x", current: null, type: "post" }, taken)).toHaveProperty("error");
  });
  it("splits tags on commas, trimming and dropping duplicates", () => {
    expect(parseTagList(" News, tech ,, news，Café ")).toEqual(["News", "tech", "Café"]);
  });
});

describe("side-by-side diff", () => {
  it("pairs a changed line with its replacement and keeps equal lines on both sides", () => {
    const rows = sideBySide(htmlToLines("<p>Same</p><p>Old words</p>"), htmlToLines("<p>Same</p><p>New words</p><p>Added</p>"));
    expect(rows[0]).toEqual({ left: { text: "<p>Same</p>", kind: "same" }, right: { text: "<p>Same</p>", kind: "same" } });
    expect(rows[1]).toEqual({ left: { text: "<p>Old words</p>", kind: "removed" }, right: { text: "<p>New words</p>", kind: "added" } });
    expect(rows[2]).toEqual({ left: { text: "", kind: "empty" }, right: { text: "<p>Added</p>", kind: "added" } });
  });
});

describe("trees", () => {
  it("orders children under parents with depth, and keeps rows in a loop visible", () => {
    const out = flattenTree([
      { id: 3, parentId: 1 },
      { id: 1, parentId: null },
      { id: 2, parentId: null },
      { id: 4, parentId: 3 },
      { id: 5, parentId: 6 },
      { id: 6, parentId: 5 },
    ]);
    expect(out.map((r) => [r.id, r.depth])).toEqual([[1, 0], [3, 1], [4, 2], [2, 0], [5, 0], [6, 1]]);
  });
});
