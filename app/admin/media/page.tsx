import type { Metadata } from "next";
import Link from "next/link";
import { requireCapability } from "@/lib/session";
import { getOptions } from "@/db/queries/options";
import { countMedia, listMedia } from "@/db/queries/media";
import { uploadUrl } from "@/lib/media/paths";
import { parseSizes } from "@/lib/media/view";
import { allowedExtraTypes, formatBytes, RASTER_IMAGE_TYPES } from "@/lib/media/process";
import { Cell, ListTable, PrimaryCell } from "@/components/admin/list-table";
import { formatWpDate, parseSqlGmt, toSqlLocal } from "@/lib/dates";
import { Uploader } from "./_components/uploader";
import { titleText } from "@/lib/content/title";

export const metadata: Metadata = { title: "Media Library" };

const PER_PAGE = 40;
const MESSAGES: Record<string, string> = { deleted: "Media file permanently deleted." };
const UPLOAD_ERRORS: Record<string, string> = {
  "too-large": "The upload failed: the file is larger than the limit.",
  type: "The upload failed: files of this type are not allowed (the type is read from the content).",
  invalid: "The upload failed: choose a valid file.",
  forbidden: "Sorry, you are not allowed to upload files.",
};

export default async function Page({ searchParams }: { searchParams: Promise<{ mode?: string; paged?: string; s?: string; message?: string; upload_error?: string; uploaded?: string }> }) {
  await requireCapability("upload_files");
  const sp = await searchParams;
  const mode = sp.mode === "list" ? "list" : "grid";
  const search = (sp.s ?? "").trim().slice(0, 100) || undefined;
  const total = await countMedia(search);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const page = Math.min(pages, Math.max(1, Number(sp.paged) || 1));
  const items = await listMedia({ page, perPage: PER_PAGE, search });
  const opts = await getOptions();
  const accept = [...Object.keys(RASTER_IMAGE_TYPES), ...allowedExtraTypes(opts.upload_extra_types)].join(",");
  const href = (over: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    const all = { mode, s: search, paged: page, ...over };
    for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== "" && !(k === "paged" && v === 1) && !(k === "mode" && v === "grid")) q.set(k, String(v));
    const qs = q.toString();
    return `/admin/media/${qs ? `?${qs}` : ""}`;
  };
  const notice = sp.message ? MESSAGES[sp.message] : sp.upload_error ? UPLOAD_ERRORS[sp.upload_error] : sp.uploaded ? "File uploaded." : undefined;
  return (
    <>
      <h1 className="text-2xl font-semibold">Media Library</h1>
      {notice ? <p role="status" className="mt-4 border-l-4 border-[#2271b1] bg-white p-3 text-sm">{notice}</p> : null}
      <Uploader maxBytes={opts.upload_max_bytes} maxLabel={formatBytes(opts.upload_max_bytes)} accept={accept} />
      <div className="mt-6 flex flex-wrap items-center gap-3 text-sm">
        <nav aria-label="View mode" className="flex gap-2">
          <Link href={href({ mode: "grid", paged: 1 })} aria-current={mode === "grid" ? "page" : undefined} className={mode === "grid" ? "font-semibold" : "text-[#2271b1]"}>Grid</Link>
          <Link href={href({ mode: "list", paged: 1 })} aria-current={mode === "list" ? "page" : undefined} className={mode === "list" ? "font-semibold" : "text-[#2271b1]"}>List</Link>
        </nav>
        <form className="ml-auto flex gap-1" action="/admin/media/">
          {mode === "list" ? <input type="hidden" name="mode" value="list" /> : null}
          <label htmlFor="media-search" className="sr-only">Search media</label>
          <input id="media-search" name="s" type="search" defaultValue={search} className="rounded border border-gray-400 px-2 py-1" />
          <button type="submit" className="rounded border border-gray-400 px-2">Search Media</button>
        </form>
      </div>
      {items.length === 0 ? <p className="mt-4">No media files found.</p> : mode === "grid" ? (
        <ul className="mt-4 grid grid-cols-[repeat(auto-fill,minmax(150px,1fr))] gap-3" aria-label="Media items">
          {items.map((m) => {
            const sizes = parseSizes(m.sizes);
            const thumb = sizes.thumbnail?.path ?? m.path;
            return (
              <li key={m.id}>
                <Link href={`/admin/media/${m.id}/`} className="block aspect-square overflow-hidden rounded border border-gray-300 bg-white" title={m.title || m.fileName}>
                  {m.mimeType.startsWith("image/") && m.path ? (
                    // eslint-disable-next-line @next/next/no-img-element -- our own files, already sized
                    <img src={uploadUrl(thumb)} alt={m.alt || m.title || m.fileName} className="h-full w-full object-cover" loading="lazy" />
                  ) : (
                    <span className="flex h-full items-center justify-center p-2 text-center text-sm">{m.fileName}</span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      ) : (
        <ListTable label="Media items" className="mt-4" columns={[
          { key: "title", label: "File", primary: true }, { key: "author", label: "Author" }, { key: "parent", label: "Uploaded to" }, { key: "date", label: "Date" },
        ]}>
          {items.map((m) => (
            <tr key={m.id}>
              <PrimaryCell rowLabel={m.title || m.fileName}><Link href={`/admin/media/${m.id}/`} className="font-semibold text-[#2271b1]">{m.title || m.fileName}</Link><div className="text-xs text-gray-600">{m.fileName} · {formatBytes(m.size)}{m.width ? ` · ${m.width} × ${m.height}` : ""}</div></PrimaryCell>
              <Cell name="Author">{m.authorName ?? "—"}</Cell>
              <Cell name="Uploaded to">{m.postId ? (titleText(m.postTitle ?? "") || `#${m.postId}`) : "(Unattached)"}</Cell>
              <Cell name="Date">{formatWpDate(toSqlLocal(parseSqlGmt(m.createdGmt), opts.timezone_string), "Y/m/d")}</Cell>
            </tr>
          ))}
        </ListTable>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
          {page > 1 ? <Link href={href({ paged: page - 1 })} className="text-[#2271b1]">‹ Previous</Link> : null}
          <span>Page {page} of {pages}</span>
          {page < pages ? <Link href={href({ paged: page + 1 })} className="text-[#2271b1]">Next ›</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
