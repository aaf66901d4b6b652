// Users screen and Profile: lists, uniqueness checks, role changes and deletion with reassignment.
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { ENGINE } from "../engine";
import { queryRows } from "../index";
import { first } from "../rows";
import { withTransaction } from "../transaction";
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
      postCount: sql<number>`(SELECT count(*) FROM posts p WHERE p.author_id = "users"."id" AND p.type = 'post' AND p.status = 'publish')`.mapWith(Number),
    })
    .from(users)
    .where(role ? eq(users.role, role) : undefined)
    .orderBy(asc(users.login));
}

export async function countUsersByRole(): Promise<Partial<Record<Role, number>>> {
  const rows = await getDb().select({ role: users.role, n: count() }).from(users).groupBy(users.role);
  return Object.fromEntries(rows.map((r) => [r.role, r.n]));
}

export async function isLoginTaken(login: string): Promise<boolean> {
  return !!(await getDb().select({ id: users.id }).from(users).where(sql`lower(${users.login}) = ${login.toLowerCase()}`).limit(1).then(first));
}

export async function isEmailTaken(email: string, exceptId?: number): Promise<boolean> {
  return !!(await getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, exceptId ? ne(users.id, exceptId) : undefined))
    .limit(1)
    .then(first));
}

export async function isNicenameTaken(nicename: string, exceptId?: number): Promise<boolean> {
  return !!(await getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.nicename, nicename), exceptId ? ne(users.id, exceptId) : undefined))
    .limit(1)
    .then(first));
}

export async function getPasswordHash(id: number): Promise<string | undefined> {
  return (await getDb().select({ h: users.passwordHash }).from(users).where(eq(users.id, id)).then(first))?.h;
}

/** What a session token's stamp is checked against (lib/auth/password-stamp.ts). */
export async function getSessionStampSource(id: number): Promise<{ passwordHash: string; sessionEpoch: number } | undefined> {
  return getDb().select({ passwordHash: users.passwordHash, sessionEpoch: users.sessionEpoch }).from(users).where(eq(users.id, id)).then(first);
}

/** Ends every session of the user signed in before now ("Log Out Everywhere"). */
export async function bumpSessionEpoch(id: number): Promise<void> {
  await getDb().update(users).set({ sessionEpoch: sql`${users.sessionEpoch} + 1` }).where(eq(users.id, id));
}

/**
 * How many administrators there are, counted so that two transactions cannot both see two and
 * each demote or delete one: SQLite's BEGIN IMMEDIATE already lets one writer in at a time; on
 * PostgreSQL the administrators' rows are locked (FOR UPDATE) until the transaction ends.
 */
async function lockAdministrators(tx: Db): Promise<number> {
  if (ENGINE === "sqlite") return (await tx.select({ n: count() }).from(users).where(eq(users.role, "administrator")).then(first))?.n ?? 0;
  const rows = await queryRows<{ id: number }>(sql`SELECT id FROM users WHERE role = 'administrator' FOR UPDATE`, tx);
  return rows.length;
}

export type RoleChangeResult = "ok" | "not-found" | "last-administrator";

/** Changes a role, refusing to leave the site without an administrator (checked in the same transaction). */
export async function updateUserRole(id: number, role: Role): Promise<RoleChangeResult> {
  return withTransaction(async (tx): Promise<RoleChangeResult> => {
    const row = await tx.select({ role: users.role }).from(users).where(eq(users.id, id)).then(first);
    if (!row) return "not-found";
    if (row.role === "administrator" && role !== "administrator") {
      if ((await lockAdministrators(tx)) <= 1) return "last-administrator";
    }
    await tx.update(users).set({ role }).where(eq(users.id, id));
    return "ok";
  });
}

/** Everything a user has written (any type or status): what "Attribute all content to" moves. */
export async function countContentByAuthor(id: number): Promise<number> {
  return (await getDb().select({ n: count() }).from(posts).where(eq(posts.authorId, id)).then(first))?.n ?? 0;
}

export type DeleteUserResult = "ok" | "not-found" | "needs-reassign" | "bad-reassign" | "last-administrator";

/**
 * Deletes a user in one transaction, first attributing their posts, pages, media and revisions
 * to `reassignTo`. Comments they wrote stay, unlinked from the account (foreign key SET NULL).
 */
export async function deleteUserReassigning(id: number, reassignTo: number | null): Promise<DeleteUserResult> {
  return withTransaction(async (tx): Promise<DeleteUserResult> => {
    const row = await tx.select({ role: users.role }).from(users).where(eq(users.id, id)).then(first);
    if (!row) return "not-found";
    if (row.role === "administrator") {
      if ((await lockAdministrators(tx)) <= 1) return "last-administrator";
    }
    const owned = (await tx.select({ n: count() }).from(posts).where(eq(posts.authorId, id)).then(first))?.n ?? 0;
    if (reassignTo !== null) {
      if (reassignTo === id || !(await tx.select({ id: users.id }).from(users).where(eq(users.id, reassignTo)).then(first))) return "bad-reassign";
      await tx.update(posts).set({ authorId: reassignTo }).where(eq(posts.authorId, id));
      await tx.update(media).set({ authorId: reassignTo }).where(eq(media.authorId, id));
      await tx.update(revisions).set({ authorId: reassignTo }).where(eq(revisions.authorId, id));
    } else if (owned > 0) {
      return "needs-reassign";
    }
    await tx.delete(users).where(eq(users.id, id));
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
  await getDb().update(users).set(p).where(eq(users.id, id));
}

export async function getUserProfile(id: number) {
  return getDb()
    .select({ id: users.id, login: users.login, email: users.email, displayName: users.displayName, nicename: users.nicename, url: users.url, bio: users.bio, role: users.role })
    .from(users)
    .where(eq(users.id, id))
    .then(first);
}
