// What an operator watches: one structured log line per request (pino) and Prometheus metrics at
// /metrics (prom-client), both kept by the Node server itself so that pages served from the page
// cache, which never reach Next, are counted too. Code inside Next adds to the same registry
// through globalThis.__inkwellMetrics (lib/metrics.ts).
import crypto from "node:crypto";
import pino from "pino";
import client from "prom-client";

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/**
 * LOG_LEVEL (info by default; INKWELL_LOG=off, the older switch, means silent).
 * @param {Record<string, string | undefined>} env
 */
export function logLevel(env = process.env) {
  if (env.INKWELL_LOG === "off") return "silent";
  const level = (env.LOG_LEVEL || "info").toLowerCase();
  if (!LEVELS.has(level)) throw new Error(`LOG_LEVEL "${env.LOG_LEVEL}" is not one of ${[...LEVELS].join(", ")}.`);
  return level;
}

/**
 * Request lines go through an asynchronous, buffered destination: at thousands of cached pages a
 * second a synchronous write per line would cost the readers. The buffer is flushed at shutdown.
 */
/**
 * @param {Record<string, string | undefined>} env
 * @param {import("pino").DestinationStream} destination
 */
export function requestLogger(env = process.env, destination = pino.destination({ dest: 1, sync: false, minLength: 4096 })) {
  return pino(
    { level: logLevel(env), base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    destination,
  );
}

/** The family a request belongs to, for metrics: few values, so that the series stay few. */
export function routeKind(path) {
  if (path.startsWith("/_next/") || path === "/favicon.ico" || path === "/icon.svg" || path === "/apple-touch-icon.png") return "asset";
  if (path.startsWith("/admin")) return "admin";
  if (path.startsWith("/wp-json")) return "rest";
  if (path.startsWith("/xmlrpc.php")) return "xmlrpc";
  if (path.startsWith("/wp-comments-post.php")) return "comment";
  if (path.startsWith("/wp-content/uploads/") || path.startsWith("/avatar/")) return "upload";
  if (path.startsWith("/api/auth") || /^\/(login|register|lost-password|reset-password|wp-login\.php)\b/.test(path)) return "auth";
  if (/(^|\/)feed\/?$|^\/feeds\//.test(path) || /^\/comments\/feed/.test(path)) return "feed";
  if (path.startsWith("/trackback") || path.startsWith("/webmention") || path.startsWith("/wp-trackback.php")) return "linkback";
  if (path.startsWith("/healthz")) return "health";
  if (path.startsWith("/metrics")) return "metrics";
  if (/^\/(sitemap|wp-sitemap|sitemaps\/|robots\.txt)/.test(path)) return "sitemap";
  return "page";
}

export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "inkwell_" });
  const requests = new client.Counter({ name: "inkwell_http_requests_total", help: "HTTP requests answered, by route kind and status class", labelNames: ["kind", "status"], registers: [registry] });
  const duration = new client.Histogram({
    name: "inkwell_http_request_duration_seconds",
    help: "Time from a request's arrival to its last byte, by route kind",
    labelNames: ["kind"],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const pageCache = new client.Counter({ name: "inkwell_page_cache_total", help: "Anonymous page requests by page-cache result (hit, miss)", labelNames: ["result"], registers: [registry] });
  const rateLimited = new client.Counter({ name: "inkwell_rate_limit_refusals_total", help: "Requests refused by a rate limit, by limit", labelNames: ["limit"], registers: [registry] });
  // Filled at scrape time by hooks that code inside Next registers (the job queue, the database).
  const hooks = { jobs: undefined, pool: undefined };
  new client.Gauge({
    name: "inkwell_jobs",
    help: "Jobs in the queue by status (queued and running are the backlog; failed gave up after their retries)",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const counts = (await hooks.jobs?.()) ?? {};
      for (const status of ["queued", "running", "failed"]) this.set({ status }, counts[status] ?? 0);
    },
  });
  new client.Gauge({
    name: "inkwell_db_pool_connections",
    help: "Database connections by state (SQLite: the one connection of this process)",
    labelNames: ["engine", "state"],
    registers: [registry],
    async collect() {
      const pool = (await hooks.pool?.()) ?? null;
      if (!pool) return;
      for (const state of ["total", "idle", "waiting"]) this.set({ engine: pool.engine, state }, pool[state] ?? 0);
    },
  });
  return { registry, requests, duration, pageCache, rateLimited, hooks };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;

/**
 * /metrics answers the machine itself, or whoever presents METRICS_TOKEN as a bearer token. A
 * request that came through a proxy (it carries forwarding headers) is never "the machine itself",
 * even when the proxy is local: a reverse proxy on loopback would otherwise open it to everyone.
 */
export function metricsAllowed(req, clientIp, token = process.env.METRICS_TOKEN, forwarded = hasForwardingHeaders(req)) {
  const auth = String(req.headers.authorization || "");
  if (token && auth.startsWith("Bearer ")) {
    const given = Buffer.from(auth.slice(7));
    const want = Buffer.from(token);
    if (given.length === want.length && crypto.timingSafeEqual(given, want)) return true;
  }
  return !forwarded && LOOPBACK.test(clientIp);
}

/**
 * In a server process of server/cluster.mjs: /metrics, whichever process the connection reaches,
 * answers for all of them (the primary gathers them, prom-client's AggregatorRegistry), and each
 * series carries its process's pid, so that a scrape neither sees one process at random nor mixes
 * their counters. A restarted process starts new series under its new pid.
 */
export function shareClusterMetrics(metrics) {
  metrics.registry.setDefaultLabels({ pid: String(process.pid) });
  new client.AggregatorRegistry(); // answers the primary's requests for this process's metrics
  client.AggregatorRegistry.setRegistries([metrics.registry]);
  let next = 0;
  const waiting = new Map();
  process.on("message", (m) => {
    if (m?.inkwell !== "metrics" || !waiting.has(m.id)) return;
    waiting.get(m.id)(m);
    waiting.delete(m.id);
  });
  metrics.collect = () =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, (m) => (m.error ? reject(new Error(m.error)) : resolve(m.body)));
      process.send({ inkwell: "metrics", id });
    });
}

