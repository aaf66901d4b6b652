// Posts the linkbacks specs ping (unique slugs, fixed dates, owned by admin).
import { getDb, closeDb } from "@/db";
import { insertPost, getPostBySlug } from "@/db/queries/posts";
import { getUserCredentialsByLoginOrEmail } from "@/db/queries/users";

export const LINKBACK_POSTS = {
  trackback: { slug: "lb-trackback-target", title: "Linkbacks trackback target" },
  pingback: { slug: "lb-pingback-target", title: "Linkbacks pingback target" },
  webmention: { slug: "lb-webmention-target", title: "Linkbacks webmention target" },
  roundtrip: { slug: "lb-roundtrip-target", title: "Linkbacks round trip target" },
  closed: { slug: "lb-closed", title: "Linkbacks closed to pings", closed: true },
} as const;

export const LINKBACK_DATE = "2026-01-10 10:00:00";

async function main() {
  getDb();
  const admin = await getUserCredentialsByLoginOrEmail("admin");
  if (!admin) throw new Error("seed-linkbacks: the admin user is missing");
  for (const p of Object.values(LINKBACK_POSTS)) {
    if (await getPostBySlug("post", p.slug)) continue;
    await insertPost({
      type: "post",
      status: "publish",
      title: p.title,
      slug: p.slug,
      content: `<p>${p.title}: a post other blogs link to.</p>`,
      authorId: admin.id,
      pingStatus: "closed" in p ? "closed" : "open",
      date: LINKBACK_DATE,
      dateGmt: LINKBACK_DATE,
      modified: LINKBACK_DATE,
      modifiedGmt: LINKBACK_DATE,
    });
  }
  await closeDb();
}

if (process.argv[1]?.endsWith("seed-linkbacks.ts")) void main();
