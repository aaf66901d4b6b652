import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { EditorScreen } from "@/app/admin/posts/_components/editor-screen";

export const metadata: Metadata = { title: "Add New Page" };

export default async function NewPage() {
  const user = await requireCapability("edit_pages");
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Add New Page</h1>
      <EditorScreen user={user} type="page" />
    </>
  );
}
