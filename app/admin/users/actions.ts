"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { ChangeRoleSchema, DeleteUserSchema, NewUserSchema } from "@/lib/validation/user";
import { deleteUserReassigning, isEmailTaken, isLoginTaken, isNicenameTaken, updateUserRole } from "@/db/queries/user-admin";
import { insertUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { slugify, uniqueSlug } from "@/lib/content/slug";
import type { FormState } from "@/lib/form-state";

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireCapability("create_users");
  const raw = {
    login: String(formData.get("login") ?? ""),
    email: String(formData.get("email") ?? ""),
    displayName: String(formData.get("displayName") ?? ""),
    password: String(formData.get("password") ?? ""),
    role: String(formData.get("role") ?? ""),
  };
  const values = { login: raw.login, email: raw.email, displayName: raw.displayName, role: raw.role };
  const parsed = NewUserSchema.safeParse(raw);
  if (!parsed.success) {
    return { status: "error", message: "The user was not added: please correct the fields marked below.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  const u = parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  if (isLoginTaken(u.login)) fieldErrors.login = ["Sorry, that username already exists!"];
  if (isEmailTaken(u.email)) fieldErrors.email = ["Sorry, that email address is already used!"];
  if (Object.keys(fieldErrors).length) return { status: "error", message: "The user was not added: please correct the fields marked below.", fieldErrors, values };
  const nicename = uniqueSlug(slugify(u.login), (s) => isNicenameTaken(s), "user");
  let created: { id: number };
  try {
    created = insertUser({ login: u.login, email: u.email, displayName: u.displayName || u.login, nicename, role: u.role, passwordHash: await hashPassword(u.password) });
  } catch (e) {
    // Two admins adding the same login at once: the unique index decides, the form says so.
    if (e instanceof Error && /UNIQUE constraint failed/.test(e.message)) {
      return { status: "error", message: "That username or email address was just taken: choose another.", values };
    }
    throw e;
  }
  revalidatePath("/admin/users/");
  redirect(`/admin/users/?message=created&id=${created.id}`);
}

export async function changeUserRoleAction(formData: FormData): Promise<void> {
  const me = await requireCapability("promote_users");
  const parsed = ChangeRoleSchema.safeParse({ userId: formData.get("userId"), role: formData.get("role") });
  if (!parsed.success) redirect("/admin/users/?message=invalid-role");
  if (parsed.data.userId === me.id) redirect("/admin/users/?message=own-role");
  const result = updateUserRole(parsed.data.userId, parsed.data.role);
  revalidatePath("/admin/users/");
  redirect(`/admin/users/?message=${result === "ok" ? "role-changed" : result}`);
}

export async function deleteUserAction(formData: FormData): Promise<void> {
  const me = await requireCapability("delete_users");
  const parsed = DeleteUserSchema.safeParse({ userId: formData.get("userId"), reassignTo: formData.get("reassignTo") ?? "" });
  if (!parsed.success) redirect("/admin/users/?message=invalid-user");
  const { userId, reassignTo } = parsed.data;
  if (userId === me.id) redirect("/admin/users/?message=delete-self");
  const result = deleteUserReassigning(userId, reassignTo);
  if (result !== "ok" && result !== "not-found") redirect(`/admin/users/${userId}/delete/?error=${result}`);
  revalidatePath("/", "layout");
  redirect(`/admin/users/?message=${result === "ok" ? "deleted" : result}`);
}
