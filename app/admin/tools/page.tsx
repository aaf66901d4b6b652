import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { NotBuilt } from "@/components/admin/not-built";

export const metadata: Metadata = { title: "Tools" };

export default async function Page() {
  await requireCapability("import");
  return <NotBuilt title="Tools" issue="Moving in and out" />;
}
