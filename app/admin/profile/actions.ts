"use server";

import { refreshAfterWrite } from "@/lib/site/refresh";
import { redirect } from "next/navigation";
import { signInAgain } from "@/auth";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { LogOutEverywhereElseSchema, ProfileSchema } from "@/lib/validation/user";
import { bumpSessionEpoch, getPasswordHash, isEmailTaken, isNicenameTaken, updateUserProfile } from "@/db/queries/user-admin";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { FormState } from "@/lib/form-state";

import { FEDIVERSE_FORBIDDEN, FEDIVERSE_OFF, FEDIVERSE_ON, PASSWORD_SET, SESSIONS_ENDED } from "./messages";
import { setFediverseProfile } from "@/lib/federation/author-profile";

const FAILED = "Profile not updated: please correct the fields marked below.";

const isCurrentPassword = async (userId: number, password: string) => verifyPassword(await getPasswordHash(userId) ?? "", password);

/** Your own profile only: the user is the signed-in one, never an id from the form. */
export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const me = await requireCapability("read");
  const raw = Object.fromEntries(["displayName", "nicename", "email", "url", "bio", "currentPassword", "newPassword", "confirmPassword"].map((k) => [k, String(formData.get(k) ?? "")]));
  const values = { displayName: raw.displayName!, nicename: raw.nicename!, email: raw.email!, url: raw.url!, bio: raw.bio! };
  const parsed = ProfileSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", message: FAILED, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const p = parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  if (await isEmailTaken(p.email, me.id)) fieldErrors.email = ["That email address is already used by another account."];
  if (await isNicenameTaken(p.nicename, me.id)) fieldErrors.nicename = ["That nicename is already used by another account."];
  let passwordHash: string | undefined;
  if (p.newPassword) {
    if (!(await isCurrentPassword(me.id, p.currentPassword))) fieldErrors.currentPassword = ["Your current password is incorrect."];
    else passwordHash = await hashPassword(p.newPassword);
  }
  if (Object.keys(fieldErrors).length) return { status: "error", message: FAILED, fieldErrors, values };
  try {
    await updateUserProfile(me.id, { displayName: p.displayName, nicename: p.nicename, email: p.email, url: p.url, bio: p.bio, ...(passwordHash ? { passwordHash } : {}) });
  } catch (e) {
    if (e instanceof Error && /UNIQUE constraint failed/.test(e.message)) return { status: "error", message: "That email address or nicename was just taken: choose another.", values };
    throw e;
  }
  // Names show on posts, comments and author archives.
  refreshAfterWrite();
  if (!passwordHash) return { status: "success", message: "Profile updated." };
  // The new password ends every session signed in with the old one, this one too; signing this
  // browser in again with the new password keeps its owner here while the others are out.
  if (!(await signInAgain(me.login, p.newPassword))) {
    return { status: "success", message: "Profile updated. Your new password is set: sign in again with it." };
  }
  // A redirect, not a re-render: this request still carries the old cookie, so rendering the page
  // in it would find no session; the redirected request carries the new one.
  redirect(`/admin/profile/?message=${PASSWORD_SET}`);
}

/**
 * Profile → Sessions → "Log Out Everywhere Else": every session of yours made before now ends
 * (a phone lost, a public computer left signed in). Sessions are signed tokens, not rows, so
 * this browser is signed in again with your password, which the form therefore asks for.
 */
export async function logOutEverywhereElseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const me = await requireCapability("read");
  const parsed = LogOutEverywhereElseSchema.safeParse({ sessionsPassword: String(formData.get("sessionsPassword") ?? "") });
  if (!parsed.success) return { status: "error", message: "Nobody was logged out.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const password = parsed.data.sessionsPassword;
  if (!(await isCurrentPassword(me.id, password))) {
    return { status: "error", message: "Nobody was logged out.", fieldErrors: { sessionsPassword: ["That is not your password."] } };
  }
  await bumpSessionEpoch(me.id);
  if (!(await signInAgain(me.login, password))) {
    return { status: "success", message: "You are logged out everywhere, here too: sign in again." };
  }
  // As after a new password: the redirected request carries this browser's new session cookie.
  redirect(`/admin/profile/?message=${SESSIONS_ENDED}`);
}

/**
 * Profile → Fediverse → "Enable fediverse profile": your own profile only, and only if you may
 * publish posts (turning it off is always allowed). A plain form: it works without JavaScript.
 */
export async function setFediverseProfileAction(formData: FormData): Promise<void> {
  const me = await requireCapability("read");
  const on = formData.get("fediverse") === "1";
  const outcome = await setFediverseProfile(me.id, on);
  redirect(`/admin/profile/?message=${outcome === "forbidden" ? FEDIVERSE_FORBIDDEN : on ? FEDIVERSE_ON : FEDIVERSE_OFF}#fediverse`);
}
