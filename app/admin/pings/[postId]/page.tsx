// Read-only: what happened to each trackback, pingback and webmention this post sent.
// The editor links here; anyone who may edit the post may look.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { canEditPost } from "@/lib/auth/capabilities";
import { getPostForPings, listPingsForPost } from "@/db/queries/pings";

export const metadata: Metadata = { title: "Pings" };

const STATUS_LABEL = { queued: "Queued", sent: "Sent", failed: "Failed", "no-endpoint": "No endpoint" } as const;
const PROTOCOL_LABEL = { trackback: "TrackBack", pingback: "Pingback", webmention: "Webmention", none: "—" } as const;

export default async function PingsPage({ params }: { params: Promise<{ postId: string }> }) {
  const user = await requireCapability("edit_posts");
  const { postId } = await params;
  if (!/^\d{1,12}$/.test(postId)) notFound();
  const post = getPostForPings(Number(postId));
  if (!post) notFound();
  if (!canEditPost(user, post)) forbidden();
  const rows = listPingsForPost(post.id);
  const waiting = post.toPing.split(/\s+/).filter(Boolean);
  return (
    <>
      <h1 className="text-2xl font-semibold">Pings sent for “{post.title || "(no title)"}”</h1>
      {waiting.length ? (
        <p className="mt-4 text-sm">
          Trackbacks still to send: {waiting.join(", ")}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="mt-4">No pings sent yet. Pings go out in the background shortly after the post is published or updated.</p>
      ) : (
        <table className="mt-4 w-full border-collapse bg-white text-sm">
          <caption className="sr-only">Ping results</caption>
          <thead>
            <tr className="border-b text-left">
              <th scope="col" className="p-2">URL</th>
              <th scope="col" className="p-2">Protocol</th>
              <th scope="col" className="p-2">Result</th>
              <th scope="col" className="p-2">Details</th>
              <th scope="col" className="p-2">Updated (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b align-top">
                <td className="p-2 break-all">{r.url}</td>
                <td className="p-2">{PROTOCOL_LABEL[r.protocol]}</td>
                <td className="p-2">{STATUS_LABEL[r.status]}</td>
                <td className="p-2">{r.message}</td>
                <td className="p-2 whitespace-nowrap">{r.updatedGmt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
