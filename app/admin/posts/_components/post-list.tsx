// The Posts and Pages lists: views with counts, search, filters, sorting, pagination, bulk and
// row actions. Everything is links and plain forms; only Quick Edit is a client leaf.
import Link from "next/link";
import type { CurrentUser } from "@/lib/session";
import { canDeletePost, canEditPost, canPublish, roleCan } from "@/lib/auth/capabilities";
import { getOptions } from "@/db/queries/options";
import { countAdminViews, listAdminPagesForTree, listAdminPosts, listAuthorsWithPosts, listPostMonths, POST_VIEWS, type PostView } from "@/db/queries/post-admin-list";
import { listCategoryOptions } from "@/db/queries/post-editor";
import { listTermsForPosts } from "@/db/queries/posts";
import { postUrl } from "@/lib/content/post-view";
import { flattenTree } from "@/lib/posts/tree";
import { toInputValue } from "@/lib/posts/schedule";
import { monthName, parseSqlGmt, toSqlLocal } from "@/lib/dates";
import { bulkPostsAction, deletePostAction, restorePostAction, trashPostAction } from "../actions";
import { QuickEdit } from "./quick-edit";
import { Cell, CheckCell, ListTable, PrimaryCell } from "@/components/admin/list-table";
import { CommentCount, CommentsHeader } from "@/components/admin/comment-count";
import { countPendingCommentsByPost } from "@/db/queries/post-comment-counts";
import { listDate } from "@/lib/admin/list-dates";
import { titleForEditing, titleText } from "@/lib/content/title";

export type ListParams = Record<string, string | undefined>;

const VIEW_LABELS: Record<PostView, string> = { all: "All", mine: "Mine", publish: "Published", future: "Scheduled", draft: "Drafts", pending: "Pending", private: "Private", trash: "Trash" };
const STATE_LABELS: Record<string, string> = { draft: "Draft", pending: "Pending", future: "Scheduled", private: "Private" };
const PER_PAGE = 20;
const DONE: Record<string, string> = { trash: "moved to the Trash", trashed: "moved to the Trash", restore: "restored from the Trash", delete: "permanently deleted", edit: "updated" };

