// The pieces of server/observe.mjs that decide: route kinds, who may read /metrics, log levels,
// and the request line itself; and the job counts /metrics asks the database for.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { logLevel, metricsAllowed, requestLogger, routeKind } from "@/server/observe.mjs";
import { countJobsByStatus, insertJob, failJob, claimJob } from "@/db/queries/jobs";

const req = (headers: Record<string, string> = {}) => ({ headers }) as unknown as import("node:http").IncomingMessage;

describe("/metrics access", () => {
  it("answers loopback callers that came straight, not through a proxy", () => {
    expect(metricsAllowed(req(), "127.0.0.1", undefined)).toBe(true);
    expect(metricsAllowed(req(), "::1", undefined)).toBe(true);
    expect(metricsAllowed(req(), "203.0.113.5", undefined)).toBe(false);
    // A loopback peer that forwards for someone else is a proxy (trusted or not): not this machine.
    expect(metricsAllowed(req({ "x-forwarded-for": "127.0.0.1" }), "127.0.0.1", undefined)).toBe(false);
    expect(metricsAllowed(req({ "x-forwarded-for": "203.0.113.5" }), "127.0.0.1", undefined)).toBe(false);
    expect(metricsAllowed(req({ forwarded: "for=203.0.113.5" }), "127.0.0.1", undefined)).toBe(false);
    // Headers the server has already dropped (an untrusted peer's) still count as a proxy's.
    expect(metricsAllowed(req(), "127.0.0.1", undefined, true)).toBe(false);
  });

  it("answers anyone with the bearer token, and nobody with a wrong or empty one", () => {
    expect(metricsAllowed(req({ authorization: "Bearer s3cret-token" }), "203.0.113.5", "s3cret-token")).toBe(true);
    expect(metricsAllowed(req({ authorization: "Bearer s3cret-tokeN" }), "203.0.113.5", "s3cret-token")).toBe(false);
    expect(metricsAllowed(req({ authorization: "Bearer " }), "203.0.113.5", "s3cret-token")).toBe(false);
    expect(metricsAllowed(req({ authorization: "Bearer anything" }), "203.0.113.5", undefined)).toBe(false);
  });
});

describe("logs", () => {
  it("take LOG_LEVEL, refuse a level that does not exist, and honour INKWELL_LOG=off", () => {
    expect(logLevel({})).toBe("info");
    expect(logLevel({ LOG_LEVEL: "WARN" })).toBe("warn");
    expect(logLevel({ LOG_LEVEL: "info", INKWELL_LOG: "off" })).toBe("silent");
    expect(() => logLevel({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL "loud" is not one of/);
  });

  it("write one JSON line per request with its level name, and nothing below the chosen level", async () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on("data", (d: Buffer) => chunks.push(d.toString()));
    const info = requestLogger({ LOG_LEVEL: "info" }, out);
    info.info({ event: "request", method: "GET", path: "/", status: 200, ms: 1.2 });
    const warn = requestLogger({ LOG_LEVEL: "warn" }, out);
    warn.info({ event: "request", method: "GET", path: "/quiet", status: 200, ms: 1 });
    warn.error({ event: "request", method: "GET", path: "/broken", status: 500, ms: 3 });
    await new Promise((r) => setImmediate(r));
    const lines = chunks.join("").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: "info", event: "request", path: "/", status: 200 });
    expect(lines[1]).toMatchObject({ level: "error", path: "/broken" });
    expect(typeof lines[0].time).toBe("string");
  });
});

describe("route kinds", () => {
  it("put each request in one of a few families", () => {
    expect(routeKind("/")).toBe("page");
    expect(routeKind("/2026/01/hello/")).toBe("page");
    expect(routeKind("/feed/")).toBe("feed");
    expect(routeKind("/category/news/feed/")).toBe("feed");
    expect(routeKind("/admin/posts/")).toBe("admin");
    expect(routeKind("/wp-json/wp/v2/posts/")).toBe("rest");
    expect(routeKind("/wp-comments-post.php")).toBe("comment");
    expect(routeKind("/wp-content/uploads/2026/01/a.jpg")).toBe("upload");
    expect(routeKind("/_next/static/chunks/x.js")).toBe("asset");
    expect(routeKind("/login/")).toBe("auth");
    expect(routeKind("/healthz/")).toBe("health");
  });
});

describe("job counts for /metrics", () => {
  it("count the backlog and the jobs that gave up", async () => {
    const before = await countJobsByStatus();
    await insertJob("test.metrics", {});
    await insertJob("test.metrics", {});
    const claimed = await claimJob(Date.now() + 1000);
    if (claimed) await failJob(claimed.id, "gave up", null);
    const after = await countJobsByStatus();
    expect((after.queued ?? 0) - (before.queued ?? 0)).toBe(1);
    expect((after.failed ?? 0) - (before.failed ?? 0)).toBe(1);
  });
});
