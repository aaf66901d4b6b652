import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { NotBuilt } from "@/components/admin/not-built";

export const metadata: Metadata = { title: "Users" };

export default async function Page() {
  await requireCapability("list_users");
  return <NotBuilt title="Users" issue="Writing" />;
}
