// `npm run bench:soak`: a mixed load on the production server (127.0.0.1, port 4160, BENCH_PORT
// overrides) for BENCH_SOAK_SECONDS (600), at 8 connections in all:
//  - 4 readers: home, posts, date and category archives, search, feeds; two without cookies (the
//    page cache), two with a cookie (rendered every time);
//  - 2 commenters: valid comments with a signed form token, each from a new X-Forwarded-For
//    address (TRUSTED_PROXIES=127.0.0.1), one a second each;
//  - 1 author, signed in, saving a new draft through the editor's plain form every 2 s;
//  - 1 pinger: a TrackBack or a pingback (from peers on loopback) every 3 s.
// The server's RSS (VmRSS from /proc/PID/status) is sampled every 10 s. Under load it is a
// sawtooth (V8 grows its heap to a ceiling, collects, gives pages back: ±100 MB here), so a
// straight line through raw samples says more about where the last dip fell than about a leak.
// Verdict: the memory has settled when the least-squares slope of the per-minute peaks over the
// second half of the run is under 2 MB/min (BENCH_SOAK_SLOPE_MB_MIN); otherwise it climbs and the
// bench exits 1. Why 2: at rest the per-minute peaks still move by 2–5 MB from one minute to the
// next, which is ±1 MB/min of slope over five points; 1 MB/min failed a run whose last four
// peaks were 497–499 MB. So a leak slower than about 2 MB/min (3 GB a day) needs a longer run. A leak lifts the peaks (the heap must grow to hold what is kept); the lows are
// printed too but not judged (a minute with no collection in it has a high low). It also exits 1
// when a reader request failed.
import { createHmac } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import {
  ADMIN_PASSWORD, SECRET, cookieHeader, findPost, keepCookies, loadAvg, ms, pct, readerLoop, sleep, startServer,
} from "./server.mjs";

const PORT = Number(process.env.BENCH_PORT || 4160);
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS || 600);
const SLOPE_LIMIT = Number(process.env.BENCH_SOAK_SLOPE_MB_MIN || 2);
const SAMPLE_MS = 10_000;

const server = await startServer({ port: PORT, name: "soak", seeds: ["tests/e2e/support/seed-linkbacks.ts"] });
const B = server.base;
const peers = [];
let exitCode = 1;
// However the load goes, the bench ends: a minute after its deadline it stops the server.
const watchdog = setTimeout(async () => {
  console.error("soak: did not finish a minute after its deadline; stopping");
  await server.stop();
  process.exit(1);
}, (SECONDS + 120) * 1000);
watchdog.unref();

