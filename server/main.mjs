// The production server: Next.js behind a small Node HTTP server of our own, which
// - computes the client's address from the socket (and X-Forwarded-For only from TRUSTED_PROXIES),
// - cuts every request body at its route's limit (server/body-limit.ts) as the bytes arrive,
// - routes readers' requests before Next (server/routing.ts): old WordPress addresses, the page
//   cache's hits, and on a miss keeps what Next renders for the reader (server/page-cache.ts),
// - answers the anonymous comment form's POST without Next's routing (server/comment-fast-path.ts),
// - stops gracefully on SIGTERM: no new connections, in-flight requests finish, database closed,
// - fills big HTML into pages as they are written (server/html-splice.mjs), then compresses
//   (Next's own compression is off: it would run before the splice and hand it gzip bytes).
// It talks to the app through one object (server/wing.ts): its own half goes in before Next
// starts; the app's half is registered by instrumentation.ts while Next prepares.
import cluster from "node:cluster";
import http from "node:http";
import compression from "compression";
import next from "next";
import proxyaddr from "proxy-addr";
import { createMetrics, hasForwardingHeaders, observeRequest, requestLogger, serveMetrics, shareClusterMetrics } from "./observe.mjs";
import { newSpliceStore, spliceResponse, spliceStorage, wantsSplice } from "./html-splice.mjs";
import { keepWritten } from "./keep-written.mjs";
import { readBuiltRoutes } from "./built-routes.mjs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "127.0.0.1";
process.env.SITE_URL ||= `http://localhost:${port}`;
process.env.AUTH_TRUST_HOST ||= "true";
// Behind a reverse proxy, SITE_URL is the one public origin: Auth.js builds its redirects and
// decides on Secure cookies from it rather than from whatever host the proxy connected to.
if (process.env.TRUSTED_PROXIES) process.env.AUTH_URL ||= `${process.env.SITE_URL.replace(/\/+$/, "")}/api/auth`;
process.env.NEXT_TELEMETRY_DISABLED = "1";

// Addresses and CIDR ranges (10.0.0.0/8, fd00::/8) or proxy-addr's names (loopback, uniquelocal):
// containers and cloud load balancers have no fixed address.
const trustList = (process.env.TRUSTED_PROXIES || "").split(",").map((s) => s.trim()).filter(Boolean);
let trust;
try {
  trust = proxyaddr.compile(trustList);
} catch (e) {
  console.error(`TRUSTED_PROXIES: ${e.message}; give addresses or CIDR ranges, separated by commas (e.g. 127.0.0.1,10.0.0.0/8).`);
  process.exit(1);
}
const unmap = (ip) => (ip || "").replace(/^::ffff:/, "");

function clientIp(req) {
  const peer = unmap(req.socket.remoteAddress);
  if (!trustList.length || !trust(req.socket.remoteAddress || "", 0)) return { ip: peer, viaProxy: false };
  // The rightmost address that is not one of our proxies is the client.
  return { ip: unmap(proxyaddr(req, trust)), viaProxy: true };
}

const secureSite = process.env.SITE_URL.startsWith("https://");
// What a response that is not a rendered page gets (feeds, REST, XML-RPC, the comment form's own
// pages, Auth.js's): none of them has a script of ours, so none may run one. Pages get the nonce
// policy of lib/security/csp.ts (from the routing), uploads and avatars their own sandboxes.
const NO_SCRIPT_POLICY = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'self'; base-uri 'none'";

/**
 * The one place a response's security headers are decided, as its head goes out rather than when
 * the request comes in: Next does not replace a header already set on the response, so a policy
 * set first overrode the route's own (the uploads' sandbox was dropped that way).
 */
function securityHeaders(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    const given = rest.find((a) => a && typeof a === "object" && !Array.isArray(a)) ?? {};
    const has = (name) => res.hasHeader(name) || Object.keys(given).some((k) => k.toLowerCase() === name);
    res.setHeader("X-Content-Type-Options", "nosniff");
    const csp = res.getHeader("content-security-policy") ?? Object.entries(given).find(([k]) => k.toLowerCase() === "content-security-policy")?.[1];
    // A post's embed view (lib/oembed/embed-card.ts) is for other sites to frame: its CSP says so.
    if (!/frame-ancestors \*/.test(String(csp ?? ""))) res.setHeader("X-Frame-Options", "SAMEORIGIN");
    if (!has("referrer-policy")) res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (!has("content-security-policy")) res.setHeader("Content-Security-Policy", NO_SCRIPT_POLICY);
    if (secureSite) res.setHeader("Strict-Transport-Security", "max-age=31536000");
    return writeHead.call(this, status, ...rest);
  };
}

