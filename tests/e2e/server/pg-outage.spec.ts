// A site on PostgreSQL whose database server goes away and comes back: requests in the gap get a
// quick 503 with Retry-After (never a hang, never a crash), the pool reconnects by itself, and every
// comment answered with success before the outage is there afterwards.
import { test, expect } from "@playwright/test";
import { createHmac } from "node:crypto";
import pg from "pg";
import { startInstance, type Instance } from "../support/instance";
import { startThrowawayPostgres } from "../../../scripts/throwaway-postgres.mjs";

const PORT = Number(process.env.E2E_PORT || 3100) + 185;
const SECRET = "instance-secret";

test.describe.configure({ timeout: 180_000 });

let server: Awaited<ReturnType<typeof startThrowawayPostgres>>;
let site: Instance;
let dbUrl: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startThrowawayPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query("CREATE DATABASE outage");
  await admin.end();
  const u = new URL(server.url);
  u.pathname = "/outage";
  dbUrl = u.toString();
  site = await startInstance(PORT, { DATABASE_URL: dbUrl, TRUSTED_PROXIES: "127.0.0.1" });
});

test.afterAll(async () => {
  await site?.stop();
  server?.stop();
});

async function rows<T>(text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

test("requests during a PostgreSQL outage get 503 with Retry-After at once, and the site comes back by itself with nothing lost", async ({ page }) => {
  const [post] = await rows<{ id: number }>("SELECT id FROM posts WHERE slug = 'hello-world'");
  const comment = async (n: number) => {
    const ms = Date.now() - 5000;
    const token = `${ms}.${createHmac("sha256", SECRET).update(`comment-form:${post!.id}:${ms}`).digest("base64url")}`;
    const body = new URLSearchParams({ comment_post_ID: String(post!.id), comment_parent: "0", author: `Outage ${n}`, email: `outage${n}@example.com`, url: "", comment: `Written before the outage, number ${n}.`, comment_ts: token, website_confirm: "" });
    return fetch(`${site.url}/wp-comments-post.php`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", "x-forwarded-for": `10.9.0.${n}` }, signal: AbortSignal.timeout(15_000) });
  };
  const acknowledged: number[] = [];
  for (let n = 1; n <= 5; n++) {
    const r = await comment(n);
    expect(r.status).toBe(201);
    acknowledged.push(((await r.json()) as { id: number }).id);
  }
  expect((await fetch(`${site.url}/`)).status).toBe(200);

  server.pause();
  try {
    // Every request in the gap is answered, and quickly: no hang while the pool waits for a server.
    for (const path of ["/", "/?s=hello", "/wp-admin/", "/feed/"]) {
      const t0 = Date.now();
      const r = await fetch(`${site.url}${path}`, { redirect: "manual", headers: { cookie: "fresh=1" }, signal: AbortSignal.timeout(10_000) });
      expect(r.status, path).toBe(503);
      expect(r.headers.get("retry-after"), path).toBe("5");
      expect(Date.now() - t0, path).toBeLessThan(6_000);
    }
    const refused = await comment(99);
    expect(refused.status).toBe(503);
    await page.goto(`${site.url}/`);
    await expect(page.getByRole("heading", { name: "Back in a moment" })).toBeVisible();
    expect(site.proc.exitCode).toBeNull();
  } finally {
    server.resume();
  }

  // The pool reconnects by itself: the site answers again without a restart.
  await expect.poll(async () => (await fetch(`${site.url}/`, { signal: AbortSignal.timeout(10_000) })).status, { timeout: 20_000 }).toBe(200);
  const stored = new Set((await rows<{ id: number }>("SELECT id FROM comments")).map((r) => r.id));
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  expect(site.proc.exitCode).toBeNull();
});
