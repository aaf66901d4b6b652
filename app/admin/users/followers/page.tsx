import type { Metadata } from "next";
import Link from "next/link";
import { requireCapability } from "@/lib/session";
import { roleCan } from "@/lib/auth/capabilities";
import { getFediverseUser } from "@/db/queries/federation";
import { authorAccount } from "@/lib/federation/authors";
import { countFollowers, listFollowers, type FollowerStatus } from "@/db/queries/federation";
import { blogHandle } from "@/lib/federation/federation";
import { siteUrl } from "@/lib/site-url";
import { formatWpDate, toSqlLocal } from "@/lib/dates";
import { getOptions } from "@/db/queries/options";
import { Cell, ListTable, PrimaryCell } from "@/components/admin/list-table";
import { manageFollowerAction } from "./actions";
import { RecentDeliveries } from "./_components/recent-deliveries";

export const metadata: Metadata = { title: "Followers" };

const MESSAGES: Record<string, { text: string; ok: boolean }> = {
  approved: { text: "Follow request approved: they now follow the blog.", ok: true },
  rejected: { text: "Follow request rejected.", ok: true },
  removed: { text: "Follower removed; their server has been told.", ok: true },
  blocked: { text: "Blocked: they no longer follow the blog, and a new follow request from them will be refused.", ok: true },
  unblocked: { text: "Unblocked: they may follow the blog again.", ok: true },
  "not-found": { text: "That follower is not there any more.", ok: false },
  invalid: { text: "Choose a follower and an action.", ok: false },
};

const VIEWS: { status: FollowerStatus; label: string }[] = [
  { status: "accepted", label: "Followers" },
  { status: "pending", label: "Requests" },
  { status: "blocked", label: "Blocked" },
];
const PER_PAGE = 50;

const ACTIONS: Record<FollowerStatus, { action: string; label: string; danger?: boolean }[]> = {
  accepted: [{ action: "remove", label: "Remove" }, { action: "block", label: "Block", danger: true }],
  pending: [{ action: "approve", label: "Approve" }, { action: "reject", label: "Reject" }, { action: "block", label: "Block", danger: true }],
  blocked: [{ action: "unblock", label: "Unblock" }],
};

