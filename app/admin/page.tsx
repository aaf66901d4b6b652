import { requireCapability } from "@/lib/session";
import { getAtAGlance } from "@/db/queries/dashboard";
import { roleCan } from "@/lib/auth/capabilities";
import { CommentNotificationsPanel } from "@/components/comments/notifications-panel";

export default async function DashboardPage() {
  const user = await requireCapability("read");
  const glance = getAtAGlance();
  return (
    <>
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <section aria-labelledby="glance" className="mt-6 max-w-md rounded border border-gray-300 bg-white p-4">
        <h2 id="glance" className="font-semibold">At a Glance</h2>
        <ul className="mt-2 grid grid-cols-2 gap-1 text-sm">
          <li>{glance.posts} {glance.posts === 1 ? "Post" : "Posts"}</li>
          <li>{glance.pages} {glance.pages === 1 ? "Page" : "Pages"}</li>
          <li>{glance.comments} {glance.comments === 1 ? "Comment" : "Comments"}</li>
          {roleCan(user.role, "moderate_comments") ? <li>{glance.pending} in moderation</li> : null}
        </ul>
      </section>
      <CommentNotificationsPanel userId={user.id} />
    </>
  );
}
