import type { Metadata } from "next";
import Link from "next/link";
import { requireCapability } from "@/lib/session";
import { countFollowing, listFollowing } from "@/db/queries/following";
import { getOptions } from "@/db/queries/options";
import { BLOG } from "@/lib/federation/federation";
import { MAX_ACCOUNT_LENGTH } from "@/lib/federation/following";
import { formatWpDate, toSqlLocal } from "@/lib/dates";
import { Cell, ListTable, PrimaryCell } from "@/components/admin/list-table";
import { followAccountAction, unfollowAccountAction } from "./actions";

export const metadata: Metadata = { title: "Following" };

const PER_PAGE = 50;

function notice(sp: { message?: string; handle?: string; error?: string }): { text: string; ok: boolean } | undefined {
  if (sp.error) return { text: sp.error.slice(0, 300), ok: false };
  const who = sp.handle?.slice(0, 300) ?? "";
  if (sp.message === "sent") return { text: `Follow request sent to ${who}. It shows as Pending until their server accepts it.`, ok: true };
  if (sp.message === "already") return { text: `The blog already follows ${who}.`, ok: true };
  if (sp.message === "unfollowed") return { text: `Unfollowed ${who}; their server has been told.`, ok: true };
  if (sp.message === "not-found") return { text: "That account is not followed any more.", ok: false };
  return undefined;
}

export default async function Page({ searchParams }: { searchParams: Promise<{ message?: string; handle?: string; error?: string; account?: string; paged?: string }> }) {
  await requireCapability("manage_options");
  const sp = await searchParams;
  const page = Math.max(1, Math.floor(Number(sp.paged)) || 1);
  const [rows, total, opts] = await Promise.all([listFollowing(BLOG, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE }), countFollowing(BLOG), getOptions()]);
  const when = (ms: number) => formatWpDate(toSqlLocal(new Date(ms), opts.timezone_string), opts.date_format);
  const message = notice(sp);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return (
    <>
      <h1 className="text-2xl font-semibold">Following</h1>
      <p className="mt-2 text-sm text-gray-700">
        Accounts on Mastodon and other fediverse servers that the blog follows. Their posts arrive in the <Link href="/admin/reader/" className="text-[#2271b1]">Reader</Link>.
      </p>
      {message ? <p role={message.ok ? "status" : "alert"} className={`mt-4 border-l-4 bg-white p-3 text-sm ${message.ok ? "border-green-700" : "border-red-700 text-red-900"}`}>{message.text}</p> : null}
      <form action={followAccountAction} className="mt-4 flex max-w-xl flex-wrap items-end gap-2 text-sm">
        <div className="min-w-0 flex-1">
          <label htmlFor="account" className="block font-semibold">Follow an account</label>
          <input id="account" name="account" required maxLength={MAX_ACCOUNT_LENGTH} defaultValue={sp.account?.slice(0, MAX_ACCOUNT_LENGTH) ?? ""} placeholder="@someone@mastodon.social" aria-describedby="account-help" className="mt-1 w-full rounded border border-gray-400 px-2 py-1" />
          <p id="account-help" className="mt-1 text-xs text-gray-600">A handle (@someone@server) or a profile address (https://…).</p>
        </div>
        <button type="submit" className="mb-5 rounded bg-[#2271b1] px-3 py-1 text-white">Follow</button>
      </form>
      <ListTable label="Following" className="mt-3" columns={[{ key: "account", label: "Account", primary: true }, { key: "status", label: "Status" }, { key: "since", label: "Since" }]}>
        {rows.length === 0 ? (
          <tr><td colSpan={3} className="p-3 text-sm">The blog follows no one yet.</td></tr>
        ) : rows.map((f) => (
          <tr key={f.id}>
            <PrimaryCell rowLabel={f.handle}>
              <strong className="break-all">{f.name || f.handle}</strong>
              <div className="break-all text-xs"><a href={f.url ?? f.actorId} className="text-[#2271b1]" rel="nofollow noopener">{f.handle}</a></div>
              <form action={unfollowAccountAction} className="mt-1 text-xs">
                <input type="hidden" name="id" value={f.id} />
                <button type="submit" aria-label={`Unfollow ${f.handle}`} className="text-red-700 underline">Unfollow</button>
              </form>
            </PrimaryCell>
            <Cell name="Status">{f.status === "accepted" ? "Following" : "Pending"}</Cell>
            <Cell name="Since">{when(f.createdAt)}</Cell>
          </tr>
        ))}
      </ListTable>
      {pages > 1 ? (
        <nav aria-label="Following pages" className="mt-3 flex gap-3 text-sm">
          {page > 1 ? <Link href={`/admin/users/following/?paged=${page - 1}`} className="text-[#2271b1]">‹ Previous</Link> : null}
          <span>Page {page} of {pages}</span>
          {page < pages ? <Link href={`/admin/users/following/?paged=${page + 1}`} className="text-[#2271b1]">Next ›</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
