// The admin list tables' e2e data (see admin-lists.ts): five drafts to select in ranges, a private
// post from 2030 with approved and held comments for the Comments column, and enough categories
// for Bulk Edit's category box to have to scroll.
import { closeDb } from "@/db";
import { insertComment } from "@/db/queries/comments";
import { insertPost } from "@/db/queries/posts";
import { insertTerm } from "@/db/queries/terms";
import { getUserCredentialsByLoginOrEmail } from "@/db/queries/users";
import { LISTS_SEED } from "./admin-lists";

async function main() {
  const admin = await getUserCredentialsByLoginOrEmail("admin");
  if (!admin) throw new Error("seed-admin-lists needs the administrator");
  const at = (date: string) => ({ date, dateGmt: date, modified: date, modifiedGmt: date });
  for (let i = 1; i <= LISTS_SEED.rangeCount; i++) {
    await insertPost({ type: "post", status: "draft", title: `${LISTS_SEED.rangeStem} ${i}`, slug: `range-pick-${i}`, content: "<p>A draft.</p>", authorId: admin.id, ...at(`2026-01-0${i} 09:00:00`) });
  }
  const c = LISTS_SEED.counted;
  const post = await insertPost({ type: "post", status: "private", title: c.title, slug: "list-tables-counted", content: "<p>Counted.</p>", authorId: admin.id, ...at(c.date) });
  const comment = (n: number, status: "0" | "1") =>
    insertComment({ postId: post.id, status, authorName: `Counter ${status === "1" ? "approved" : "held"} ${n}`, authorEmail: `counter${n}@example.com`, content: `Comment ${n}.`, ...{ date: c.date, dateGmt: c.date } });
  for (let i = 1; i <= c.approved; i++) await comment(i, "1");
  for (let i = 1; i <= c.pending; i++) await comment(10 + i, "0");
  for (let i = 1; i <= LISTS_SEED.shelfCount; i++) await insertTerm({ taxonomy: "category", name: `Shelf ${String(i).padStart(2, "0")}`, slug: `shelf-${i}` });
  await closeDb();
}
void main();
