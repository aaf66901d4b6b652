import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { getOptions } from "@/db/queries/options";
import { ROLES } from "@/db/schema";
import { ROLE_LABELS } from "@/lib/auth/capabilities";
import { mailConfigured } from "@/lib/mail/transport";
import { NewUserForm } from "../_components/new-user-form";

export const metadata: Metadata = { title: "Add New User" };

export default async function Page() {
  await requireCapability("create_users");
  const roles = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  return (
    <>
      <h1 className="text-2xl font-semibold">Add New User</h1>
      <p className="mt-2 text-sm">Create a brand new user and add them to this site.</p>
      <NewUserForm roles={roles} defaultRole={(await getOptions()).default_role} mailConfigured={mailConfigured()} />
    </>
  );
}
