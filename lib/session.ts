// Who is asking, read once per request. The role comes from the database, not the token, so a
// demoted or deleted user loses access on their next request.
import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { auth } from "@/auth";
import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { getUserById, type PublicUser } from "@/db/queries/users";
import { roleCan, type Actor, type Capability } from "@/lib/auth/capabilities";

export type CurrentUser = Pick<PublicUser, "id" | "login" | "email" | "displayName" | "nicename" | "role" | "url">;

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Most requests are readers without a session: no need to ask Auth.js.
  if (!hasSessionCookie(await cookieHeader())) return null;
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const user = await getUserById(id);
  if (!user) return null;
  return { id: user.id, login: user.login, email: user.email, displayName: user.displayName, nicename: user.nicename, role: user.role, url: user.url };
});

/** The request's Cookie header; outside a request (scripts, tests) a stand-in that lets Auth.js decide. */
async function cookieHeader(): Promise<string> {
  try {
    return (await headers()).get("cookie") ?? "";
  } catch {
    return "authjs.session-token=";
  }
}

/** The reader as the visibility rules see them (lib/auth/capabilities.ts canReadPost): null when anonymous. */
export async function currentReader(): Promise<Actor | null> {
  const user = await getCurrentUser();
  return user && { id: user.id, role: user.role };
}

/** A signed-in user, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login/");
  return user;
}

/** A signed-in user holding `cap`, else sign-in (anonymous) or 403 (signed in, not allowed). */
export async function requireCapability(cap: Capability): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roleCan(user.role, cap)) forbidden();
  return user;
}

export async function currentUserCan(cap: Capability): Promise<boolean> {
  const user = await getCurrentUser();
  return !!user && roleCan(user.role, cap);
}
