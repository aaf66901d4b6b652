import { connection } from "next/server";
import { cached } from "@/lib/site/cache";
import { publishDuePosts } from "@/lib/site/reads";
import { sitemapIndex } from "@/lib/site/sitemap";

export async function GET() {
  await connection();
  await publishDuePosts();
  const body = await cached("sitemap-index", () => sitemapIndex());
  return new Response(body, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
