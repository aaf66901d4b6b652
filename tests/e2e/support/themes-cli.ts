// Database step for themes/finished.spec.ts, run with tsx against the e2e database: the posts it
// imported go to the Trash (by slug), so that other specs' pages are as they were.
import { getDb, closeDb } from "@/db";
import { getPostBySlug } from "@/db/queries/posts";
import { trashPosts } from "@/db/queries/post-editor";

async function main() {
  getDb();
  const ids: number[] = [];
  for (const slug of process.argv.slice(2)) {
    const post = await getPostBySlug("post", slug);
    if (post) ids.push(post.id);
  }
  return { trashed: await trashPosts(ids) };
}

void main().then(async (out) => {
  process.stdout.write(JSON.stringify(out) + "\n");
  await closeDb();
});
