import type { Metadata } from "next";
import Link from "next/link";
import { requireCapability } from "@/lib/session";
import { countUsersByRole, listUsersWithPostCounts } from "@/db/queries/user-admin";
import { ROLES, type Role } from "@/db/schema";
import { ROLE_LABELS, roleCan } from "@/lib/auth/capabilities";
import { Cell, ListTable, PrimaryCell } from "@/components/admin/list-table";
import { changeUserRoleAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

const MESSAGES: Record<string, { text: string; ok: boolean }> = {
  created: { text: "New user created.", ok: true },
  "created-notified": { text: "New user created. An email with a link to set their password is on its way to them (Tools → Mail shows when it has gone).", ok: true },
  "role-changed": { text: "Changed roles.", ok: true },
  deleted: { text: "User deleted.", ok: true },
  "own-role": { text: "You cannot change your own role.", ok: false },
  "last-administrator": { text: "The site needs at least one administrator: that role was not changed.", ok: false },
  "not-found": { text: "That user does not exist (any more).", ok: false },
  "delete-self": { text: "You cannot delete the account you are signed in with.", ok: false },
  "invalid-role": { text: "Choose a role.", ok: false },
  "invalid-user": { text: "Choose a user.", ok: false },
};

export default async function Page({ searchParams }: { searchParams: Promise<{ role?: string; message?: string }> }) {
  const me = await requireCapability("list_users");
  const sp = await searchParams;
  const role = (ROLES as readonly string[]).includes(sp.role ?? "") ? (sp.role as Role) : undefined;
  const users = await listUsersWithPostCounts(role);
  const counts = await countUsersByRole();
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const message = sp.message ? MESSAGES[sp.message] : undefined;
  const canPromote = roleCan(me.role, "promote_users");
  const canDelete = roleCan(me.role, "delete_users");
  const canEdit = roleCan(me.role, "edit_users");
  return (
    <>
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold">Users</h1>
        {roleCan(me.role, "create_users") ? <Link href="/admin/users/new/" className="rounded border border-[#2271b1] px-2 py-1 text-sm text-[#2271b1]">Add New User</Link> : null}
      </div>
      {message ? <p role="status" className={`mt-4 border-l-4 bg-white p-3 text-sm ${message.ok ? "border-green-700" : "border-red-700 text-red-900"}`}>{message.text}</p> : null}
      <ul className="mt-4 flex flex-wrap gap-2 text-sm" aria-label="Filter by role">
        <li><Link href="/admin/users/" aria-current={!role ? "page" : undefined} className={!role ? "font-semibold" : "text-[#2271b1]"}>All ({total})</Link></li>
        {ROLES.filter((r) => counts[r]).map((r) => (
          <li key={r}>| <Link href={`/admin/users/?role=${r}`} aria-current={role === r ? "page" : undefined} className={role === r ? "font-semibold" : "text-[#2271b1]"}>{ROLE_LABELS[r]} ({counts[r]})</Link></li>
        ))}
      </ul>
      <ListTable label="Users" className="mt-3" columns={[
        { key: "username", label: "Username", primary: true }, { key: "name", label: "Name" }, { key: "email", label: "Email" }, { key: "role", label: "Role" }, { key: "posts", label: "Posts" },
      ]}>
          {users.map((u) => (
            <tr key={u.id}>
              <PrimaryCell rowLabel={u.login}>
                <strong>{u.login}</strong>
                <div className="flex gap-2 text-xs">
                  {u.id === me.id ? <Link href="/admin/profile/" className="text-[#2271b1]">Profile</Link> : canEdit ? <Link href={`/admin/users/${u.id}/edit/`} className="text-[#2271b1]" aria-label={`Edit ${u.login}`}>Edit</Link> : null}
                  {canDelete && u.id !== me.id ? <Link href={`/admin/users/${u.id}/delete/`} className="text-red-700" aria-label={`Delete ${u.login}`}>Delete</Link> : null}
                </div>
              </PrimaryCell>
              <Cell name="Name">{u.displayName}</Cell>
              <Cell name="Email"><a href={`mailto:${u.email}`} className="text-[#2271b1]">{u.email}</a></Cell>
              <Cell name="Role">
                {canPromote && u.id !== me.id ? (
                  <form action={changeUserRoleAction} className="flex flex-wrap gap-1">
                    <input type="hidden" name="userId" value={u.id} />
                    <select name="role" defaultValue={u.role} aria-label={`Role of ${u.login}`} className="rounded border border-gray-400 px-1">
                      {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
                    </select>
                    <button type="submit" className="rounded border border-gray-400 px-2" aria-label={`Change role of ${u.login}`}>Change</button>
                  </form>
                ) : ROLE_LABELS[u.role]}
              </Cell>
              <Cell name="Posts">{u.postCount}</Cell>
            </tr>
          ))}
      </ListTable>
    </>
  );
}
