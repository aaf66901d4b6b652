// Database steps for the linkbacks specs, run with tsx against any instance's DATABASE_URL:
// publish a post (and enqueue its pings, as the editor's publish action does), list received
// linkbacks, approve one as a moderator would, list ping results, set an option.
import { getDb, closeDb } from "@/db";
import { insertPost, getPostBySlug } from "@/db/queries/posts";
import { getUserCredentialsByLoginOrEmail } from "@/db/queries/users";
import { deleteLinkback, listLinkbacks, setLinkbackStatus } from "@/db/queries/linkbacks";
import { listPingsForPost } from "@/db/queries/pings";
import { updateOptions } from "@/db/queries/options";
import { enqueuePostPings } from "@/lib/jobs";
import { nowGmt } from "@/lib/dates";

const [cmd, ...args] = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? "") : "";
};

async function main(): Promise<unknown> {
  getDb();
  switch (cmd) {
    case "publish": {
      const admin = (await getUserCredentialsByLoginOrEmail("admin"))!;
      const now = nowGmt();
      const post = await insertPost({
        type: "post",
        status: "publish",
        title: arg("title"),
        slug: arg("slug"),
        content: arg("content"),
        toPing: arg("to-ping"),
        authorId: admin.id,
        date: now,
        dateGmt: now,
        modified: now,
        modifiedGmt: now,
      });
      await enqueuePostPings(post.id);
      const [y, m, d] = now.split(/[- ]/);
      return { id: post.id, path: `/${y}/${m}/${d}/${post.slug}/` };
    }
    case "linkbacks":
      return await listLinkbacks((await getPostBySlug("post", arg("slug")))!.id);
    case "post-id":
      return { id: (await getPostBySlug("post", arg("slug")))!.id };
    case "delete":
      await deleteLinkback(Number(arg("id")));
      return { ok: true };
    case "approve":
      await setLinkbackStatus(Number(arg("id")), "1");
      return { ok: true };
    case "pings":
      return await listPingsForPost(Number(arg("id")));
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
