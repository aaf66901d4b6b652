// Every feed: /feed/ (RSS 2.0), /feed/atom/, /comments/feed/, <post>/feed/ (its comments) and
// <archive>/feed/ (category, tag, author, date, search). The reader routing rewrites them here.
import { connection } from "next/server";
import type { Options } from "@/lib/options/defaults";
import { cached } from "@/lib/site/cache";
import { absoluteUrl } from "@/lib/site-url";
import { commentsRss, postCommentsCached, postsAtom, postsRss, recentCommentsCached, type FeedChannel } from "@/lib/site/feeds";
import { archivePage, postById, publishDuePosts, searchPage, siteOptions } from "@/lib/site/reads";
import { isReadableStatus, resolveSegments } from "@/lib/site/resolve-path";
import { toFtsQuery } from "@/lib/site/search-query";
import { permalinkOf } from "@/lib/site/urls";

type Ctx = { params: Promise<{ path?: string[] }> };

type Out = { status: number; type: string; body: string };
const xml = (body: string, type: string): Out => ({ status: 200, type, body });
const notFound = (): Out => ({ status: 404, type: "text/plain", body: "Not found.\n" });

export async function GET(req: Request, { params }: Ctx) {
  await connection();
  await publishDuePosts();
  const opts = await siteOptions();
  const { path = [] } = await params;
  const url = new URL(req.url);
  // The reader routing rewrites …/feed/atom/ here with ?format=atom; Next hands a rewrite that stays inside
  // the server the address the reader asked for, so its path says it too.
  const atom = url.searchParams.get("format") === "atom" || /\/feed\/atom\/?$/.test(url.pathname);
  // The XML itself is cached; the key carries every setting the feed shows.
  const key = `feed:${atom ? "atom" : "rss"}:${path.join("/")}?${url.searchParams}:${JSON.stringify([opts.blogname, opts.blogdescription, opts.WPLANG, opts.posts_per_rss, opts.rss_use_excerpt, opts.permalink_structure, opts.category_base, opts.tag_base])}`;
  const out = await cached(key, () => build(path, url, opts, atom));
  return new Response(out.body, { status: out.status, headers: { "content-type": `${out.type}; charset=utf-8`, "cache-control": "no-cache" } });
}

async function build(path: string[], url: URL, opts: Options, atom: boolean): Promise<Out> {
  const perFeed = Math.max(1, Math.min(100, Number(opts.posts_per_rss) || 10));
  const feedPath = (base: string) => (atom ? `${base}feed/atom/` : `${base}feed/`);

  // One post's comments: <permalink>/feed/, or ?p=ID under plain permalinks.
  const plainId = Number(url.searchParams.get("p"));
  if (path[0] === "comments" && path.length === 1) {
    const channel: FeedChannel = {
      title: `Comments for ${opts.blogname}`,
      link: await absoluteUrl("/"),
      self: await absoluteUrl("/comments/feed/"),
      description: opts.blogdescription,
    };
    return xml(await commentsRss(channel, await recentCommentsCached(perFeed), opts), "application/rss+xml");
  }

  const route = path.length ? await resolveSegments(path) : plainId > 0 ? ({ kind: "single", post: (await postById(plainId))! } as const) : null;
  if (route?.kind === "single") {
    const post = route.post;
    // Private and protected posts' comments stay with the post.
    if (!post || post.status !== "publish" || post.password || !isReadableStatus(post.status)) return notFound();
    const link = await absoluteUrl(await permalinkOf(post, opts));
    const channel: FeedChannel = {
      title: `Comments on: ${post.title}`,
      link,
      self: link.includes("?") ? await absoluteUrl(`/feeds/?p=${post.id}`) : `${link}feed/`,
      description: opts.blogdescription,
    };
    return xml(await commentsRss(channel, await postCommentsCached(post.id, perFeed), opts), "application/rss+xml");
  }
  if (route?.kind === "redirect") return notFound();

  let channel: FeedChannel;
  let posts;
  if (!path.length) {
    channel = { title: opts.blogname, link: await absoluteUrl("/"), self: await absoluteUrl(feedPath("/")), description: opts.blogdescription };
    posts = (await archivePage({ kind: "home" }, 1, perFeed)).items;
  } else if (route?.kind === "listing" && route.listing.page === 1 && route.listing.type !== "home") {
    const l = route.listing;
    channel = { title: `${opts.blogname} » ${l.heading}`, link: await absoluteUrl(l.baseUrl), self: await absoluteUrl(feedPath(l.baseUrl)), description: l.description || opts.blogdescription };
    posts = l.type === "search" ? (await searchPage(toFtsQuery(l.search ?? ""), 1, perFeed)).items.filter((p) => p.type === "post") : (await archivePage(l.filter!, 1, perFeed)).items;
  } else {
    return notFound();
  }
  return atom ? xml(await postsAtom(channel, posts, opts), "application/atom+xml") : xml(await postsRss(channel, posts, opts), "application/rss+xml");
}
