// What an operator sees of a running server: a log line per request, /metrics and who may read it,
// and the client's address behind proxies named by CIDR range.
import { test, expect } from "@playwright/test";
import { startInstance, type Instance } from "../support/instance";

const PORT = Number(process.env.E2E_PORT || 3100) + 171;
const TOKEN = "metrics-token-for-tests-0123456789";
let inst: Instance;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  inst = await startInstance(PORT, { TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.0/8", METRICS_TOKEN: TOKEN, LOG_LEVEL: "info" });
});
test.afterAll(async () => {
  await inst?.stop();
});

type Line = Record<string, unknown>;
const requestLines = async (): Promise<Line[]> => {
  // The request log is buffered (server/observe.mjs): give it a moment to reach the pipe.
  for (let i = 0; i < 40; i++) {
    const lines = inst.output().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Line).filter((l) => l.event === "request");
    if (lines.length) return lines;
    await new Promise((r) => setTimeout(r, 250));
  }
  return [];
};

test("every request gets one structured log line: method, path without its query, status, duration, cache state, client address", async ({ request }) => {
  await request.get(`${inst.url}/`, { headers: { "x-forwarded-for": "203.0.113.9" } });
  await request.get(`${inst.url}/`, { headers: { "x-forwarded-for": "203.0.113.9" } });
  await request.get(`${inst.url}/feed/?token=secret-in-query`);
  await request.get(`${inst.url}/no-such-page-${Date.now()}/`);
  // Flushes come in 4 KB; a few more requests push the buffer out, as a busy server's would.
  for (let i = 0; i < 60; i++) await request.get(`${inst.url}/healthz/`);
  const lines = await requestLines();
  const post = lines.filter((l) => l.path === "/" && l.ip === "203.0.113.9");
  expect(post.length).toBeGreaterThanOrEqual(2);
  expect(post[0]).toMatchObject({ level: "info", method: "GET", status: 200, kind: "page", ip: "203.0.113.9" });
  expect(typeof post[0].ms).toBe("number");
  expect(typeof post[0].time).toBe("string");
  expect(post.map((l) => l.cache)).toContain("hit");
  expect(lines.some((l) => l.status === 404)).toBe(true);
  expect(lines.some((l) => l.path === "/feed/" && l.kind === "feed")).toBe(true);
  // Query strings (tokens, reset keys) never reach the log.
  expect(inst.output()).not.toContain("secret-in-query");
});

test("/metrics answers this machine in Prometheus format, with requests, page cache, jobs and the database", async ({ request }) => {
  await request.get(`${inst.url}/`);
  const res = await request.get(`${inst.url}/metrics`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/plain");
  const body = await res.text();
  expect(body).toMatch(/inkwell_http_requests_total\{kind="page",status="2xx"\} \d+/);
  expect(body).toMatch(/inkwell_http_request_duration_seconds_bucket\{le="0.005",kind="page"\} \d+/);
  expect(body).toMatch(/inkwell_page_cache_total\{result="hit"\} [1-9]/);
  expect(body).toMatch(/inkwell_jobs\{status="queued"\} \d+/);
  expect(body).toMatch(/inkwell_db_pool_connections\{engine="sqlite",state="total"\} 1/);
  expect(body).toContain("inkwell_rate_limit_refusals_total");
  expect(body).toContain("inkwell_process_cpu_seconds_total");
});

test("/metrics is 403 to anyone else, even through a local proxy, unless they hold METRICS_TOKEN", async ({ request }) => {
  const viaProxy = await request.get(`${inst.url}/metrics`, { headers: { "x-forwarded-for": "198.51.100.7" } });
  expect(viaProxy.status()).toBe(403);
  const wrong = await request.get(`${inst.url}/metrics`, { headers: { "x-forwarded-for": "198.51.100.7", authorization: `Bearer ${"x".repeat(TOKEN.length)}` } });
  expect(wrong.status()).toBe(403);
  const right = await request.get(`${inst.url}/metrics/`, { headers: { "x-forwarded-for": "198.51.100.7", authorization: `Bearer ${TOKEN}` } });
  expect(right.status()).toBe(200);
  expect(await right.text()).toContain("inkwell_http_requests_total");
});

test("/metrics is 403 through a local proxy that TRUSTED_PROXIES does not name", async ({ request }) => {
  // The default: no trusted proxies, so the server drops forwarding headers; a local nginx left out
  // of the list must not turn every visitor into "this machine".
  const plain = await startInstance(PORT + 3, { METRICS_TOKEN: TOKEN });
  try {
    expect((await request.get(`${plain.url}/metrics`)).status()).toBe(200);
    expect((await request.get(`${plain.url}/metrics`, { headers: { "x-forwarded-for": "198.51.100.7" } })).status()).toBe(403);
    expect((await request.get(`${plain.url}/metrics`, { headers: { "x-real-ip": "198.51.100.7" } })).status()).toBe(403);
    expect((await request.get(`${plain.url}/metrics`, { headers: { "x-forwarded-for": "198.51.100.7", authorization: `Bearer ${TOKEN}` } })).status()).toBe(200);
  } finally {
    await plain.stop();
  }
});

test("rate-limit refusals are counted", async ({ request }) => {
  // Five wrong passwords lock the account for a while; the tries after that are refused by the limit.
  const { csrfToken } = (await (await request.get(`${inst.url}/api/auth/csrf/`)).json()) as { csrfToken: string };
  for (let i = 0; i < 7; i++) {
    await request.post(`${inst.url}/api/auth/callback/credentials/`, {
      form: { csrfToken, login: "admin", password: `wrong-${i}`, callbackUrl: "/admin/" },
      headers: { "x-forwarded-for": "198.51.100.99" },
      maxRedirects: 0,
    });
  }
  const body = await (await request.get(`${inst.url}/metrics`)).text();
  expect(body).toMatch(/inkwell_rate_limit_refusals_total\{limit="signin"\} [1-9]/);
});
