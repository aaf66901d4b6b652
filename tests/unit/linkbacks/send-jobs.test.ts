// The job queue (claim, backoff, crash recovery) and sending pings to peers that answer as
// WordPress does, over real HTTP on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { startPeer, WP_TRACKBACK_OK, wpPingbackOk, type PeerRequest } from "../support/peer";
import { claimJob, completeJob, deleteFinishedJobs, getJob, insertJob } from "@/db/queries/jobs";
import { getPostById } from "@/db/queries/posts";
import { listPingsForPost } from "@/db/queries/pings";
import { updateOptions } from "@/db/queries/options";
import { backoffMs, registerJobHandler, runOneJob, enqueueJob, MAX_ATTEMPTS, startJobPoller, stopJobPoller } from "@/lib/jobs/queue";
import { enqueuePostPings, JOB_SEND_PINGS } from "@/lib/jobs";
import { parseMethodCall } from "@/lib/linkbacks/xmlrpc";
import { parseTrackbackForm } from "@/lib/linkbacks/trackback";
import { sendPostPings } from "@/lib/linkbacks/send";

const HOUR = 3600_000;

describe("job queue", () => {
  it("claims a due job once, with one UPDATE ... RETURNING", async () => {
    const now = Date.now() + 10 * HOUR; // later than anything other tests left queued
    const job = await insertJob("test-claim", { a: 1 }, now, now);
    const claimed = await claimJob(now + 1);
    expect(claimed).toMatchObject({ id: job.id, status: "running", attempts: 1 });
    expect(claimed!.lockedUntil).toBeGreaterThan(now);
    expect(await claimJob(now + 1)).toBeUndefined();
    // The runner died: once the lock expires the job is claimed again (crash recovery).
    const again = await claimJob(claimed!.lockedUntil! + 1);
    expect(again).toMatchObject({ id: job.id, attempts: 2 });
    await completeJob(job.id);
    expect(await getJob(job.id)).toMatchObject({ status: "done", lockedUntil: null });
  });

  it("forgets finished jobs after a while, never queued ones", async () => {
    const old = Date.now() - 30 * 24 * HOUR;
    const done = await insertJob("test-old", {}, old, old);
    await completeJob(done.id);
    const queued = await insertJob("test-old-queued", {}, old, Date.now() + 100 * HOUR);
    expect(await deleteFinishedJobs(Date.now() - 7 * 24 * HOUR)).toBeGreaterThanOrEqual(1);
    expect(await getJob(done.id)).toBeUndefined();
    expect((await getJob(queued.id))?.status).toBe("queued");
  });

  it("does not claim jobs before run_at", async () => {
    const now = Date.now() + 20 * HOUR;
    await insertJob("test-later", {}, now, now + HOUR);
    expect(await claimJob(now)).toBeUndefined();
    const later = await claimJob(now + HOUR);
    expect(later?.type).toBe("test-later");
    await completeJob(later!.id);
  });

  it("retries failures with exponential backoff, then gives up", async () => {
    let calls = 0;
    registerJobHandler("test-flaky", async () => {
      calls++;
      throw new Error("peer down");
    });
    const job = await enqueueJob("test-flaky", {});
    let t = Date.now() + 30 * HOUR;
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      expect(await runOneJob(t)).toBe(true);
      const row = (await getJob(job.id))!;
      expect(row.attempts).toBe(i);
      if (i < MAX_ATTEMPTS) {
        expect(row.status).toBe("queued");
        expect(row.lastError).toBe("peer down");
        expect(row.runAt - Date.now()).toBeGreaterThan(backoffMs(i) - 1000);
        t = Math.max(t, row.runAt) + 1;
      } else expect(row.status).toBe("failed");
    }
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(backoffMs(1, 1000)).toBe(1000);
    expect(backoffMs(3, 1000)).toBe(16000);
  });

  it("on SIGTERM the poller stops claiming and the job in hand finishes", async () => {
    let finished = false;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    registerJobHandler("test-slow", async () => {
      started();
      await new Promise((r) => setTimeout(r, 300));
      finished = true;
    });
    const slow = await enqueueJob("test-slow", {});
    const after = await enqueueJob("test-slow", { second: true });
    startJobPoller();
    await running;
    await stopJobPoller();
    expect(finished).toBe(true);
    expect((await getJob(slow.id))!.status).toBe("done");
    // Nothing new was claimed after the shutdown began.
    expect((await getJob(after.id))!.status).toBe("queued");
    await new Promise((r) => setTimeout(r, 300));
    expect((await getJob(after.id))!.status).toBe("queued");
    await completeJob(after.id);
  });

  it("enqueuePostPings adds one queued job per post, never two", async () => {
    await enqueuePostPings(999_001);
    await enqueuePostPings(999_001);
    const first = await claimJob(Date.now() + 40 * HOUR);
    expect(first?.type).toBe(JOB_SEND_PINGS);
    expect(JSON.parse(first!.payload)).toEqual({ postId: 999_001 });
    await completeJob(first!.id);
    expect(await claimJob(Date.now() + 40 * HOUR)).toBeUndefined();
  });

  // On PostgreSQL claims run side by side on the pool's connections (as pollers in several
  // processes would): each must still take its own job, none twice, none lost.
  it("hands each job to exactly one of many concurrent claims", async () => {
    const now = Date.now() + 45 * HOUR;
    const mine = new Set<number>();
    for (let i = 0; i < 40; i++) mine.add((await insertJob("test-concurrent", { i }, now, now)).id);
    const claims = await Promise.all(Array.from({ length: 120 }, () => claimJob(now)));
    const ids = claims.filter((j) => j !== undefined).map((j) => j.id);
    expect(ids.length).toBe(new Set(ids).size);
    for (const id of mine) expect(ids).toContain(id);
    for (const id of ids) await completeJob(id);
    expect((await getJob([...mine][0]!))).toMatchObject({ status: "done", attempts: 1 });
  });
});

