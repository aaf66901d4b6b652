// Under the followers: the posts most recently sent to them, with how their deliveries went; each
// links to the post's own results (/admin/pings/<id>/). The page checks access (manage_options).
import Link from "next/link";
import { listPostsWithDeliveries } from "@/db/queries/federation";

const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

export async function RecentDeliveries() {
  const rows = await listPostsWithDeliveries(10);
  if (!rows.length) return null;
  return (
    <section aria-labelledby="recent-deliveries" className="mt-8">
      <h2 id="recent-deliveries" className="text-xl font-semibold">Posts sent to followers</h2>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b text-left">
              <th scope="col" className="p-2">Post</th>
              <th scope="col" className="p-2">Delivered</th>
              <th scope="col" className="p-2">Failed</th>
              <th scope="col" className="p-2">Paused</th>
              <th scope="col" className="p-2">Last (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.postId} className="border-b align-top">
                <td className="p-2"><Link href={`/admin/pings/${r.postId}/`} className="text-[#2271b1] underline">{r.title || "(no title)"}</Link></td>
                <td className="p-2">{r.delivered}</td>
                <td className="p-2">{r.failed}</td>
                <td className="p-2">{r.paused}</td>
                <td className="p-2 whitespace-nowrap">{utc(r.lastAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
