import { connection } from "next/server";
import { cached } from "@/lib/site/cache";
import { TAGS } from "@/lib/site/cache-tags";
import { publishDuePosts } from "@/lib/site/reads";
import { sitemapIndex } from "@/lib/site/sitemap";

export async function GET() {
  await connection();
  await publishDuePosts();
  const body = await cached("sitemap-index", [TAGS.posts, TAGS.terms], () => sitemapIndex());
  return new Response(body, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
