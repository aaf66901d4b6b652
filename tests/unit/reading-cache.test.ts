import { describe, expect, it } from "vitest";
import { cached, invalidateTags, peek } from "@/lib/site/cache";
import { revalidateCommentTags, revalidatePostTags } from "@/lib/site/cache-tags";

describe("read cache", () => {
  it("serves a cached value until one of its tags is invalidated", async () => {
    let loads = 0;
    const load = () => ++loads;
    expect(await cached("k1", ["post:1"], load)).toBe(1);
    expect(await cached("k1", ["post:1"], load)).toBe(1);
    invalidateTags("post:2");
    expect(await cached("k1", ["post:1"], load)).toBe(1);
    invalidateTags("post:1");
    expect(await cached("k1", ["post:1"], load)).toBe(2);
  });

  it("revalidatePostTags clears listings and that post; revalidateCommentTags clears only that post's comments", async () => {
    await cached("listing", ["posts"], () => "l");
    await cached("c7", ["comments:7"], () => "c7");
    await cached("c8", ["comments:8"], () => "c8");
    revalidateCommentTags(7);
    expect(peek("c7")).toBeUndefined();
    expect(peek("c8")).toBe("c8");
    expect(peek("listing")).toBe("l");
    revalidatePostTags(3);
    expect(peek("listing")).toBeUndefined();
  });

  it("forgets every whole page on any invalidation", async () => {
    await cached("html:/", ["html"], () => "<html>");
    invalidateTags("comments:99");
    expect(peek("html:/")).toBeUndefined();
  });
});

describe("page cache admission", () => {
  it("takes only cookie-less GETs with a reader's query string", async () => {
    const { isCacheable } = await import("@/lib/site/page-cache");
    const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, headers: new Headers(headers), url: new URL(url, "http://x") });
    expect(isCacheable(req("/"))).toBe(true);
    expect(isCacheable(req("/?s=tea&paged=2"))).toBe(true);
    expect(isCacheable(req("/?utm=1"))).toBe(false);
    expect(isCacheable(req("/?_rsc=abc"))).toBe(false);
    expect(isCacheable(req("/", { cookie: "a=1" }))).toBe(false);
    expect(isCacheable(req("/", { rsc: "1" }))).toBe(false);
    expect(isCacheable(req("/", {}, "POST"))).toBe(false);
  });
});
