import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { TermEditScreen } from "@/app/admin/categories/_components/term-screen";

export const metadata: Metadata = { title: "Edit Categories" };

export default async function EditCategoriesPage({ params }: { params: Promise<{ id: string }> }) {
  await requireCapability("manage_categories");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return <TermEditScreen taxonomy="category" id={id} />;
}
