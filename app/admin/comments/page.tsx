import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { NotBuilt } from "@/components/admin/not-built";

export const metadata: Metadata = { title: "Comments" };

export default async function Page() {
  await requireCapability("edit_posts");
  return <NotBuilt title="Comments" issue="Discussion" />;
}
