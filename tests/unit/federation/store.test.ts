// Fedify's key–value store and message queue on Inkwell's own database and job queue
// (lib/federation/kv.ts, queue.ts), on both engines: values round-trip as JSON, TTLs expire,
// compare-and-swap lets one writer win, prefixes list what is under them; a queued message is
// a job row (delayed by run_at), handed to Fedify's handler exactly once, retried by the job
// queue when the handler throws.
import { Temporal } from "@js-temporal/polyfill";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { DatabaseKvStore } = await import("@/lib/federation/kv");
const { JobMessageQueue, JOB_FEDERATION } = await import("@/lib/federation/queue");
const { claimJob, getJob } = await import("@/db/queries/jobs");
const { runOneJob, stopJobPoller } = await import("@/lib/jobs/queue");
const { deleteExpiredKvValues } = await import("@/db/queries/federation");
await import("@/lib/jobs");

const kv = new DatabaseKvStore();

describe("the key–value store", () => {
  it("keeps JSON values under array keys, and deletes them", async () => {
    await kv.set(["doc", "https://a.example/users/x"], { id: "x", n: [1, 2], nested: { ok: true } });
    expect(await kv.get(["doc", "https://a.example/users/x"])).toEqual({ id: "x", n: [1, 2], nested: { ok: true } });
    expect(await kv.get(["doc", "https://a.example/users/y"])).toBeUndefined();
    await kv.set(["doc", "https://a.example/users/x"], "replaced");
    expect(await kv.get(["doc", "https://a.example/users/x"])).toBe("replaced");
    await kv.delete(["doc", "https://a.example/users/x"]);
    expect(await kv.get(["doc", "https://a.example/users/x"])).toBeUndefined();
  });

  it("honours a TTL: an expired value is gone for get, list and cas, and the cleanup deletes it", async () => {
    // Long enough that a busy machine still reads it back before it expires (50 ms was not).
    await kv.set(["ttl", "short"], 1, { ttl: Temporal.Duration.from({ milliseconds: 400 }) });
    await kv.set(["ttl", "long"], 2, { ttl: Temporal.Duration.from({ hours: 1 }) });
    expect(await kv.get(["ttl", "short"])).toBe(1);
    await new Promise((r) => setTimeout(r, 450));
    expect(await kv.get(["ttl", "short"])).toBeUndefined();
    expect(await kv.get(["ttl", "long"])).toBe(2);
    const listed = [];
    for await (const e of kv.list(["ttl"])) listed.push(e);
    expect(listed).toEqual([{ key: ["ttl", "long"], value: 2 }]);
    // An expired key counts as absent for compare-and-swap.
    expect(await kv.cas(["ttl", "short"], undefined, 3)).toBe(true);
    expect(await kv.get(["ttl", "short"])).toBe(3);
    await kv.set(["ttl", "gone"], 4, { ttl: Temporal.Duration.from({ milliseconds: 1 }) });
    await new Promise((r) => setTimeout(r, 10));
    expect(await deleteExpiredKvValues()).toBe(1);
  });

  it("compares and swaps: only the writer that saw the current value wins", async () => {
    expect(await kv.cas(["cas", "k"], undefined, { v: 1 })).toBe(true);
    expect(await kv.cas(["cas", "k"], undefined, { v: 2 })).toBe(false);
    expect(await kv.cas(["cas", "k"], { v: 9 }, { v: 2 })).toBe(false);
    const [a, b] = await Promise.all([kv.cas(["cas", "k"], { v: 1 }, { v: 2 }), kv.cas(["cas", "k"], { v: 1 }, { v: 3 })]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect([{ v: 2 }, { v: 3 }]).toContainEqual(await kv.get(["cas", "k"]));
  });

  it("lists a prefix's keys and nothing beside them", async () => {
    await kv.set(["p", "a"], 1);
    await kv.set(["p", "a", "deep"], 2);
    await kv.set(["p", "b"], 3);
    await kv.set(["pa"], 4);
    await kv.set(["q", "a"], 5);
    const under = async (prefix?: readonly [string, ...string[]]) => {
      const out: unknown[] = [];
      for await (const e of kv.list(prefix)) out.push([e.key.join("/"), e.value]);
      return out;
    };
    expect(await under(["p"])).toEqual([["p/a", 1], ["p/a/deep", 2], ["p/b", 3]]);
    expect(await under(["p", "a"])).toEqual([["p/a", 1], ["p/a/deep", 2]]);
    expect((await under()).length).toBeGreaterThanOrEqual(5);
  });
});

describe("the message queue", () => {
  const queue = new JobMessageQueue();
  const got: unknown[] = [];
  let fail = false;
  const abort = new AbortController();

  beforeAll(async () => {
    // These tests run the jobs themselves: an enqueue's kick of the in-process runner (what a
    // request does) would race them for the job.
    await stopJobPoller();
    void queue.listen(async (m) => {
      if (fail) throw new Error("remote down");
      got.push(m);
    }, { signal: abort.signal });
  });
  afterAll(() => abort.abort());

  it("puts a delayed message on the job queue with its delay, and runs it once when due", async () => {
    const before = Date.now();
    await queue.enqueue({ type: "outbox", n: 1 }, { delay: Temporal.Duration.from({ seconds: 30 }) });
    const job = await claimJob(before + 29_000);
    expect(job).toBeUndefined();
    expect(await runOneJob(before + 31_000)).toBe(true);
    expect(got).toEqual([{ type: "outbox", n: 1 }]);
    expect(await runOneJob(before + 60_000)).toBe(false);
    expect(got).toHaveLength(1);
  });

  it("is claimed once even when two runners race for it", async () => {
    got.length = 0;
    await queue.enqueue({ type: "inbox", n: 2 });
    const results = await Promise.all([runOneJob(), runOneJob()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(got).toEqual([{ type: "inbox", n: 2 }]);
  });

  it("leaves a failed message to the job queue's retry (nativeRetrial)", async () => {
    expect(queue.nativeRetrial).toBe(true);
    fail = true;
    await queue.enqueue({ type: "outbox", n: 3 });
    const job = await claimJob(Date.now(), 60_000);
    expect(job?.type).toBe(JOB_FEDERATION);
    // Put it back and run it through the runner, which records the failure and a retry time.
    const { failJob } = await import("@/db/queries/jobs");
    await failJob(job!.id, "", Date.now() - 1);
    expect(await runOneJob()).toBe(true);
    const after = await getJob(job!.id);
    expect(after?.status).toBe("queued");
    expect(after?.lastError).toBe("remote down");
    expect(after!.runAt).toBeGreaterThan(Date.now());
    fail = false;
    expect(await runOneJob(after!.runAt + 1)).toBe(true);
    const done = await getJob(job!.id);
    expect(done?.status).toBe("done");
    // A delivery message carries the blog's private key: a finished job keeps none of it.
    expect(done?.payload).toBe("{}");
  });

  it("empties the payload of a message that failed for good", async () => {
    fail = true;
    await queue.enqueue({ type: "outbox", keys: [{ privateKey: { d: "secret" } }] });
    const { MAX_ATTEMPTS } = await import("@/lib/jobs/queue");
    const { failJob } = await import("@/db/queries/jobs");
    // Every try but the last, put back due at once; the runner makes the last one, which gives up.
    let id = 0;
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      const job = await claimJob(Date.now(), 60_000);
      id = job!.id;
      await failJob(id, "again", Date.now() - 1);
    }
    expect(await runOneJob()).toBe(true);
    const ended = await getJob(id);
    expect(ended?.status).toBe("failed");
    expect(ended?.payload).toBe("{}");
    fail = false;
  });
});
