// Users screen and Profile: lists, uniqueness checks, role changes and deletion with reassignment.
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { getDb } from "../client";
import { media, posts, revisions, users, type Role } from "../tables";

export interface UserRow {
  id: number;
  login: string;
  email: string;
  displayName: string;
  role: Role;
  postCount: number;
}

/** Every user with their published post count (WordPress's "Posts" column), by login. */
export async function listUsersWithPostCounts(role?: Role): Promise<UserRow[]> {
  return getDb()
    .select({
      id: users.id,
      login: users.login,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      // Spelled out: inside a select, drizzle would render ${users.id} as a bare "id" (the post's).
      postCount: sql<number>`(SELECT count(*) FROM posts p WHERE p.author_id = "users"."id" AND p.type = 'post' AND p.status = 'publish')`,
    })
    .from(users)
    .where(role ? eq(users.role, role) : undefined)
    .orderBy(asc(users.login))
    .all();
}

export async function countUsersByRole(): Promise<Partial<Record<Role, number>>> {
  const rows = getDb().select({ role: users.role, n: count() }).from(users).groupBy(users.role).all();
  return Object.fromEntries(rows.map((r) => [r.role, r.n]));
}

export async function isLoginTaken(login: string): Promise<boolean> {
  return !!getDb().select({ id: users.id }).from(users).where(sql`lower(${users.login}) = ${login.toLowerCase()}`).get();
}

export async function isEmailTaken(email: string, exceptId?: number): Promise<boolean> {
  return !!getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, exceptId ? ne(users.id, exceptId) : undefined))
    .get();
}

export async function isNicenameTaken(nicename: string, exceptId?: number): Promise<boolean> {
  return !!getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.nicename, nicename), exceptId ? ne(users.id, exceptId) : undefined))
    .get();
}

export async function getPasswordHash(id: number): Promise<string | undefined> {
  return getDb().select({ h: users.passwordHash }).from(users).where(eq(users.id, id)).get()?.h;
}

/** What a session token's stamp is checked against (lib/auth/password-stamp.ts). */
export async function getSessionStampSource(id: number): Promise<{ passwordHash: string; sessionEpoch: number } | undefined> {
  return getDb().select({ passwordHash: users.passwordHash, sessionEpoch: users.sessionEpoch }).from(users).where(eq(users.id, id)).get();
}

/** Ends every session of the user signed in before now ("Log Out Everywhere"). */
export async function bumpSessionEpoch(id: number): Promise<void> {
  getDb().update(users).set({ sessionEpoch: sql`${users.sessionEpoch} + 1` }).where(eq(users.id, id)).run();
}

export type RoleChangeResult = "ok" | "not-found" | "last-administrator";

/** Changes a role, refusing to leave the site without an administrator (checked in the same transaction). */
export async function updateUserRole(id: number, role: Role): Promise<RoleChangeResult> {
  return getDb().transaction((tx) => {
    const row = tx.select({ role: users.role }).from(users).where(eq(users.id, id)).get();
    if (!row) return "not-found";
    if (row.role === "administrator" && role !== "administrator") {
      const admins = tx.select({ n: count() }).from(users).where(eq(users.role, "administrator")).get()?.n ?? 0;
      if (admins <= 1) return "last-administrator";
    }
    tx.update(users).set({ role }).where(eq(users.id, id)).run();
    return "ok";
  });
}

/** Everything a user has written (any type or status): what "Attribute all content to" moves. */
export async function countContentByAuthor(id: number): Promise<number> {
  return getDb().select({ n: count() }).from(posts).where(eq(posts.authorId, id)).get()?.n ?? 0;
}

export type DeleteUserResult = "ok" | "not-found" | "needs-reassign" | "bad-reassign" | "last-administrator";

/**
 * Deletes a user in one transaction, first attributing their posts, pages, media and revisions
 * to `reassignTo`. Comments they wrote stay, unlinked from the account (foreign key SET NULL).
 */
export async function deleteUserReassigning(id: number, reassignTo: number | null): Promise<DeleteUserResult> {
  return getDb().transaction((tx) => {
    const row = tx.select({ role: users.role }).from(users).where(eq(users.id, id)).get();
    if (!row) return "not-found";
    if (row.role === "administrator") {
      const admins = tx.select({ n: count() }).from(users).where(eq(users.role, "administrator")).get()?.n ?? 0;
      if (admins <= 1) return "last-administrator";
    }
    const owned = tx.select({ n: count() }).from(posts).where(eq(posts.authorId, id)).get()?.n ?? 0;
    if (reassignTo !== null) {
      if (reassignTo === id || !tx.select({ id: users.id }).from(users).where(eq(users.id, reassignTo)).get()) return "bad-reassign";
      tx.update(posts).set({ authorId: reassignTo }).where(eq(posts.authorId, id)).run();
      tx.update(media).set({ authorId: reassignTo }).where(eq(media.authorId, id)).run();
      tx.update(revisions).set({ authorId: reassignTo }).where(eq(revisions.authorId, id)).run();
    } else if (owned > 0) {
      return "needs-reassign";
    }
    tx.delete(users).where(eq(users.id, id)).run();
    return "ok";
  });
}

export interface ProfileUpdate {
  displayName: string;
  nicename: string;
  email: string;
  url: string;
  bio: string;
  passwordHash?: string;
}

export async function updateUserProfile(id: number, p: ProfileUpdate) {
  getDb().update(users).set(p).where(eq(users.id, id)).run();
}

export async function getUserProfile(id: number) {
  return getDb()
    .select({ id: users.id, login: users.login, email: users.email, displayName: users.displayName, nicename: users.nicename, url: users.url, bio: users.bio, role: users.role })
    .from(users)
    .where(eq(users.id, id))
    .get();
}
