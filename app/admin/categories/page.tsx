import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { TermListScreen } from "@/app/admin/categories/_components/term-screen";

export const metadata: Metadata = { title: "Categories" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CategoriesPage({ searchParams }: Props) {
  await requireCapability("manage_categories");
  const raw = await searchParams;
  return <TermListScreen taxonomy="category" params={Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))} />;
}
