// Every check a new comment runs must read only the rows of this author, address or post. The
// duplicate check once matched `parent_id IS NULL` through comments_parent, reading every
// top-level comment on the site, so each comment cost more than the last (2.1 ms → 5 ms of
// server time per comment after a few thousand comments).
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { COMMENT_CHECK_SQL } from "@/db/queries/comments";

function plan(sql: string): string {
  const n = (sql.match(/\?/g) ?? []).length;
  const rows = getDb().$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array<number>(n).fill(1)) as { detail: string }[];
  return rows.map((r) => r.detail).join("\n");
}

const EXPECTED: Record<keyof typeof COMMENT_CHECK_SQL, RegExp> = {
  duplicateByEmail: /^SEARCH comments USING (?:COVERING )?INDEX comments_email_\w+ \(author_email=\?/,
  duplicateNoEmail: /^SEARCH comments USING (?:COVERING )?INDEX comments_post_\w+ \(post_id=\?/,
  floodByIp: /^SEARCH comments USING (?:COVERING )?INDEX comments_ip_date \(author_ip=\? AND date_gmt>\?\)/,
  floodByEmail: /^SEARCH comments USING (?:COVERING )?INDEX comments_email_date \(author_email=\? AND date_gmt>\?\)/,
  approvedBefore: /^SEARCH comments USING (?:COVERING )?INDEX comments_email_status \(author_email=\? AND status=\?\)/,
};

describe("the checks of a new comment (EXPLAIN QUERY PLAN)", () => {
  it.each(Object.keys(COMMENT_CHECK_SQL) as (keyof typeof COMMENT_CHECK_SQL)[])("%s reads only its own author's, address's or post's rows", (name) => {
    const steps = plan(COMMENT_CHECK_SQL[name]);
    expect(steps).toMatch(EXPECTED[name]);
    expect(steps).not.toMatch(/comments_parent|^SCAN/m);
  });
});
