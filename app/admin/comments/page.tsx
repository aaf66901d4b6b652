import type { Metadata } from "next";
import Link from "next/link";
import { requireCapability } from "@/lib/session";
import { COMMENT_VIEWS, countCommentViews, listAdminComments, type CommentView } from "@/db/queries/comment-admin";
import { getOptions } from "@/db/queries/options";
import { canModerateAll } from "@/lib/comments/permissions";
import { ListTable } from "@/components/admin/list-table";
import { CommentRow } from "./_components/comment-row";
import { bulkCommentsAction } from "./actions";
import { titleText } from "@/lib/content/title";

export const metadata: Metadata = { title: "Comments" };

const VIEW_LABELS: Record<CommentView, string> = { all: "All", mine: "Mine", moderated: "Pending", approved: "Approved", spam: "Spam", trash: "Trash" };
const BULK: Record<"live" | "spam" | "trash", [string, string][]> = {
  live: [["unapprove", "Unapprove"], ["approve", "Approve"], ["spam", "Mark as Spam"], ["trash", "Move to Trash"]],
  spam: [["unspam", "Not Spam"], ["delete", "Delete Permanently"]],
  trash: [["restore", "Restore"], ["delete", "Delete Permanently"]],
};
const NOTICES: Record<string, string> = {
  approve: "approved", unapprove: "unapproved", spam: "marked as spam", unspam: "restored from the spam",
  trash: "moved to the Trash", restore: "restored from the Trash", delete: "permanently deleted",
};
const PER_PAGE = 20;

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

function noticeText(n: string): string | null {
  if (!n) return null;
  const [action, count] = n.split(":");
  if (action && NOTICES[action]) return `${count} comment${count === "1" ? "" : "s"} ${NOTICES[action]}.`;
  return { replied: "Reply posted.", edited: "Comment updated.", "edit-error": "The comment was not saved: check the email address and lengths.", forbidden: "Sorry, you are not allowed to moderate that comment.", choose: "Choose comments and an action first.", "empty-reply": "Please type your reply." }[n] ?? null;
}

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireCapability("edit_posts");
  const sp = await searchParams;
  const view = (COMMENT_VIEWS as readonly string[]).includes(one(sp.comment_status)) ? (one(sp.comment_status) as CommentView) : "all";
  const type = one(sp.comment_type) === "comment" ? "comment" : one(sp.comment_type) === "pings" ? "pings" : undefined;
  const search = one(sp.s).slice(0, 200);
  const postId = Number(one(sp.p)) || undefined;
  const page = Math.max(1, Number(one(sp.paged)) || 1);
  const scope = { type, postId, postAuthorId: canModerateAll(user) ? undefined : user.id, userId: user.id } as const;
  const counts = await countCommentViews(scope);
  const { rows, total } = await listAdminComments({ ...scope, view, search, page, perPage: PER_PAGE });
  const opts = await getOptions();

  const href = (over: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    const merged = { comment_status: view === "all" ? undefined : view, comment_type: type, s: search || undefined, p: postId, paged: page > 1 ? page : undefined, ...over };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "") q.set(k, String(v));
    const s = q.toString();
    return `/admin/comments/${s ? `?${s}` : ""}`;
  };
  const back = href({});
  const notice = noticeText(one(sp.notice));
  const bulk = view === "spam" ? BULK.spam : view === "trash" ? BULK.trash : BULK.live;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));

  return (
    <>
      <h1 className="text-2xl font-semibold">Comments{postId && rows[0] ? <> on “{titleText(rows[0].postTitle)}”</> : null}</h1>
      {notice ? <p className="mt-3 border-l-4 border-[#00a32a] bg-white p-3" role="status">{notice}</p> : null}
      <nav aria-label="Comment views" className="mt-4">
        <ul className="flex flex-wrap gap-x-2 text-sm">
          {COMMENT_VIEWS.map((v, i) => (
            <li key={v}>
              {i > 0 ? <span className="mr-2 text-gray-400">|</span> : null}
              <Link href={href({ comment_status: v === "all" ? undefined : v, paged: undefined })} aria-current={v === view ? "page" : undefined} className={v === view ? "font-semibold text-black" : "text-[#2271b1] underline"}>
                {VIEW_LABELS[v]} <span className="text-gray-600">({counts[v]})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-3 flex flex-wrap items-end justify-between gap-3 text-sm">
        <form id="bulk-comments" action={bulkCommentsAction} className="flex flex-wrap gap-2">
          <input type="hidden" name="back" value={back} />
          <label htmlFor="bulk-action" className="sr-only">Select bulk action</label>
          <select id="bulk-action" name="action" className="border bg-white p-1" defaultValue="">
            <option value="" disabled>Bulk actions</option>
            {bulk.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
          <button type="submit" className="border border-[#2271b1] bg-white px-3 text-[#2271b1]">Apply</button>
        </form>
        <form method="get" action="/admin/comments/" className="flex flex-wrap gap-2">
          {view !== "all" ? <input type="hidden" name="comment_status" value={view} /> : null}
          {postId ? <input type="hidden" name="p" value={postId} /> : null}
          <label htmlFor="comment-type" className="sr-only">Filter by comment type</label>
          <select id="comment-type" name="comment_type" defaultValue={type ?? ""} className="border bg-white p-1">
            <option value="">All comment types</option>
            <option value="comment">Comments</option>
            <option value="pings">Pings</option>
          </select>
          <label htmlFor="comment-search" className="sr-only">Search Comments</label>
          <input id="comment-search" type="search" name="s" defaultValue={search} className="border bg-white p-1" />
          <button type="submit" className="border border-[#2271b1] bg-white px-3 text-[#2271b1]">Search Comments</button>
        </form>
      </div>
      <ListTable label="Comments" selectable className="mt-3" columns={[
        { key: "author", label: "Author" },
        { key: "comment", label: "Comment", primary: true },
        { key: "response", label: "In response to" },
        { key: "date", label: "Submitted on" },
      ]}>
        {rows.length ? rows.map((r) => <CommentRow key={r.id} row={r} opts={opts} back={back} showIp={canModerateAll(user)} />) : (
          <tr><td colSpan={5}>No comments found.</td></tr>
        )}
      </ListTable>
      {pages > 1 ? (
        <nav aria-label="Comment pages" className="mt-3 flex gap-3 text-sm">
          <span>{total} items</span>
          {page > 1 ? <Link href={href({ paged: page - 1 })} className="underline">‹ Previous</Link> : null}
          <span>Page {page} of {pages}</span>
          {page < pages ? <Link href={href({ paged: page + 1 })} className="underline">Next ›</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
