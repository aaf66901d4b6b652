// Each URL a post pinged and what came of it, on /admin/pings/<postId>/. The page checks access.
import { listPingsForPost } from "@/db/queries/pings";

const STATUS_LABEL = { queued: "Queued", sent: "Sent", failed: "Failed", "no-endpoint": "No endpoint" } as const;
const PROTOCOL_LABEL = { trackback: "TrackBack", pingback: "Pingback", webmention: "Webmention", none: "—" } as const;

export async function PingResults({ postId }: { postId: number }) {
  const rows = await listPingsForPost(postId);
  return (
    <>
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
