// Password reset links (lib/auth/password-reset.ts holds the rules): one live link per user, kept
// as a hash of its key.
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { first } from "../rows";
import { withTransaction } from "../transaction";
import { passwordResets, users, type User } from "../tables";

export type PasswordReset = typeof passwordResets.$inferSelect;

/** Whom a reset link names: found by login alone (a login may contain "@"), with the hash it is checked against. */
export async function getResetTargetByLogin(login: string): Promise<Pick<User, "id" | "login" | "passwordHash"> | undefined> {
  return getDb()
    .select({ id: users.id, login: users.login, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.login}) = ${login.trim().toLowerCase()}`)
    .then(first);
}

/** Stores the user's new link, replacing any earlier one (as WordPress's user_activation_key does). */
export async function savePasswordReset(row: PasswordReset): Promise<void> {
  await getDb()
    .insert(passwordResets)
    .values(row)
    .onConflictDoUpdate({ target: passwordResets.userId, set: { keyHash: row.keyHash, passwordStamp: row.passwordStamp, expiresAt: row.expiresAt } });
}

export async function getPasswordReset(userId: number): Promise<PasswordReset | undefined> {
  return getDb().select().from(passwordResets).where(eq(passwordResets.userId, userId)).then(first);
}

/**
 * Spends the link and sets the new password in one transaction, and only if neither moved since
 * the link was checked: two requests racing with one link set one password, and a password
 * changed in between (Profile, an administrator, an import) wins over the link.
 */
export async function consumePasswordReset(userId: number, keyHash: string, oldPasswordHash: string, newPasswordHash: string): Promise<boolean> {
  return withTransaction(async (tx) => {
    // The link is spent by its delete: of two transactions racing with it (PostgreSQL runs them
    // side by side), only the one whose delete removed the row goes on to set the password.
    const user = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).then(first);
    if (user?.passwordHash !== oldPasswordHash) return false;
    const spent = await tx
      .delete(passwordResets)
      .where(and(eq(passwordResets.userId, userId), eq(passwordResets.keyHash, keyHash)))
      .returning({ userId: passwordResets.userId });
    if (!spent.length) return false;
    const set = await tx
      .update(users)
      .set({ passwordHash: newPasswordHash })
      .where(and(eq(users.id, userId), eq(users.passwordHash, oldPasswordHash)))
      .returning({ id: users.id });
    if (!set.length) throw new PasswordMovedError();
    return true;
  }).catch((e: unknown) => {
    if (e instanceof PasswordMovedError) return false;
    throw e;
  });
}

/** The password changed between the check and the write: the transaction rolls back, the link stays. */
class PasswordMovedError extends Error {}
