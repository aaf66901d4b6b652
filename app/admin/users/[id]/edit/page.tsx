import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { getUserProfile } from "@/db/queries/user-admin";
import { ROLE_LABELS } from "@/lib/auth/capabilities";
import { EditUserForm } from "../../_components/edit-user-form";
import { FormMessage } from "@/components/admin/form-fields";
import { logOutUserEverywhereAction, sendPasswordResetAction } from "../../actions";
import { MailNotConfigured } from "@/components/admin/mail-log";
import { mailConfigured } from "@/lib/mail/transport";

export const metadata: Metadata = { title: "Edit User" };

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ message?: string }> }) {
  const me = await requireCapability("edit_users");
  const { id } = await params;
  const user = /^\d+$/.test(id) ? await getUserProfile(Number(id)) : undefined;
  if (!user) notFound();
  if (user.id === me.id) redirect("/admin/profile/");
  const { message } = await searchParams;
  const notice = message === "sessions-ended" ? `${user.login} is now logged out everywhere.` : message === "reset-sent" ? `A password reset link is on its way to ${user.login}.` : null;
  return (
    <>
      <p className="text-sm"><Link href="/admin/users/" className="text-[#2271b1]">← Users</Link></p>
      <h1 className="mt-2 text-2xl font-semibold">Edit User {user.login}</h1>
      <p className="mt-2 text-sm">Role: {ROLE_LABELS[user.role]} (change it from the Users list)</p>
      {notice ? <div className="mt-4"><FormMessage state={{ status: "success", message: notice }} /></div> : null}
      <EditUserForm initial={{ userId: String(user.id), displayName: user.displayName, nicename: user.nicename, email: user.email, url: user.url, bio: user.bio }} />
      <form action={logOutUserEverywhereAction} aria-labelledby="sessions-heading" className="mt-4 max-w-xl space-y-3 rounded border border-gray-300 bg-white p-4">
        <h2 id="sessions-heading" className="font-semibold">Sessions</h2>
        <input type="hidden" name="userId" value={user.id} />
        <p className="text-sm">Log {user.login} out of all locations: every browser signed in as them is signed out at its next request.</p>
        <button type="submit" className="rounded border border-[#2271b1] px-4 py-2 text-sm font-semibold text-[#2271b1]">Log Out Everywhere</button>
      </form>
      <form action={sendPasswordResetAction} aria-labelledby="reset-heading" className="mt-4 max-w-xl space-y-3 rounded border border-gray-300 bg-white p-4">
        <h2 id="reset-heading" className="font-semibold">Password Reset</h2>
        <input type="hidden" name="userId" value={user.id} />
        <p className="text-sm">Send {user.login} a link to reset their password. This will not change their password, nor will it force a change.</p>
        {mailConfigured() ? null : <MailNotConfigured />}
        <button type="submit" className="rounded border border-[#2271b1] px-4 py-2 text-sm font-semibold text-[#2271b1]">Send Reset Link</button>
      </form>
    </>
  );
}
