// Reading's e2e data: a category tree, a tag, a walk of dated posts, and one post of each
// visibility (password, private, draft, scheduled past and future). All dated 2020-2021 so the
// home page's newest posts (other areas') are not disturbed.
import { getDb, closeDb } from "@/db";
import { insertPost } from "@/db/queries/posts";
import { insertTerm, getTermBySlug } from "@/db/queries/terms";
import { users } from "@/db/tables";
import { eq } from "drizzle-orm";

async function main() {
  const db = getDb();
  const [admin] = await db.select().from(users).where(eq(users.login, "admin"));
  if (!admin) throw new Error("seed-reading needs the administrator");
  if (await getTermBySlug("category", "reading-parent")) return await closeDb();
  const parent = await insertTerm({ taxonomy: "category", name: "Reading Parent", slug: "reading-parent" });
  const child = await insertTerm({ taxonomy: "category", name: "Reading Child", slug: "reading-child", parentId: parent.id });
  const tag = await insertTerm({ taxonomy: "post_tag", name: "Reading Tag", slug: "reading-tag" });
  const post = async (title: string, slug: string, date: string, extra: Record<string, unknown> = {}, termIds = [child.id]) =>
    await insertPost({ type: "post", status: "publish", title, slug, content: `<p>${title} body.</p>`, authorId: admin.id, date, dateGmt: date, modified: date, modifiedGmt: date, ...extra }, termIds);
  for (let i = 1; i <= 12; i++) {
    const d = `2020-03-${String(i).padStart(2, "0")} 10:00:00`;
    await post(`Reading walk ${i}`, `reading-walk-${i}`, d, {}, i === 5 ? [child.id, tag.id] : [child.id]);
  }
  await post("Reading teaser post", "reading-teaser", "2020-04-01 10:00:00", { content: "<p>Before the fold.</p><!--more--><p>After the fold zanzibarquokka.</p>" }, [parent.id]);
  await post("Reading secret post", "reading-secret", "2020-04-02 10:00:00", { password: "opensesame", content: "<p>The secret is tea.</p>" }, [parent.id]);
  await post("Reading private post", "reading-private", "2020-04-03 10:00:00", { status: "private" }, [parent.id]);
  await post("Reading draft post", "reading-draft", "2020-04-04 10:00:00", { status: "draft" }, [parent.id]);
  await post("Reading due scheduled post", "reading-due", "2021-01-01 10:00:00", { status: "future" }, [parent.id]);
  await post("Reading far future post", "reading-future", "2099-01-01 10:00:00", { status: "future" }, [parent.id]);
  await closeDb();
}
void main();
