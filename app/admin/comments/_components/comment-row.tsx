// One row of the Comments screen. Row actions are small forms (they work without JavaScript);
// Reply and Quick Edit open in place with <details>.
import Link from "next/link";
import type { AdminCommentRow } from "@/db/queries/comment-admin";
import type { Options } from "@/lib/options/defaults";
import { formatCommentHtml } from "@/lib/content/sanitize";
import { postUrl } from "@/lib/content/post-view";
import { formatWpDate } from "@/lib/dates";
import { COMMENT_LIMITS } from "@/lib/validation/comment-fields";
import { Cell, CheckCell, PrimaryCell } from "@/components/admin/list-table";
import { moderateCommentAction, quickEditCommentAction, replyToCommentAction } from "../actions";
import { titleText } from "@/lib/content/title";

const STATUS_ACTIONS: Record<string, [string, string][]> = {
  "0": [["approve", "Approve"], ["spam", "Spam"], ["trash", "Trash"]],
  "1": [["unapprove", "Unapprove"], ["spam", "Spam"], ["trash", "Trash"]],
  spam: [["unspam", "Not Spam"], ["delete", "Delete Permanently"]],
  trash: [["restore", "Restore"], ["delete", "Delete Permanently"]],
  "post-trashed": [["delete", "Delete Permanently"]],
};

export function CommentRow({ row, opts, back, showIp }: { row: AdminCommentRow; opts: Options; back: string; showIp: boolean }) {
  const who = row.authorName || "Anonymous";
  const url = postUrl({ id: row.postId, slug: row.postSlug, date: row.postDate, type: row.postType, authorNicename: row.postAuthorNicename }, opts);
  const live = row.status === "0" || row.status === "1";
  const btn = "text-[#2271b1] underline";
  return (
    <tr id={`comment-row-${row.id}`} className={row.status === "0" ? "bg-[#fef7f1]" : undefined} aria-label={`Comment by ${who}`}>
      <CheckCell form="bulk-comments" value={row.id} label={`Select comment by ${who}`} />
      <Cell name="Author">
        <strong>{who}</strong>
        {row.type !== "comment" ? <span className="ml-1 rounded bg-gray-200 px-1 text-xs">{row.type}</span> : null}
        {row.remoteId ? <span className="ml-1 rounded bg-[#e5f0f7] px-1 text-xs text-[#135e96]">Fediverse</span> : null}
        {row.remoteId && /^ActivityPub \((@[^)]+)\)$/.test(row.userAgent) ? <div className="text-gray-600">{/^ActivityPub \((@[^)]+)\)$/.exec(row.userAgent)![1]}</div> : null}
        {row.authorUrl ? <div><a href={row.authorUrl} rel="nofollow ugc" className="text-[#2271b1] underline">{row.authorUrl.replace(/^https?:\/\//, "").slice(0, 40)}</a></div> : null}
        {row.authorEmail ? <div><a href={`mailto:${row.authorEmail}`} className="text-[#2271b1] underline">{row.authorEmail}</a></div> : null}
        {showIp && row.authorIp ? <div className="text-gray-600">{row.authorIp}</div> : null}
      </Cell>
      <PrimaryCell rowLabel={`comment by ${who}`}>
        <p className="narrow-only font-semibold">{who}</p>
        {row.status === "0" ? <p className="text-xs font-semibold text-[#b32d2e]">Pending</p> : null}
        {row.parentId ? <p className="text-xs text-gray-600">In reply to <a href={`${url}#comment-${row.parentId}`} className="underline">{row.parentAuthor || "Anonymous"}</a>.</p> : null}
        <div className="comment-text" dangerouslySetInnerHTML={{ __html: formatCommentHtml(row.content) }} />
        <form action={moderateCommentAction} className="mt-2 flex flex-wrap gap-x-3 text-xs">
          <input type="hidden" name="id" value={row.id} />
          <input type="hidden" name="back" value={back} />
          {(STATUS_ACTIONS[row.status] ?? []).map(([action, label]) => (
            <button key={action} type="submit" name="action" value={action} className={action === "delete" || action === "spam" || action === "trash" ? "text-[#b32d2e] underline" : btn} aria-label={`${label} comment by ${who}`}>
              {label}
            </button>
          ))}
          <Link href={`/admin/comments/${row.id}/`} className={btn} aria-label={`Edit comment by ${who}`}>Edit</Link>
        </form>
        {live ? (
          <div className="mt-1 flex flex-wrap gap-x-3 text-xs">
            <details>
              <summary className={`cursor-pointer ${btn}`}>Reply</summary>
              <form action={replyToCommentAction} className="mt-2 space-y-2">
                <input type="hidden" name="parentId" value={row.id} />
                <input type="hidden" name="back" value={back} />
                <label htmlFor={`reply-${row.id}`} className="block">Reply to {who}</label>
                <textarea id={`reply-${row.id}`} name="content" rows={3} required maxLength={COMMENT_LIMITS.comment} className="w-full border p-1" />
                <button type="submit" className="bg-[#2271b1] px-3 py-1 text-white">{row.status === "0" ? "Approve and Reply" : "Reply"}</button>
              </form>
            </details>
            <details>
              <summary className={`cursor-pointer ${btn}`}>Quick Edit</summary>
              <form action={quickEditCommentAction} className="mt-2 grid gap-2">
                <input type="hidden" name="id" value={row.id} />
                <input type="hidden" name="back" value={back} />
                <label>Name <input name="authorName" defaultValue={row.authorName} maxLength={COMMENT_LIMITS.author} className="w-full border p-1" /></label>
                <label>Email <input name="authorEmail" type="email" defaultValue={row.authorEmail} maxLength={COMMENT_LIMITS.email} className="w-full border p-1" /></label>
                <label>URL <input name="authorUrl" defaultValue={row.authorUrl} maxLength={COMMENT_LIMITS.url} className="w-full border p-1" /></label>
                <label>Comment text <textarea name="content" rows={4} defaultValue={row.content} required className="w-full border p-1" /></label>
                <button type="submit" className="justify-self-start bg-[#2271b1] px-3 py-1 text-white">Update Comment</button>
              </form>
            </details>
          </div>
        ) : null}
      </PrimaryCell>
      <Cell name="In response to">
        <Link href={`/admin/comments/?p=${row.postId}`} className="font-semibold text-[#2271b1] underline">{titleText(row.postTitle) || "(no title)"}</Link>
        <div><a href={url} className="text-xs underline">View Post</a></div>
        <div className="text-xs text-gray-600">{row.postCommentCount} approved</div>
      </Cell>
      <Cell name="Submitted on" className="text-xs">
        <a href={`${url}#comment-${row.id}`} className="underline">{formatWpDate(row.date, opts.date_format)} at {formatWpDate(row.date, opts.time_format)}</a>
      </Cell>
    </tr>
  );
}
