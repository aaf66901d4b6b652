import type { ReactNode } from "react";
import type { PostView } from "@/lib/content/views";
import { FeaturedImage } from "../shared/featured-image";
import { InReplyTo } from "../shared/in-reply-to";
import { PostContent, PostTitle } from "@/components/site/post-content";

function PostMeta({ post }: { post: PostView }) {
  if (post.type === "page") return null;
  return (
    <p className="mt-1 text-sm text-muted">
      Posted on <time dateTime={post.dateIso}>{post.dateText}</time> by{" "}
      <a href={post.authorUrl} className="underline">{post.authorName}</a>
    </p>
  );
}

function TermLinks({ label, terms }: { label: string; terms: PostView["categories"] }) {
  if (!terms.length) return null;
  return (
    <span>
      {label}:{" "}
      {terms.map((t, i) => (
        <span key={t.url}>
          {i > 0 ? ", " : null}
          <a href={t.url} className="underline">{t.name}</a>
        </span>
      ))}{" "}
    </span>
  );
}

export function ClassicPostSummary({ post }: { post: PostView }) {
  return (
    <article className="border-b border-line pb-6 mb-6" aria-labelledby={`post-title-${post.id}`}>
      <h2 id={`post-title-${post.id}`} className="font-heading text-2xl font-bold">
        {post.sticky ? <span className="mr-2 rounded bg-accent px-1 text-xs text-paper align-middle">Featured</span> : null}
        <PostTitle post={post} as="a" href={post.url} className="text-ink hover:text-accent" />
      </h2>
      <PostMeta post={post} />
      <FeaturedImage post={post} className="mt-4" />
      <PostContent className="entry-content mt-4" post={post} />
      {post.hasMore ? (
        <p className="mt-3">
          <a href={`${post.url}#more-${post.id}`} className="underline">
            Continue reading<span className="sr-only"> {post.title}</span> →
          </a>
        </p>
      ) : null}
      <p className="mt-4 text-sm text-muted">
        <TermLinks label="Categories" terms={post.categories} />
        <TermLinks label="Tags" terms={post.tags} />
        {post.categories.length || post.tags.length ? "| " : null}
        <a href={`${post.url}#comments`} className="underline">
          {post.commentCount === 0 ? "No Comments" : post.commentCount === 1 ? "1 Comment" : `${post.commentCount} Comments`}
          <span className="sr-only"> on {post.title}</span>
        </a>
      </p>
    </article>
  );
}

/** WordPress's classic line under a post, by comment and ping status. */
export function ResponseLine({ post }: { post: PostView }) {
  const trackback = <a href={post.url.includes("?") ? `/wp-trackback.php?p=${post.id}` : `${post.url}trackback/`} rel="trackback" className="underline">trackback</a>;
  if (post.commentsOpen && post.pingsOpen) {
    return <p className="postmetadata mt-4 text-sm">You can <a href="#respond" className="underline">leave a response</a>, or {trackback} from your own site.</p>;
  }
  if (!post.commentsOpen && post.pingsOpen) {
    return <p className="postmetadata mt-4 text-sm">Responses are currently closed, but you can {trackback} from your own site.</p>;
  }
  if (post.commentsOpen) {
    return <p className="postmetadata mt-4 text-sm">You can skip to the end and leave a response. Pinging is currently not allowed.</p>;
  }
  return <p className="postmetadata mt-4 text-sm">Both comments and pings are currently closed.</p>;
}

export function ClassicPostSingle({ post, comments, navigation, content }: { post: PostView; comments: ReactNode; navigation?: ReactNode; content?: ReactNode }) {
  return (
    <article aria-labelledby="post-title">
      <PostTitle post={post} as="h1" id="post-title" className="entry-title" />
      <PostMeta post={post} />
      <FeaturedImage post={post} className="mt-6 border border-line" eager />
      {post.inReplyTo ? <InReplyTo className="mt-6 text-sm text-muted" url={post.inReplyTo} /> : null}
      {content ?? <PostContent className="entry-content mt-6" post={post} />}
      {post.type === "post" ? (
        <p className="mt-6 text-sm text-muted">
          <TermLinks label="Categories" terms={post.categories} />
          <TermLinks label="Tags" terms={post.tags} />
        </p>
      ) : null}
      {post.reactionsText ? <p className="fediverse-reactions mt-4 text-sm text-muted">From the fediverse: {post.reactionsText}</p> : null}
      {post.type === "post" && !post.locked ? <ResponseLine post={post} /> : null}
      {navigation}
      {comments}
    </article>
  );
}
