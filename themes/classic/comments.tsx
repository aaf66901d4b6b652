import type { CommentView } from "../types";

export function ClassicCommentList({ comments, title }: { comments: CommentView[]; title: string }) {
  return (
    <section id="comments" className="mt-10" aria-labelledby="comments-title">
      <h2 id="comments-title" className="font-heading text-xl font-bold">{title}</h2>
      <ol className="mt-4 space-y-4">
        {comments.map((c) => (
          <li key={c.id} id={`comment-${c.id}`} className="border border-line bg-panel p-4">
            <p className="text-sm">
              <strong>{c.authorUrl ? <a href={c.authorUrl} rel="external nofollow ugc" className="underline">{c.authorName}</a> : c.authorName}</strong>{" "}
              <span className="text-muted">says:</span>
            </p>
            <p className="text-xs text-muted">
              <a href={`#comment-${c.id}`}><time dateTime={c.dateIso}>{c.dateText}</time></a>
            </p>
            <div className="comment-content mt-2" dangerouslySetInnerHTML={{ __html: c.contentHtml }} />
          </li>
        ))}
      </ol>
    </section>
  );
}
