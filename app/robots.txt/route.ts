// robots.txt as WordPress writes it; "Discourage search engines" (blog_public = 0) disallows all.
import { connection } from "next/server";
import { siteOptions } from "@/lib/site/reads";
import { absoluteUrl } from "@/lib/site-url";

export async function GET() {
  await connection();
  const body = (await siteOptions()).blog_public
    ? `User-agent: *\nDisallow: /admin/\n\nSitemap: ${await absoluteUrl("/sitemap.xml")}\n`
    : "User-agent: *\nDisallow: /\n";
  return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8" } });
}
