// server/main.mjs hands comment posts to the route's own handler through this bridge: the
// handler must see the request as Next would give it, and the client must get its whole answer.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentFastPath } from "@/server/comment-fast-path";

let server: http.Server;
let base = "";
const seen: { url: string; method: string; body: string; ip: string | null; cookie: string | null }[] = [];

beforeAll(async () => {
  const fast = commentFastPath(async (req) => {
    seen.push({ url: req.url, method: req.method, body: await req.text(), ip: req.headers.get("x-inkwell-client-ip"), cookie: req.headers.get("cookie") });
    if (new URL(req.url).searchParams.has("boom")) throw new Error("handler failed");
    const headers = new Headers({ location: "/2026/01/01/hello/#comment-9", "cache-control": "no-store" });
    headers.append("set-cookie", "a=1; Path=/");
    headers.append("set-cookie", "b=2; Path=/");
    return new Response(null, { status: 303, headers });
  });
  server = http.createServer((req, res) => {
    req.headers["x-inkwell-client-ip"] = "203.0.113.5";
    if (!fast(req, res)) {
      res.writeHead(404);
      res.end("not the comment form");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("the comment fast path", () => {
  it("gives the handler the body, cookies and client address, and the client every header and cookie", async () => {
    const res = await fetch(`${base}/wp-comments-post.php`, {
      method: "POST", redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: "inkwell_comment_token=abc" },
      body: "comment_post_ID=5&comment=Hello%20there",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/2026/01/01/hello/#comment-9");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(seen.at(-1)).toMatchObject({ method: "POST", body: "comment_post_ID=5&comment=Hello%20there", ip: "203.0.113.5", cookie: "inkwell_comment_token=abc" });
    expect(seen.at(-1)!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wp-comments-post\.php$/);
  });

  it("leaves every other request and signed-in commenters to Next, and answers 500 (logged) when the handler throws", async () => {
    expect((await fetch(`${base}/wp-comments-post.php?replytocom=3`)).status).toBe(404);
    expect((await fetch(`${base}/other/`, { method: "POST", body: "x" })).status).toBe(404);
    // A signed-in commenter's session is read through Next's request context: Next answers.
    const signedIn = await fetch(`${base}/wp-comments-post.php`, { method: "POST", body: "x", headers: { cookie: "a=1; __Secure-authjs.session-token.0=abc" } });
    expect(signedIn.status).toBe(404);
    const failed = await fetch(`${base}/wp-comments-post.php?boom=1`, { method: "POST", body: "x" });
    expect(failed.status).toBe(500);
    expect(await failed.text()).toContain("Sorry, something went wrong");
  });
});