/** VmRSS and its parts from /proc/PID/status, in MB: anon (heap, stacks), file (mapped files). */
const memory = () => {
  const st = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
  const kb = (k) => { const m = new RegExp(`${k}:\\s+(\\d+) kB`).exec(st); return m ? Number(m[1]) / 1024 : NaN; };
  return { rss: kb("VmRSS"), anon: kb("RssAnon"), file: kb("RssFile") };
};
/** Least-squares slope of [t seconds, mb] points, in MB per minute. */
const slopePerMin = (pts) => {
  const n = pts.length;
  const mt = pts.reduce((a, p) => a + p[0], 0) / n, mm = pts.reduce((a, p) => a + p[1], 0) / n;
  const num = pts.reduce((a, p) => a + (p[0] - mt) * (p[1] - mm), 0);
  const den = pts.reduce((a, p) => a + (p[0] - mt) ** 2, 0);
  return den ? (num / den) * 60 : 0;
};
const decode = (s) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const attr = (tag, name) => {
  const m = new RegExp(`\\s${name.replace(/[$]/g, "\\$")}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : undefined;
};

try {
  const form = { "content-type": "application/x-www-form-urlencoded" };
  const posts = {};
  for (const slug of ["hello-world", "lb-trackback-target", "lb-webmention-target", "lb-roundtrip-target", "lb-pingback-target"]) posts[slug] = await findPost(B, slug);
  const commentable = ["hello-world", "lb-trackback-target", "lb-webmention-target", "lb-roundtrip-target"].map((s) => posts[s]);
  const readerPaths = [
    "/", ...Object.values(posts).map((p) => p.postPath), posts["hello-world"].postPath.slice(0, 9), "/2026/01/", "/2026/",
    "/category/uncategorized/", "/?s=hello", "/?s=linkbacks+target", "/feed/", "/comments/feed/", "/sample-page/",
  ];
  for (const p of readerPaths) {
    const res = await fetch(B + p);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`reader path ${p} answers ${res.status}`);
  }

  // The author signs in through Auth.js's credentials endpoint, as the login form does.
  const jar = new Map();
  let res = await fetch(`${B}/api/auth/csrf/`);
  keepCookies(jar, res);
  const { csrfToken } = await res.json();
  res = await fetch(`${B}/api/auth/callback/credentials/`, {
    method: "POST", redirect: "manual", headers: { ...form, cookie: cookieHeader(jar), "x-forwarded-for": "192.0.2.1" },
    body: new URLSearchParams({ csrfToken, login: "admin", password: ADMIN_PASSWORD, callbackUrl: `${B}/admin/` }),
  });
  keepCookies(jar, res);
  if (!jar.has("authjs.session-token")) throw new Error("the author could not sign in");

  const deadline = Date.now() + SECONDS * 1000;
  let stop = false;
  const stopped = () => stop || Date.now() >= deadline;
  const load = [loadAvg()];

  // RSS every 10 s, from the start of the load.
  const t0 = Date.now();
  const parts = [];
  const rssMb = () => { const m = memory(); parts.push(m); return m.rss; };
  const samples = [[0, rssMb()]];
  const sampler = setInterval(() => samples.push([(Date.now() - t0) / 1000, rssMb()]), SAMPLE_MS);

  const readers = [
    readerLoop(B, readerPaths, { stop: stopped, deadline, pauseMs: 20 }),
    readerLoop(B, [...readerPaths].reverse(), { stop: stopped, deadline, pauseMs: 20 }),
    readerLoop(B, readerPaths, { stop: stopped, deadline, pauseMs: 20, headers: { cookie: "bench_reader=1" } }),
    readerLoop(B, [...readerPaths].reverse(), { stop: stopped, deadline, pauseMs: 20, headers: { cookie: "bench_reader=1" } }),
  ];

  const counts = { comments: {}, drafts: {}, pings: {} };
  const bump = (o, k) => (o[k] = (o[k] ?? 0) + 1);
  let ipSeq = 0;
  const nextIp = () => { const k = ++ipSeq; return `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`; };

  const commenter = async (c) => {
    for (let i = 0; !stopped(); i++) {
      const post = commentable[(i + c) % commentable.length];
      const ts = Date.now() - 5000;
      const token = `${ts}.${createHmac("sha256", SECRET).update(`comment-form:${post.postId}:${ts}`).digest("base64url")}`;
      try {
        const r = await fetch(`${B}/wp-comments-post.php`, {
          method: "POST", redirect: "manual",
          headers: { ...form, "x-forwarded-for": nextIp() },
          body: new URLSearchParams({
            comment_post_ID: String(post.postId), comment_parent: "0", author: `Soak ${c}.${i}`, email: `soak${c}.${i}@example.com`,
            url: "", comment: `Soak comment ${c}.${i}: ${Math.random().toString(36).slice(2)}`, comment_ts: token, website_confirm: "",
          }),
        });
        await r.arrayBuffer();
        bump(counts.comments, r.status === 303 ? "303 stored" : String(r.status));
      } catch (e) {
        bump(counts.comments, e.name);
      }
      await sleep(1000);
    }
  };

  const author = async () => {
    for (let i = 0; !stopped(); i++) {
      try {
        const page = await fetch(`${B}/admin/posts/new/`, { headers: { cookie: cookieHeader(jar) } });
        const html = await page.text();
        const f = (html.match(/<form[\s\S]*?<\/form>/g) ?? []).find((x) => x.includes('value="save_draft"'));
        if (!f) throw new Error("no editor form");
        const data = new FormData();
        for (const tag of f.match(/<input[^>]*>/g) ?? []) {
          const name = attr(tag, "name");
          const type = attr(tag, "type") ?? "text";
          if (!name) continue;
          if ((type === "checkbox" || type === "radio") && !/\schecked=""/.test(tag)) continue;
          data.append(name, attr(tag, "value") ?? (type === "checkbox" ? "on" : ""));
        }
        const authorSelect = /<select[^>]*name="authorId"[^>]*>[\s\S]*?<option[^>]*value="(\d+)"/.exec(f)?.[1];
        if (authorSelect) data.set("authorId", authorSelect);
        data.set("title", `Soak draft ${i} ${Date.now()}`);
        data.set("content", `<p>Draft body ${i}: ${"words ".repeat(50)}</p>`);
        data.set("excerpt", "");
        data.set("toPing", "");
        data.set("intent", "save_draft");
        const r = await fetch(`${B}/admin/posts/new/`, { method: "POST", redirect: "manual", headers: { cookie: cookieHeader(jar), origin: B }, body: data });
        await r.arrayBuffer();
        const saved = r.status === 303 && /\/admin\/posts\/\d+\/\?saved=/.test(r.headers.get("location") ?? "");
        bump(counts.drafts, saved ? "303 saved" : String(r.status));
      } catch (e) {
        bump(counts.drafts, e.message.slice(0, 40));
      }
      await sleep(2000);
    }
  };

  const pbTarget = `${B}/2026/01/10/lb-pingback-target/`;
  for (let k = 0; k < 8; k++) {
    const peer = http.createServer((req, r) => {
      r.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      r.end(`<title>Peer ${req.url}</title><p>Read <a href="${pbTarget}">this post</a>.</p>`);
    });
    await new Promise((r) => peer.listen(0, "127.0.0.1", r));
    peers.push(peer);
  }
  const pinger = async () => {
    for (let i = 0; !stopped(); i++) {
      try {
        if (i % 2 === 0) {
          const r = await fetch(`${B}/2026/01/10/lb-trackback-target/trackback/`, {
            method: "POST", headers: { ...form, "x-forwarded-for": nextIp() },
            body: new URLSearchParams({ url: `http://soak${i}.example/p/`, title: `Soak ${i}`, blog_name: "Soak", excerpt: "A soak ping." }),
          });
          bump(counts.pings, /<error>0<\/error>/.test(await r.text()) ? "trackback accepted" : "trackback refused");
        } else {
          const src = `http://127.0.0.1:${peers[(i >> 1) % peers.length].address().port}/soak/${i}`;
          const r = await fetch(`${B}/xmlrpc.php`, {
            method: "POST", headers: { "content-type": "text/xml", "x-forwarded-for": nextIp() },
            body: `<?xml version="1.0"?><methodCall><methodName>pingback.ping</methodName><params><param><value><string>${src}</string></value></param><param><value><string>${pbTarget}</string></value></param></params></methodCall>`,
          });
          bump(counts.pings, (await r.text()).includes("registered") ? "pingback accepted" : "pingback refused");
        }
      } catch (e) {
        bump(counts.pings, e.name);
      }
      await sleep(3000);
    }
  };

  // Progress once a minute, so a long run shows it is alive.
  const progress = setInterval(() => {
    const last = samples.at(-1);
    load.push(loadAvg());
    console.log(`soak: ${last[0].toFixed(0)} s, RSS ${last[1].toFixed(1)} MB, load avg ${load.at(-1)}`);
  }, 60_000);
  await Promise.all([...readers.map((r) => r.done), commenter(0), commenter(1), author(), pinger()]);
  clearInterval(progress);
  clearInterval(sampler);
  samples.push([(Date.now() - t0) / 1000, rssMb()]);
  load.push(loadAvg());

  // ---- report ----
  const mbs = samples.map((s) => s[1]);
  const end = samples.at(-1)[0];
  const minutes = [];
  for (const [t, mb] of samples) {
    const k = Math.min(Math.floor(t / 60), Math.max(0, Math.floor(end / 60) - 1)); // a last partial minute joins the one before
    const w = (minutes[k] ??= { t: k * 60 + 30, max: -Infinity, min: Infinity });
    w.max = Math.max(w.max, mb);
    w.min = Math.min(w.min, mb);
  }
  const secondHalf = minutes.filter((w) => w && w.t >= end / 2);
  const peakSlope = slopePerMin(secondHalf.map((w) => [w.t, w.max]));
  const lowSlope = slopePerMin(secondHalf.map((w) => [w.t, w.min]));
  const slope = peakSlope;
  const rawLastThird = slopePerMin(samples.filter((x) => x[0] >= (end * 2) / 3));
  const lo = Math.min(...mbs), hi = Math.max(...mbs);
  console.log("\nRSS every minute (MB; the bar spans min → max of the run):");
  for (const [t, mb] of samples.filter((s, i) => i % 6 === 0 || i === samples.length - 1)) {
    const bar = "█".repeat(1 + Math.round(((mb - lo) / Math.max(1, hi - lo)) * 40));
    console.log(`${String(t.toFixed(0)).padStart(5)} s  ${mb.toFixed(1).padStart(6)}  ${bar}`);
  }
  console.log(`every sample (s:MB): ${samples.map(([t, mb]) => `${t.toFixed(0)}:${mb.toFixed(0)}`).join(" ")}`);
  const times = readers.flatMap((r) => r.times);
  const anon = readers.slice(0, 2).flatMap((r) => r.times), cookie = readers.slice(2).flatMap((r) => r.times);
  const readerFailed = readers.reduce((a, r) => a + r.failed, 0);
  console.log(`\nRSS: start ${mbs[0].toFixed(1)} MB, min ${lo.toFixed(1)}, max ${hi.toFixed(1)}, end ${mbs.at(-1).toFixed(1)} MB (${samples.length} samples over ${samples.at(-1)[0].toFixed(0)} s)`);
  console.log(`every sample's parts (anon/file MB): ${parts.map((m) => `${m.anon.toFixed(0)}/${m.file.toFixed(0)}`).join(" ")}`);
  console.log(`per-minute peaks (MB): ${minutes.filter(Boolean).map((w) => w.max.toFixed(0)).join(" ")}; lows: ${minutes.filter(Boolean).map((w) => w.min.toFixed(0)).join(" ")}`);
  console.log(`slope over the second half: peaks ${peakSlope.toFixed(2)} MB/min, lows ${lowSlope.toFixed(2)} MB/min (settled: peaks < ${SLOPE_LIMIT} MB/min; lows are shown, not judged: a minute without a collection has a high low); ` +
    `for comparison, a line through the raw samples of the last third: ${rawLastThird.toFixed(2)} MB/min`);
  console.log(`readers: ${times.length} loads, ${readerFailed} failed${readerFailed ? ` (${readers.flatMap((r) => r.failures).slice(0, 5).join(", ")})` : ""}; ` +
    `without cookie p50 ${ms(pct(anon, 50))} p99 ${ms(pct(anon, 99))}; with cookie p50 ${ms(pct(cookie, 50))} p99 ${ms(pct(cookie, 99))}`);
  console.log(`comments: ${JSON.stringify(counts.comments)}; drafts: ${JSON.stringify(counts.drafts)}; pings: ${JSON.stringify(counts.pings)}`);
  console.log(`load avg (1/5/15 min) each minute: ${load.join(" | ")}`);
  const settled = slope < SLOPE_LIMIT;
  console.log(settled ? `\nPASS: memory settled (${slope.toFixed(2)} MB/min)` : `\nFAIL: memory climbs (${slope.toFixed(2)} MB/min)`);
  if (readerFailed) console.log("FAIL: reader requests failed");
  exitCode = settled && !readerFailed ? 0 : 1;
} catch (e) {
  console.error(e);
} finally {
  for (const p of peers) p.close();
  await server.stop();
}
process.exit(exitCode);
