// No listing's cost may grow with the number of posts: each must reach its rows through an
// index (SQLite's "SEARCH ... USING INDEX"), never a full "SCAN" of posts, comments or terms.
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { LISTING_SQL } from "@/db/queries/archives";
import { SEARCH_SQL } from "@/db/queries/search";
import { FEED_SQL, SITEMAP_SQL } from "@/db/queries/feeds";
import { THREAD_SQL } from "@/db/queries/comments";
import { TERMS_FOR_POSTS_SQL } from "@/db/queries/posts";

const ARGS: Record<string, unknown[]> = {
  home: [10, 0], homeCount: [], sticky: [], author: [1, 10, 0], authorCount: [1],
  dates: ["2025-01-01", "2025-02-01", 10, 0], datesCount: ["2025-01-01", "2025-02-01"],
  terms: ["[1,2]", 10, 0], termsCount: ["[1,2]"], previous: ["2025-01-01", 5], next: ["2025-01-01", 5],
  recentComments: [20, 0], categories: [], tagCloud: [45], termDescendants: [1], dueFuture: ["2025-01-01"],
  page: ['"tea"', 10, 0], count: ['"tea"'], recent: [40, 0], forPost: [1, 10],
};
const SITEMAP_ARGS: Record<string, unknown[]> = { count: ["post"], page: ["post", 2000, 0], terms: ["category", 2000, 0], termsCount: ["category"] };

function plan(sql: string, args: unknown[]): string[] {
  return (getDb().$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
}

const cases = [
  ...Object.entries(LISTING_SQL).map(([k, s]) => [`archives.${k}`, s, ARGS[k]!] as const),
  ...Object.entries(SEARCH_SQL).map(([k, s]) => [`search.${k}`, s, ARGS[k]!] as const),
  ...Object.entries(FEED_SQL).map(([k, s]) => [`feeds.${k}`, s, ARGS[k]!] as const),
  ...Object.entries(SITEMAP_SQL).map(([k, s]) => [`sitemap.${k}`, s, SITEMAP_ARGS[k]!] as const),
  ["thread.approved", THREAD_SQL.approved, [1] as unknown[]] as const,
  ["thread.withOwn", THREAD_SQL.withOwn, [1, "token"] as unknown[]] as const,
  ["posts.termsForPosts", TERMS_FOR_POSTS_SQL, ["[1,2,3]"] as unknown[]] as const,
];

describe("EXPLAIN QUERY PLAN", () => {
  it.each(cases)("%s reaches its rows through an index", (_name, sql, args) => {
    const steps = plan(sql, args);
    // A subquery's own rows (CO-ROUTINE x, then SCAN x) are bounded by its LIMIT; its table access is a step of its own.
    const coroutines = new Set(steps.map((d) => /^CO-ROUTINE (\w+)/.exec(d)?.[1]).filter(Boolean));
    const fullScans = steps.filter((d) => /^SCAN (p|u|c|f|posts|comments|terms|users|post_terms)\b/.test(d) && !/USING (COVERING )?INDEX|VIRTUAL TABLE/.test(d) && !coroutines.has(d.split(" ")[1]));
    expect(fullScans, steps.join("\n")).toEqual([]);
  });
});
