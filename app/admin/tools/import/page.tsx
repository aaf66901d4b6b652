import type { Metadata } from "next";
import Link from "next/link";
import { requireCapability } from "@/lib/session";
import { getImportJob, importStatus } from "./_lib/jobs";
import { ImportProgress } from "./_components/import-progress";
import { AuthorMapping } from "./_components/author-mapping";
import { SiteImportForm } from "./_components/site-import-form";
import { listUsersForAuthorMapping } from "@/db/queries/wxr-import";
import { countPendingImportedMedia } from "@/lib/wxr/media-download";

export const metadata: Metadata = { title: "Import" };

type Props = { searchParams: Promise<{ job?: string; error?: string; site_error?: string; address?: string }> };

export default async function ImportPage({ searchParams }: Props) {
  const user = await requireCapability("import");
  const { job: jobId, error, site_error: siteError, address } = await searchParams;
  const job = jobId ? await getImportJob(jobId) : undefined;
  const status = job && job.userId === user.id ? importStatus(job) : null;
  const running = status && (status.phase === "reading" || status.phase === "writing" || status.phase === "media");
  const pending = running ? 0 : await countPendingImportedMedia();
  return (
    <>
      <h1 className="text-2xl font-semibold">Import WordPress</h1>
      {running ? (
        // Without JavaScript the page refreshes itself until the import ends.
        <noscript><meta httpEquiv="refresh" content="2" /></noscript>
      ) : null}
      {status && error ? <p role="status" className="mt-4 max-w-2xl border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-900">{error}</p> : null}
      {status && job?.mapping ? (
        <>
          <ImportProgress key={status.phase} initial={status} />
          <AuthorMapping jobId={job.id} authors={job.mapping.authors} users={await listUsersForAuthorMapping()} />
        </>
      ) : status ? (
        <>
          <ImportProgress key={status.phase} initial={status} />
          {!running ? <p className="mt-4"><Link className="text-[#2271b1] underline" href="/admin/tools/import/">{job?.source === "site" ? "Import something else" : "Import another file"}</Link></p> : null}
          {pending ? <RetryMedia pending={pending} /> : null}
        </>
      ) : (
        <>
          {jobId ? <p role="status" className="mt-4 border-l-4 border-amber-500 bg-amber-50 p-3 text-sm">That import is no longer known (it ended over an hour ago).</p> : null}
          <h2 id="import-file-heading" className="mt-4 text-xl font-semibold">From an export file</h2>
          <p className="mt-2 max-w-2xl text-sm">
            Upload a WordPress eXtended RSS (WXR) file, made in WordPress with Tools → Export. Posts, pages, comments, categories, tags and authors
            are imported, and the attachments (images and other files) are downloaded from the old site into the media library, with
            every address of them in your posts pointed at the copy here. Once the file is read, you
            assign its authors to existing users or let them be created. Importing the same file again adds nothing. If the file is
            broken anywhere, nothing of it is imported.
          </p>
          {error ? <p id="import-error" role="status" className="mt-4 max-w-2xl border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-900">{error}</p> : null}
          <form method="post" action="/admin/tools/import/start/" encType="multipart/form-data" aria-labelledby="import-file-heading" className="mt-4 max-w-2xl space-y-4 rounded border border-gray-300 bg-white p-4">
            <div>
              <label htmlFor="file" className="block text-sm font-medium">WXR file (.xml)</label>
              <input id="file" name="file" type="file" accept=".xml,application/xml,text/xml" required aria-describedby={error ? "import-error" : undefined} className="mt-1 block" />
            </div>
            <div className="flex items-start gap-2">
              <input id="download_media" name="download_media" type="checkbox" value="1" defaultChecked className="mt-1" aria-describedby="download_media-help" />
              <div>
                <label htmlFor="download_media" className="text-sm font-medium">Download and import file attachments</label>
                <p id="download_media-help" className="text-sm text-gray-600">Without this, images keep pointing at the old site and break when it goes away.</p>
              </div>
            </div>
            <button type="submit" className="rounded bg-[#2271b1] px-4 py-2 font-semibold text-white">Upload file and import</button>
          </form>
          <SiteImportForm error={siteError} address={address} />
          {pending ? <RetryMedia pending={pending} /> : null}
        </>
      )}
    </>
  );
}

function RetryMedia({ pending }: { pending: number }) {
  return (
    <form method="post" action="/admin/tools/import/media/" className="mt-4 max-w-2xl rounded border border-amber-500 bg-amber-50 p-4 text-sm">
      <p>{pending === 1 ? "1 imported attachment is" : `${pending} imported attachments are`} still only on the old site.</p>
      <button type="submit" className="mt-2 rounded bg-[#2271b1] px-4 py-2 font-semibold text-white">Retry downloading attachments</button>
    </form>
  );
}
