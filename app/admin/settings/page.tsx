import { redirect } from "next/navigation";
import { requireCapability } from "@/lib/session";

export default async function Page() {
  await requireCapability("manage_options");
  redirect("/admin/settings/general/");
}
