// The dashboard's list of what happened in the discussion: new comments on the user's posts and
// comments waiting for them, newest first (rows written with each comment, see lib/comments/notify.ts).
import Link from "next/link";
import { listNotifications } from "@/db/queries/comment-notifications";

export async function CommentNotificationsPanel({ userId }: { userId: number }) {
  const items = await listNotifications(userId, { limit: 5 });
  return (
    <section aria-labelledby="discussion-activity" className="mt-6 max-w-md rounded border border-gray-300 bg-white p-4">
      <h2 id="discussion-activity" className="font-semibold">Discussion</h2>
      {items.length ? (
        <ul className="mt-2 space-y-1 text-sm">
          {items.map((n) => (
            <li key={n.id}>
              <Link href={n.link || "/admin/comments/"} className="text-[#2271b1] underline">{n.message}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-gray-600">No comments to tell you about yet.</p>
      )}
    </section>
  );
}
