"use server";

import { refreshAfterWrite } from "@/lib/site/refresh";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { ChangeRoleSchema, DeleteUserSchema, EditUserSchema, LogOutUserSchema, NewUserSchema } from "@/lib/validation/user";
import { bumpSessionEpoch, deleteUserReassigning, getUserProfile, isEmailTaken, isLoginTaken, isNicenameTaken, updateUserProfile, updateUserRole } from "@/db/queries/user-admin";
import { insertUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { slugify, findUniqueSlug } from "@/lib/content/slug";
import type { FormState } from "@/lib/form-state";
import { logEvent } from "@/lib/log";
import { enqueuePasswordReset } from "@/lib/auth/password-reset";
import { enqueueNewUserNotices } from "@/lib/auth/new-user-notice";

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireCapability("create_users");
  const raw = {
    login: String(formData.get("login") ?? ""),
    email: String(formData.get("email") ?? ""),
    displayName: String(formData.get("displayName") ?? ""),
    password: String(formData.get("password") ?? ""),
    role: String(formData.get("role") ?? ""),
    sendUserNotification: formData.get("sendUserNotification") !== null,
  };
  const values = { login: raw.login, email: raw.email, displayName: raw.displayName, role: raw.role, sendUserNotification: raw.sendUserNotification ? "on" : "" };
  const parsed = NewUserSchema.safeParse(raw);
  if (!parsed.success) {
    return { status: "error", message: "The user was not added: please correct the fields marked below.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  const u = parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  if (await isLoginTaken(u.login)) fieldErrors.login = ["Sorry, that username already exists!"];
  if (await isEmailTaken(u.email)) fieldErrors.email = ["Sorry, that email address is already used!"];
  if (Object.keys(fieldErrors).length) return { status: "error", message: "The user was not added: please correct the fields marked below.", fieldErrors, values };
  const nicename = await findUniqueSlug(slugify(u.login), async (s) => await isNicenameTaken(s), "user");
  let created: { id: number; login: string; email: string };
  try {
    created = await insertUser({ login: u.login, email: u.email, displayName: u.displayName || u.login, nicename, role: u.role, passwordHash: await hashPassword(u.password) });
  } catch (e) {
    // Two admins adding the same login at once: the unique index decides, the form says so.
    if (e instanceof Error && /UNIQUE constraint failed/.test(e.message)) {
      return { status: "error", message: "That username or email address was just taken: choose another.", values };
    }
    throw e;
  }
  const notified = u.sendUserNotification && (await enqueueNewUserNotices(created, { user: true, admin: false })).length > 0;
  refreshAfterWrite();
  redirect(`/admin/users/?message=${notified ? "created-notified" : "created"}&id=${created.id}`);
}

export async function changeUserRoleAction(formData: FormData): Promise<void> {
  const me = await requireCapability("promote_users");
  const parsed = ChangeRoleSchema.safeParse({ userId: formData.get("userId"), role: formData.get("role") });
  if (!parsed.success) redirect("/admin/users/?message=invalid-role");
  if (parsed.data.userId === me.id) redirect("/admin/users/?message=own-role");
  const result = await updateUserRole(parsed.data.userId, parsed.data.role);
  refreshAfterWrite();
  redirect(`/admin/users/?message=${result === "ok" ? "role-changed" : result}`);
}

export async function deleteUserAction(formData: FormData): Promise<void> {
  const me = await requireCapability("delete_users");
  const parsed = DeleteUserSchema.safeParse({ userId: formData.get("userId"), reassignTo: formData.get("reassignTo") ?? "" });
  if (!parsed.success) redirect("/admin/users/?message=invalid-user");
  const { userId, reassignTo } = parsed.data;
  if (userId === me.id) redirect("/admin/users/?message=delete-self");
  const result = await deleteUserReassigning(userId, reassignTo);
  if (result !== "ok" && result !== "not-found") redirect(`/admin/users/${userId}/delete/?error=${result}`);
  refreshAfterWrite();
  redirect(`/admin/users/?message=${result === "ok" ? "deleted" : result}`);
}

/** An administrator edits another user's profile and may set them a new password. */
export async function updateUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const me = await requireCapability("edit_users");
  const raw = Object.fromEntries(["userId", "displayName", "nicename", "email", "url", "bio", "newPassword", "confirmPassword"].map((k) => [k, String(formData.get(k) ?? "")]));
  const values = { userId: raw.userId!, displayName: raw.displayName!, nicename: raw.nicename!, email: raw.email!, url: raw.url!, bio: raw.bio! };
  const parsed = EditUserSchema.safeParse(raw);
  const failed = "User not updated: please correct the fields marked below.";
  if (!parsed.success) return { status: "error", message: failed, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const u = parsed.data;
  // Your own account goes through Profile, which asks for the current password.
  if (u.userId === me.id) return { status: "error", message: "Edit your own account in Profile.", values };
  if (!await getUserProfile(u.userId)) return { status: "error", message: "That user does not exist (any more)." };
  const fieldErrors: Record<string, string[]> = {};
  if (await isEmailTaken(u.email, u.userId)) fieldErrors.email = ["That email address is already used by another account."];
  if (await isNicenameTaken(u.nicename, u.userId)) fieldErrors.nicename = ["That nicename is already used by another account."];
  if (Object.keys(fieldErrors).length) return { status: "error", message: failed, fieldErrors, values };
  const passwordHash = u.newPassword ? await hashPassword(u.newPassword) : undefined;
  try {
    await updateUserProfile(u.userId, { displayName: u.displayName, nicename: u.nicename, email: u.email, url: u.url, bio: u.bio, ...(passwordHash ? { passwordHash } : {}) });
  } catch (e) {
    if (e instanceof Error && /UNIQUE constraint failed/.test(e.message)) return { status: "error", message: "That email address or nicename was just taken: choose another.", values };
    throw e;
  }
  refreshAfterWrite();
  return { status: "success", message: passwordHash ? "User updated, with a new password." : "User updated." };
}

/** Users → Edit User → "Log Out Everywhere": ends every session of another user, as WordPress does. */
export async function logOutUserEverywhereAction(formData: FormData): Promise<void> {
  const me = await requireCapability("edit_users");
  const parsed = LogOutUserSchema.safeParse({ userId: formData.get("userId") });
  if (!parsed.success) redirect("/admin/users/?message=invalid-user");
  const { userId } = parsed.data;
  // Your own sessions: Profile, which keeps this browser signed in.
  if (userId === me.id) redirect("/admin/profile/");
  if (!await getUserProfile(userId)) redirect("/admin/users/?message=invalid-user");
  await bumpSessionEpoch(userId);
  logEvent("sessions.ended", { by: me.id, userId });
  redirect(`/admin/users/${userId}/edit/?message=sessions-ended`);
}

/** Users → Edit User → "Send Reset Link", as WordPress's user-edit.php offers: the user chooses the new password. */
export async function sendPasswordResetAction(formData: FormData): Promise<void> {
  const me = await requireCapability("edit_users");
  const parsed = LogOutUserSchema.safeParse({ userId: formData.get("userId") });
  if (!parsed.success) redirect("/admin/users/?message=invalid-user");
  const user = await getUserProfile(parsed.data.userId);
  if (!user) redirect("/admin/users/?message=invalid-user");
  await enqueuePasswordReset(user.id, user.email, "administrator");
  logEvent("password.reset_sent", { by: me.id, userId: user.id });
  redirect(`/admin/users/${user.id}/edit/?message=reset-sent`);
}
