// The hidden-content sweep's data (tests/e2e/reading/hidden-posts.spec.ts): one post and one page of
// every status a visitor must not see, plus a password-protected one, each carrying unique marker
// strings in its title, slug, body, excerpt, comment, revision and media, all filed under one
// category and tag; and one published control post in the same places, so the sweep can tell a
// surface that hides the others from one that shows nothing at all.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { insertPost } from "@/db/queries/posts";
import { getTermBySlug, insertTerm } from "@/db/queries/terms";
import { comments, media, revisions, users } from "@/db/tables";
import { HIDDEN_FILE, HIDDEN_PASSWORD, LOCKED_DRAFT, HIDDEN_STATUSES, type HiddenItem, type HiddenSeed, marker } from "./hidden";

async function main() {
  const db = getDb();
  if (await getTermBySlug("category", "hidden-sweep")) return await closeDb();
  const [admin] = await db.select().from(users).where(eq(users.login, "admin"));
  const cat = await insertTerm({ taxonomy: "category", name: "Hidden Sweep", slug: "hidden-sweep" });
  const tag = await insertTerm({ taxonomy: "post_tag", name: "Hidden Sweep Tag", slug: "hidden-sweep-tag" });
  // Older than every other area's posts, so their home pages and feeds are not disturbed; the
  // sweep finds these in the category, tag and date archives and their feeds instead.
  const day = "2019-06-15 10:00:00";
  // Comments are recent, so that the comments feed and the Recent Comments widget would list them.
  const commented = new Date(Date.now() - 86_400_000).toISOString().slice(0, 19).replace("T", " ");

  const add = async (key: string, type: "post" | "page", status: string, extra: Record<string, unknown> = {}) => {
    const date = status === "future" ? "2099-01-15 10:00:00" : day;
    const row = await insertPost(
      {
        type, status: status as "publish", title: `${marker("t", key)} title`, slug: marker("s", key),
        content: `<p>${marker("b", key)} opening words.</p><!--more--><p>${marker("b", key)} rest.</p>`,
        excerpt: `${marker("e", key)} excerpt`, authorId: admin!.id, date, dateGmt: date, modified: date, modifiedGmt: date, ...extra,
      },
      type === "post" ? [cat.id, tag.id] : [],
    );
    const [comment] = await db.insert(comments).values({ postId: row.id, status: "1", authorName: "Sweeper", authorEmail: "sweeper@example.com", content: `${marker("c", key)} comment`, date: commented, dateGmt: commented }).returning({ id: comments.id });
    await db.insert(revisions).values({ postId: row.id, authorId: admin!.id, title: `${marker("r", key)} revision`, content: `${marker("r", key)} revision body` });
    const [file] = await db.insert(media).values({ authorId: admin!.id, postId: row.id, fileName: `${marker("m", key)}.png`, mimeType: "image/png", title: `${marker("m", key)} media` }).returning({ id: media.id });
    const permalink = type === "page" ? `/${row.slug}/` : `/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/${row.slug}/`;
    return { key, type, status, id: row.id, slug: row.slug, permalink, commentId: comment!.id, mediaId: file!.id } satisfies HiddenItem;
  };

  const items: HiddenItem[] = [];
  for (const type of ["post", "page"] as const) {
    for (const status of HIDDEN_STATUSES) {
      const key = `${status}-${type}`;
      if (status === "password") items.push({ ...await add(key, type, "publish", { password: HIDDEN_PASSWORD }), status });
      else items.push(await add(key, type, status, status === "trash" ? { trashedFrom: "publish" } : {}));
    }
  }
  // A draft that will have a password once published: its password form must not name it.
  items.push({ ...await add(LOCKED_DRAFT, "post", "draft", { password: HIDDEN_PASSWORD }), status: "draft" });
  const control = await add("control-post", "post", "publish");
  const seed: HiddenSeed = { items, control, adminNicename: admin!.nicename };
  const dir = process.env.INKWELL_DATA_DIR || "data/e2e";
  fs.writeFileSync(path.join(dir, HIDDEN_FILE), JSON.stringify(seed));
  await closeDb();
}

void main();
