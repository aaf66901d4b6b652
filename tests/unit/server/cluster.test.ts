// WEB_CONCURRENCY: the real primary (server/cluster.mjs) with real server processes on a seeded
// SQLite site, using the production build (built first if there is none).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crashCounter, workerCount } from "../../../server/cluster.mjs";
import { buildIfStale } from "../../../scripts/start.mjs";

const PORT = Number(process.env.CLUSTER_TEST_PORT || 4610);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-cluster-"));
const env = {
  ...process.env,
  DATABASE_URL: path.join(dir, "inkwell.db"),
  INKWELL_DATA_DIR: dir,
  HOST: "127.0.0.1",
  AUTH_SECRET: "cluster-test-secret",
  ADMIN_PASSWORD: "cluster-test-password",
  INKWELL_LOG: "off",
  NEXT_TELEMETRY_DISABLED: "1",
};
const started: ChildProcess[] = [];

interface Primary {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<{ code: number | null }>;
}

function startPrimary(port: number, workers = 2): Primary {
  const child = spawn(process.execPath, ["server/cluster.mjs"], {
    env: { ...env, PORT: String(port), SITE_URL: `http://127.0.0.1:${port}`, WEB_CONCURRENCY: String(workers) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let out = "";
  let err = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (err += d));
  const exited = new Promise<{ code: number | null }>((resolve) => child.on("exit", (code) => resolve({ code })));
  return { child, out: () => out, err: () => err, exited };
}

async function until<T>(what: string, fn: () => T | undefined | false, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const servingPids = (out: string) => [...out.matchAll(/Inkwell: process (\d+) serving/g)].map((m) => Number(m[1]));

/** One request on a connection of its own (a kept-alive one would stay with one process). */
function get(port: number, pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: pathname, agent: false }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      })
      .on("error", reject);
  });
}

/** Pages each process has answered, by pid, from /metrics (which answers for every process). */
async function pagesByPid(port: number): Promise<Map<number, number>> {
  const body = (await get(port, "/metrics")).body;
  const served = new Map<number, number>();
  for (const line of body.split("\n")) {
    if (!line.startsWith("inkwell_http_requests_total{") || !line.includes('kind="page"')) continue;
    const pid = Number(line.match(/pid="(\d+)"/)![1]);
    served.set(pid, (served.get(pid) ?? 0) + Number(line.split(" ").pop()));
  }
  return served;
}

async function readPages(port: number, n: number) {
  for (let i = 0; i < n; i++) expect((await get(port, "/")).status).toBe(200);
}

beforeAll(() => {
  if (!fs.existsSync(".next/BUILD_ID")) buildIfStale();
  const setup = spawnSync("node_modules/.bin/tsx", ["scripts/setup.ts"], { env, encoding: "utf8" });
  expect(setup.status, setup.stderr).toBe(0);
}, 600_000);

afterAll(() => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("WEB_CONCURRENCY", () => {
  it("defaults to one process per core on PostgreSQL and one on SQLite, and refuses nonsense in one line", () => {
    expect(workerCount({}, "postgres")).toEqual({ workers: os.availableParallelism() });
    expect(workerCount({}, "sqlite")).toEqual({ workers: 1 });
    expect(workerCount({ WEB_CONCURRENCY: "3" }, "sqlite")).toEqual({ workers: 3 });
    expect(workerCount({ DATABASE_URL: "postgres://db/inkwell" })).toEqual({ workers: os.availableParallelism() });
    for (const bad of ["0", "two", "1.5", "-2", "1000"]) expect(workerCount({ WEB_CONCURRENCY: bad })).toHaveProperty("error", expect.stringMatching(/WEB_CONCURRENCY .* must be a whole number/));
  });

  it("counts a crash loop only within its window", () => {
    const crashed = crashCounter(3, 1000);
    expect([crashed(0), crashed(500), crashed(1600), crashed(1700)]).toEqual([false, false, false, false]);
    expect(crashed(1800)).toBe(true);
  });

  it("serves from two processes in turn, and when one is killed the other keeps serving and a new one starts", async () => {
    const p = startPrimary(PORT);
    const first = await until("two serving processes", () => servingPids(p.out()).length >= 2 && servingPids(p.out()));
    await readPages(PORT, 20);
    const before = await pagesByPid(PORT);
    expect([...before.keys()].sort()).toEqual([...first].sort());
    for (const pid of first) expect(before.get(pid)).toBeGreaterThan(0);

    process.kill(first[0], "SIGKILL");
    await until("the primary to notice", () => /server process \d+ exited with signal SIGKILL; starting another/.test(p.err()));
    await readPages(PORT, 10);
    const replacement = await until("a new process", () => servingPids(p.out()).find((pid) => !first.includes(pid)));
    await readPages(PORT, 20);
    const after = await pagesByPid(PORT);
    expect([...after.keys()].sort()).toEqual([first[1], replacement].sort());
    expect(after.get(replacement)).toBeGreaterThan(0);
    expect(after.get(first[1])).toBeGreaterThan(before.get(first[1])!);

    p.child.kill("SIGTERM");
    expect((await p.exited).code).toBe(0);
  }, 180_000);

  it("finishes a request in flight when stopped with SIGTERM, and exits 0 within 10 s", async () => {
    const p = startPrimary(PORT + 1);
    await until("two serving processes", () => servingPids(p.out()).length >= 2);
    // A comment whose body is still arriving when the stop comes.
    const body = new URLSearchParams({ comment_post_ID: "1", author: "Slow Writer", email: "slow@example.com", comment: "Typed on a slow line." }).toString();
    const answer = new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port: PORT + 1, path: "/wp-comments-post.php", method: "POST", agent: false, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode!));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 2500);
    });
    await new Promise((r) => setTimeout(r, 500));
    const stoppedAt = Date.now();
    p.child.kill("SIGTERM");
    const status = await answer;
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);
    expect((await p.exited).code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    expect(p.err()).not.toMatch(/killing them/);
  }, 180_000);

  it("stops with one clear line and a non-zero exit when every process fails at start", async () => {
    const squatter = net.createServer().listen(PORT + 2, "127.0.0.1");
    await new Promise((r) => squatter.once("listening", r));
    try {
      const p = startPrimary(PORT + 2);
      const { code } = await p.exited;
      expect(code).not.toBe(0);
      const lines = p.err().trim().split("\n").filter((l) => l.startsWith("Inkwell"));
      expect(lines).toEqual([expect.stringMatching(/^Inkwell: stopping: server processes exited 5 times within 60 s .*127\.0\.0\.1:\d+: another program is using that port \(set PORT\)\.$/)]);
    } finally {
      squatter.close();
    }
  }, 180_000);
});

