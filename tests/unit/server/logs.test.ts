import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
process.env.AUTH_SECRET = "unit-test-secret";
import { verifySignIn } from "@/lib/auth/sign-in";
import { submitComment } from "@/lib/comments/submit";
import { issueFormToken } from "@/lib/comments/form-token";
import { onRequestError } from "@/instrumentation";
import { makePost, makeUser } from "../support/factories";
import { startPeer, WP_TRACKBACK_OK } from "../support/peer";
import { sendPostPings } from "@/lib/linkbacks/send";

// Everything a log line must never carry.
const PASSWORD = "correct-horse-battery-staple-9";
const WRONG = "wrong-password-Zq81x";
const SESSION = "sessiontoken-abcdef0123456789";
const AUTHOR_TOKEN = "tok_authortoken_ZZZZZZZZZZZZZZZZZZZZ";
const QUERY_TOKEN = "resetkey-5551234";
const EMAIL = "private.person@example.org";
const IP_COMMENT = "203.0.113.77";

let lines: string[] = [];
let restore: () => void;

beforeEach(() => {
  process.env.INKWELL_LOG = "on";
  lines = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    return true;
  });
  restore = () => spy.mockRestore();
});
afterEach(() => {
  restore();
  process.env.INKWELL_LOG = "off";
});

function events() {
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

function expectClean() {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(() => JSON.parse(line), line).not.toThrow();
    for (const secret of [PASSWORD, WRONG, SESSION, AUTHOR_TOKEN, QUERY_TOKEN, EMAIL, IP_COMMENT, "authjs.session-token"]) {
      expect(line, `log line leaks ${secret}`).not.toContain(secret);
    }
  }
}

describe("structured logs", () => {
  it("a failed sign-in is one JSON line without the password", async () => {
    const u = await makeUser("author", PASSWORD);
    expect((await verifySignIn(u.login, WRONG, "10.9.0.1")).status).toBe("invalid");
    expect((await verifySignIn(u.login, PASSWORD, "10.9.0.1")).status).toBe("ok");
    expect(events().map((e) => e.event)).toContain("signin_failed");
    expectClean();
  });

  it("a comment's moderation decision is logged without the commenter's email, address or token", async () => {
    const author = await makeUser("author");
    const post = await makePost(author.id);
    const r = await submitComment(
      {
        postId: String(post.id),
        parentId: "0",
        author: "Private Person",
        email: EMAIL,
        url: "",
        comment: "A remark for the log test.",
        consent: "",
        honeypot: "",
        timestamp: issueFormToken(post.id, Date.now() - 5_000),
      },
      { ip: IP_COMMENT, userAgent: "Mozilla/5.0 test", user: null, authorToken: AUTHOR_TOKEN },
    );
    expect(r.ok).toBe(true);
    const moderation = events().find((e) => e.event === "moderation");
    expect(moderation).toMatchObject({ type: "comment", postId: post.id, status: "0", reason: "not_previously_approved" });
    expect(moderation!.commentId).toBe(r.ok ? r.comment.id : -1);
    expectClean();
  });

  it("a request error is one JSON line without headers or the query string", async () => {
    await onRequestError(
      new Error("database is locked"),
      {
        path: `/wp-login.php?action=rp&key=${QUERY_TOKEN}`,
        method: "POST",
        headers: { cookie: `authjs.session-token=${SESSION}`, authorization: `Bearer ${SESSION}` },
      },
      { routerKind: "App Router", routePath: "/login", routeType: "action", renderSource: "server-rendering", revalidateReason: undefined },
    );
    expect(events()).toEqual([expect.objectContaining({ event: "request_error", method: "POST", path: "/wp-login.php", route: "/login", error: "Error: database is locked" })]);
    expectClean();
  });

  it("each ping sent is one JSON line with the post, URL, protocol and result", async () => {
    process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
    const peer = await startPeer((r) => (r.path === "/tb/" && r.method === "POST" ? { headers: { "content-type": "text/xml" }, body: WP_TRACKBACK_OK } : undefined));
    try {
      const author = await makeUser("author");
      const post = await makePost(author.id, { content: "<p>No links.</p>", toPing: `${peer.origin}/tb/` });
      await sendPostPings(post.id);
      expect(events().find((e) => e.event === "ping_sent")).toMatchObject({ postId: post.id, url: `${peer.origin}/tb/`, protocol: "trackback", result: "sent" });
      expectClean();
    } finally {
      await peer.close();
    }
  });
});
