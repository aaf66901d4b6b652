import { insertUser, getUserCredentialsByLoginOrEmail } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { closeDb } from "@/db";
import { E2E_USERS } from "./users";

async function main() {
  for (const role of ["editor", "author", "contributor", "subscriber"] as const) {
    const u = E2E_USERS[role];
    if (await getUserCredentialsByLoginOrEmail(u.login)) continue;
    await insertUser({ login: u.login, email: u.email, displayName: `${role[0]!.toUpperCase()}${role.slice(1)} Person`, nicename: u.login, role, passwordHash: await hashPassword(u.password) });
  }
  await closeDb();
}
void main();
