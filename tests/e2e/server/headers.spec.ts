// Every kind of response carries the headers README promises (server/main.mjs decides them last,
// so a route's own stricter policy, like the uploads' sandbox, is the one that goes out).
import { test, expect, type APIResponse } from "@playwright/test";
import sharp from "sharp";
import { signInAs } from "../support/auth";
import { discussionPost } from "../support/discussion";

function expectBaseline(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"], what).toBe("SAMEORIGIN");
  const csp = h["content-security-policy"] ?? "";
  expect(csp, what).toContain("frame-ancestors 'self'");
  expect(csp, what).toMatch(/(^|; )script-src /);
  expect(csp, what).not.toContain("'unsafe-inline' 'unsafe-eval'");
  return csp;
}

test("every kind of response carries the promised security headers", async ({ page, request }) => {
  // A page, rendered, then from the page cache: scripts only with that response's nonce.
  const post = discussionPost("threads");
  const first = await request.get(post);
  expect(expectBaseline(first, "page")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  let cached = first;
  for (let i = 0; i < 5 && cached.headers()["x-inkwell-cache"] !== "hit"; i++) cached = await request.get(post);
  expect(cached.headers()["x-inkwell-cache"]).toBe("hit");
  expect(expectBaseline(cached, "cached page")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);

  // Every other kind: the comment form's own pages, REST and XML-RPC run no script at all.
  const html = await first.text();
  const postId = /name="comment_post_ID"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="comment_post_ID"/.exec(html)?.slice(1).find(Boolean);
  const commentId = /id="comment-(\d+)"/.exec(html)?.[1];
  expect(postId && commentId).toBeTruthy();
  const others: [string, Promise<APIResponse>, number][] = [
    ["404 page", request.get("/no-such-page-anywhere/"), 404],
    ["comment error page", request.post("/wp-comments-post.php", { form: { comment_post_ID: postId!, comment: "" } }), 400],
    ["reply page", request.get(`/wp-comments-post.php?replytocom=${commentId}`), 200],
    ["feed", request.get("/feed/"), 200],
    ["REST API", request.get("/wp-json/wp/v2/posts"), 200],
    ["XML-RPC", request.post("/xmlrpc.php", { data: `<?xml version="1.0"?><methodCall><methodName>demo.sayHello</methodName></methodCall>`, headers: { "content-type": "text/xml" } }), 200],
  ];
  for (const [what, pending, status] of others) {
    const res = await pending;
    expect(res.status(), what).toBe(status);
    const csp = expectBaseline(res, what);
    if (/comment|reply|REST|XML-RPC/.test(what)) expect(csp, what).toContain("script-src 'none'");
  }

  // An upload keeps its own sandboxing policy.
  await signInAs(page, "author");
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: { r: 1, g: 2, b: 3 } } }).png().toBuffer();
  const up = await page.request.post("/admin/media/upload/", { multipart: { file: { name: "headers.png", mimeType: "image/png", buffer: png } }, headers: { accept: "application/json" } });
  expect(up.status()).toBe(201);
  const file = await request.get((await up.json()).url);
  expect(file.status()).toBe(200);
  const csp = expectBaseline(file, "upload");
  expect(csp).toContain("sandbox");
  expect(csp).toContain("default-src 'none'");
});
