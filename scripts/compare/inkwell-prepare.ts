// Makes a fresh Inkwell look like the loopback WordPress before the theme unit test is imported:
// the demo seed's posts go (WordPress's were deleted too, and their IDs are the export's), and the
// site has the same name and tagline, so that the two sides of a comparison show the same thing.
// With "theme NAME", it activates that theme instead.
import { getDb, closeDb } from "@/db";
import { deletePostsPermanently } from "@/db/queries/post-editor";
import { updateOptions } from "@/db/queries/options";
import { listPublishedPosts } from "@/db/queries/posts";
import { getPostBySlug } from "@/db/queries/posts";

async function main() {
  getDb();
  // `inkwell-prepare.ts theme NAME`: the CLI's "option set" refuses settings without a screen.
  if (process.argv[2] === "theme") return void (await updateOptions({ template: process.argv[3] }));
  const seeded = [...(await listPublishedPosts({ page: 1, perPage: 10 })).map((p) => p.id)];
  const sample = await getPostBySlug("page", "sample-page");
  if (sample) seeded.push(sample.id);
  await deletePostsPermanently(seeded);
  await updateOptions({ blogname: "Theme Unit Test", blogdescription: "Just another WordPress site" });
}

void main().then(() => closeDb());
