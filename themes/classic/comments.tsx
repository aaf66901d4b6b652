import type { ReactNode } from "react";
import type { CommentView } from "../types";

function Avatar({ c }: { c: CommentView }) {
  if (!c.avatarSrc) return null;
  // eslint-disable-next-line @next/next/no-img-element -- a data: SVG or a Gravatar URL, not an optimisable asset
  return <img src={c.avatarSrc} alt="" width={40} height={40} className="float-left mr-3 h-10 w-10 rounded bg-paper" loading="lazy" />;
}

function CommentItem({ c }: { c: CommentView }) {
  return (
    <li id={`comment-${c.id}`} className="comment mt-4" data-depth={c.depth ?? 1}>
      <article className="border border-line bg-panel p-4" aria-label={`Comment by ${c.authorName}`}>
        <footer className="text-sm">
          <Avatar c={c} />
          <p>
            <strong className="comment-author">
              {c.authorUrl ? <a href={c.authorUrl} rel="external nofollow ugc" className="underline">{c.authorName}</a> : c.authorName}
            </strong>{" "}
            <span className="text-muted">says:</span>
          </p>
          <p className="text-xs text-muted">
            <a href={`#comment-${c.id}`}><time dateTime={c.dateIso}>{c.dateText}</time></a>
          </p>
          {c.awaitingModeration ? <p className="mt-1 text-sm italic text-accent">Your comment is awaiting moderation.</p> : null}
        </footer>
        <div className="comment-content mt-2 clear-left" dangerouslySetInnerHTML={{ __html: c.contentHtml }} />
        {c.replyUrl ? (
          <p className="mt-2 text-sm">
            <a href={c.replyUrl} rel="nofollow" className="comment-reply-link underline" data-reply-to={c.id} data-reply-author={c.authorName} aria-label={`Reply to ${c.authorName}`}>
              Reply
            </a>
          </p>
        ) : null}
        <div id={`respond-slot-${c.id}`} />
      </article>
      {c.replies?.length ? (
        <ol className="children ml-4 border-l border-line pl-4 sm:ml-8">
          {c.replies.map((r) => <CommentItem key={r.id} c={r} />)}
        </ol>
      ) : null}
    </li>
  );
}

const PING_LABEL: Record<string, string> = { trackback: "Trackback", pingback: "Pingback", webmention: "Mention" };

function PageLinks({ links }: { links?: { olderUrl?: string; newerUrl?: string } }) {
  if (!links || (!links.olderUrl && !links.newerUrl)) return null;
  return (
    <nav aria-label="Comments navigation" className="mt-4 flex justify-between text-sm">
      {links.olderUrl ? <a href={links.olderUrl} className="underline">« Older Comments</a> : <span />}
      {links.newerUrl ? <a href={links.newerUrl} className="underline">Newer Comments »</a> : null}
    </nav>
  );
}

export function ClassicCommentList({ comments, title, pings, form, pageLinks }: { comments: CommentView[]; title: string; pings?: CommentView[]; form?: ReactNode; pageLinks?: { olderUrl?: string; newerUrl?: string } }) {
  return (
    <section id="comments" className="mt-10" aria-labelledby={comments.length ? "comments-title" : undefined}>
      {comments.length ? (
        <>
          <h2 id="comments-title" className="font-heading text-xl font-bold">{title}</h2>
          <ol className="comment-list">
            {comments.map((c) => <CommentItem key={c.id} c={c} />)}
          </ol>
          <PageLinks links={pageLinks} />
        </>
      ) : null}
      {pings?.length ? (
        <section className="mt-8" aria-labelledby="pings-title">
          <h3 id="pings-title" className="font-heading text-lg font-bold">Pingbacks and Trackbacks</h3>
          <ol className="mt-2 list-disc pl-6">
            {pings.map((p) => (
              <li key={p.id} id={`comment-${p.id}`} className="text-sm">
                <span className="text-muted">{PING_LABEL[p.type ?? "pingback"] ?? "Pingback"}:</span>{" "}
                {p.authorUrl ? <a href={p.authorUrl} rel="external nofollow ugc" className="underline">{p.authorName}</a> : p.authorName}
                {p.contentHtml ? <div className="comment-content mt-1" dangerouslySetInnerHTML={{ __html: p.contentHtml }} /> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {form}
    </section>
  );
}
