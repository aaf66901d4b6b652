import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { TermListScreen } from "@/app/admin/categories/_components/term-screen";

export const metadata: Metadata = { title: "Tags" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TagsPage({ searchParams }: Props) {
  await requireCapability("manage_categories");
  const raw = await searchParams;
  return <TermListScreen taxonomy="post_tag" params={Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))} />;
}
