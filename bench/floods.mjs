// `npm run bench:floods`: brute force and floods against the production server on 127.0.0.1
// (port 4150, BENCH_PORT overrides) with a scratch database, one flood after another, each
// bounded by a request count and by BENCH_FLOOD_SECONDS (60 s). The many "addresses" are only
// X-Forwarded-For values (TRUSTED_PROXIES=127.0.0.1), from the documentation ranges; every
// request goes to 127.0.0.1. During each flood a reader without cookies loads the home page and
// a post, and its latency is reported. Exits 1 if any limit did not hold or any reader failed.
//
// The limits checked, read from the code:
//  sign-in   5 failures per account (the login as typed) or per IP lock it for 15 minutes
//            (db/queries/rate-limits.ts): per key, at most 5 attempts may reach the password
//            check; no wrong password signs in; a locked key refuses even the right password.
//  comments  10 attempts per IP per 60 s (lib/comments/submit.ts COMMENT_RATE, in memory), and
//            WordPress's flood rule: one accepted comment per IP per 15 s.
//  linkbacks 20 pings per source host and 40 per client IP per 10 minutes, TrackBack and
//            pingback together (lib/linkbacks/receive.ts PING_RATE).
import { createHmac } from "node:crypto";
import http from "node:http";
import {
  ADMIN_PASSWORD, SECRET, cookieHeader, findPost, keepCookies, loadAvg, ms, pct, pool, readerLoop, startServer,
} from "./server.mjs";

const PORT = Number(process.env.BENCH_PORT || 4150);
const SECONDS = Number(process.env.BENCH_FLOOD_SECONDS || 60);
const SIGN_IN = { max: 5 };
const COMMENT = { perMinute: 10, floodSeconds: 15 };
const PING = { perHost: 20, perIp: 40 };

const server = await startServer({ port: PORT, name: "floods", seeds: ["tests/e2e/support/seed-linkbacks.ts"] });
const B = server.base;
const peers = [];
const results = [];
let failed = false;

