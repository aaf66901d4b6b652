// Discussion's e2e data: posts of its own (so other areas' tests never see these comments) and an
// approved thread five deep, for the reply and depth tests.
import { insertPost } from "@/db/queries/posts";
import { insertComment } from "@/db/queries/comments";
import { getUserCredentialsByLoginOrEmail } from "@/db/queries/users";
import { closeDb } from "@/db";
import { nowGmt } from "@/lib/dates";
import { writeFileSync } from "node:fs";
import { DISCUSSION_DATE_FILE } from "./discussion-date";

async function main() {
  const admin = await getUserCredentialsByLoginOrEmail("admin");
  // Seeds run in name order, before seed-users.ts: the posts are the administrator's.
  const author = admin;
  if (!author) throw new Error("seed-discussion needs the administrator");
  const now = nowGmt();
  // The tests build these posts' permalinks from the day they were seeded, not the day they run
  // (a run that crosses midnight UTC would otherwise look for them under tomorrow's date).
  writeFileSync(DISCUSSION_DATE_FILE, now.slice(0, 10));
  const post = async (slug: string, title: string, over: Partial<Parameters<typeof insertPost>[0]> = {}) =>
    await insertPost({ type: "post", status: "publish", title, slug, content: `<p>${title}: a post for the discussion tests.</p>`, authorId: author.id, date: now, dateGmt: now, modified: now, modifiedGmt: now, ...over });
  const threads = await post("discussion-threads", "Discussion threads");
  let parentId: number | null = null;
  for (let depth = 1; depth <= 5; depth++) {
    const c: { id: number } = await insertComment({
      postId: threads.id, parentId, status: "1", authorName: `Level ${depth} Larry`, authorEmail: `level${depth}@example.com`,
      content: `Comment at depth ${depth}.`, date: now, dateGmt: now,
    });
    parentId = c.id;
  }
  await insertComment({ postId: threads.id, type: "pingback", status: "1", authorName: "A linking blog", authorUrl: "http://linking.example/post/", content: "[…] linked here […]", date: now, dateGmt: now });
  for (const slug of ["nojs", "moderation", "xss", "remember", "errors", "fediverse"]) await post(`discussion-${slug}`, `Discussion ${slug}`);
  await post("discussion-closed", "Discussion closed", { commentStatus: "closed" });
  await closeDb();
}
void main();
