// Read-only: what happened to each trackback, pingback and webmention this post sent, and to
// each delivery of it to the fediverse's followers.
// The editor links here; anyone who may edit the post may look.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { canEditPost } from "@/lib/auth/capabilities";
import { getPostForPings } from "@/db/queries/pings";
import { titleText } from "@/lib/content/title";
import { PingResults } from "@/app/admin/pings/_components/ping-results";
import { FediverseDeliveries } from "@/app/admin/pings/_components/fediverse-deliveries";

export const metadata: Metadata = { title: "Pings" };

export default async function PingsPage({ params }: { params: Promise<{ postId: string }> }) {
  const user = await requireCapability("edit_posts");
  const { postId } = await params;
  if (!/^\d{1,12}$/.test(postId)) notFound();
  const post = await getPostForPings(Number(postId));
  if (!post) notFound();
  if (!canEditPost(user, post)) forbidden();
  const waiting = post.toPing.split(/\s+/).filter(Boolean);
  return (
    <>
      <h1 className="text-2xl font-semibold">Pings sent for “{titleText(post.title) || "(no title)"}”</h1>
      {waiting.length ? (
        <p className="mt-4 text-sm">
          Trackbacks still to send: {waiting.join(", ")}
        </p>
      ) : null}
      <PingResults postId={post.id} />
      {post.type === "post" ? <FediverseDeliveries postId={post.id} /> : null}
    </>
  );
}
