// Under the followers: the posts most recently sent to them, with how their deliveries went; each
// links to the post's own results (/admin/pings/<id>/). The page checks access (manage_options).
import Link from "next/link";
import { listPostsWithDeliveries } from "@/db/queries/federation";
import { titleText } from "@/lib/content/title";
import { ResultsTable, type ResultColumn } from "@/components/admin/results-table";

const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

type SentPost = Awaited<ReturnType<typeof listPostsWithDeliveries>>[number];
const COLUMNS: ResultColumn<SentPost>[] = [
  { label: "Post", cell: (r) => <Link href={`/admin/pings/${r.postId}/`} className="text-[#2271b1] underline">{titleText(r.title) || "(no title)"}</Link> },
  { label: "Delivered", cell: (r) => r.delivered },
  { label: "Failed", cell: (r) => r.failed },
  { label: "Paused", cell: (r) => r.paused },
  { label: "Last (UTC)", cell: (r) => utc(r.lastAt), className: "whitespace-nowrap" },
];

export async function RecentDeliveries() {
  const rows = await listPostsWithDeliveries(10);
  if (!rows.length) return null;
  return (
    <section aria-labelledby="recent-deliveries" className="mt-8">
      <h2 id="recent-deliveries" className="text-xl font-semibold">Posts sent to followers</h2>
      <ResultsTable caption="Posts sent to followers" columns={COLUMNS} rows={rows} rowKey={(r) => r.postId} />
    </section>
  );
}
