// `npm run bench:import`: generates a WXR file with 10,000 posts and 100,000 comments (threaded,
// with authors, categories and tags), imports it into a fresh database, and reports wall time,
// peak memory (RSS) and the file size. Targets: under 60 s and under 500 MB.
// `-- --engine postgres` imports into a throwaway PostgreSQL instead (bench/engine.mjs). The import
// runs as the web import does, on a worker thread (BENCH_IMPORT_INLINE=1: on this thread, as the CLI).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchPostgres, engineArg } from "./engine.mjs";

const POSTS = Number(process.env.BENCH_POSTS || 10_000);
const COMMENTS_PER_POST = Number(process.env.BENCH_COMMENTS_PER_POST || 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkwell-bench-import-"));
const ENGINE = engineArg();
// BENCH_IMPORT_INLINE=1: the command line's import on this thread, instead of the web import's worker thread.
const INLINE = !!process.env.BENCH_IMPORT_INLINE;
const pgBench = ENGINE === "postgres" ? await benchPostgres("inkwell_bench_import_cli") : null;
process.env.DATABASE_URL = pgBench?.url ?? path.join(dir, "bench.db");
process.env.INKWELL_LOG = "off";

const file = path.join(dir, "big.xml");
const out = fs.createWriteStream(file);
const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once("drain", r)));
const lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ";
const pad = (n) => String(n).padStart(2, "0");

let t = Date.now();
await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>
`);
for (let a = 1; a <= 5; a++) await write(`<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login><![CDATA[writer${a}]]></wp:author_login><wp:author_email><![CDATA[writer${a}@bench.example]]></wp:author_email><wp:author_display_name><![CDATA[Writer ${a}]]></wp:author_display_name></wp:author>\n`);
for (let c = 1; c <= 20; c++) await write(`<wp:category><wp:term_id>${c}</wp:term_id><wp:category_nicename>cat-${c}</wp:category_nicename><wp:category_parent>${c > 10 ? `cat-${c - 10}` : ""}</wp:category_parent><wp:cat_name><![CDATA[Category ${c}]]></wp:cat_name></wp:category>\n`);
for (let g = 1; g <= 50; g++) await write(`<wp:tag><wp:term_id>${100 + g}</wp:term_id><wp:tag_slug>tag-${g}</wp:tag_slug><wp:tag_name><![CDATA[Tag ${g}]]></wp:tag_name></wp:tag>\n`);
let commentId = 0;
for (let p = 1; p <= POSTS; p++) {
  const d = new Date(Date.UTC(2015, 0, 1) + p * 3_600_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:00:00`;
  let item = `<item><title><![CDATA[Post number ${p} & friends]]></title><link>https://bench.example/${date.slice(0, 10).replace(/-/g, "/")}/post-${p}/</link>
<pubDate>${d.toUTCString()}</pubDate><dc:creator><![CDATA[writer${(p % 5) + 1}]]></dc:creator><guid isPermaLink="false">https://bench.example/?p=${p}</guid>
<content:encoded><![CDATA[<p>${lorem.repeat(8)}</p>\n<p>${lorem.repeat(4)}</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${p}</wp:post_id><wp:post_date><![CDATA[${date}]]></wp:post_date><wp:post_date_gmt><![CDATA[${date}]]></wp:post_date_gmt>
<wp:comment_status>open</wp:comment_status><wp:ping_status>open</wp:ping_status><wp:post_name><![CDATA[post-${p}]]></wp:post_name>
<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>post</wp:post_type>
<wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="cat-${(p % 20) + 1}"><![CDATA[Category ${(p % 20) + 1}]]></category>
<category domain="post_tag" nicename="tag-${(p % 50) + 1}"><![CDATA[Tag ${(p % 50) + 1}]]></category>
<wp:postmeta><wp:meta_key>views</wp:meta_key><wp:meta_value><![CDATA[${p * 7}]]></wp:meta_value></wp:postmeta>
`;
  const first = commentId + 1;
  for (let c = 0; c < COMMENTS_PER_POST; c++) {
    commentId++;
    const parent = c % 3 === 2 ? commentId - 1 : c > 0 && c % 5 === 0 ? first : 0;
    item += `<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author><![CDATA[Reader ${commentId % 977}]]></wp:comment_author>
<wp:comment_author_email><![CDATA[reader${commentId % 977}@mail.example]]></wp:comment_author_email><wp:comment_author_url>https://reader${commentId % 977}.example/</wp:comment_author_url>
<wp:comment_author_IP><![CDATA[192.0.2.${commentId % 250}]]></wp:comment_author_IP><wp:comment_date><![CDATA[${date}]]></wp:comment_date><wp:comment_date_gmt><![CDATA[${date}]]></wp:comment_date_gmt>
<wp:comment_content><![CDATA[${lorem.slice(0, 80 + (commentId % 120))}]]></wp:comment_content><wp:comment_approved><![CDATA[${commentId % 13 === 0 ? "0" : "1"}]]></wp:comment_approved>
<wp:comment_type><![CDATA[${commentId % 50 === 0 ? "pingback" : "comment"}]]></wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>
`;
  }
  await write(item + "</item>\n");
}
await write("</channel>\n</rss>\n");
await new Promise((r) => out.end(r));
const size = fs.statSync(file).size;
console.log(`generated ${POSTS} posts, ${commentId} comments: ${(size / 1024 / 1024).toFixed(1)} MB in ${((Date.now() - t) / 1000).toFixed(1)} s`);

