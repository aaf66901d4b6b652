// Request bodies are cut at their route's limit as the bytes arrive (lib/http/body-limits.ts,
// server/main.mjs): a chunked body, which declares no Content-Length, gets 413 as soon as it
// passes the limit, and the server's memory does not grow by what the client tried to send.
import { test, expect } from "@playwright/test";
import fs from "node:fs";
import http from "node:http";
import { startInstance, type Instance } from "../support/instance";
import { COMMENT_MAX_BODY, SERVER_ACTION_MAX_BODY, SIGN_IN_MAX_BODY, UPLOAD_MULTIPART_ALLOWANCE } from "@/lib/http/body-limits";

const PORT = Number(process.env.E2E_PORT || 3100) + 97;
const MB = 1024 * 1024;
// Each attempt offers at most this much (more than the 32 MB ceiling), 64 KB a chunk.
const OFFERED = 48 * MB;
let inst: Instance;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  inst = await startInstance(PORT);
});
test.afterAll(async () => {
  if (inst) await inst.stop("SIGKILL");
});

const rssBytes = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;

/**
 * POSTs up to OFFERED bytes, chunked, until the server answers; how it ended. (What the client
 * counts as sent says little: the server drops, unread, what arrives after its 413.)
 */
function chunkedPost(path: string, headers: Record<string, string>): Promise<{ status: number | null; sent: number; ms: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    let sent = 0;
    let status: number | null = null;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ status, sent, ms: Date.now() - t0 });
    };
    const req = http.request(`${inst.url}${path}`, { method: "POST", headers: { "transfer-encoding": "chunked", ...headers } }, (res) => {
      status = res.statusCode ?? null;
      res.resume();
      res.on("end", finish);
    });
    req.on("error", finish);
    req.on("close", () => setTimeout(finish, 100));
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!done && status === null && sent < OFFERED) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!done && status === null) req.end();
    };
    pump();
    setTimeout(finish, 20_000);
  });
}

test("chunked bodies past a route's limit get 413 at once, and the server's memory stays flat", async ({ browser }) => {
  test.setTimeout(120_000);
  const ctx = await browser.newContext({ baseURL: inst.url });
  const page = await ctx.newPage();
  await page.goto("/login/");
  await page.getByLabel("Username or Email Address").fill("admin");
  await page.getByLabel("Password").fill("instance-admin-password");
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const cookie = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  // A real server action of the Dashboard (Next answers an unknown one 404 without reading its body).
  const dashboard = await (await page.request.get("/admin/")).text();
  const action = /(?:\$ACTION_ID_|&quot;id&quot;:&quot;)([0-9a-f]{40,})/.exec(dashboard)?.[1];
  expect(action).toBeTruthy();
  await ctx.close();

  const attempts: { name: string; path: string; headers: Record<string, string>; limit: number }[] = [
    { name: "sign-in callback", path: "/api/auth/callback/credentials/", headers: { "content-type": "application/x-www-form-urlencoded" }, limit: SIGN_IN_MAX_BODY },
    { name: "server action", path: "/admin/", headers: { "next-action": action!, "content-type": "text/plain;charset=UTF-8", cookie }, limit: SERVER_ACTION_MAX_BODY },
    { name: "comment", path: "/wp-comments-post.php", headers: { "content-type": "application/x-www-form-urlencoded" }, limit: COMMENT_MAX_BODY },
    { name: "upload", path: "/admin/media/upload/", headers: { "content-type": "multipart/form-data; boundary=x", accept: "application/json", cookie }, limit: 10 * MB + UPLOAD_MULTIPART_ALLOWANCE },
  ];
  // Every route's code is loaded once before measuring, so that only bodies could move the number.
  for (const a of attempts) await fetch(`${inst.url}${a.path}`, { method: "POST", headers: a.headers, body: "x" }).catch(() => undefined);
  // Two rounds: the first may grow the heap by what the client managed to send before it read the
  // 413 (garbage the collector has not yet taken, more or less of it with the machine's timing);
  // flat means the second round of the same bodies adds no more than what the routes may hold.
  const round = async () => {
    for (const a of attempts) {
      const r = await chunkedPost(a.path, a.headers);
      console.log(`${a.name}: ${r.status} after ${(r.sent / MB).toFixed(1)} MB sent, ${r.ms} ms; RSS now ${(rssBytes(inst.proc.pid!) / MB).toFixed(0)} MB`);
      expect(r.status, a.name).toBe(413);
      expect(r.ms, a.name).toBeLessThan(5_000);
    }
  };
  const before = rssBytes(inst.proc.pid!);
  await round();
  const between = rssBytes(inst.proc.pid!);
  await round();
  const grown = rssBytes(inst.proc.pid!) - between;
  console.log(`server RSS ${(before / MB).toFixed(0)} MB before, ${(between / MB).toFixed(0)} MB after the first round, grew ${(grown / MB).toFixed(1)} MB over the second (${attempts.length} chunked bodies of up to ${OFFERED / MB} MB each round)`);
  // What the routes may legitimately hold (the upload's 10 MB among them) and the collector's slack.
  expect(grown).toBeLessThan(attempts.reduce((sum, a) => sum + a.limit, 0) + 48 * MB);
  // The server still answers.
  expect((await fetch(`${inst.url}/healthz/`)).status).toBe(200);
});
