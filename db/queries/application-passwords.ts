// Application passwords (lib/auth/app-passwords.ts holds the rules): a user's named API passwords,
// each kept as a hash, with when and from where it was last used.
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { applicationPasswords, type ApplicationPassword } from "../tables";

export type ApplicationPasswordView = Omit<ApplicationPassword, "passwordHash">;

const viewColumns = {
  id: applicationPasswords.id,
  uuid: applicationPasswords.uuid,
  userId: applicationPasswords.userId,
  name: applicationPasswords.name,
  appId: applicationPasswords.appId,
  createdGmt: applicationPasswords.createdGmt,
  lastUsedGmt: applicationPasswords.lastUsedGmt,
  lastIp: applicationPasswords.lastIp,
};

/** The user's passwords, oldest first, without their hashes (for Profile and the REST API). */
export async function listApplicationPasswords(userId: number): Promise<ApplicationPasswordView[]> {
  return await getDb().select(viewColumns).from(applicationPasswords).where(eq(applicationPasswords.userId, userId)).orderBy(asc(applicationPasswords.id));
}

/** Every password of the user with its hash, for checking one that was presented. */
export async function listApplicationPasswordHashes(userId: number): Promise<Pick<ApplicationPassword, "uuid" | "passwordHash">[]> {
  return await getDb().select({ uuid: applicationPasswords.uuid, passwordHash: applicationPasswords.passwordHash }).from(applicationPasswords).where(eq(applicationPasswords.userId, userId));
}

export async function insertApplicationPassword(row: Omit<ApplicationPassword, "id" | "lastUsedGmt" | "lastIp">): Promise<ApplicationPasswordView> {
  const [created] = await getDb().insert(applicationPasswords).values(row).returning(viewColumns);
  return created!;
}

export async function recordApplicationPasswordUse(uuid: string, whenGmt: string, ip: string): Promise<void> {
  await getDb().update(applicationPasswords).set({ lastUsedGmt: whenGmt, lastIp: ip }).where(eq(applicationPasswords.uuid, uuid));
}

/** Revokes one of the user's passwords; false when it is not theirs or already gone. */
export async function deleteApplicationPassword(userId: number, uuid: string): Promise<boolean> {
  const rows = await getDb()
    .delete(applicationPasswords)
    .where(and(eq(applicationPasswords.userId, userId), eq(applicationPasswords.uuid, uuid)))
    .returning({ id: applicationPasswords.id });
  return rows.length > 0;
}

/** Revokes all of the user's passwords; the number revoked. */
export async function deleteAllApplicationPasswords(userId: number): Promise<number> {
  const rows = await getDb().delete(applicationPasswords).where(eq(applicationPasswords.userId, userId)).returning({ id: applicationPasswords.id });
  return rows.length;
}
