// Seeds the benchmark blog into its own database (DATABASE_URL): 10,000 posts, 100,000
// comments, 100 categories, 1,000 tags. Deterministic (a fixed PRNG), bulk-inserted in one
// transaction with prepared statements; the FTS triggers index every post as it goes in.
import { getDb, closeDb } from "@/db";

const POSTS = 10_000, COMMENTS = 100_000, CATEGORIES = 100, TAGS = 1_000, AUTHORS = 10;
let seed = 42;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
const WORDS = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum".split(" ");
const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
const pad = (n: number) => String(n).padStart(2, "0");
const sqlDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

const db = getDb().$client;
db.exec("DELETE FROM comments; DELETE FROM post_terms; DELETE FROM posts; DELETE FROM terms;");
const t0 = Date.now();
db.transaction(() => {
  const admin = db.prepare("SELECT id FROM users WHERE login = 'admin'").get() as { id: number };
  const authors = [admin.id];
  const insUser = db.prepare("INSERT INTO users (login, email, display_name, nicename, password_hash, role) VALUES (?, ?, ?, ?, 'x', 'author')");
  for (let i = 1; i < AUTHORS; i++) authors.push(Number(insUser.run(`writer${i}`, `writer${i}@bench.test`, `Writer ${i}`, `writer${i}`).lastInsertRowid));
  const insTerm = db.prepare("INSERT INTO terms (taxonomy, name, slug, parent_id) VALUES (?, ?, ?, ?)");
  const cats: number[] = [];
  for (let i = 1; i <= CATEGORIES; i++) cats.push(Number(insTerm.run("category", `Category ${i}`, i === 1 ? "news" : `category-${i}`, i > 90 ? cats[i - 91] ?? null : null).lastInsertRowid));
  const tags: number[] = [];
  for (let i = 1; i <= TAGS; i++) tags.push(Number(insTerm.run("post_tag", `Tag ${i}`, `tag-${i}`, null).lastInsertRowid));

  const insPost = db.prepare(`INSERT INTO posts (type, status, title, slug, content, author_id, date, date_gmt, modified, modified_gmt, comment_count)
    VALUES ('post', 'publish', ?, ?, ?, ?, ?, ?, ?, ?, 0)`);
  const insPT = db.prepare("INSERT OR IGNORE INTO post_terms (post_id, term_id) VALUES (?, ?)");
  const start = Date.UTC(2016, 0, 1);
  const postIds: number[] = [];
  for (let i = 1; i <= POSTS; i++) {
    const date = sqlDate(new Date(start + i * 3.1 * 3600_000));
    const paras = Array.from({ length: 4 }, () => `<p>${sentence(40)}${i % 100 === 0 ? " zanzibar" : ""}.</p>`);
    if (i % 3 === 0) paras.splice(1, 0, "<!--more-->");
    const id = Number(insPost.run(`Post ${i}: ${sentence(4)}`, `post-${i}`, paras.join("\n"), pick(authors), date, date, date, date).lastInsertRowid);
    postIds.push(id);
    insPT.run(id, cats[i % CATEGORIES]!);
    if (i % 5 === 0) insPT.run(id, cats[0]!); // "news" holds 2,000+ posts: its page 50 exists
    for (let t = 0; t < 3; t++) insPT.run(id, pick(tags));
  }
  // One post carries exactly 100 comments (the bench's "post with 100 comments").
  const hundred = postIds[postIds.length - 1]!;
  const insComment = db.prepare(`INSERT INTO comments (post_id, type, status, author_name, author_email, content, date, date_gmt)
    VALUES (?, 'comment', '1', ?, ?, ?, ?, ?)`);
  for (let i = 0; i < COMMENTS; i++) {
    const postId = i < 100 ? hundred : postIds[Math.floor(rand() * (postIds.length - 1))]!;
    const date = sqlDate(new Date(start + i * 0.31 * 3600_000));
    insComment.run(postId, `Reader ${i % 500}`, `reader${i % 500}@bench.test`, sentence(25), date, date);
  }
  db.exec(`UPDATE posts SET comment_count = (SELECT count(*) FROM comments c WHERE c.post_id = posts.id AND c.status = '1')`);
  db.exec(`UPDATE terms SET count = (SELECT count(*) FROM post_terms pt JOIN posts p ON p.id = pt.post_id WHERE pt.term_id = terms.id AND p.status = 'publish')`);
})();
db.exec("ANALYZE");
const hundred = db.prepare("SELECT id, slug, date FROM posts WHERE comment_count = 100 ORDER BY id DESC LIMIT 1").get();
console.log(JSON.stringify({ seededInMs: Date.now() - t0, hundred }));
void closeDb();