// BENCH_KEEP_FILE=1 only writes the file and prints its path (for profiling the reader alone).
if (process.env.BENCH_KEEP_FILE) {
  console.log(file);
  process.exit(0);
}
const { prepareDb, closeDb, queryRow, rawSql } = await import("../db/index.ts");
const { importWxr } = await import("../db/queries/wxr-import.ts");
await prepareDb();
const admin = await queryRow(rawSql("INSERT INTO users (login, email, display_name, nicename, password_hash, role) VALUES ('admin','admin@bench.example','admin','admin','!','administrator') RETURNING id"));

let phase = "start";
const baseRss = process.memoryUsage().rss;
let peak = baseRss;
let peakAt = null;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss > peak) { peak = m.rss; peakAt = { ...m, phase }; }
}, 50);
const phases = {};
// How long the event loop (which serves readers in the server) is held at a time: a 5 ms timer's
// lateness, with the import's phase at that moment; the longest five are printed.
// On a loaded machine a late timer may mean the thread was not given a core rather than busy: the
// CPU time this thread itself used during each gap (process.threadCpuUsage) tells which.
const blocks = [];
const threadCpuMs = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
let tick = performance.now();
let tickCpu = threadCpuMs();
const ticker = setInterval(() => {
  const now = performance.now();
  const cpuNow = threadCpuMs();
  if (now - tick > 25) blocks.push({ ms: now - tick - 5, cpu: cpuNow - tickCpu, phase });
  tick = now;
  tickCpu = cpuNow;
}, 5);
t = Date.now();
const cpu0 = process.cpuUsage();
const threadCpu0 = threadCpuMs();
const onProgress = (p) => {
  peak = Math.max(peak, process.memoryUsage().rss);
  if (!phases[p.phase]) phases[p.phase] = Date.now() - t;
  phase = p.phase;
};
let report;
if (INLINE) {
  // The command line's import (`npm run import`): read and written on this thread, with pauses.
  report = await importWxr(fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), { fallbackAuthorId: admin.id, totalBytes: size, onProgress });
} else {
  // The web import's way: the file handed to a worker thread that reads it, then writes and commits.
  const { WxrImportThread } = await import("../db/queries/wxr-import-thread.ts");
  const bytes = await fs.promises.readFile(file);
  const { thread, read } = WxrImportThread.readFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), onProgress);
  await read;
  report = (await thread.write({ fallbackAuthorId: admin.id }, onProgress)).report;
}
phase = "after";
await new Promise((r) => setTimeout(r, 50));
clearInterval(ticker);
const seconds = (Date.now() - t) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
const counts = await queryRow(rawSql("SELECT (SELECT count(*) FROM posts) posts, (SELECT count(*) FROM comments) comments, (SELECT count(*) FROM comments WHERE parent_id IS NOT NULL) replies"));
console.log(`engine ${ENGINE}, ${INLINE ? "on this thread (BENCH_IMPORT_INLINE)" : "on a worker thread (the web import)"}; imported: ${JSON.stringify(report.created)}; in the database: ${JSON.stringify(counts)}`);
console.log(`import: ${seconds.toFixed(1)} s (reading ${(phases.writing / 1000).toFixed(1)} s, writing ${(seconds - phases.writing / 1000).toFixed(1)} s), peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (before: ${(baseRss / 1024 / 1024).toFixed(0)} MB)`);
// CPU time does not grow when other processes share the machine; wall time does.
const longest = [...blocks].sort((a, b) => b.ms - a.ms).slice(0, 5).map((b) => `${b.ms.toFixed(0)} ms (${b.phase}, ${b.cpu.toFixed(0)} ms of it busy)`);
const busiest = [...blocks].sort((a, b) => b.cpu - a.cpu).slice(0, 5).map((b) => `${b.cpu.toFixed(0)} ms (${b.phase})`);
if (process.env.BENCH_MEMORY) console.log("at the peak:", Object.fromEntries(Object.entries(peakAt ?? {}).map(([k, v]) => [k, typeof v === "number" ? `${(v / 1048576).toFixed(0)} MB` : v])));
console.log(`event loop held longest: ${longest.join(", ") || "never over 25 ms"}`);
console.log(`this thread busy longest in one gap: ${busiest.join(", ") || "never over 25 ms"}; CPU time on this thread: ${((threadCpuMs() - threadCpu0) / 1000).toFixed(1)} s`);
console.log(`CPU time: ${cpuSeconds.toFixed(1)} s; load average now: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`targets: < 60 s ${seconds < 60 ? "OK" : "MISSED"}, < 500 MB ${peak < 500 * 1024 * 1024 ? "OK" : "MISSED"}`);
await closeDb();
pgBench?.stop();
fs.rmSync(dir, { recursive: true, force: true });