export async function PostList({ user, type, params }: { user: CurrentUser; type: "post" | "page"; params: ListParams }) {
  const opts = await getOptions();
  const base = type === "page" ? "/admin/pages/" : "/admin/posts/";
  const view = (POST_VIEWS as readonly string[]).includes(params.view ?? "") ? (params.view as PostView) : "all";
  const page = Math.max(1, Number(params.paged) || 1);
  const orderBy = params.orderby === "title" ? "title" : "date";
  const order = params.order === "asc" ? "asc" : params.order === "desc" ? "desc" : orderBy === "title" ? "asc" : "desc";
  const canReadOthersPrivate = roleCan(user.role, type === "page" ? "read_private_pages" : "read_private_posts");
  const q = {
    type, view, page, orderBy, order, perPage: PER_PAGE, userId: user.id, canReadOthersPrivate,
    search: params.s, categoryId: Number(params.cat) || undefined, authorId: Number(params.author) || undefined, month: params.m,
  } as const;
  const counts = await countAdminViews(q);
  // Pages show as a tree unless searched or sorted by title.
  const asTree = type === "page" && !params.s && !params.orderby;
  const { rows, total } = asTree
    ? await (async () => { const all = flattenTree(await listAdminPagesForTree(q)); return { rows: all.slice((page - 1) * PER_PAGE, page * PER_PAGE), total: all.length }; })()
    : await (async () => { const res = await listAdminPosts(q); return { total: res.total, rows: res.rows.map((r) => ({ ...r, depth: 0 })) }; })();
  const terms = type === "post" ? await listTermsForPosts(rows.map((r) => r.id)) : [];
  const pending = await countPendingCommentsByPost(rows.map((r) => r.id));
  const categories = type === "post" ? flattenTree(await listCategoryOptions()) : [];
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const mayPublish = canPublish(user, type);

  const link = (over: ListParams) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries({ view: view === "all" ? undefined : view, s: params.s, cat: params.cat, author: params.author, m: params.m, orderby: params.orderby, order: params.order, paged: page > 1 ? String(page) : undefined, ...over })) {
      if (v) sp.set(k, v);
    }
    const s = sp.toString();
    return s ? `${base}?${s}` : base;
  };
  const here = link({});
  const sortLink = (col: "date" | "title") => link({ orderby: col, order: orderBy === col && order === "asc" ? "desc" : "asc", paged: undefined });
  const label = type === "page" ? "Pages" : "Posts";

  return (
    <>
      <h1 className="text-2xl font-semibold">
        {label} <Link href={`${base}new/`} className="ml-2 rounded border border-[#2271b1] px-2 py-0.5 text-sm text-[#2271b1]">Add New {type === "page" ? "Page" : "Post"}</Link>
      </h1>
      {type === "post" && roleCan(user.role, "manage_categories") ? (
        <p className="mt-1 text-sm"><Link className="underline" href="/admin/categories/">Categories</Link> · <Link className="underline" href="/admin/tags/">Tags</Link></p>
      ) : null}
      {params.done ? <p role="status" className="mt-3 border-l-4 border-green-600 bg-white p-2">{params.count ?? 1} {Number(params.count ?? 1) === 1 ? (type === "page" ? "page" : "post") : label.toLowerCase()} {DONE[params.done] ?? "updated"}.</p> : null}
      {params.error ? <p role="alert" className="mt-3 border-l-4 border-red-700 bg-white p-2">{params.error === "missing" ? "Some of those items no longer exist." : params.error === "invalid" ? "That request was not valid." : params.error}</p> : null}

      <nav aria-label="Views" className="mt-3 text-sm">
        <ul className="flex flex-wrap gap-x-2">
          {POST_VIEWS.filter((v) => v === "all" || counts[v] > 0 || v === view).map((v, i) => (
            <li key={v}>{i > 0 ? "| " : ""}
              <Link href={link({ view: v === "all" ? undefined : v, paged: undefined })} aria-current={v === view ? "page" : undefined} className={v === view ? "font-semibold text-black" : "text-[#2271b1]"}>
                {VIEW_LABELS[v]} <span className="text-gray-600">({counts[v]})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className="mt-3 flex flex-wrap items-end justify-between gap-3">
        <form method="get" action={base} className="flex flex-wrap items-end gap-2 text-sm" aria-label="Filter">
          {view !== "all" ? <input type="hidden" name="view" value={view} /> : null}
          {params.s ? <input type="hidden" name="s" value={params.s} /> : null}
          <label>Month <select name="m" defaultValue={params.m ?? ""} className="rounded border border-gray-400 px-1 py-0.5">
            <option value="">All dates</option>
            {(await listPostMonths(type)).map((m) => <option key={m} value={m}>{monthName(Number(m.slice(5)))} {m.slice(0, 4)}</option>)}
          </select></label>
          {type === "post" ? (
            <label>Category <select name="cat" defaultValue={params.cat ?? ""} className="rounded border border-gray-400 px-1 py-0.5">
              <option value="">All Categories</option>
              {categories.map((c) => <option key={c.id} value={c.id}>{"\u2014 ".repeat(c.depth)}{c.name}</option>)}
            </select></label>
          ) : null}
          <label>Author <select name="author" defaultValue={params.author ?? ""} className="rounded border border-gray-400 px-1 py-0.5">
            <option value="">All authors</option>
            {(await listAuthorsWithPosts(type)).map((a) => <option key={a.id} value={a.id}>{a.displayName}</option>)}
          </select></label>
          <button type="submit" className="rounded border border-gray-400 bg-white px-2 py-0.5">Filter</button>
        </form>
        <form method="get" action={base} role="search" className="flex gap-1 text-sm">
          {view !== "all" ? <input type="hidden" name="view" value={view} /> : null}
          <label htmlFor="post-search-input" className="sr-only">Search {label}</label>
          <input id="post-search-input" type="search" name="s" defaultValue={params.s ?? ""} className="rounded border border-gray-400 px-2 py-0.5" />
          <button type="submit" className="rounded border border-gray-400 bg-white px-2 py-0.5">Search {label}</button>
        </form>
      </div>

      <form id="bulk-form" action={bulkPostsAction} className="mt-3">
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="back" value={here} />
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor="bulk-action" className="sr-only">Bulk actions</label>
          <select id="bulk-action" name="bulkAction" defaultValue="" className="rounded border border-gray-400 px-1 py-0.5">
            <option value="">Bulk actions</option>
            {view === "trash" ? <><option value="restore">Restore</option><option value="delete">Delete permanently</option></> : <><option value="edit">Edit</option><option value="trash">Move to Trash</option></>}
          </select>
          <button type="submit" className="rounded border border-gray-400 bg-white px-2 py-0.5">Apply</button>
          {view !== "trash" ? (
            <details className="text-sm">
              <summary className="cursor-pointer text-[#2271b1]">Bulk Edit options</summary>
              <div className="mt-2 flex flex-wrap gap-4 rounded border border-gray-300 bg-white p-2">
                {type === "post" ? (
                  <fieldset className="min-w-0"><legend>Add categories</legend>
                    {/* WordPress's category checklist: a bounded box that scrolls, however many categories there are. */}
                    <div className="max-h-48 w-64 max-w-full overflow-y-auto rounded border border-gray-300 p-1">
                      {categories.map((c) => <label key={c.id} className="block" style={{ paddingLeft: `${c.depth}rem` }}><input type="checkbox" name="categories" value={c.id} /> {c.name}</label>)}
                    </div>
                  </fieldset>
                ) : null}
                <label>Status <select name="status" defaultValue="" className="rounded border border-gray-400 px-1 py-0.5">
                  <option value="">— No Change —</option>
                  {mayPublish ? <option value="publish">Published</option> : null}
                  {mayPublish ? <option value="private">Private</option> : null}
                  <option value="pending">Pending Review</option>
                  <option value="draft">Draft</option>
                </select></label>
              </div>
            </details>
          ) : null}
          <span className="ml-auto text-gray-600">{total} {total === 1 ? "item" : "items"}</span>
        </div>
      </form>

      <ListTable label={label} selectable className="mt-2" columns={[
        { key: "title", primary: true, label: <Link href={sortLink("title")} className="text-[#2271b1]">Title{orderBy === "title" ? (order === "asc" ? " ▲" : " ▼") : ""}</Link> },
        { key: "author", label: "Author" },
        ...(type === "post" ? [{ key: "categories", label: "Categories" }, { key: "tags", label: "Tags" }] : []),
        { key: "comments", label: <CommentsHeader />, className: "w-14" },
        { key: "date", label: <Link href={sortLink("date")} className="text-[#2271b1]">Date{orderBy === "date" ? (order === "asc" ? " ▲" : " ▼") : ""}</Link> },
      ]}>
        {rows.length === 0 ? <tr><td colSpan={7}>No {label.toLowerCase()} found.</td></tr> : null}
        {rows.map((r) => {
          const mayEdit = canEditPost(user, r);
          const mayDelete = canDeletePost(user, r);
          const title = titleText(r.title) || "(no title)";
          const quick = Number(params.quickedit) === r.id && mayEdit && r.status !== "trash";
          const rowTerms = terms.filter((t) => t.postId === r.id);
          const shown = r.status === "publish" || r.status === "future" || r.status === "private";
          return (
            <tr key={r.id}>
              <CheckCell form="bulk-form" value={r.id} label={`Select ${title}`} disabled={!(mayEdit || mayDelete)} />
              <PrimaryCell rowLabel={title}>
                {quick ? (
                  <QuickEdit row={{ id: r.id, version: r.version, title: titleForEditing(r.title), slug: r.slug, status: r.status, date: toInputValue(r.date) + r.date.slice(16, 19) }} type={type} back={link({ quickedit: undefined })} canPublish={mayPublish} />
                ) : (
                  <>
                    <strong>
                      {"\u2014 ".repeat(r.depth)}
                      {mayEdit && r.status !== "trash" ? <Link href={`${base}${r.id}/`} className="text-[#2271b1]">{title}</Link> : title}
                      {STATE_LABELS[r.status] ? <span className="text-gray-600"> — {STATE_LABELS[r.status]}</span> : null}
                      {r.password ? <span className="text-gray-600"> — Password protected</span> : null}
                      {r.sticky ? <span className="text-gray-600"> — Sticky</span> : null}
                    </strong>
                    <div className="mt-1 flex flex-wrap gap-x-2 text-xs">
                      {r.status === "trash" ? (
                        mayDelete ? <>
                          <button type="submit" form={`restore-${r.id}`} className="text-[#2271b1] underline">Restore</button>
                          <button type="submit" form={`delete-${r.id}`} className="text-red-700 underline">Delete Permanently</button>
                        </> : null
                      ) : (
                        <>
                          {mayEdit ? <Link href={`${base}${r.id}/`} className="text-[#2271b1]" aria-label={`Edit “${title}”`}>Edit</Link> : null}
                          {mayEdit ? <Link href={link({ quickedit: String(r.id) })} className="text-[#2271b1]" aria-label={`Quick Edit “${title}”`}>Quick Edit</Link> : null}
                          {mayDelete ? <button type="submit" form={`trash-${r.id}`} className="text-red-700 underline" aria-label={`Move “${title}” to the Trash`}>Trash</button> : null}
                          {r.status === "publish" ? <a href={postUrl(r, opts)} className="text-[#2271b1]" aria-label={`View “${title}”`}>View</a>
                            : mayEdit ? <a href={`/admin/preview/${r.id}/`} className="text-[#2271b1]" aria-label={`Preview “${title}”`}>Preview</a> : null}
                        </>
                      )}
                    </div>
                  </>
                )}
              </PrimaryCell>
              <Cell name="Author"><Link href={link({ author: String(r.authorId), paged: undefined })} className="text-[#2271b1]">{r.authorName}</Link></Cell>
              {type === "post" ? (
                <>
                  <Cell name="Categories">{rowTerms.filter((t) => t.taxonomy === "category").map((t) => t.name).join(", ") || "—"}</Cell>
                  <Cell name="Tags">{rowTerms.filter((t) => t.taxonomy === "post_tag").map((t) => t.name).join(", ") || "—"}</Cell>
                </>
              ) : null}
              <Cell name="Comments"><CommentCount postId={r.id} approved={r.commentCount} pending={pending.get(r.id) ?? 0} /></Cell>
              <Cell name="Date">
                {r.status === "publish" ? "Published" : r.status === "future" ? "Scheduled" : "Last Modified"}<br />
                {shown ? listDate(r.date, opts.time_format) : listDate(toSqlLocal(parseSqlGmt(r.modifiedGmt), opts.timezone_string), opts.time_format)}
              </Cell>
            </tr>
          );
        })}
      </ListTable>
      {rows.map((r) => (
        <div key={r.id} hidden>
          {[["trash", trashPostAction], ["restore", restorePostAction], ["delete", deletePostAction]].map(([name, action]) => (
            <form key={name as string} id={`${name as string}-${r.id}`} action={action as (fd: FormData) => Promise<void>}>
              <input type="hidden" name="id" value={r.id} />
              <input type="hidden" name="type" value={type} />
            </form>
          ))}
        </div>
      ))}
      {pages > 1 ? (
        <nav aria-label="Pagination" className="mt-3 flex items-center gap-2 text-sm">
          {page > 1 ? <Link href={link({ paged: String(page - 1) })} className="text-[#2271b1]">‹ Previous</Link> : null}
          <span>Page {page} of {pages}</span>
          {page < pages ? <Link href={link({ paged: String(page + 1) })} className="text-[#2271b1]">Next ›</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
