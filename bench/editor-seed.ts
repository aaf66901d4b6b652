// Seeds the editor bench's long post (DATABASE_URL): 10,000 words in 500 paragraphs and headings,
// with 50 images (files under INKWELL_DATA_DIR/uploads/bench/), as a draft of the admin's.
// Prints the post's id. Deterministic (a fixed PRNG).
import fs from "node:fs";
import path from "node:path";
import { getDb, closeDb } from "@/db";

const WORDS_TOTAL = 10_000, IMAGES = 50;
let seed = 7;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const WORDS = "the quiet harbour light fell across old stone streets where writers walked slowly thinking about sentences and the sea morning bread coffee tram hill river bridge garden window letter".split(" ");
const word = () => WORDS[Math.floor(rand() * WORDS.length)]!;
// A 1×1 PNG: the bench measures the editor, not image decoding.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

const dir = path.resolve(process.env.INKWELL_DATA_DIR || "data", "uploads", "bench");
fs.mkdirSync(dir, { recursive: true });
for (let i = 1; i <= IMAGES; i++) fs.writeFileSync(path.join(dir, `image-${i}.png`), PNG);

const blocks: string[] = [];
let words = 0, images = 0, p = 0;
// The post ends with a paragraph: tiptap adds an empty one after a final image, and a post it
// would change opens in the HTML mode, which is not what this bench measures.
const CLOSING = "<p>The end.</p>";
while (words < WORDS_TOTAL - 2) {
  p++;
  if (p % 25 === 1) {
    const h = Array.from({ length: 4 }, word).join(" ");
    blocks.push(`<h2>${h}</h2>`);
    words += 4;
  }
  const n = Math.min(20, WORDS_TOTAL - 2 - words);
  blocks.push(`<p>${Array.from({ length: n }, word).join(" ")}.</p>`);
  words += n;
  if (p % 10 === 0 && images < IMAGES) {
    images++;
    blocks.push(`<img src="/wp-content/uploads/bench/image-${images}.png" alt="Bench image ${images}" width="800" height="450">`);
  }
}
while (images < IMAGES) blocks.push(`<img src="/wp-content/uploads/bench/image-${++images}.png" alt="Bench image ${images}" width="800" height="450">`);
blocks.push(CLOSING);
words += 2;

const db = getDb().$client;
const admin = db.prepare("SELECT id FROM users WHERE login = 'admin'").get() as { id: number };
const now = new Date().toISOString().slice(0, 19).replace("T", " ");
const id = Number(db.prepare(`INSERT INTO posts (type, status, title, slug, content, author_id, date, date_gmt, modified, modified_gmt)
  VALUES ('post', 'draft', 'A long post for the editor bench', 'editor-bench', ?, ?, ?, ?, ?, ?)`).run(blocks.join(""), admin.id, now, now, now, now).lastInsertRowid);
console.log(JSON.stringify({ id, words, images }));
void closeDb();
