import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { getUserProfile } from "@/db/queries/user-admin";
import { ROLE_LABELS } from "@/lib/auth/capabilities";
import { EditUserForm } from "../../_components/edit-user-form";

export const metadata: Metadata = { title: "Edit User" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireCapability("edit_users");
  const { id } = await params;
  const user = /^\d+$/.test(id) ? getUserProfile(Number(id)) : undefined;
  if (!user) notFound();
  if (user.id === me.id) redirect("/admin/profile/");
  return (
    <>
      <p className="text-sm"><Link href="/admin/users/" className="text-[#2271b1]">← Users</Link></p>
      <h1 className="mt-2 text-2xl font-semibold">Edit User {user.login}</h1>
      <p className="mt-2 text-sm">Role: {ROLE_LABELS[user.role]} (change it from the Users list)</p>
      <EditUserForm initial={{ userId: String(user.id), displayName: user.displayName, nicename: user.nicename, email: user.email, url: user.url, bio: user.bio }} />
    </>
  );
}
