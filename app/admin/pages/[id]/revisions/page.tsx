import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { RevisionsScreen } from "@/app/admin/posts/_components/revisions-screen";

export const metadata: Metadata = { title: "Revisions" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ revision?: string }> };

export default async function RevisionsPage({ params, searchParams }: Props) {
  const user = await requireCapability("edit_pages");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const revision = Number((await searchParams).revision) || undefined;
  return <RevisionsScreen user={user} type="page" id={id} revisionId={revision} />;
}
