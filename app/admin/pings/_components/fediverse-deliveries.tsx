// Where this post's Create, Update and Delete went in the fediverse, and what came of each, on
// /admin/pings/<postId>/ below its pings. The page checks access.
import { listDeliveriesByPost } from "@/db/queries/federation";
import { ResultsTable, type ResultColumn } from "@/components/admin/results-table";

const STATUS_LABEL = { queued: "Queued", delivered: "Delivered", failed: "Failed", paused: "Paused" } as const;
const ACTIVITY_LABEL: Record<string, string> = { Create: "Published", Update: "Updated", Delete: "Deleted" };

const utc = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

type Delivery = Awaited<ReturnType<typeof listDeliveriesByPost>>[number];
const COLUMNS: ResultColumn<Delivery>[] = [
  {
    label: "Server",
    cell: (r) => (
      <>
        {r.host}
        <span className="block text-xs text-[#646970]">{r.inbox}</span>
      </>
    ),
    className: "break-all",
  },
  { label: "Activity", cell: (r) => ACTIVITY_LABEL[r.activityType] ?? r.activityType },
  { label: "Result", cell: (r) => STATUS_LABEL[r.status] },
  { label: "Tries", cell: (r) => r.attempts },
  { label: "Details", cell: (r) => r.error, className: "break-words" },
  { label: "Updated (UTC)", cell: (r) => utc(r.updatedAt), className: "whitespace-nowrap" },
];

export async function FediverseDeliveries({ postId }: { postId: number }) {
  const rows = await listDeliveriesByPost(postId);
  return (
    <section aria-labelledby="fediverse-deliveries" className="mt-8">
      <h2 id="fediverse-deliveries" className="text-xl font-semibold">Fediverse deliveries</h2>
      {rows.length === 0 ? (
        <p className="mt-4">Nothing delivered yet. A public post goes to the blog’s followers (Users → Followers) in the background shortly after it is published, updated or trashed.</p>
      ) : (
        <ResultsTable caption="Fediverse delivery results" columns={COLUMNS} rows={rows} rowKey={(r) => r.id} />
      )}
    </section>
  );
}