describe("the server around Next (server/main.mjs)", () => {
  /** One request with its headers, on a connection of its own. */
  const ask = (port: number, pathname: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: pathname, agent: false, headers }, (res) => {
          let body = "";
          res.on("data", (d) => (body += d));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        })
        .on("error", reject);
    });
  const nonceOf = (csp: string | string[] | undefined) => /'nonce-([^']+)'/.exec(String(csp))?.[1];
  const pageRequests = async (port: number) =>
    (await ask(port, "/metrics")).body.split("\n").filter((l) => l.startsWith("inkwell_http_requests_total{") && l.includes('kind="page"')).reduce((n, l) => n + Number(l.split(" ").pop()), 0);

  it("routes the first request after a start as every other, and renders a cache miss once, keeping what the reader got", async () => {
    const port = PORT + 5;
    const child = spawn(process.execPath, ["server/main.mjs"], { env: { ...env, PORT: String(port), SITE_URL: `http://127.0.0.1:${port}` }, stdio: ["ignore", "pipe", "pipe"] });
    started.push(child);
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    await until("the server", () => /serving/.test(out));
    // The very first request: WordPress's plain address gets its 301 from the routing, registered at start.
    const first = await ask(port, "/?p=1");
    expect(first.status).toBe(301);
    expect(first.headers.location).toMatch(/\/hello-world\/$/);
    const post = new URL(first.headers.location!).pathname;

    const before = await pageRequests(port);
    const miss = await ask(port, post);
    expect(miss.status).toBe(200);
    expect(miss.headers["x-inkwell-cache"]).toBe("miss");
    const n1 = nonceOf(miss.headers["content-security-policy"])!;
    expect(miss.body).toContain(`nonce="${n1}"`);
    // One page request more: the miss was rendered for the reader, not fetched again by the server.
    expect(await pageRequests(port)).toBe(before + 1);

    const hit = await ask(port, post);
    expect(hit.headers["x-inkwell-cache"]).toBe("hit");
    const n2 = nonceOf(hit.headers["content-security-policy"])!;
    expect(n2).not.toBe(n1);
    // The kept page is the reader's render, byte for byte, with the next reader's nonce.
    expect(hit.body).toBe(miss.body.split(n1).join(n2));
    expect(hit.headers["x-pingback"]).toBe(miss.headers["x-pingback"]);

    // A client cannot choose a page's nonce.
    const chosen = await ask(port, post, { cookie: "x=1", "content-security-policy": "script-src 'nonce-chosen'" });
    expect(chosen.body).not.toContain('nonce="chosen"');

    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }, 120_000);

  it("renders the not-found page once for every missing address, and leaves the app's own routes and redirects alone", async () => {
    const port = PORT + 6;
    const child = spawn(process.execPath, ["server/main.mjs"], { env: { ...env, PORT: String(port), SITE_URL: `http://127.0.0.1:${port}` }, stdio: ["ignore", "pipe", "pipe"] });
    started.push(child);
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    await until("the server", () => /serving/.test(out));

    const first = await ask(port, "/no-such-page-anywhere/");
    expect(first.status).toBe(404);
    expect(first.body).toContain("can’t be found");
    expect(first.headers["x-inkwell-cache"]).toBe("miss");
    // Other missing addresses, a scanner's included, get the same page from the cache: no render.
    for (const missing of ["/another/missing/address/", "/wp-config.php.bak", "/.env"]) {
      const again = await ask(port, missing);
      expect(again.status, missing).toBe(404);
      expect(again.headers["x-inkwell-cache"], missing).toBe("hit");
      expect(again.body).toContain("can’t be found");
    }

    // What the resolver does not know but the app answers keeps its own answer.
    expect((await ask(port, "/wp-login.php")).headers.location).toMatch(/\/login\/$/);
    expect((await ask(port, "/wp-admin/")).headers.location).toMatch(/\/admin\/$/);
    expect((await ask(port, "/wp-sitemap.xml")).status).toBe(301);
    expect((await ask(port, "/no-such-page-without-slash")).status).toBe(308);
    const login = await ask(port, "/login/");
    expect(login.status).toBe(200);
    expect(login.body).toContain('name="password"');
    expect((await ask(port, "/sample-page/")).status).toBe(200);
    // A signed-in reader's not-found page is rendered for them, as before.
    expect((await ask(port, "/another/missing/address/", { cookie: "x=1" })).headers["x-inkwell-cache"]).toBeUndefined();

    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }, 120_000);
});
