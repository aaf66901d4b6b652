"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { ImportStatus } from "../_lib/jobs";

const PHASE_TEXT: Record<ImportStatus["phase"], string> = {
  reading: "Reading the file…",
  mapping: "The file is read: assign its authors below.",
  writing: "Writing to the database…",
  media: "Downloading attachments from the old site…",
  done: "Import finished.",
  failed: "Import failed.",
};

const SITE_TEXT: Partial<Record<ImportStatus["phase"], string>> = {
  reading: "Reading the site…",
  mapping: "The site is read: assign its authors below.",
};

/** Follows a running import by polling the status route; shows what arrived at the end. */
export function ImportProgress({ initial }: { initial: ImportStatus }) {
  const [status, setStatus] = useState(initial);
  const router = useRouter();
  const running = status.phase === "reading" || status.phase === "writing" || status.phase === "media";

  // The author form is rendered by the server: fetch the page again once the file is read.
  useEffect(() => {
    if (status.phase === "mapping" && initial.phase !== "mapping") router.refresh();
  }, [status.phase, initial.phase, router]);

  useEffect(() => {
    if (!running) return;
    let stop = false;
    const poll = async () => {
      try {
        const res = await fetch(`/admin/tools/import/status/?job=${encodeURIComponent(status.id)}`, { cache: "no-store" });
        if (!stop && res.ok) setStatus((await res.json()) as ImportStatus);
      } catch {
        // The next poll tries again.
      }
    };
    const timer = setTimeout(() => void poll(), 400);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [running, status]);

  return <ImportStatusView status={status} />;
}

export function ImportStatusView({ status }: { status: ImportStatus }) {
  return (
    <section aria-labelledby="import-status" className="mt-4 max-w-2xl rounded border border-gray-300 bg-white p-4">
      <h2 id="import-status" className="font-semibold break-words">Importing {status.fileName}</h2>
      <p className="mt-2 text-sm" aria-live="polite">
        {(status.source === "site" && SITE_TEXT[status.phase]) || PHASE_TEXT[status.phase]} {status.phase === "media" && status.media?.total ? `${status.media.done} of ${status.media.total}, ` : null}
        {status.phase !== "failed" ? `${status.percent}%` : null}
      </p>
      <progress className="mt-2 h-3 w-full" max={100} value={status.phase === "failed" ? 0 : status.percent} aria-label="Import progress">
        {status.percent}%
      </progress>
      {status.error ? (
        <p role="status" className="mt-3 border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-900">
          {status.error} {status.report ? null : status.source === "site" ? "Nothing from the site was imported." : "Nothing from this file was imported."}
        </p>
      ) : null}
      {status.report ? <ImportReportView report={status.report} /> : null}
      {status.media && status.media.downloaded !== null ? <MediaReportView media={status.media} /> : null}
    </section>
  );
}

const LABELS: Record<string, string> = {
  users: "Users", categories: "Categories", tags: "Tags", posts: "Posts", pages: "Pages", attachments: "Attachments", comments: "Comments",
  menus: "Menus", "menu items": "Menu items",
};

function ImportReportView({ report }: { report: NonNullable<ImportStatus["report"]> }) {
  const kinds = Object.keys(LABELS).filter((k) => report.created[k] || report.unchanged[k]);
  return (
    <div className="mt-4 text-sm">
      <table className="w-full text-left">
        <caption className="text-left font-semibold">What arrived</caption>
        <thead>
          <tr><th scope="col">Kind</th><th scope="col">Imported</th><th scope="col">Already there</th></tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k}><th scope="row" className="font-normal">{LABELS[k]}</th><td>{report.created[k] ?? 0}</td><td>{report.unchanged[k] ?? 0}</td></tr>
          ))}
        </tbody>
      </table>
      {kinds.length === 0 ? <p>Nothing new: the file holds nothing Inkwell can import.</p> : null}
      {report.notes.length ? (
        <ul className="mt-2 list-disc pl-5">
          {report.notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      ) : null}
      {report.mappedUsers ? <p className="mt-2">{report.mappedUsers} author(s) matched to existing users.</p> : null}
      {report.created.users ? <p className="mt-2">New authors have no password yet: they sign in after resetting it.</p> : null}
      {report.skipped.length ? (
        <>
          <h3 className="mt-3 font-semibold">Skipped</h3>
          <ul className="list-disc pl-5">
            {report.skipped.map((s) => <li key={s.reason}>{s.count} {s.reason}</li>)}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function MediaReportView({ media }: { media: NonNullable<ImportStatus["media"]> }) {
  return (
    <div className="mt-4 text-sm">
      <h3 className="font-semibold">Attachments downloaded</h3>
      <p>{media.downloaded} downloaded into the media library{media.failed.length ? `, ${media.failed.length} failed` : ""}.</p>
      {media.failed.length ? (
        <ul className="mt-1 list-disc pl-5 break-words">
          {media.failed.map((f) => (
            <li key={f.url}><span className="font-mono text-xs">{f.url}</span>: {f.reason}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
