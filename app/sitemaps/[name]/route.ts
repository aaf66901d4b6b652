import { connection } from "next/server";
import { cached } from "@/lib/site/cache";
import { publishDuePosts, siteOptions } from "@/lib/site/reads";
import { sitemapFile } from "@/lib/site/sitemap";

export async function GET(_req: Request, { params }: { params: Promise<{ name: string }> }) {
  await connection();
  await publishDuePosts();
  const { name } = await params;
  const opts = await siteOptions();
  const body = await cached(`sitemap:${name}:${opts.permalink_structure}:${opts.category_base}:${opts.tag_base}`, () => sitemapFile(name, opts));
  if (!body) return new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(body, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