describe("sending pings to WordPress-like peers", () => {
  let wp: Awaited<ReturnType<typeof startPeer>>;
  let failing = true;
  let authorId = 0;
  beforeAll(async () => {
    process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
    authorId = (await makeUser("author")).id;
    wp = await startPeer((r: PeerRequest) => {
      const path = r.path.split("?")[0];
      // A WordPress post: pingback via X-Pingback (WordPress sends it on single posts).
      if (path === "/wp/post/") return { headers: { "x-pingback": `${wp.origin}/xmlrpc.php` }, body: "<html><head><title>WP post</title></head><body>hi</body></html>" };
      if (path === "/wp/trackback/" && r.method === "POST") return { headers: { "content-type": "text/xml; charset=utf-8" }, body: WP_TRACKBACK_OK };
      if (path === "/xmlrpc.php" && r.method === "POST") {
        const call = parseMethodCall(r.body);
        return { headers: { "content-type": "text/xml; charset=UTF-8" }, body: wpPingbackOk(String(call.params[0]), String(call.params[1])) };
      }
      // An IndieWeb page: Webmention in the HTML only (relative, with a query string).
      if (path === "/indie/note") return { body: '<html><head><link rel="webmention" href="/wm?token=abc"></head><body>note</body></html>' };
      if (path === "/wm" && r.method === "POST") return { status: 202, body: "" };
      if (path === "/plain/page") return { body: "<p>no endpoints</p>" };
      if (path === "/flaky/page") return failing ? { status: 503, body: "" } : { headers: { "x-pingback": `${wp.origin}/xmlrpc.php` }, body: "ok" };
      return undefined;
    });
  });
  afterAll(() => wp.close());

  it("sends a trackback to every 'Send trackbacks to' URL and pingback/webmention to each link; records the results", async () => {
    const post = await makePost(authorId, {
      title: "My “new” post",
      content: `<p>See <a href="${wp.origin}/wp/post/">a WP post</a>, <a href="${wp.origin}/indie/note">a note</a>, <a href="${wp.origin}/plain/page">plain</a>, <a href="http://blog.test/2026/01/15/self/">myself</a> and <a href="${wp.origin}/">a home page</a>.</p>`,
      toPing: `${wp.origin}/wp/trackback/`,
    });
    const permalink = `http://blog.test/2026/01/15/${post.slug}/`;
    const summary = await sendPostPings(post.id);
    expect(summary).toMatchObject({ sent: 3, failed: 0, noEndpoint: 1, retry: [] });

    const tb = wp.requests.find((r) => r.path === "/wp/trackback/")!;
    expect(tb.headers["content-type"]).toContain("application/x-www-form-urlencoded");
    expect(tb.headers["user-agent"]).toBe("Inkwell/0.1; http://blog.test");
    const form = parseTrackbackForm(tb.body);
    expect(form.ok && form.value).toMatchObject({ url: permalink, title: "My “new” post", blogName: "Inkwell" });
    expect(form.ok && form.value.excerpt).toContain("See a WP post, a note, plain, myself and a home page.");

    const rpc = wp.requests.find((r) => r.path === "/xmlrpc.php")!;
    expect(parseMethodCall(rpc.body)).toEqual({ methodName: "pingback.ping", params: [permalink, `${wp.origin}/wp/post/`] });
    const wm = wp.requests.find((r) => r.path.startsWith("/wm"))!;
    expect(wm.path).toBe("/wm?token=abc");
    expect(Object.fromEntries(new URLSearchParams(wm.body))).toEqual({ source: permalink, target: `${wp.origin}/indie/note` });
    // No request to ourselves, none to a bare home page.
    expect(wp.requests.some((r) => r.path === "/")).toBe(false);

    const rows = Object.fromEntries((await listPingsForPost(post.id)).map((p) => [p.url, `${p.protocol}:${p.status}`]));
    expect(rows).toEqual({
      [`${wp.origin}/wp/trackback/`]: "trackback:sent",
      [`${wp.origin}/wp/post/`]: "pingback:sent",
      [`${wp.origin}/indie/note`]: "webmention:sent",
      [`${wp.origin}/plain/page`]: "none:no-endpoint",
    });
    const after = (await getPostById(post.id))!;
    expect(after.toPing).toBe("");
    expect(after.pinged.split("\n").sort()).toEqual([`${wp.origin}/indie/note`, `${wp.origin}/wp/post/`, `${wp.origin}/wp/trackback/`].sort());

    // An update pings only links not pinged yet.
    const before = wp.requests.length;
    await sendPostPings(post.id);
    const again = wp.requests.slice(before).map((r) => r.path);
    expect(again).toEqual(["/plain/page"]);
  });

  it("pings itself only when ping_self is on", async () => {
    const target = await makePost(authorId, { slug: "self-target" });
    const post = await makePost(authorId, { content: `<a href="http://blog.test/2026/01/15/${target.slug}/">me</a>` });
    await sendPostPings(post.id);
    expect(await listPingsForPost(post.id)).toEqual([]);
    await updateOptions({ ping_self: true });
    await sendPostPings(post.id);
    // blog.test does not resolve here: the attempt is recorded, which proves it was made.
    expect((await listPingsForPost(post.id)).map((p) => p.url)).toEqual([`http://blog.test/2026/01/15/${target.slug}/`]);
    await updateOptions({ ping_self: false });
  });

  it("shows every URL as queued at once, and honours 'Attempt to notify any blogs linked to'", async () => {
    const post = await makePost(authorId, { content: `<a href="${wp.origin}/wp/post/">wp</a>`, toPing: `${wp.origin}/wp/trackback/` });
    await enqueuePostPings(post.id);
    expect((await listPingsForPost(post.id)).map((p) => `${p.protocol}:${p.status}`).sort()).toEqual(["none:queued", "trackback:queued"]);
    await updateOptions({ default_pingback_flag: false });
    const before = wp.requests.length;
    await sendPostPings(post.id);
    expect(wp.requests.slice(before).map((r) => r.path)).toEqual(["/wp/trackback/"]);
    await updateOptions({ default_pingback_flag: true });
  });

  it("retries only the link whose site is down, from the queue, and succeeds later", async () => {
    const post = await makePost(authorId, { content: `<a href="${wp.origin}/flaky/page">flaky</a> <a href="${wp.origin}/plain/page">plain</a>` });
    await enqueuePostPings(post.id);
    const t = Date.now() + 50 * HOUR;
    // Drain until our job runs (others may be queued by earlier tests).
    let job;
    for (let i = 0; i < 10; i++) {
      await runOneJob(t);
      job = await listJobFor(post.id);
      if (job && job.attempts > 0) break;
    }
    expect(job).toMatchObject({ status: "queued", attempts: 1 });
    expect(JSON.parse(job!.payload)).toEqual({ postId: post.id, only: [`${wp.origin}/flaky/page`] });
    expect((await listPingsForPost(post.id)).find((p) => p.url.endsWith("/flaky/page"))).toMatchObject({ status: "failed", message: expect.stringContaining("will retry") });
    failing = false;
    const before = wp.requests.length;
    expect(await runOneJob(job!.runAt + 1)).toBe(true);
    expect(await getJob(job!.id)).toMatchObject({ status: "done", attempts: 2 });
    // The page without an endpoint is not fetched again by the retry.
    expect(wp.requests.slice(before).map((r) => r.path)).toEqual(["/flaky/page", "/xmlrpc.php"]);
    expect((await listPingsForPost(post.id)).map((p) => `${p.protocol}:${p.status}`).sort()).toEqual(["none:no-endpoint", "pingback:sent"]);
  });
});

import { queryRows, rawSql } from "@/db";
async function listJobFor(postId: number) {
  const rows = await queryRows<{ id: number; payload: string }>(rawSql("SELECT id, payload FROM jobs WHERE type = ? ORDER BY id", JOB_SEND_PINGS));
  const row = rows.find((r) => (JSON.parse(r.payload) as { postId?: number }).postId === postId);
  return row && (await getJob(row.id));
}