try {
  const hello = await findPost(B, "hello-world");
  const readerPaths = ["/", hello.postPath];
  const form = { "content-type": "application/x-www-form-urlencoded" };

  /** Runs one flood with a reader alongside; `check` returns [held, detail]. */
  async function flood(name, { total, concurrency }, send, check) {
    const statuses = {};
    let stop = false;
    const deadline = Date.now() + SECONDS * 1000;
    const load = loadAvg();
    const reader = readerLoop(B, readerPaths, { stop: () => stop, deadline: deadline + 5000 });
    const t0 = Date.now();
    const sent = await pool({ total, concurrency, deadline }, async (i) => {
      let outcome;
      try {
        outcome = await send(i);
      } catch (e) {
        outcome = `error ${e.name}`;
      }
      statuses[outcome] = (statuses[outcome] ?? 0) + 1;
    });
    const seconds = (Date.now() - t0) / 1000;
    stop = true;
    await reader.done;
    const [held, detail] = check(seconds);
    const row = {
      flood: name, sent, seconds: seconds.toFixed(1), statuses, held, detail,
      reader: { loads: reader.ok + reader.failed, failed: reader.failed, p50: pct(reader.times, 50), p99: pct(reader.times, 99), max: pct(reader.times, 100) },
      load,
    };
    results.push(row);
    if (!held || reader.failed) failed = true;
    console.log(`${name}: sent ${sent} in ${row.seconds} s; ${JSON.stringify(statuses)}; limit ${held ? "held" : "DID NOT HOLD"} (${detail}); ` +
      `reader ${row.reader.loads} loads, ${reader.failed} failed${reader.failed ? ` (${reader.failures.slice(0, 3).join(", ")})` : ""}, ` +
      `p50 ${ms(row.reader.p50)} p99 ${ms(row.reader.p99)} max ${ms(row.reader.max)}; load avg ${load}`);
  }

  const countBy = () => {
    const m = new Map();
    return { m, add: (k) => m.set(k, (m.get(k) ?? 0) + 1), max: () => Math.max(0, ...m.values()) };
  };

  // ---- (a) sign-in ----
  let csrf;
  async function newCsrf() {
    const jar = new Map();
    const res = await fetch(`${B}/api/auth/csrf/`);
    keepCookies(jar, res);
    return { jar, token: (await res.json()).csrfToken };
  }
  csrf = await newCsrf();
  /** "ok" (signed in), "locked" or "invalid": Auth.js answers 302 with ?code=locked|credentials. */
  async function signIn(login, password, ip) {
    const res = await fetch(`${B}/api/auth/callback/credentials/`, {
      method: "POST", redirect: "manual",
      headers: { ...form, cookie: cookieHeader(csrf.jar), "x-forwarded-for": ip },
      body: new URLSearchParams({ csrfToken: csrf.token, login, password, callbackUrl: `${B}/admin/` }),
    });
    await res.arrayBuffer();
    const loc = res.headers.get("location") ?? "";
    if (res.status === 302 && res.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))) return "ok";
    if (/[?&]code=locked\b/.test(loc)) return "locked";
    if (/[?&]code=credentials\b/.test(loc)) return "invalid";
    return `http ${res.status}`;
  }
  // The right password works before the attack (so "locked" afterwards means the lock, not a typo).
  if ((await signIn("admin", ADMIN_PASSWORD, "198.51.100.250")) !== "ok") throw new Error("admin cannot sign in before the attack");

  /** Every attempt that reached the password check ("invalid") counts against both its keys. */
  function signInFlood(name, opts, pick) {
    const perAccount = countBy(), perIp = countBy();
    let signedIn = 0;
    return flood(name, opts, async (i) => {
      const { login, ip } = pick(i);
      const r = await signIn(login, `wrong-password-${i}`, ip);
      if (r === "invalid") { perAccount.add(login); perIp.add(ip); }
      if (r === "ok") signedIn++;
      return r;
    }, () => [
      signedIn === 0 && perAccount.max() <= SIGN_IN.max && perIp.max() <= SIGN_IN.max,
      `password checks per account max ${perAccount.max()}, per IP max ${perIp.max()} (limit ${SIGN_IN.max}); wrong passwords signed in: ${signedIn}`,
    ]);
  }
  const attackerIp = "203.0.113.7";
  await signInFlood("sign-in: 1,000 usernames from one IP", { total: 1000, concurrency: 16 }, (i) => ({ login: `guess-${i}`, ip: attackerIp }));
  await signInFlood("sign-in: 'admin' from 1,000 IPs", { total: 1000, concurrency: 16 }, (i) => ({ login: "admin", ip: `10.20.${i >> 8}.${i & 255}` }));
  // 40 usernames × 40 IPs, each pair tried once, interleaved so that every key is hit from all sides.
  await signInFlood("sign-in: 40 usernames × 40 IPs", { total: 1600, concurrency: 16 }, (i) => ({ login: `user-${i % 40}`, ip: `10.30.0.${(i + Math.floor(i / 40)) % 40}` }));
  // Locked keys stay locked: the right password from the attacker's IP, and for admin from a new IP.
  {
    const fromAttacker = await signIn("admin", ADMIN_PASSWORD, attackerIp);
    const adminFresh = await signIn("admin", ADMIN_PASSWORD, "192.0.2.200");
    const held = fromAttacker === "locked" && adminFresh === "locked";
    if (!held) failed = true;
    results.push({ flood: "sign-in: locked keys stay locked", sent: 2, statuses: { [fromAttacker]: 1, [adminFresh]: (fromAttacker === adminFresh ? 2 : 1) }, held, detail: `right password from the attacker IP: ${fromAttacker}; admin from a fresh IP: ${adminFresh}` });
    console.log(`locked keys stay locked: ${held ? "yes" : "NO"} (attacker IP → ${fromAttacker}, admin from a fresh IP → ${adminFresh})`);
  }

  // ---- (b) comments ----
  const token = () => {
    const t = Date.now() - 5000;
    return `${t}.${createHmac("sha256", SECRET).update(`comment-form:${hello.postId}:${t}`).digest("base64url")}`;
  };
  let seq = 0;
  function commentFlood(name, opts, ipOf) {
    const accepted = countBy(), notLimited = countBy();
    return flood(name, opts, async (i) => {
      const n = ++seq;
      const ip = ipOf(i);
      const res = await fetch(`${B}/wp-comments-post.php`, {
        method: "POST",
        headers: { ...form, accept: "application/json", "x-forwarded-for": ip },
        body: new URLSearchParams({
          comment_post_ID: String(hello.postId), comment_parent: "0", author: `Flood ${n}`, email: `flood${n}@example.com`, url: "",
          comment: `Flood comment number ${n}.`, comment_ts: token(), website_confirm: "",
        }),
      });
      await res.arrayBuffer();
      if (res.status === 201) accepted.add(ip);
      if (res.status !== 429) notLimited.add(ip);
      return String(res.status);
    }, (seconds) => {
      const maxAccepted = 1 + Math.floor(seconds / COMMENT.floodSeconds);
      const maxAttempts = COMMENT.perMinute * (1 + Math.floor(seconds / 60));
      return [
        accepted.max() <= maxAccepted && notLimited.max() <= maxAttempts,
        `accepted per IP max ${accepted.max()} (flood rule allows ${maxAccepted} in ${seconds.toFixed(0)} s), answers other than 429 per IP max ${notLimited.max()} (allowed ${maxAttempts})`,
      ];
    });
  }
  await commentFlood("comments: one IP", { total: 3000, concurrency: 16 }, () => "192.0.2.10");
  await commentFlood("comments: 500 IPs", { total: 10000, concurrency: 32 }, (i) => `10.40.${(i % 500) >> 8}.${(i % 500) & 255}`);

  // ---- (c) trackbacks ----
  function linkbackFlood(name, opts, pick, send) {
    const perIp = countBy(), perHost = countBy();
    return flood(name, opts, async (i) => {
      const { ip, host } = pick(i);
      const r = await send(i, ip, host);
      if (r === "accepted") { perIp.add(ip); perHost.add(host); }
      return r;
    }, () => [
      perIp.max() <= PING.perIp && perHost.max() <= PING.perHost,
      `accepted per IP max ${perIp.max()} (limit ${PING.perIp}), per source host max ${perHost.max()} (limit ${PING.perHost})`,
    ]);
  }
  const tbPath = "/2026/01/10/lb-trackback-target/trackback/";
  const trackback = async (i, ip, host) => {
    const res = await fetch(B + tbPath, {
      method: "POST",
      headers: { ...form, "x-forwarded-for": ip },
      body: new URLSearchParams({ url: `http://${host}/p/${i}/`, title: `T${i}`, blog_name: "Flood", excerpt: "x" }),
    });
    const t = await res.text();
    if (/<error>0<\/error>/.test(t)) return "accepted";
    if (/too many pings/i.test(t)) return "refused: rate";
    return `refused: ${res.status} ${/<message>([^<]*)/.exec(t)?.[1] ?? ""}`.trim();
  };
  await linkbackFlood("trackbacks: one IP, 100 source hosts", { total: 2000, concurrency: 16 }, (i) => ({ ip: "192.0.2.20", host: `h${i % 100}.tb-one.example` }), trackback);
  await linkbackFlood("trackbacks: 2,000 IPs, one source host", { total: 2000, concurrency: 16 }, (i) => ({ ip: `10.50.${i >> 8}.${i & 255}`, host: "spam.tb-many.example" }), trackback);

  // ---- (d) pingbacks ----
  // Four peers on loopback: a source host is host:port, so four ports are four source hosts.
  const pbTarget = `${B}/2026/01/10/lb-pingback-target/`;
  for (let k = 0; k < 4; k++) {
    const peer = http.createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<title>Peer ${req.url}</title><p>Read <a href="${pbTarget}">this post</a>.</p>`);
    });
    await new Promise((r) => peer.listen(0, "127.0.0.1", r));
    peers.push(peer);
  }
  const peerHost = (k) => `127.0.0.1:${peers[k].address().port}`;
  const pingback = async (i, ip, host) => {
    const res = await fetch(`${B}/xmlrpc.php`, {
      method: "POST",
      headers: { "content-type": "text/xml", "x-forwarded-for": ip },
      body: `<?xml version="1.0"?><methodCall><methodName>pingback.ping</methodName><params><param><value><string>http://${host}/pb/${i}</string></value></param><param><value><string>${pbTarget}</string></value></param></params></methodCall>`,
    });
    const t = await res.text();
    if (t.includes("registered. Keep the web talking")) return "accepted";
    const code = /<name>faultCode<\/name>\s*<value>\s*<int>(\d+)/.exec(t)?.[1];
    return code === "49" ? "refused: rate (fault 49)" : `refused: ${res.status} fault ${code ?? "?"}`;
  };
  await linkbackFlood("pingbacks: one IP, 4 source hosts", { total: 2000, concurrency: 16 }, (i) => ({ ip: "192.0.2.30", host: peerHost(i % 4) }), pingback);
  // A fifth, fresh source host for the many-IP flood: the four above have used their allowance.
  {
    const peer = http.createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<title>Peer ${req.url}</title><p>Read <a href="${pbTarget}">this post</a>.</p>`);
    });
    await new Promise((r) => peer.listen(0, "127.0.0.1", r));
    peers.push(peer);
  }
  await linkbackFlood("pingbacks: 2,000 IPs, one source host", { total: 2000, concurrency: 16 }, (i) => ({ ip: `10.60.${i >> 8}.${i & 255}`, host: peerHost(4) }), pingback);
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  for (const p of peers) p.close();
  await server.stop();
}

console.log("\n| flood | sent | seconds | answers | limit held | reader loads (failed) | reader p50 / p99 / max | load avg (1/5/15 min) |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const answers = Object.entries(r.statuses).map(([k, v]) => `${k}: ${v}`).join(", ");
  const rd = r.reader;
  console.log(`| ${r.flood} | ${r.sent} | ${r.seconds ?? "–"} | ${answers} | ${r.held ? "yes" : "**no**"}: ${r.detail} | ${rd ? `${rd.loads} (${rd.failed})` : "–"} | ${rd ? `${ms(rd.p50)} / ${ms(rd.p99)} / ${ms(rd.max)}` : "–"} | ${r.load ?? "–"} |`);
}
console.log(failed ? "\nFAIL: a limit did not hold, a reader failed, or the bench broke (see above)" : "\nPASS: every limit held and every reader load succeeded");
process.exit(failed ? 1 : 0);
