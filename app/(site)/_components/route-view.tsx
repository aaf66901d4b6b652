// Renders what a URL resolved to, in the active theme: a listing or one post/page.
import { notFound, permanentRedirect } from "next/navigation";
import { cookies } from "next/headers";
import { CommentsSection, threadOf } from "./comments-section";
import { AUTHOR_TOKEN_COOKIE } from "@/lib/comments/cookies";
import { canReadPost } from "@/lib/auth/capabilities";
import { currentReader } from "@/lib/session";
import { toPostView } from "@/lib/content/post-view";
import { inReplyToFor, reactionsFor, reactionsText } from "@/lib/federation/reactions";
import { formatWpDate } from "@/lib/dates";
import { highlightSnippet, markedSnippet, toFtsQuery } from "@/lib/site/search-query";
import { adjacentPosts, archivePage, featuredImagesFor, searchPage, siteOptions, stickyPosts, termsForPosts, type PostCard } from "@/lib/site/reads";
import type { Listing, SiteRoute } from "@/lib/site/resolve-path";
import { permalinkOf } from "@/lib/site/urls";
import { hasPostPassword } from "@/lib/site/post-password";
import type { PostPassNotice } from "@/lib/content/post-pass";
import { getRenderTheme } from "@/app/(site)/theme";
import { blogPostingJsonLd } from "@/lib/site/seo";
import { spliced } from "@/lib/site/html-splice";
import { ArchiveHeader, Notice, Pagination, PostNavigation, SearchResult } from "@/components/site/listing";
import { PasswordForm } from "@/components/site/password-form";
import { SearchForm } from "@/components/site/search-form";
import { unlockPostAction } from "../actions";
import { LinkbackDiscovery } from "@/components/linkbacks/discovery";
import { shortcodeMediaFor } from "@/lib/site/shortcode-media";
import { embedsFor } from "@/lib/site/embed-set";
import { EmbedLoader } from "@/components/site/embed-loader";
import { titleText } from "@/lib/content/title";


export async function RouteView({ route, passwordNotice, commentPage }: { route: SiteRoute | null; passwordNotice?: PostPassNotice; commentPage?: number }) {
  if (!route) notFound();
  if (route.kind === "redirect") permanentRedirect(route.to);
  const view = route.kind === "single" ? <Single post={route.post} page={route.page} passwordNotice={passwordNotice} commentPage={commentPage} /> : <ListingView listing={route.listing} />;
  return <>{view}<EmbedLoader /></>;
}

async function Single({ post, page, passwordNotice, commentPage }: { post: PostCard; page?: number; passwordNotice?: PostPassNotice; commentPage?: number }) {
  // Resolution already asked (lib/site/resolve-path.ts); asked again so that no caller can render a hidden post.
  if (!canReadPost(await currentReader(), post)) notFound();
  const opts = await siteOptions();
  const { theme } = await getRenderTheme();
  const isPost = post.type === "post";
  // The thread is asked now, beside the reads below, rather than when the comments render after them.
  const thread = threadOf(post.id, (await cookies()).get(AUTHOR_TOKEN_COOKIE)?.value);
  thread.catch(() => {}); // a failure is seen where the comments await it
  // Asked side by side: on PostgreSQL each is a round trip of its own, and none needs another's answer.
  const [unlocked, terms, url, images, media, embeds, reactions, inReplyTo, adjacent] = await Promise.all([
    hasPostPassword(post.password),
    termsForPosts([post.id]),
    permalinkOf(post, opts),
    featuredImagesFor([post]),
    shortcodeMediaFor([post]),
    embedsFor([post]),
    isPost ? reactionsFor(post.id) : undefined,
    isPost ? inReplyToFor(post.id) : "",
    isPost && post.status === "publish" ? adjacentPosts(post) : undefined,
  ]);
  const view = toPostView(post, terms, opts, "full", { locked: !unlocked, url, featuredImage: images.get(post.id), media, embeds, page });
  if (reactions && unlocked) view.reactionsText = reactionsText(reactions);
  if (isPost) view.inReplyTo = inReplyTo || undefined;
  let navigation = null;
  if (adjacent) {
    const { previous, next } = adjacent;
    const link = async (p?: PostCard) => p && { title: titleText(p.title), url: await permalinkOf(p, opts) };
    const [prev, nxt] = await Promise.all([link(previous), link(next)]);
    navigation = <PostNavigation previous={prev} next={nxt} />;
  }
  return (
    <>
      {/* Spliced (lib/site/html-splice.ts): React's inline payload carried the JSON a second time, escaped twice (0.9 KB of a bench post's 24 KB). */}
      {post.type === "post" ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: spliced(await blogPostingJsonLd(post)) }} /> : null}
      <theme.PostSingle
      post={view}
      navigation={navigation}
      content={unlocked ? undefined : <PasswordForm postId={post.id} notice={passwordNotice} action={unlockPostAction} />}
      comments={
        <>
          <LinkbackDiscovery post={{ id: post.id, title: titleText(post.title), url: view.url, type: post.type, pingsOpen: post.pingStatus === "open" }} />
          {unlocked ? <CommentsSection post={post} theme={theme} opts={opts} commentPage={commentPage} thread={thread} /> : null}
        </>
      }
      />
    </>
  );
}

