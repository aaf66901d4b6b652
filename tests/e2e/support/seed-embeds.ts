// Embeds' e2e data: a post, and another post that names it by URL alone on a line (autoembed).
import { getDb, closeDb } from "@/db";
import { insertPost, getPostBySlug } from "@/db/queries/posts";
import { getUserCredentialsByLoginOrEmail } from "@/db/queries/users";
import { siteUrl } from "@/lib/site-url";
import { EMBED_DATE, EMBED_POSTS, EMBED_PROVIDER_URL, EMBED_SPOTIFY, EMBED_YOUTUBE } from "./embeds";

async function main() {
  getDb();
  const admin = await getUserCredentialsByLoginOrEmail("admin");
  if (!admin) throw new Error("seed-embeds: the admin user is missing");
  if (await getPostBySlug("post", EMBED_POSTS.host.slug)) return void (await closeDb());
  const dates = { date: EMBED_DATE, dateGmt: EMBED_DATE, modified: EMBED_DATE, modifiedGmt: EMBED_DATE };
  const { target, host, players, discovered } = EMBED_POSTS;
  const t = await insertPost({ type: "post", status: "publish", title: target.title, slug: target.slug, excerpt: target.excerpt, content: `<p>${target.excerpt}</p>`, authorId: admin.id, ...dates });
  // By ?p=ID: the link keeps working whatever permalink structure another spec sets.
  const content = `Before the card.\n\n${await siteUrl()}/?p=${t.id}\n\nAfter the card.`;
  await insertPost({ type: "post", status: "publish", title: host.title, slug: host.slug, content, authorId: admin.id, ...dates });
  // A classic post with two providers' URLs, each alone on its line.
  await insertPost({ type: "post", status: "publish", title: players.title, slug: players.slug, authorId: admin.id, ...dates,
    content: `A video:\n\n${EMBED_YOUTUBE}\n\nAnd a song:\n\n${EMBED_SPOTIFY}\n\nThe end.` });
  // A provider found only by oEmbed discovery (the spec serves it).
  await insertPost({ type: "post", status: "publish", title: discovered.title, slug: discovered.slug, authorId: admin.id, ...dates,
    content: `A toot:\n\n${EMBED_PROVIDER_URL}\n\nThat was it.` });
  await closeDb();
}

if (process.argv[1]?.endsWith("seed-embeds.ts")) void main();
