// Tools → Import's jobs live in the database, so that an import started through one server process
// shows its progress, and takes its author form, through any other (several processes or machines
// on one database). "Another process" is this one with its own memory of jobs emptied.
import { describe, expect, it } from "vitest";
import { makeUser } from "../support/factories";
import { claimImportParsed, deleteOldImportJobs, getImportJobRow, getImportParsed, isAnyImportRunning, saveImportJob } from "@/db/queries/import-jobs";
import { afterRead, getImportJob, importStatus, isImportRunning, registerImportJob, setImportProgress } from "@/app/admin/tools/import/_lib/jobs";
import type { ParsedWxr } from "@/db/queries/wxr-import";

const localJobs = () => (globalThis as unknown as { __inkwellImportJobs?: Map<string, unknown> }).__inkwellImportJobs;
const forgetLocalJobs = () => localJobs()?.clear();
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
};

describe("import jobs across processes", () => {
  it("shows a job's progress through a process that does not run it", async () => {
    const user = await makeUser("administrator");
    const job = registerImportJob({ userId: user.id, fileName: "export.xml", source: "file", total: 1000, downloadMedia: false });
    setImportProgress(job, { phase: "reading", done: 500, total: 1000 });
    // Progress is written at most twice a second: the later value lands.
    await until(async () => JSON.parse((await getImportJobRow(job.id))?.state ?? "{}").progress?.done === 500);
    forgetLocalJobs();
    const seen = await getImportJob(job.id);
    expect(seen && importStatus(seen)).toMatchObject({ id: job.id, fileName: "export.xml", phase: "reading", percent: 30 });
    expect(await isImportRunning()).toBe(true);
    // Ended, it no longer holds other imports back.
    job.endedAt = Date.now();
    setImportProgress(job, { phase: "done", done: 1, total: 1 });
    await until(async () => !!(await getImportJobRow(job.id))?.endedAt);
    expect(await isImportRunning()).toBe(false);
  });

  it("hands the read file to the process that takes the author form, once", async () => {
    const user = await makeUser("administrator");
    const job = registerImportJob({ userId: user.id, fileName: "authors.xml", source: "file", total: 10, downloadMedia: false });
    const parsed: ParsedWxr = {
      site: { title: "Old", link: "https://old.example", description: "", baseSiteUrl: "https://old.example", baseBlogUrl: "https://old.example" } as ParsedWxr["site"],
      authors: [{ login: "alice", displayName: "Alice" } as ParsedWxr["authors"][number]],
      terms: [],
      items: [],
    };
    await afterRead(job, parsed);
    // The process that read the file still shows the form while nobody has taken it.
    expect((await getImportJob(job.id))?.mapping?.parsed).toBe(parsed);
    forgetLocalJobs();
    const seen = await getImportJob(job.id);
    expect(seen?.mapping?.authors).toEqual([{ login: "alice", displayName: "Alice", posts: 0 }]);
    expect(seen && importStatus(seen).phase).toBe("mapping");
    // Waiting for its authors is not running: another import may start meanwhile.
    expect(await isAnyImportRunning()).toBe(false);
    expect(JSON.parse((await getImportParsed(job.id))!).authors[0].login).toBe("alice");
    // Progress saved while the file waits leaves the file where it is (a table of its own, so that
    // a save does not rewrite it), and the job still waits for its authors.
    await saveImportJob({ id: job.id, userId: user.id, state: JSON.stringify({ ...JSON.parse((await getImportJobRow(job.id))!.state) }), startedAt: job.startedAt, endedAt: null });
    expect((await getImportJobRow(job.id))?.hasParsed).toBe(true);
    expect(JSON.parse((await getImportParsed(job.id))!).authors[0].login).toBe("alice");
    localJobs()?.set(job.id, job);
    expect(await claimImportParsed(job.id)).toBe(true);
    expect(await claimImportParsed(job.id)).toBe(false);
    expect(await getImportParsed(job.id)).toBeUndefined();
    // Taken by another process, the job no longer waits here either (this process's copy is stale).
    expect((await getImportJob(job.id))?.mapping).toBeUndefined();
    // Claimed, it is being written: running until it ends.
    expect(await isAnyImportRunning()).toBe(true);
    await saveImportJob({ id: job.id, userId: user.id, state: "{}", startedAt: job.startedAt, endedAt: Date.now() });
    expect(await isAnyImportRunning()).toBe(false);
  });

  it("says a job failed when the process running it stopped writing, and forgets old jobs", async () => {
    const user = await makeUser("administrator");
    const long = Date.now() - 10 * 60_000;
    const state = JSON.stringify({ fileName: "dead.xml", source: "file", progress: { phase: "writing", done: 3, total: 9 }, downloadMedia: false });
    await saveImportJob({ id: "dead-job", userId: user.id, state, startedAt: long, endedAt: null }, long);
    forgetLocalJobs();
    const seen = await getImportJob("dead-job");
    expect(seen && importStatus(seen)).toMatchObject({ phase: "failed", error: expect.stringContaining("stopped before it finished") });
    expect(await isAnyImportRunning(Date.now())).toBe(false);
    await saveImportJob({ id: "old-job", userId: user.id, state, startedAt: long, endedAt: long - 3600_000 }, long);
    await saveImportJob({ id: "old-job", userId: user.id, state, startedAt: long, endedAt: long - 3600_000, parsed: "{}" }, long);
    await deleteOldImportJobs(Date.now() - 3600_000, Date.now() - 30 * 60_000);
    expect(await getImportJobRow("old-job")).toBeUndefined();
    // Its file goes with it.
    expect(await getImportParsed("old-job")).toBeUndefined();
    // Silent for ten minutes it is kept, to be shown as failed, until the half hour of an abandoned one.
    expect(await getImportJobRow("dead-job")).toBeDefined();
  });
});
