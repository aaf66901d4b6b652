import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { EditorScreen } from "@/app/admin/posts/_components/editor-screen";

export const metadata: Metadata = { title: "Edit Page" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; filtered?: string }> };

export default async function EditPage({ params, searchParams }: Props) {
  const user = await requireCapability("edit_pages");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const { saved, filtered } = await searchParams;
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">
        Edit Page <Link href="/admin/pages/new/" className="ml-2 rounded border border-[#2271b1] px-2 py-0.5 text-sm text-[#2271b1]">Add New Page</Link>
      </h1>
      <EditorScreen user={user} type="page" id={id} saved={saved} filtered={filtered === "1"} />
    </>
  );
}
