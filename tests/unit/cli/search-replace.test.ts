// What `inkwell search-replace` does to one stored value: serialized lengths counted in bytes,
// JSON rebuilt, anything that only looks structured replaced as text.
import { describe, it, expect } from "vitest";
import { replaceInValue } from "@/lib/content/search-replace";

const OLD = "http://old.example";
const NEW = "https://café.example";

describe("replaceInValue", () => {
  it("fixes PHP string lengths in bytes, inside arrays and objects", () => {
    const v = `O:8:"stdClass":1:{s:3:"url";a:2:{i:0;s:${Buffer.byteLength(`${OLD}/é`)}:"${OLD}/é";i:1;b:1;}}`;
    const r = replaceInValue(v, OLD, NEW);
    const url = `${NEW}/é`;
    expect(r.count).toBe(1);
    expect(r.value).toBe(`O:8:"stdClass":1:{s:3:"url";a:2:{i:0;s:${Buffer.byteLength(url)}:"${url}";i:1;b:1;}}`);
  });

  it("rewrites JSON values through their strings, quotes and all", () => {
    const r = replaceInValue(JSON.stringify({ a: [OLD, `say "${OLD}"`], n: 3 }), OLD, 'https://new.example/"q"');
    expect(JSON.parse(r.value)).toEqual({ a: ['https://new.example/"q"', 'say "https://new.example/"q""'], n: 3 });
    expect(r.count).toBe(2);
  });

  it("replaces as text what only looks serialized, and counts nothing when absent", () => {
    const broken = `s:99:"${OLD}";`;
    expect(replaceInValue(broken, OLD, NEW)).toEqual({ value: `s:99:"${NEW}";`, count: 1 });
    expect(replaceInValue(`<a href="${OLD}">${OLD}</a>`, OLD, NEW).count).toBe(2);
    expect(replaceInValue("nothing here", OLD, NEW)).toEqual({ value: "nothing here", count: 0 });
  });
});
