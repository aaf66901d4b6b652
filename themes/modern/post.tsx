import type { ReactNode } from "react";
import type { PostView } from "@/lib/content/views";
import { FeaturedImage } from "../shared/featured-image";
import { InReplyTo } from "../shared/in-reply-to";
import { PostContent, PostTitle } from "@/components/site/post-content";

function Byline({ post }: { post: PostView }) {
  if (post.type === "page") return null;
  return (
    <p className="mt-2 font-heading text-sm text-muted">
      <time dateTime={post.dateIso}>{post.dateText}</time> · <a href={post.authorUrl} className="underline">{post.authorName}</a>
      {post.categories.length ? (
        <>
          {" · "}
          {post.categories.map((c, i) => (
            <span key={c.url}>{i ? ", " : ""}<a href={c.url} className="underline">{c.name}</a></span>
          ))}
        </>
      ) : null}
    </p>
  );
}

function Tags({ post }: { post: PostView }) {
  if (!post.tags.length) return null;
  return (
    <ul aria-label="Tags" className="mt-6 flex flex-wrap gap-2 font-heading text-sm">
      {post.tags.map((t) => (
        <li key={t.url}><a href={t.url} className="rounded-full border border-line px-3 py-1 text-ink hover:border-accent">#{t.name}</a></li>
      ))}
    </ul>
  );
}

export function ModernPostSummary({ post }: { post: PostView }) {
  return (
    <article className="mb-12" aria-labelledby={`post-title-${post.id}`}>
      {post.sticky ? <p className="font-heading text-xs font-bold uppercase tracking-widest text-accent">Featured</p> : null}
      <h2 id={`post-title-${post.id}`} className="font-heading text-2xl font-bold leading-tight tracking-tight sm:text-3xl">
        <PostTitle post={post} as="a" href={post.url} className="text-ink hover:text-accent" />
      </h2>
      <Byline post={post} />
      <FeaturedImage post={post} className="mt-4 overflow-hidden rounded-lg" />
      <PostContent className="entry-content mt-4" post={post} />
      <p className="mt-4 font-heading text-sm">
        {post.hasMore ? (
          <a href={`${post.url}#more-${post.id}`} className="mr-4 font-semibold text-accent underline">
            Continue reading<span className="sr-only"> {post.title}</span> →
          </a>
        ) : null}
        <a href={`${post.url}#comments`} className="text-muted underline">
          {post.commentCount === 0 ? "No Comments" : post.commentCount === 1 ? "1 Comment" : `${post.commentCount} Comments`}
          <span className="sr-only"> on {post.title}</span>
        </a>
      </p>
    </article>
  );
}

export function ModernPostSingle({ post, comments, navigation, content }: { post: PostView; comments: ReactNode; navigation?: ReactNode; content?: ReactNode }) {
  return (
    <article aria-labelledby="post-title">
      <PostTitle post={post} as="h1" id="post-title" className="entry-title" />
      <Byline post={post} />
      <FeaturedImage post={post} className="mt-8 overflow-hidden rounded-lg" eager />
      {post.inReplyTo ? <InReplyTo className="mt-8 text-sm text-muted" url={post.inReplyTo} /> : null}
      {content ?? <PostContent className="entry-content mt-8" post={post} />}
      <Tags post={post} />
      {post.reactionsText ? <p className="fediverse-reactions mt-6 text-sm text-muted">From the fediverse: {post.reactionsText}</p> : null}
      {navigation}
      {comments}
    </article>
  );
}