// While the PostgreSQL server is unreachable (db/postgres.ts notices it and probes once a second),
// requests get a short 503 with Retry-After at once instead of each waiting out a connect timeout,
// and a request that met the outage mid-way says 503, not 500. Static files still go out.
const OUTAGE_PAGE = `<!doctype html><meta charset="utf-8"><title>Back in a moment</title><h1>Back in a moment</h1><p>The site's database cannot be reached right now. Please try again in a few seconds.</p>`;
function answerDuringOutage(req, res) {
  if (!app.database().outage || (req.url || "").startsWith("/_next/static/")) return false;
  res.writeHead(503, { "content-type": "text/html; charset=utf-8", "retry-after": "5", "cache-control": "no-store" });
  res.end(OUTAGE_PAGE);
  return true;
}
function outageStatus(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    // Also while a long import holds SQLite's write lock (db/transaction.ts withLongTransaction):
    // a write that met the lock is told to come back, not that the server failed.
    const db = status >= 500 ? app.database() : undefined;
    if (db && (db.outage || db.longWrite)) {
      status = 503;
      res.setHeader("Retry-After", "5");
      res.setHeader("Cache-Control", "no-store");
    }
    return writeHead.call(this, status, ...rest);
  };
}

function tooLarge(req, res, answer) {
  const socket = req.socket;
  if (res.headersSent) return void socket.destroy();
  // A lingering close (RFC 9112 §9.6): a client still sending would meet a reset before reading the
  // 413 if the socket closed at once. So the server only half-closes it after the answer, drops what
  // still arrives unread (capBody), and closes for good after two seconds at most.
  socket.destroySoon = () => socket.end();
  setTimeout(() => socket.destroy(), 2000).unref();
  res.writeHead(413, { "content-type": answer?.contentType ?? "text/plain; charset=utf-8", connection: "close" });
  res.end(answer?.body ?? "Request body too large.\n");
}

/**
 * Counts the body as the parser hands it over (IncomingMessage#push), whether or not it declared
 * a Content-Length: past the limit nothing more reaches Next or a route, the client gets 413 and
 * the connection closes, so a chunked 300 MB body costs no more than `limit` bytes.
 */
function capBody(req, res, route) {
  const limit = route.limit;
  let seen = 0;
  let over = Number(req.headers["content-length"] || 0) > limit;
  const push = req.push;
  req.push = function (chunk, encoding) {
    if (over) return true;
    if (chunk !== null) {
      seen += chunk.length;
      if (seen > limit) {
        over = true;
        tooLarge(req, res, route.answer);
        return true;
      }
    }
    return push.call(this, chunk, encoding);
  };
  if (over) tooLarge(req, res, route.answer);
  return !over;
}

// Next names any loopback address "localhost" in the URLs it compares: given "127.0.0.1" it took
// its own rewrites (/feed/ → /feeds/) for another server's and proxied them back over HTTP.
const nextHostname = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(hostname) ? "localhost" : hostname;
const dev = process.argv.includes("--dev");
const nextApp = next({ dev, hostname: nextHostname, port, dir: process.cwd() });
const handle = nextApp.getRequestHandler();
// Level 3, not zlib's default 6, for what is compressed as it is written (a miss, a feed, REST):
// each such copy is made once and thrown away, and on the bench blog's post (65 KB) level 3 took
// 0.39 ms where 6 took 0.69 ms, for 13.1 KB instead of 12.1 KB (nginx's gzip_comp_level is 1).
// A cached page's own gzip is made once and kept: that one stays at 6 (server/gzip-splice.ts).
const compress = compression({ level: 3 });
const log = requestLogger();
const metrics = createMetrics();
if (cluster.isWorker) shareClusterMetrics(metrics);
/** @type {import("./wing").Wing} */
const wing = (globalThis[Symbol.for("inkwell.wing")] ??= {});
wing.server = { metrics, splice: spliceStorage, routes: dev ? undefined : readBuiltRoutes(process.env.NEXT_DIST_DIR || ".next") };
await nextApp.prepare();
// A production Next runs instrumentation.ts at its first request; its server is prepared here
// instead, so that the app registers (server/app.ts) before the first request.
await (await nextApp.server.getServer()).prepare();
const app = wing.app;
if (!app) {
  console.error("Inkwell: the app did not register with the server (instrumentation.ts did not run): is this a build of this version? Run `npm run build`.");
  process.exit(1);
}

