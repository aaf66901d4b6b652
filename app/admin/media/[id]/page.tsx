import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { getMediaById } from "@/db/queries/media";
import { uploadUrl } from "@/lib/media/paths";
import { parseSizes } from "@/lib/media/view";
import { formatBytes, IMAGE_SIZES } from "@/lib/media/process";
import { canDeleteMedia, canEditMedia } from "@/lib/media/permissions";
import { MediaDetailsForm } from "../_components/media-details-form";
import { deleteMediaAction } from "../actions";

export const metadata: Metadata = { title: "Edit Media" };

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ message?: string }> }) {
  const user = await requireCapability("upload_files");
  const { id } = await params;
  const { message } = await searchParams;
  const item = /^\d+$/.test(id) ? await getMediaById(Number(id)) : undefined;
  if (!item) notFound();
  const sizes = parseSizes(item.sizes);
  const preview = sizes.medium_large?.path ?? sizes.large?.path ?? item.path;
  const editable = canEditMedia(user, item);
  return (
    <>
      <p className="text-sm"><Link href="/admin/media/" className="text-[#2271b1]">← Media Library</Link></p>
      <h1 className="mt-2 text-2xl font-semibold">Edit Media</h1>
      {message === "forbidden" ? <p role="status" className="mt-4 border-l-4 border-red-700 bg-white p-3 text-sm">Sorry, you are not allowed to delete this file.</p> : null}
      <div className="mt-4 grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="rounded border border-gray-300 bg-white p-4">
          {item.mimeType.startsWith("image/") && item.path ? (
            // eslint-disable-next-line @next/next/no-img-element -- our own file, at a size made for it
            <img src={uploadUrl(preview)} alt={item.alt || item.title} className="max-h-[60vh] max-w-full" />
          ) : (
            <p>{item.fileName}</p>
          )}
        </div>
        <div className="space-y-4 text-sm">
          <dl className="space-y-1 rounded border border-gray-300 bg-white p-4">
            <div><dt className="inline font-semibold">File URL: </dt><dd className="inline break-all"><a href={uploadUrl(item.path)} className="text-[#2271b1]">{uploadUrl(item.path)}</a></dd></div>
            <div><dt className="inline font-semibold">File type: </dt><dd className="inline">{item.mimeType}</dd></div>
            <div><dt className="inline font-semibold">File size: </dt><dd className="inline">{formatBytes(item.size)}</dd></div>
            {item.width ? <div><dt className="inline font-semibold">Dimensions: </dt><dd className="inline">{item.width} by {item.height} pixels</dd></div> : null}
            <div><dt className="inline font-semibold">Uploaded on: </dt><dd className="inline">{item.createdGmt} UTC</dd></div>
          </dl>
          {Object.keys(sizes).length ? (
            <section aria-labelledby="sizes-h" className="rounded border border-gray-300 bg-white p-4">
              <h2 id="sizes-h" className="font-semibold">Sizes</h2>
              <ul className="mt-1">
                {IMAGE_SIZES.filter((s) => sizes[s.name]).map((s) => (
                  <li key={s.name}><a href={uploadUrl(sizes[s.name]!.path)} className="text-[#2271b1]">{s.name} ({sizes[s.name]!.width} × {sizes[s.name]!.height})</a></li>
                ))}
              </ul>
            </section>
          ) : null}
          {editable ? (
            <MediaDetailsForm initial={{ id: String(item.id), title: item.title, alt: item.alt, caption: item.caption, postId: item.postId ? String(item.postId) : "" }} />
          ) : (
            <p>You may view this file; only its uploader or an editor may change it.</p>
          )}
          {canDeleteMedia(user, item) ? (
            <form action={deleteMediaAction}>
              <input type="hidden" name="id" value={item.id} />
              <button type="submit" className="text-red-700 underline">Delete permanently</button>
            </form>
          ) : null}
        </div>
      </div>
    </>
  );
}
