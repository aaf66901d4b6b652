import { and, eq, sql, count } from "drizzle-orm";
import { getDb } from "../client";
import { first, only } from "../rows";
import { users, posts, type NewUser, type Role, type User } from "../tables";

/** What the app may see of a user: never the password hash or its session stamp's epoch. */
export type PublicUser = Omit<User, "passwordHash" | "sessionEpoch" | "fediverse">;

const publicColumns = {
  id: users.id,
  login: users.login,
  email: users.email,
  displayName: users.displayName,
  nicename: users.nicename,
  role: users.role,
  url: users.url,
  bio: users.bio,
  registeredGmt: users.registeredGmt,
};

export async function getUserById(id: number): Promise<PublicUser | undefined> {
  return getDb().select(publicColumns).from(users).where(eq(users.id, id)).then(first);
}

export async function getUserByNicename(nicename: string): Promise<PublicUser | undefined> {
  return getDb().select(publicColumns).from(users).where(eq(users.nicename, nicename)).then(first);
}

/** For sign-in only: the row with its hash, found by login or email, case-insensitively. */
export async function getUserCredentialsByLoginOrEmail(identifier: string): Promise<Pick<User, "id" | "login" | "email" | "displayName" | "role" | "passwordHash" | "sessionEpoch"> | undefined> {
  const key = identifier.trim().toLowerCase();
  return getDb()
    .select({ id: users.id, login: users.login, email: users.email, displayName: users.displayName, role: users.role, passwordHash: users.passwordHash, sessionEpoch: users.sessionEpoch })
    .from(users)
    .where(key.includes("@") ? sql`lower(${users.email}) = ${key}` : sql`lower(${users.login}) = ${key}`)
    .then(first);
}

export async function getUserRole(id: number): Promise<Role | undefined> {
  return (await getDb().select({ role: users.role }).from(users).where(eq(users.id, id)).then(first))?.role;
}

export async function insertUser(user: NewUser): Promise<PublicUser> {
  return only(await getDb().insert(users).values(user).returning(publicColumns));
}

export async function updateUserPasswordHash(id: number, passwordHash: string) {
  await getDb().update(users).set({ passwordHash }).where(eq(users.id, id));
}

export async function countUsers(): Promise<number> {
  return (await getDb().select({ n: count() }).from(users).then(first))?.n ?? 0;
}

export async function countPostsByAuthor(authorId: number): Promise<number> {
  const row = await getDb()
    .select({ n: count() })
    .from(posts)
    .where(and(eq(posts.authorId, authorId), eq(posts.type, "post"), eq(posts.status, "publish")))
    .then(first);
  return row?.n ?? 0;
}

/** A user by login or email, case-insensitively (the command line names users either way). */
export async function getUserByLoginOrEmail(identifier: string): Promise<PublicUser | undefined> {
  const key = identifier.trim().toLowerCase();
  return getDb()
    .select(publicColumns)
    .from(users)
    .where(key.includes("@") ? sql`lower(${users.email}) = ${key}` : sql`lower(${users.login}) = ${key}`)
    .then(first);
}

/** The first administrator: who imports when nobody is named. */
export async function getFirstAdministratorId(): Promise<number | undefined> {
  return (await getDb().select({ id: users.id }).from(users).where(eq(users.role, "administrator")).orderBy(users.id).limit(1).then(first))?.id;
}
