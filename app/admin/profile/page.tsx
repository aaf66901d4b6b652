import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { NotBuilt } from "@/components/admin/not-built";

export const metadata: Metadata = { title: "Profile" };

export default async function Page() {
  await requireCapability("read");
  return <NotBuilt title="Profile" issue="Writing" />;
}
