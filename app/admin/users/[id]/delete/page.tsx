import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCapability } from "@/lib/session";
import { countContentByAuthor, getUserProfile, listUsersWithPostCounts } from "@/db/queries/user-admin";
import { deleteUserAction } from "../../actions";

export const metadata: Metadata = { title: "Delete User" };

const ERRORS: Record<string, string> = {
  "needs-reassign": "This user has content: choose who it should be attributed to.",
  "bad-reassign": "Choose another existing user to attribute the content to.",
  "last-administrator": "The site needs at least one administrator: this user cannot be deleted.",
};

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ error?: string }> }) {
  const me = await requireCapability("delete_users");
  const { id } = await params;
  const { error } = await searchParams;
  const userId = Number(id);
  const user = Number.isInteger(userId) ? await getUserProfile(userId) : undefined;
  if (!user) notFound();
  const content = await countContentByAuthor(user.id);
  const others = (await listUsersWithPostCounts()).filter((u) => u.id !== user.id);
  return (
    <>
      <h1 className="text-2xl font-semibold">Delete User</h1>
      {error && ERRORS[error] ? <p role="status" className="mt-4 border-l-4 border-red-700 bg-white p-3 text-sm text-red-900">{ERRORS[error]}</p> : null}
      {user.id === me.id ? (
        <p className="mt-4">You cannot delete the account you are signed in with.</p>
      ) : (
        <form action={deleteUserAction} className="mt-4 max-w-xl space-y-4 rounded border border-gray-300 bg-white p-4">
          <p>You have specified this user for deletion: <strong>{user.login}</strong> ({user.displayName})</p>
          <input type="hidden" name="userId" value={user.id} />
          {content > 0 ? (
            <div>
              <p>This user has {content} {content === 1 ? "post or page" : "posts and pages"}.</p>
              <label htmlFor="reassignTo" className="mt-2 block font-medium">Attribute all content to:</label>
              <select id="reassignTo" name="reassignTo" required className="mt-1 rounded border border-gray-400 px-2 py-1" defaultValue={String(me.id)}>
                {others.map((u) => <option key={u.id} value={u.id}>{u.login} ({u.displayName})</option>)}
              </select>
            </div>
          ) : (
            <p>This user has no posts or pages.</p>
          )}
          <div className="flex gap-3">
            <button type="submit" className="rounded bg-red-700 px-4 py-2 text-sm font-semibold text-white">Confirm Deletion</button>
            <Link href="/admin/users/" className="px-2 py-2 text-sm text-[#2271b1]">Cancel</Link>
          </div>
        </form>
      )}
    </>
  );
}