const server = http.createServer((req, res) => {
  const { ip, viaProxy } = clientIp(req);
  req.headers["x-inkwell-client-ip"] = ip;
  // /metrics must know a proxy sent this even when TRUSTED_PROXIES does not name it (a local nginx
  // left out of it would otherwise pass every visitor's request off as this machine's own).
  const forwarded = hasForwardingHeaders(req);
  if (!viaProxy) {
    // Forwarded headers from a peer we do not trust are the client's words, not facts.
    delete req.headers["x-forwarded-for"];
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
  }
  // Next takes a page's script nonce from this request header: only the routing sets it.
  delete req.headers["content-security-policy"];
  securityHeaders(res);
  outageStatus(res);
  observeRequest(req, res, { log, metrics, clientIp: ip });
  if (answerDuringOutage(req, res)) return;
  // WordPress REST clients call /wp-json/wp/v2/posts without a trailing slash, and load balancers
  // ask /healthz: answer both directly instead of with the site-wide trailing-slash redirect (a
  // balancer counts a 308 as healthy without the database having been asked).
  if (req.url && /^\/(wp-json(\/[^?]*[^/?])?|healthz)(\?|$)/.test(req.url)) req.url = req.url.replace(/^([^?]*)/, "$1/");
  // The route's limit, and its refusal in the route's own format (XML for TrackBack and XML-RPC).
  if (!capBody(req, res, app.bodyLimit(req))) return;
  if (/^\/metrics\/?(\?|$)/.test(req.url || "")) return void serveMetrics(req, res, metrics, ip, forwarded);
  if (app.postComment(req, res)) return;
  app.route(req, res).then(
    (routed) => routed.answered || render(req, res, routed.fill),
    () => res.headersSent || render(req, res),
  );
});

/** Next renders the request; a page cache fill keeps what is written (after splicing, before compression). */
function render(req, res, fill) {
  // Next flushes the head just before it writes the first chunk: the head goes out with that chunk
  // instead, one socket write fewer for every page.
  res.flushHeaders = () => {};
  compress(req, res, () => {
    if (fill) keepWritten(res, (page) => app.keepPage(fill, page).catch(() => undefined));
    if (!wantsSplice(req)) return handle(req, res);
    const store = newSpliceStore();
    spliceResponse(res, store);
    spliceStorage.run(store, () => handle(req, res));
  });
}
server.keepAliveTimeout = 5000;
server.once("error", (e) => {
  const message = `cannot serve on ${hostname}:${port}: ${e.code === "EADDRINUSE" ? "another program is using that port (set PORT)" : e.code === "EACCES" ? "this user may not use that port (set PORT above 1023)" : e.message}`;
  // A worker of server/cluster.mjs leaves the telling to the primary (once, not once per attempt).
  if (cluster.isWorker) process.send({ inkwell: "fatal", message }, () => process.exit(1));
  else {
    console.error(`Inkwell ${message}`);
    process.exit(1);
  }
});
server.listen(port, hostname, () => {
  if (cluster.isWorker) console.log(`Inkwell: process ${process.pid} serving ${process.env.SITE_URL} on http://${hostname}:${port}`);
  else console.log(`Inkwell: serving ${process.env.SITE_URL} on http://${hostname}:${port}`);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`Inkwell: ${signal} received, finishing requests in flight…`);
  const force = setTimeout(() => process.exit(0), 9000);
  force.unref();
  // The job poller stops claiming now (another process, or the next start, takes what is queued);
  // the job in hand finishes while the requests in flight do.
  const jobs = app.stopJobs();
  server.close(async () => {
    try {
      await jobs;
      log.flush?.();
      await app.closeDatabase();
    } finally {
      process.exit(0);
    }
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
