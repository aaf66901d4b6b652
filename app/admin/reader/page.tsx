// The Reader: posts of the accounts the blog follows (lib/federation/reader.ts), newest first,
// each with its author, date, text, a link to the original, Like and Reply.
import type { Metadata } from "next";
import Link from "next/link";
import { requireCapability } from "@/lib/session";
import { countReaderItems, listReaderItems } from "@/db/queries/following";
import { getOptions } from "@/db/queries/options";
import { BLOG } from "@/lib/federation/federation";
import { sanitizeCommentHtml } from "@/lib/content/sanitize";
import { formatWpDate, toSqlLocal } from "@/lib/dates";
import { likeReaderItemAction } from "./actions";

export const metadata: Metadata = { title: "Reader" };

const PER_PAGE = 20;
const MESSAGES: Record<string, { text: string; ok: boolean }> = {
  liked: { text: "Liked: their server has been told.", ok: true },
  unliked: { text: "Like taken back.", ok: true },
  unchanged: { text: "Nothing changed.", ok: true },
  "not-found": { text: "That post is not in the Reader any more.", ok: false },
};

export default async function Page({ searchParams }: { searchParams: Promise<{ paged?: string; message?: string }> }) {
  await requireCapability("manage_options");
  const sp = await searchParams;
  const page = Math.max(1, Math.floor(Number(sp.paged)) || 1);
  const [items, total, opts] = await Promise.all([listReaderItems(BLOG, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE }), countReaderItems(BLOG), getOptions()]);
  const when = (ms: number) => formatWpDate(toSqlLocal(new Date(ms), opts.timezone_string), `${opts.date_format} ${opts.time_format}`);
  const message = sp.message ? MESSAGES[sp.message] : undefined;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return (
    <>
      <h1 className="text-2xl font-semibold">Reader</h1>
      <p className="mt-2 text-sm text-gray-700">
        Posts from the accounts the blog follows (<Link href="/admin/users/following/" className="text-[#2271b1]">Following</Link>), newest first.
      </p>
      {message ? <p role={message.ok ? "status" : "alert"} className={`mt-4 border-l-4 bg-white p-3 text-sm ${message.ok ? "border-green-700" : "border-red-700 text-red-900"}`}>{message.text}</p> : null}
      {items.length === 0 ? <p className="mt-4 rounded border border-gray-300 bg-white p-4 text-sm">Nothing to read yet. Posts of the accounts the blog follows appear here as they are published.</p> : null}
      <ol className="mt-4 max-w-3xl space-y-4" aria-label="Posts">
        {items.map((item) => {
          const label = item.title || `Post by ${item.authorName || item.authorHandle}`;
          return (
            <li key={item.id} id={`item-${item.id}`}>
              <article aria-label={label} className="rounded border border-gray-300 bg-white p-4 text-sm">
                <header className="flex flex-wrap items-baseline gap-x-2">
                  <strong className="break-all">{item.authorName || item.authorHandle}</strong>
                  <a href={item.authorUrl ?? item.actorId} rel="nofollow noopener" className="break-all text-xs text-[#2271b1]">{item.authorHandle}</a>
                  <span className="text-xs text-gray-600">
                    <time dateTime={new Date(item.published).toISOString()}>{when(item.published)}</time>
                    {item.updatedAt ? " · edited" : ""}
                  </span>
                </header>
                {item.title ? <h2 className="mt-2 break-words text-base font-semibold">{item.title}</h2> : null}
                <div className="reader-content mt-2 space-y-2 break-words" dangerouslySetInnerHTML={{ __html: sanitizeCommentHtml(item.content) }} />
                <footer className="mt-3 flex flex-wrap items-center gap-3 text-sm">
                  <a href={item.url} rel="nofollow noopener" aria-label={`View original: ${label}`} className="text-[#2271b1]">View original</a>
                  <form action={likeReaderItemAction}>
                    <input type="hidden" name="id" value={item.id} />
                    <input type="hidden" name="paged" value={page} />
                    <input type="hidden" name="like" value={item.likeId ? "0" : "1"} />
                    <button type="submit" aria-pressed={!!item.likeId} aria-label={`${item.likeId ? "Unlike" : "Like"}: ${label}`} className="rounded border border-gray-400 px-2 py-0.5">{item.likeId ? "Unlike" : "Like"}</button>
                  </form>
                  <Link href={`/admin/posts/new/?in_reply_to=${encodeURIComponent(item.objectId)}`} aria-label={`Reply: ${label}`} className="text-[#2271b1]">Reply</Link>
                </footer>
              </article>
            </li>
          );
        })}
      </ol>
      {pages > 1 ? (
        <nav aria-label="Reader pages" className="mt-3 flex gap-3 text-sm">
          {page > 1 ? <Link href={`/admin/reader/?paged=${page - 1}`} className="text-[#2271b1]">‹ Newer</Link> : null}
          <span>Page {page} of {pages}</span>
          {page < pages ? <Link href={`/admin/reader/?paged=${page + 1}`} className="text-[#2271b1]">Older ›</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
