// Nothing acknowledged is lost: the production server runs a mixed load (readers, commenters
// posting the real form, an author saving drafts through the editor's plain form), is killed with
// SIGKILL in the middle of it, restarts on the same data directory, and every write that had been
// answered with success is found in the database.
import { test, expect, type Browser } from "@playwright/test";
import { closeDatabase, openDatabase, queryRow, sql } from "@/db";
import path from "node:path";
import { startInstance, type Instance } from "../support/instance";

const PORT = Number(process.env.E2E_PORT || 3100) + 95;
const LOAD_MS = 8_000; // load before the kill (the form timestamp needs 2 s of that)
const COMMENTERS = 4;
const READERS = 3;

let inst: Instance | undefined;
test.afterAll(async () => {
  if (inst) await inst.stop("SIGKILL");
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh fake client address (and email) per comment: WordPress's flood rule allows one comment per IP or email per 15 s. */
let ipSeq = 0;
const nextIp = () => `198.18.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

function hidden(html: string, name: string): string {
  const m = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html) ?? new RegExp(`<input[^>]*value="([^"]*)"[^>]*name="${name}"`).exec(html);
  if (!m) throw new Error(`no ${name} in the form`);
  return m[1]!;
}

interface Acks {
  comments: Map<number, string>; // id → text
  drafts: Map<number, string>; // id → title
  reads: number;
  failed: number; // requests that got no answer (the kill)
}

async function commenter(base: string, postUrl: string, n: number, acks: Acks, stop: () => boolean) {
  // The form is fetched from the post page, as a browser would; its signed timestamp must be
  // over 2 s old when the comment is posted or the comment is held as spam (still stored).
  const page = await (await fetch(postUrl)).text();
  const postId = hidden(page, "comment_post_ID");
  const ts = hidden(page, "comment_ts");
  await sleep(2_100);
  for (let i = 0; !stop(); i++) {
    const ip = nextIp();
    const text = `Crash test comment ${n}.${i} ${Date.now()} ${Math.random().toString(36).slice(2)}`;
    const body = new URLSearchParams({
      comment_post_ID: postId,
      comment_parent: "0",
      author: `Commenter ${n}`,
      email: `c${n}.${i}@example.test`,
      url: "",
      comment: text,
      website_confirm: "",
      comment_ts: ts,
    });
    try {
      const res = await fetch(`${base}/wp-comments-post.php`, {
        method: "POST",
        body,
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
      });
      const loc = res.headers.get("location") ?? "";
      const id = /#comment-(\d+)$/.exec(loc)?.[1];
      if (res.status === 303 && id) acks.comments.set(Number(id), text);
      else throw new Error(`comment refused: ${res.status} ${await res.text()}`);
    } catch (e) {
      if (String(e).includes("comment refused")) throw e;
      acks.failed++;
      return;
    }
  }
}

async function reader(base: string, urls: string[], acks: Acks, stop: () => boolean) {
  for (let i = 0; !stop(); i++) {
    try {
      const res = await fetch(`${base}${urls[i % urls.length]}`);
      await res.arrayBuffer();
      if (res.ok) acks.reads++;
    } catch {
      acks.failed++;
      return;
    }
  }
}

