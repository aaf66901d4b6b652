// A post's address answers HTML to browsers and ActivityPub JSON to fediverse servers, so every
// answer there says it varies with Accept (a shared cache in front must keep them apart), merged
// with the fields Next and the compression add.
import { test, expect, type APIResponse } from "@playwright/test";
import { discussionPost } from "../support/discussion";

const fields = (r: APIResponse) => (r.headers()["vary"] ?? "").toLowerCase().split(/\s*,\s*|\n/);

test("a post's HTML, rendered and from the page cache, and its JSON all vary with Accept", async ({ request }) => {
  const post = discussionPost("threads");
  // Rendered by Next (a cookie keeps the page cache out of it).
  const rendered = await request.get(post, { headers: { cookie: "reader=1", "accept-encoding": "gzip" } });
  expect(rendered.status()).toBe(200);
  expect(rendered.headers()["content-type"]).toContain("text/html");
  expect(fields(rendered)).toEqual(expect.arrayContaining(["accept", "rsc", "accept-encoding"]));

  let cached = await request.get(post, { headers: { "accept-encoding": "gzip" } });
  for (let i = 0; i < 5 && cached.headers()["x-inkwell-cache"] !== "hit"; i++) cached = await request.get(post, { headers: { "accept-encoding": "gzip" } });
  expect(cached.headers()["x-inkwell-cache"]).toBe("hit");
  expect(fields(cached)).toEqual(expect.arrayContaining(["accept", "accept-encoding"]));

  const json = await request.get(post, { headers: { accept: "application/activity+json" } });
  expect(json.headers()["content-type"]).toBe("application/activity+json");
  expect(fields(json)).toContain("accept");
});
