// /sitemap.xml is an index of sitemaps of at most 2,000 URLs each (the protocol allows 50,000;
// smaller files keep each response fast): posts-N, pages-N, categories-N, tags-N.
import { countSitemapPosts, countSitemapTerms, listSitemapPosts, listSitemapTerms } from "@/db/queries/feeds";
import type { Options } from "@/lib/options/defaults";
import { absoluteUrl } from "@/lib/site-url";
import { parseSqlGmt } from "@/lib/dates";
import { termUrl } from "@/lib/content/post-view";
import { permalinkOf } from "./urls";
import { escapeHtml as esc } from "@/lib/content/escape";

export const SITEMAP_PAGE_SIZE = 2000;

const KINDS = ["posts", "pages", "categories", "tags"] as const;
type Kind = (typeof KINDS)[number];

async function count(kind: Kind): Promise<number> {
  if (kind === "posts") return await countSitemapPosts("post");
  if (kind === "pages") return await countSitemapPosts("page");
  return await countSitemapTerms(kind === "categories" ? "category" : "post_tag");
}

export async function sitemapIndex(): Promise<string> {
  const parts: string[] = [];
  for (const kind of KINDS) {
    const pages = Math.ceil(await count(kind) / SITEMAP_PAGE_SIZE);
    for (let i = 1; i <= pages; i++) parts.push(`<sitemap><loc>${esc(await absoluteUrl(`/sitemaps/${kind}-${i}.xml`))}</loc></sitemap>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${parts.join("")}</sitemapindex>\n`;
}

/** One sitemap file by name ("posts-3.xml"), or null when there is no such file. */
export async function sitemapFile(name: string, opts: Options): Promise<string | null> {
  const m = /^(posts|pages|categories|tags)-(\d{1,6})\.xml$/.exec(name);
  if (!m) return null;
  const kind = m[1] as Kind;
  const page = Number(m[2]);
  if (page < 1 || page > Math.ceil(await count(kind) / SITEMAP_PAGE_SIZE)) return null;
  const offset = (page - 1) * SITEMAP_PAGE_SIZE;
  const urls: string[] = [];
  if (kind === "posts" || kind === "pages") {
    for (const p of await listSitemapPosts(kind === "posts" ? "post" : "page", offset, SITEMAP_PAGE_SIZE)) {
      urls.push(`<url><loc>${esc(await absoluteUrl(await permalinkOf(p, opts)))}</loc><lastmod>${parseSqlGmt(p.modifiedGmt).toISOString()}</lastmod></url>`);
    }
  } else {
    const taxonomy = kind === "categories" ? "category" : "post_tag";
    for (const slug of await listSitemapTerms(taxonomy, offset, SITEMAP_PAGE_SIZE)) urls.push(`<url><loc>${esc(await absoluteUrl(termUrl({ taxonomy, slug }, opts)))}</loc></url>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join("")}</urlset>\n`;
}