export default async function Page({ searchParams }: { searchParams: Promise<{ status?: string; message?: string; paged?: string; actor?: string }> }) {
  // The blog's followers to those who manage the site; an author's own to the author (as the plugin's Users → Followers).
  const me = await requireCapability("publish_posts");
  const sp = await searchParams;
  const manager = roleCan(me.role, "manage_options");
  const followed = manager && sp.actor !== "me" ? "blog" : String(me.id);
  const mine = followed !== "blog";
  const self = mine ? await getFediverseUser({ id: me.id }) : undefined;
  const q = (extra: string) => `/admin/users/followers/?${mine ? "actor=me&" : ""}${extra}`;
  const status = VIEWS.find((v) => v.status === sp.status)?.status ?? "accepted";
  const page = Math.max(1, Math.floor(Number(sp.paged)) || 1);
  const [rows, counts, handle, base, opts] = await Promise.all([
    listFollowers(status, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE, followed }),
    Promise.all(VIEWS.map((v) => countFollowers(v.status, followed))),
    blogHandle(),
    siteUrl(),
    getOptions(),
  ]);
  const when = (ms: number) => formatWpDate(toSqlLocal(new Date(ms), opts.timezone_string), opts.date_format);
  const message = sp.message ? MESSAGES[sp.message] : undefined;
  const total = counts[VIEWS.findIndex((v) => v.status === status)] ?? 0;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return (
    <>
      <h1 className="text-2xl font-semibold">Followers</h1>
      {manager ? (
        <ul className="mt-2 flex flex-wrap gap-2 text-sm" aria-label="Whose followers">
          <li><Link href="/admin/users/followers/" aria-current={!mine ? "page" : undefined} className={!mine ? "font-semibold" : "text-[#2271b1]"}>The blog</Link></li>
          <li>| <Link href="/admin/users/followers/?actor=me" aria-current={mine ? "page" : undefined} className={mine ? "font-semibold" : "text-[#2271b1]"}>Yours</Link></li>
        </ul>
      ) : null}
      {mine ? (
        <p className="mt-2 text-sm text-gray-700">
          {self?.fediverse ? <>People on Mastodon and other fediverse servers follow you as <strong className="break-all">@{await authorAccount(self.nicename)}</strong>. </> : <>Your fediverse profile is off. </>}
          <Link href="/admin/profile/#fediverse" className="text-[#2271b1]">Fediverse profile: Profile</Link>.
        </p>
      ) : (
        <p className="mt-2 text-sm text-gray-700">
          People on Mastodon and other fediverse servers follow the blog as <strong className="break-all">@{handle}@{new URL(base).host}</strong>.{" "}
          <Link href="/admin/settings/discussion/" className="text-[#2271b1]">Handle and approval: Settings → Discussion</Link>.
        </p>
      )}
      {message ? <p role="status" className={`mt-4 border-l-4 bg-white p-3 text-sm ${message.ok ? "border-green-700" : "border-red-700 text-red-900"}`}>{message.text}</p> : null}
      <ul className="mt-4 flex flex-wrap gap-2 text-sm" aria-label="Filter followers">
        {VIEWS.map((v, i) => (
          <li key={v.status}>
            {i ? "| " : ""}
            <Link href={q(`status=${v.status}`)} aria-current={status === v.status ? "page" : undefined} className={status === v.status ? "font-semibold" : "text-[#2271b1]"}>{v.label} ({counts[i]})</Link>
          </li>
        ))}
      </ul>
      <ListTable label={VIEWS.find((v) => v.status === status)!.label} className="mt-3" columns={[
        { key: "follower", label: "Follower", primary: true }, { key: "server", label: "Server" }, { key: "since", label: status === "pending" ? "Asked" : "Since" },
      ]}>
        {rows.length === 0 ? (
          <tr><td colSpan={3} className="p-3 text-sm">{status === "accepted" ? "No followers yet." : status === "pending" ? "No follow requests are waiting." : "No one is blocked."}</td></tr>
        ) : rows.map((f) => (
          <tr key={f.id}>
            <PrimaryCell rowLabel={f.handle}>
              <strong className="break-all">{f.name || f.handle}</strong>
              <div className="break-all text-xs"><a href={f.url ?? f.actorId} className="text-[#2271b1]" rel="nofollow noopener">{f.handle}</a></div>
              <div className="mt-1 flex flex-wrap gap-2 text-xs">
                {ACTIONS[f.status].map((a) => (
                  <form key={a.action} action={manageFollowerAction}>
                    <input type="hidden" name="id" value={f.id} />
                    <input type="hidden" name="view" value={status} />
                    {mine ? <input type="hidden" name="actor" value="me" /> : null}
                    <button type="submit" name="action" value={a.action} aria-label={`${a.label} ${f.handle}`} className={a.danger ? "text-red-700 underline" : "text-[#2271b1] underline"}>{a.label}</button>
                  </form>
                ))}
              </div>
            </PrimaryCell>
            <Cell name="Server"><span className="break-all">{f.server}</span></Cell>
            <Cell name={status === "pending" ? "Asked" : "Since"}>{when(f.createdAt)}</Cell>
          </tr>
        ))}
      </ListTable>
      {pages > 1 ? (
        <nav aria-label="Follower pages" className="mt-3 flex gap-3 text-sm">
          {page > 1 ? <Link href={q(`status=${status}&paged=${page - 1}`)} className="text-[#2271b1]">‹ Previous</Link> : null}
          <span>Page {page} of {pages}</span>
          {page < pages ? <Link href={q(`status=${status}&paged=${page + 1}`)} className="text-[#2271b1]">Next ›</Link> : null}
        </nav>
      ) : null}
      {status === "accepted" && !mine ? <RecentDeliveries /> : null}
    </>
  );
}
