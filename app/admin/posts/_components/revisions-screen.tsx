// A post's revisions: the list, a side-by-side diff of one revision against the current text,
// and Restore This Revision (a plain form).
import { titleText } from "@/lib/content/title";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import type { CurrentUser } from "@/lib/session";
import { canEditPost } from "@/lib/auth/capabilities";
import { getPostForEdit } from "@/db/queries/post-editor";
import { listRevisions } from "@/db/queries/revisions";
import { htmlToLines, sideBySide, type DiffCell } from "@/lib/posts/diff";
import { restoreRevisionAction } from "../actions";

const cellClass: Record<DiffCell["kind"], string> = {
  same: "",
  removed: "bg-red-100",
  added: "bg-green-100",
  empty: "bg-gray-50",
};

export async function RevisionsScreen({ user, type, id, revisionId }: { user: CurrentUser; type: "post" | "page"; id: number; revisionId?: number }) {
  const loaded = await getPostForEdit(id);
  if (!loaded || loaded.post.type !== type) notFound();
  if (!canEditPost(user, loaded.post)) forbidden();
  const post = loaded.post;
  const revs = await listRevisions(id);
  const selected = revs.find((r) => r.id === revisionId) ?? revs.find((r) => r.content !== post.content || r.title !== post.title) ?? revs[0];
  const base = type === "page" ? "/admin/pages/" : "/admin/posts/";
  const rows = selected
    ? sideBySide(`${selected.title}\n${htmlToLines(selected.content)}\n${selected.excerpt}`, `${post.title}\n${htmlToLines(post.content)}\n${post.excerpt}`)
    : [];
  return (
    <>
      <h1 className="text-2xl font-semibold">Compare Revisions of “{titleText(post.title) || "(no title)"}”</h1>
      <p className="mt-2"><Link className="underline" href={`${base}${id}/`}>← Go to editor</Link></p>
      <div className="mt-4 grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <nav aria-label="Revisions">
          <ol className="space-y-1 text-sm">
            {revs.map((r) => (
              <li key={r.id}>
                <Link href={`${base}${id}/revisions/?revision=${r.id}`} aria-current={selected?.id === r.id ? "true" : undefined}
                  className={`block rounded px-2 py-1 ${selected?.id === r.id ? "bg-[#2271b1] text-white" : "bg-white underline"}`}>
                  {r.kind === "autosave" ? "Autosave" : "Revision"} by {r.authorName ?? "a deleted user"}, {r.createdGmt} UTC
                </Link>
              </li>
            ))}
          </ol>
        </nav>
        {selected ? (
          <section aria-label="Differences" className="min-w-0">
            <form action={restoreRevisionAction} className="mb-3">
              <input type="hidden" name="postId" value={id} />
              <input type="hidden" name="revisionId" value={selected.id} />
              <input type="hidden" name="type" value={type} />
              <button type="submit" className="rounded bg-[#2271b1] px-3 py-1 font-semibold text-white">Restore This Revision</button>
            </form>
            <table className="w-full table-fixed border-collapse bg-white font-mono text-xs">
              <thead>
                <tr><th scope="col" className="border p-1 text-left">Revision ({selected.createdGmt} UTC)</th><th scope="col" className="border p-1 text-left">Current</th></tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>
                    <td className={`whitespace-pre-wrap break-words border p-1 align-top ${cellClass[r.left.kind]}`}>{r.left.kind === "removed" ? <del className="no-underline">{r.left.text}</del> : r.left.text}</td>
                    <td className={`whitespace-pre-wrap break-words border p-1 align-top ${cellClass[r.right.kind]}`}>{r.right.kind === "added" ? <ins className="no-underline">{r.right.text}</ins> : r.right.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : <p>No revisions yet.</p>}
      </div>
    </>
  );
}
