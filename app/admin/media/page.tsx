import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { NotBuilt } from "@/components/admin/not-built";

export const metadata: Metadata = { title: "Media Library" };

export default async function Page() {
  await requireCapability("upload_files");
  return <NotBuilt title="Media Library" issue="Writing" />;
}
