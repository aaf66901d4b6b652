import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { NotBuilt } from "@/components/admin/not-built";

export const metadata: Metadata = { title: "Settings" };

export default async function Page() {
  await requireCapability("manage_options");
  return <NotBuilt title="Settings" issue="Writing" />;
}