/** Signs in first (before the load), then returns the loop that saves drafts. */
async function signedInAuthor(browser: Browser, base: string, acks: Acks, stop: () => boolean) {
  // The editor's plain form (no JavaScript): the server action answers 303 to the saved draft.
  const context = await browser.newContext({ baseURL: base, javaScriptEnabled: false });
  const page = await context.newPage();
  const titles: string[] = [];
  page.on("response", (res) => {
    if (res.status() !== 303 || res.request().method() !== "POST") return;
    const id = /\/admin\/posts\/(\d+)\/\?saved=/.exec(res.headers()["location"] ?? "")?.[1];
    const title = titles[titles.length - 1];
    if (id && title) acks.drafts.set(Number(id), title);
  });
  await page.goto("/login/");
  await page.getByLabel("Username or Email Address").fill("admin");
  await page.getByLabel("Password").fill("instance-admin-password");
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  return async () => {
    try {
      // Every step has its own limit: the kill can cut the editor page off half-streamed, with no
      // Title box to wait for, and without one the loop waited out the whole test (1 run in 4).
      const limit = { timeout: 10_000 };
      for (let i = 0; !stop(); i++) {
        await page.goto("/admin/posts/new/", limit);
        const title = `Crash test draft ${i} ${Date.now()}`;
        titles.push(title);
        await page.getByRole("textbox", { name: "Title" }).fill(title, limit);
        await page.getByRole("textbox", { name: "Content", exact: true }).fill(`<p>Draft body ${i}.</p>`, limit);
        await page.getByRole("button", { name: "Save Draft" }).click(limit);
        await page.waitForURL(/\/admin\/posts\/\d+\/\?saved=/, limit);
      }
    } catch {
      // the server was killed under us
    } finally {
      await context.close().catch(() => {});
    }
  };
}

test("every comment and draft answered with success before a SIGKILL is there after the restart", async ({ browser }) => {
  test.setTimeout(120_000);
  inst = await startInstance(PORT, { TRUSTED_PROXIES: "127.0.0.1", INKWELL_LOG: "off" });
  const base = inst.url;
  const home = await (await fetch(`${base}/`)).text();
  const postPath = /href="(?:https?:\/\/[^/"]+)?(\/[^"]*hello-world\/)"/.exec(home)?.[1];
  expect(postPath, "the seeded post is linked from the home page").toBeTruthy();

  const acks: Acks = { comments: new Map(), drafts: new Map(), reads: 0, failed: 0 };
  let killed = false;
  const stop = () => killed;
  const author = await signedInAuthor(browser, base, acks, stop);
  const load = [
    ...Array.from({ length: COMMENTERS }, (_, n) => commenter(base, `${base}${postPath}`, n, acks, stop)),
    ...Array.from({ length: READERS }, () => reader(base, ["/", postPath!, "/feed/", "/?s=hello"], acks, stop)),
    author(),
  ];
  await sleep(LOAD_MS);
  // Mid-load: requests are in flight when the process dies.
  await inst.stop("SIGKILL");
  killed = true;
  await Promise.all(load);
  const dir = inst.dir;
  inst = undefined;

  expect(acks.comments.size).toBeGreaterThan(5);
  expect(acks.drafts.size).toBeGreaterThan(0);
  expect(acks.reads).toBeGreaterThan(10);

  // Restart on the same data: the write-ahead log is recovered.
  inst = await startInstance(PORT, { TRUSTED_PROXIES: "127.0.0.1", INKWELL_LOG: "off" }, dir);
  expect((await fetch(`${base}/healthz/`)).status).toBe(200);

  const db = await openDatabase(path.join(dir, "inkwell.db"), { migrate: false });
  try {
    const lostComments = [];
    for (const [id, text] of acks.comments) {
      if ((await queryRow<{ content: string }>(sql`SELECT content FROM comments WHERE id = ${id}`, db))?.content !== text) lostComments.push(id);
    }
    const lostDrafts = [];
    for (const [id, title] of acks.drafts) {
      const row = await queryRow<{ title: string; status: string }>(sql`SELECT title, status FROM posts WHERE id = ${id}`, db);
      if (row?.title !== title || row.status !== "draft") lostDrafts.push(id);
    }
    console.log(
      `crash test: ${acks.comments.size} comments and ${acks.drafts.size} drafts acknowledged, ${acks.reads} pages read, ${acks.failed} requests cut off by the kill; lost: ${lostComments.length + lostDrafts.length}`,
    );
    expect(lostComments).toEqual([]);
    expect(lostDrafts).toEqual([]);
  } finally {
    await closeDatabase(db);
  }
  // And the app itself serves them: the last acknowledged comment's author is on the post page
  // when it was approved, or at least the post page renders after recovery.
  expect((await fetch(`${base}${postPath}`)).status).toBe(200);
});
