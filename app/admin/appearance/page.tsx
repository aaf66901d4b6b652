import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { NotBuilt } from "@/components/admin/not-built";

export const metadata: Metadata = { title: "Appearance" };

export default async function Page() {
  await requireCapability("switch_themes");
  return <NotBuilt title="Appearance" issue="Reading" />;
}
