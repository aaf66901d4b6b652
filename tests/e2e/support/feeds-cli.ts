// Database steps for the feed spec, run with tsx against the e2e database: an old post in a
// category of its own (so it appears in that category's feed and pushes nothing off the home
// page), sent to the Trash afterwards; and a setting.
import { getDb, closeDb } from "@/db";
import { insertPost } from "@/db/queries/posts";
import { insertTerm } from "@/db/queries/terms";
import { trashPosts } from "@/db/queries/post-editor";
import { getUserCredentialsByLoginOrEmail } from "@/db/queries/users";
import { updateOptions } from "@/db/queries/options";

const [cmd, ...args] = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? "") : "";
};

async function main(): Promise<unknown> {
  getDb();
  switch (cmd) {
    case "publish-old": {
      const admin = (await getUserCredentialsByLoginOrEmail("admin"))!;
      const slug = arg("slug");
      const cat = await insertTerm({ taxonomy: "category", name: arg("category"), slug: `${slug}-cat` });
      const d = "2001-01-01 00:00:00";
      const post = await insertPost({ type: "post", status: "publish", title: arg("title"), slug, content: arg("content"), authorId: admin.id, date: d, dateGmt: d, modified: d, modifiedGmt: d }, [cat.id]);
      return { id: post.id, categoryFeed: `/category/${cat.slug}/feed/` };
    }
    case "trash":
      await trashPosts([Number(arg("id"))]);
      return { ok: true };
    case "option":
      await updateOptions({ [arg("name")]: JSON.parse(arg("value")) });
      return { ok: true };
    default:
      throw new Error(`unknown command ${cmd}`);
  }
}

void main().then(async (out) => {
  process.stdout.write(JSON.stringify(out) + "\n");
  await closeDb();
});
