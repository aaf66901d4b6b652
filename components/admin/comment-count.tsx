// The Posts and Pages lists' Comments column, as WordPress draws it: a speech bubble with the
// approved count linking to that post's approved comments, and a red badge for held ones
// linking to those awaiting moderation.
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function CommentsHeader() {
  return (
    <span title="Comments">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="inline size-5 fill-[#646970]"><path d="M4 3h12a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-5l-4 3v-3H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z" /></svg>
      <span className="sr-only">Comments</span>
    </span>
  );
}

export function CommentCount({ postId, approved, pending }: { postId: number; approved: number; pending: number }) {
  const base = `/admin/comments/?p=${postId}&comment_status=`;
  return (
    <span className="inline-flex items-start whitespace-nowrap">
      {approved > 0 ? (
        <a href={`${base}approved`} className="comment-bubble [--bubble:#646970] hover:[--bubble:#2271b1]">
          <span aria-hidden="true">{approved}</span><span className="sr-only">{plural(approved, "approved comment", "approved comments")}</span>
        </a>
      ) : (
        <span className="comment-bubble [--bubble-ink:#50575e] [--bubble:#dcdcde]">
          <span aria-hidden="true">—</span><span className="sr-only">No approved comments</span>
        </span>
      )}
      {pending > 0 ? (
        <a href={`${base}moderated`} className="-ml-1 -mt-1 min-w-5 rounded-full border-2 border-white bg-[#d63638] px-1 text-center text-xs font-semibold text-white">
          <span aria-hidden="true">{pending}</span><span className="sr-only">{plural(pending, "pending comment", "pending comments")}</span>
        </a>
      ) : null}
    </span>
  );
}
