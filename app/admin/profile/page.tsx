import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { getUserProfile } from "@/db/queries/user-admin";
import { ROLE_LABELS } from "@/lib/auth/capabilities";
import { ProfileForm } from "./_components/profile-form";
import { SessionsForm } from "./_components/sessions-form";
import { PROFILE_NOTICES } from "./messages";

export const metadata: Metadata = { title: "Profile" };

export default async function Page({ searchParams }: { searchParams: Promise<{ message?: string }> }) {
  const me = await requireCapability("read");
  const { message } = await searchParams;
  const notice = message ? PROFILE_NOTICES[message] : undefined;
  const u = (await getUserProfile(me.id))!;
  return (
    <>
      <h1 className="text-2xl font-semibold">Profile</h1>
      <p className="mt-2 text-sm">Username: <strong>{u.login}</strong> (usernames cannot be changed) · Role: {ROLE_LABELS[u.role]}</p>
      <ProfileForm notice={notice} initial={{ displayName: u.displayName, nicename: u.nicename, email: u.email, url: u.url, bio: u.bio }} />
      <SessionsForm />
      <p className="mt-4 text-sm"><a href="/admin/indieauth/" className="text-[#2271b1] underline">Apps you approved</a> (IndieAuth and Micropub)</p>
    </>
  );
}