async function ListingView({ listing }: { listing: Listing }) {
  const opts = await siteOptions();
  const { theme } = await getRenderTheme();
  const perPage = Math.max(1, Math.min(100, Number(opts.posts_per_page) || 10));

  if (listing.type === "search") {
    const fts = toFtsQuery(listing.search ?? "");
    const { items, total } = await searchPage(fts, listing.page, perPage);
    const totalPages = Math.ceil(total / perPage);
    if (listing.page > 1 && listing.page > totalPages) notFound();
    const urls = await Promise.all(items.map((p) => permalinkOf(p, opts)));
    return (
      <>
        <ArchiveHeader heading={listing.heading} />
        {items.length ? (
          items.map((p, i) => (
            <SearchResult key={p.id} title={titleText(p.title)} url={urls[i]!} dateText={p.type === "post" ? formatWpDate(p.date, opts.date_format) : "Page"} snippetHtml={"snippet" in p && typeof p.snippet === "string" ? markedSnippet(p.snippet) : highlightSnippet(p.content, listing.search ?? "")} />
          ))
        ) : (
          <Notice>
            <h2 className="font-heading text-xl font-bold">Nothing Found</h2>
            <p className="my-2">Sorry, but nothing matched your search terms. Please try again with some different keywords.</p>
            <SearchForm id="search-again" defaultValue={listing.search} />
          </Notice>
        )}
        <Pagination baseUrl={listing.baseUrl} page={listing.page} totalPages={totalPages} />
      </>
    );
  }

  const { items, total } = await archivePage(listing.filter!, listing.page, perPage);
  const totalPages = Math.ceil(total / perPage);
  if (listing.page > 1 && listing.page > totalPages) notFound();
  let posts = items;
  if (listing.type === "home" && listing.page === 1) {
    // WordPress puts sticky posts first on the front page, once each.
    const sticky = await stickyPosts();
    const ids = new Set(sticky.map((p) => p.id));
    posts = [...sticky, ...items.filter((p) => !ids.has(p.id))];
  }
  const terms = await termsForPosts(posts.map((p) => p.id));
  const images = await featuredImagesFor(posts);
  const urls = await Promise.all(posts.map((p) => permalinkOf(p, opts)));
  const media = await shortcodeMediaFor(posts);
  const embeds = await embedsFor(posts);
  return (
    <>
      {listing.type === "home" && !listing.heading ? <h1 className="sr-only">{opts.blogname}</h1> : <ArchiveHeader heading={listing.heading} description={listing.description} feedUrl={listing.feedUrl} />}
      {posts.length ? (
        posts.map((p, i) => (
          <theme.PostSummary key={p.id} post={toPostView(p, terms.filter((t) => t.postId === p.id), opts, "teaser", { url: urls[i]!, featuredImage: images.get(p.id), media, embeds })} />
        ))
      ) : (
        <Notice><p>{listing.type === "home" ? "Nothing has been published yet." : "No posts here yet."}</p></Notice>
      )}
      <Pagination baseUrl={listing.baseUrl} page={listing.page} totalPages={totalPages} />
    </>
  );
}
