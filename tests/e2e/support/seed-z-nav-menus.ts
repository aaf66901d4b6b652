// Menus' and the admin bar's e2e data (named to run after seed-users.ts, whose author it needs):
// a post by the author, a post by the administrator, and a top-level page with a child page.
// Dated 2019 so that the home page's newest posts (other areas') are not disturbed.
import { getDb, closeDb } from "@/db";
import { insertPost } from "@/db/queries/posts";
import { users } from "@/db/tables";
import { eq } from "drizzle-orm";
import { NAV_SEED } from "./nav";

async function main() {
  const db = getDb();
  const byLogin = async (login: string) => (await db.select().from(users).where(eq(users.login, login)))[0]!;
  const admin = await byLogin("admin");
  const author = await byLogin("author");
  const date = "2019-06-01 10:00:00";
  const at = { date, dateGmt: date, modified: date, modifiedGmt: date, status: "publish" as const };
  await insertPost({ type: "post", title: NAV_SEED.authorPost.title, slug: NAV_SEED.authorPost.slug, content: "<p>Written by the author.</p>", authorId: author.id, ...at });
  await insertPost({ type: "post", title: NAV_SEED.adminPost.title, slug: NAV_SEED.adminPost.slug, content: "<p>Written by the administrator.</p>", authorId: admin.id, ...at });
  const parent = await insertPost({ type: "page", title: NAV_SEED.page.title, slug: NAV_SEED.page.slug, content: "<p>A page for the menus.</p>", authorId: admin.id, ...at });
  await insertPost({ type: "page", title: NAV_SEED.childPage.title, slug: NAV_SEED.childPage.slug, content: "<p>Under it.</p>", authorId: admin.id, parentId: parent.id, ...at });
  await closeDb();
}
void main();