/** The primary's half of shareClusterMetrics: answers a process's request with everyone's metrics. */
export function gatherClusterMetrics() {
  const aggregator = new client.AggregatorRegistry();
  return (worker, m) => {
    if (m?.inkwell !== "metrics") return;
    const reply = (answer) => worker.isConnected() && worker.send({ inkwell: "metrics", id: m.id, ...answer });
    aggregator.clusterMetrics().then((body) => reply({ body }), (e) => reply({ error: e.message }));
  };
}

/** Whether a proxy's headers came with the request (read before the server drops untrusted ones). */
export function hasForwardingHeaders(req) {
  return !!(req.headers["x-forwarded-for"] || req.headers.forwarded || req.headers["x-real-ip"]);
}

/** Answers /metrics; true when the request was it. */
export async function serveMetrics(req, res, metrics, clientIp, forwarded = hasForwardingHeaders(req)) {
  if (!/^\/metrics\/?(\?|$)/.test(req.url || "")) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
    res.end("Method not allowed.\n");
    return true;
  }
  if (!metricsAllowed(req, clientIp, process.env.METRICS_TOKEN, forwarded)) {
    res.writeHead(403, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end("Metrics are answered to this machine, or with the METRICS_TOKEN bearer token.\n");
    return true;
  }
  let body;
  try {
    body = await (metrics.collect?.() ?? metrics.registry.metrics());
  } catch (e) {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end(`Metrics could not be gathered: ${e.message}\n`);
    return true;
  }
  res.writeHead(200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

/** Counts and logs a request once its answer has gone (or the client went away). */
export function observeRequest(req, res, { log, metrics, clientIp }) {
  const started = process.hrtime.bigint();
  const path = (req.url || "/").split("?")[0];
  const method = req.method;
  res.once("close", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const kind = routeKind(path);
    const status = res.statusCode;
    const cache = res.getHeader("x-inkwell-cache");
    metrics.requests.inc({ kind, status: `${Math.floor(status / 100)}xx` });
    metrics.duration.observe({ kind }, seconds);
    if (cache === "hit" || cache === "miss") metrics.pageCache.inc({ result: cache });
    const line = { event: "request", method, path, status, ms: Math.round(seconds * 10_000) / 10, kind, cache: cache ?? undefined, ip: clientIp, aborted: res.writableFinished ? undefined : true };
    if (status >= 500) log.error(line);
    else log.info(line);
  });
}
