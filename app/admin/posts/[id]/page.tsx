import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { EditorScreen } from "@/app/admin/posts/_components/editor-screen";

export const metadata: Metadata = { title: "Edit Post" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; filtered?: string }> };

export default async function EditPage({ params, searchParams }: Props) {
  const user = await requireCapability("edit_posts");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const { saved, filtered } = await searchParams;
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">
        Edit Post <Link href="/admin/posts/new/" className="ml-2 rounded border border-[#2271b1] px-2 py-0.5 text-sm text-[#2271b1]">Add New Post</Link>
      </h1>
      <EditorScreen user={user} type="post" id={id} saved={saved} filtered={filtered === "1"} />
      <p className="mt-6 text-sm">
        <Link href={`/admin/pings/${id}/`} className="text-[#2271b1] underline">Trackbacks, pingbacks, webmentions and fediverse deliveries sent for this post</Link>
      </p>
    </>
  );
}
