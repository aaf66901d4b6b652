// Each URL a post pinged and what came of it, on /admin/pings/<postId>/. The page checks access.
import { listPingsForPost } from "@/db/queries/pings";
import { ResultsTable, type ResultColumn } from "@/components/admin/results-table";

const STATUS_LABEL = { queued: "Queued", sent: "Sent", failed: "Failed", "no-endpoint": "No endpoint" } as const;
const PROTOCOL_LABEL = { trackback: "TrackBack", pingback: "Pingback", webmention: "Webmention", none: "—" } as const;

type Ping = Awaited<ReturnType<typeof listPingsForPost>>[number];
const COLUMNS: ResultColumn<Ping>[] = [
  { label: "URL", cell: (r) => r.url, className: "break-all" },
  { label: "Protocol", cell: (r) => PROTOCOL_LABEL[r.protocol] },
  { label: "Result", cell: (r) => STATUS_LABEL[r.status] },
  { label: "Details", cell: (r) => r.message },
  { label: "Updated (UTC)", cell: (r) => r.updatedGmt, className: "whitespace-nowrap" },
];

export async function PingResults({ postId }: { postId: number }) {
  const rows = await listPingsForPost(postId);
  return rows.length === 0 ? (
    <p className="mt-4">No pings sent yet. Pings go out in the background shortly after the post is published or updated.</p>
  ) : (
    <ResultsTable caption="Ping results" columns={COLUMNS} rows={rows} rowKey={(r) => r.id} />
  );
}
