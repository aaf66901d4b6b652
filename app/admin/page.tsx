import Link from "next/link";
import { requireCapability } from "@/lib/session";
import { getAtAGlance, listLatestComments, listRecentDrafts, listRecentlyPublished, listScheduled } from "@/db/queries/dashboard";
import { getOptions } from "@/db/queries/options";
import { roleCan } from "@/lib/auth/capabilities";
import { postUrl } from "@/lib/content/post-view";
import { formatWpDate, parseSqlGmt, toSqlLocal } from "@/lib/dates";
import { activityDate } from "@/lib/admin/list-dates";
import { QuickDraftForm } from "./_components/quick-draft-form";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " ", "&amp;": "&" };
/** Plain text of stored HTML (React escapes it again when rendering). */
const excerpt = (html: string, words = 12) => {
  const text = html
    .replace(/<[^<>]*>/g, " ")
    .replace(/&(lt|gt|quot|#39|nbsp|amp);/g, (m) => ENTITIES[m]!)
    .replace(/\s+/g, " ")
    .trim()
    .split(" ");
  return text.slice(0, words).join(" ") + (text.length > words ? "…" : "");
};
const box = "rounded border border-gray-300 bg-white p-4";
import { CommentNotificationsPanel } from "@/app/admin/_components/notifications-panel";
import { titleText } from "@/lib/content/title";

export default async function DashboardPage() {
  const user = await requireCapability("read");
  const opts = await getOptions();
  const glance = await getAtAGlance();
  const canWrite = roleCan(user.role, "edit_posts");
  const canModerate = roleCan(user.role, "moderate_comments");
  const today = toSqlLocal(new Date(), opts.timezone_string);
  const when = (local: string) => activityDate(local, today, opts.time_format);
  const commentWhen = (gmt: string) => when(toSqlLocal(parseSqlGmt(gmt), opts.timezone_string));
  const published = canWrite ? await listRecentlyPublished(5) : [];
  const scheduled = canWrite ? await listScheduled(5) : [];
  const comments = canWrite ? await listLatestComments(5, canModerate) : [];
  const drafts = canWrite ? await listRecentDrafts(user.id, 3) : [];
  return (
    <>
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <section aria-labelledby="glance" className={box}>
            <h2 id="glance" className="font-semibold">At a Glance</h2>
            <ul className="mt-2 grid grid-cols-2 gap-1 text-sm">
              <li>{plural(glance.posts, "Post", "Posts")}</li>
              <li>{plural(glance.pages, "Page", "Pages")}</li>
              <li>{plural(glance.comments, "Comment", "Comments")}</li>
              {canModerate ? <li><Link href="/admin/comments/?comment_status=moderated" className="text-[#2271b1]">{glance.pending} in moderation</Link></li> : null}
            </ul>
          </section>
          {canWrite ? (
            <section aria-labelledby="activity" className={box}>
              <h2 id="activity" className="font-semibold">Activity</h2>
              {scheduled.length ? (
                <>
                  <h3 className="mt-3 text-sm font-semibold">Publishing Soon</h3>
                  <ul className="text-sm">
                    {scheduled.map((p) => <li key={p.id}><span className="inline-block w-44 text-gray-600">{when(p.date)}</span> {titleText(p.title) || "(no title)"}</li>)}
                  </ul>
                </>
              ) : null}
              <h3 className="mt-3 text-sm font-semibold">Recently Published</h3>
              {published.length ? (
                <ul className="text-sm">
                  {published.map((p) => <li key={p.id}><span className="inline-block w-44 text-gray-600">{when(p.date)}</span> <Link href={postUrl(p, opts)} className="text-[#2271b1]">{titleText(p.title) || "(no title)"}</Link></li>)}
                </ul>
              ) : <p className="text-sm">No posts published yet.</p>}
              <h3 className="mt-3 text-sm font-semibold">Recent Comments</h3>
              {comments.length ? (
                <ul className="space-y-2 text-sm">
                  {comments.map((c) => (
                    <li key={c.id} className={c.status === "0" ? "border-l-4 border-amber-500 pl-2" : "pl-3"}>
                      From {c.authorName || "Anonymous"} on {titleText(c.postTitle) || "(no title)"} <span className="text-gray-600">· {commentWhen(c.dateGmt)}</span>
                      {c.status === "0" ? <span className="ml-1 text-amber-800">[Pending]</span> : null}
                      <p className="text-gray-700">{excerpt(c.content)}</p>
                      {canModerate ? (
                        <Link href={`/admin/comments/?comment_status=${c.status === "0" ? "moderated" : "approved"}#comment-${c.id}`} className="text-[#2271b1]">
                          {c.status === "0" ? "Moderate" : "Manage"}<span className="sr-only"> the comment from {c.authorName || "Anonymous"}</span>
                        </Link>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : <p className="text-sm">No comments yet.</p>}
              {canModerate ? (
                <p className="mt-3 text-sm">
                  <Link href="/admin/comments/" className="text-[#2271b1]">All</Link> | <Link href="/admin/comments/?comment_status=moderated" className="text-[#2271b1]">Pending ({glance.pending})</Link> | <Link href="/admin/comments/?comment_status=approved" className="text-[#2271b1]">Approved</Link>
                </p>
              ) : null}
            </section>
          ) : null}
        </div>
        {canWrite ? (
          <section aria-labelledby="quick-draft" className={`${box} self-start`}>
            <h2 id="quick-draft" className="font-semibold">Quick Draft</h2>
            <QuickDraftForm />
            {drafts.length ? (
              <>
                <h3 className="mt-4 text-sm font-semibold">Your Recent Drafts <Link href="/admin/posts/?post_status=draft" className="font-normal text-[#2271b1]">View all drafts</Link></h3>
                <ul className="text-sm">
                  {drafts.map((d) => <li key={d.id}><strong>{titleText(d.title) || "(no title)"}</strong> <span className="text-gray-600">{formatWpDate(d.date, opts.date_format)}</span><p className="text-gray-700">{excerpt(d.content)}</p></li>)}
                </ul>
              </>
            ) : null}
          </section>
        ) : null}
      </div>
      <div className="mt-6 max-w-3xl">
        <CommentNotificationsPanel userId={user.id} />
      </div>
    </>
  );
}
