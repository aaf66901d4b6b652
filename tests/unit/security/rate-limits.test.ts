// Floods: a key over its allowance is refused from memory, without a database write per refused
// request; a ping from a refused source host does not spend its sender's address allowance.
import { describe, expect, it } from "vitest";
import { queryRow, rawSql } from "@/db";
import { consumeRate } from "@/db/queries/rate-limits";
import { PING_RATE, withinPingRate } from "@/lib/linkbacks/receive";

const points = async (key: string) => (await queryRow<{ points: number }>(rawSql("SELECT points FROM rate_limits WHERE key = ?", key)))?.points;

describe("rate limits under a flood", () => {
  it("refuses past the limit and stops writing the count", async () => {
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await consumeRate("flood-test", "198.51.100.7", 3, 60));
    expect(results).toEqual([true, true, true, false, false, false, false, false]);
    // The first refusal may be recorded; none after it.
    expect(await points("flood-test:198.51.100.7")).toBeLessThanOrEqual(4);
    expect(await consumeRate("flood-test", "198.51.100.8", 3, 60)).toBe(true);
  });

  it("a ping from a source host over its allowance leaves the sender's address allowance alone", async () => {
    const host = new URL("http://flooding.example/post");
    for (let i = 0; i < PING_RATE.perSourceHost; i++) expect(await withinPingRate(host, `203.0.113.${i + 1}`)).toBe(true);
    expect(await withinPingRate(host, "203.0.113.200")).toBe(false);
    expect(await points("linkback-ip:203.0.113.200")).toBeUndefined();
    expect(await withinPingRate(new URL("http://quiet.example/"), "203.0.113.200")).toBe(true);
  });
});
