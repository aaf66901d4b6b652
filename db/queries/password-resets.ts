// Password reset links (lib/auth/password-reset.ts holds the rules): one live link per user, kept
// as a hash of its key.
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { passwordResets, users, type User } from "../tables";

export type PasswordReset = typeof passwordResets.$inferSelect;

/** Whom a reset link names: found by login alone (a login may contain "@"), with the hash it is checked against. */
export async function getResetTargetByLogin(login: string): Promise<Pick<User, "id" | "login" | "passwordHash"> | undefined> {
  return getDb()
    .select({ id: users.id, login: users.login, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.login}) = ${login.trim().toLowerCase()}`)
    .get();
}

/** Stores the user's new link, replacing any earlier one (as WordPress's user_activation_key does). */
export async function savePasswordReset(row: PasswordReset): Promise<void> {
  getDb()
    .insert(passwordResets)
    .values(row)
    .onConflictDoUpdate({ target: passwordResets.userId, set: { keyHash: row.keyHash, passwordStamp: row.passwordStamp, expiresAt: row.expiresAt } })
    .run();
}

export async function getPasswordReset(userId: number): Promise<PasswordReset | undefined> {
  return getDb().select().from(passwordResets).where(eq(passwordResets.userId, userId)).get();
}

/**
 * Spends the link and sets the new password in one transaction, and only if neither moved since
 * the link was checked: two requests racing with one link set one password, and a password
 * changed in between (Profile, an administrator, an import) wins over the link.
 */
export async function consumePasswordReset(userId: number, keyHash: string, oldPasswordHash: string, newPasswordHash: string): Promise<boolean> {
  return getDb().transaction((tx) => {
    const link = tx.select({ userId: passwordResets.userId }).from(passwordResets).where(and(eq(passwordResets.userId, userId), eq(passwordResets.keyHash, keyHash))).get();
    const user = tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
    if (!link || user?.passwordHash !== oldPasswordHash) return false;
    tx.delete(passwordResets).where(eq(passwordResets.userId, userId)).run();
    tx.update(users).set({ passwordHash: newPasswordHash }).where(eq(users.id, userId)).run();
    return true;
  });
}
