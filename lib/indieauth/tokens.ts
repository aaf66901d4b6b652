// IndieAuth access tokens: random, shown to the app once, kept only as a SHA-256 in the
// indieauth_tokens setting (a handful per person, so no table of their own), revocable by the
// app (token endpoint, action=revoke) and by the person (Profile).
import { createHash, randomBytes } from "node:crypto";
import { getOptions, updateOptions } from "@/db/queries/options";
import { getUserRole } from "@/db/queries/users";
import type { Role } from "@/db/schema";
import type { IndieAuthToken } from "@/lib/options/defaults";
import { nowGmt } from "@/lib/dates";

/** A person's approvals beyond this drop the oldest: an app that loops cannot grow the setting. */
export const MAX_TOKENS = 50;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueToken(userId: number, clientId: string, scope: string[]): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const hash = hashOf(token);
  const all = (await getOptions()).indieauth_tokens;
  const mine = all.filter((t) => t.userId === userId);
  const drop = new Set(mine.slice(0, Math.max(0, mine.length - MAX_TOKENS + 1)).map((t) => t.id));
  const entry: IndieAuthToken = { id: hash.slice(0, 12), hash, userId, clientId, scope, createdGmt: nowGmt() };
  await updateOptions({ indieauth_tokens: [...all.filter((t) => !drop.has(t.id)), entry] });
  return token;
}

export interface TokenOwner {
  id: number;
  role: Role;
  scope: string[];
  clientId: string;
}

/** The person and scope behind a bearer token, or null (unknown, revoked, or the user is gone). */
export async function verifyToken(token: string): Promise<TokenOwner | null> {
  if (!token) return null;
  const hash = hashOf(token);
  const t = (await getOptions()).indieauth_tokens.find((x) => x.hash === hash);
  if (!t) return null;
  // The role as stored now: a demoted person's tokens lose what the role lost.
  const role = await getUserRole(t.userId);
  return role ? { id: t.userId, role, scope: t.scope, clientId: t.clientId } : null;
}

export async function revokeToken(token: string): Promise<void> {
  const hash = hashOf(token);
  const all = (await getOptions()).indieauth_tokens;
  if (all.some((t) => t.hash === hash)) await updateOptions({ indieauth_tokens: all.filter((t) => t.hash !== hash) });
}

export async function listTokens(userId: number): Promise<Omit<IndieAuthToken, "hash">[]> {
  return (await getOptions()).indieauth_tokens.filter((t) => t.userId === userId).map((t) => ({ id: t.id, userId: t.userId, clientId: t.clientId, scope: t.scope, createdGmt: t.createdGmt }));
}

export async function revokeTokenById(userId: number, id: string): Promise<boolean> {
  const all = (await getOptions()).indieauth_tokens;
  const keep = all.filter((t) => !(t.userId === userId && t.id === id));
  if (keep.length === all.length) return false;
  await updateOptions({ indieauth_tokens: keep });
  return true;
}
