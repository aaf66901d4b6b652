import type { ReactNode } from "react";
import type { CommentView } from "@/lib/content/views";
import { commentItemHtml } from "./comment-html";
import { RawHtml } from "@/components/site/raw-html";

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
          <RawHtml as="ol" className="comment-list" html={comments.map(commentItemHtml).join("")} />
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
