// Where this post's Create, Update and Delete went in the fediverse, and what came of each, on
// /admin/pings/<postId>/ below its pings. The page checks access.
import { listDeliveriesByPost } from "@/db/queries/federation";

const STATUS_LABEL = { queued: "Queued", delivered: "Delivered", failed: "Failed", paused: "Paused" } as const;
const ACTIVITY_LABEL: Record<string, string> = { Create: "Published", Update: "Updated", Delete: "Deleted" };

const utc = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

export async function FediverseDeliveries({ postId }: { postId: number }) {
  const rows = await listDeliveriesByPost(postId);
  return (
    <section aria-labelledby="fediverse-deliveries" className="mt-8">
      <h2 id="fediverse-deliveries" className="text-xl font-semibold">Fediverse deliveries</h2>
      {rows.length === 0 ? (
        <p className="mt-4">Nothing delivered yet. A public post goes to the blog’s followers (Users → Followers) in the background shortly after it is published, updated or trashed.</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">Fediverse delivery results</caption>
            <thead>
              <tr className="border-b text-left">
                <th scope="col" className="p-2">Server</th>
                <th scope="col" className="p-2">Activity</th>
                <th scope="col" className="p-2">Result</th>
                <th scope="col" className="p-2">Tries</th>
                <th scope="col" className="p-2">Details</th>
                <th scope="col" className="p-2">Updated (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b align-top">
                  <td className="p-2 break-all">
                    {r.host}
                    <span className="block text-xs text-[#646970]">{r.inbox}</span>
                  </td>
                  <td className="p-2">{ACTIVITY_LABEL[r.activityType] ?? r.activityType}</td>
                  <td className="p-2">{STATUS_LABEL[r.status]}</td>
                  <td className="p-2">{r.attempts}</td>
                  <td className="p-2 break-words">{r.error}</td>
                  <td className="p-2 whitespace-nowrap">{utc(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
