import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { NotBuilt } from "@/components/admin/not-built";

export const metadata: Metadata = { title: "Pages" };

export default async function Page() {
  await requireCapability("edit_pages");
  return <NotBuilt title="Pages" issue="Writing" />;
}
