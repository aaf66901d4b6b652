// A post's embed view: <permalink>/embed/ (and /?p=ID&embed=true) are routed here by
// server/reader-routing.ts, keeping the permalink's segments, as WordPress's embed endpoint.
import { getOptions } from "@/db/queries/options";
import { postAtIdParam, postAtPath } from "@/lib/site/resolve-path";
import { featuredImagesFor } from "@/lib/site/reads";
import { permalinkOf } from "@/lib/site/urls";
import { absoluteUrlFrom, siteUrl } from "@/lib/site-url";
import { siteIconImage } from "@/lib/identity/site-icon";
import { EMBED_CARD_CSP, embedCardHtml, embedNotFoundHtml } from "@/lib/oembed/embed-card";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ segments?: string[] }> };

export async function GET(req: Request, { params }: Ctx) {
  const { segments = [] } = await params;
  const q = new URL(req.url).searchParams;
  const post = segments.length ? await postAtPath(segments) : await postAtIdParam(q.get("p") ?? q.get("page_id"));
  const [opts, base, icon] = await Promise.all([getOptions(), siteUrl(), siteIconImage()]);
  const site = { name: opts.blogname, url: `${base}/`, icon };
  const headers = { "content-type": "text/html; charset=utf-8", "content-security-policy": EMBED_CARD_CSP, "x-robots-tag": "noindex, follow" };
  if (!post) return new Response(embedNotFoundHtml(site), { status: 404, headers });
  const permalink = absoluteUrlFrom(base, await permalinkOf(post, opts));
  const image = (await featuredImagesFor([post])).get(post.id);
  const html = embedCardHtml({ title: post.title, permalink, excerpt: post.excerpt, content: post.content, commentCount: post.commentCount, commentsOpen: post.commentStatus === "open" }, site, image);
  return new Response(html, { status: 200, headers });
}
