"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/auth";
import { SignInSchema } from "@/lib/validation/auth";
import { safeRedirectPath } from "@/lib/security/redirect-target";
import { siteUrl } from "@/lib/site-url";
import type { FormState } from "@/lib/form-state";

const GENERIC_SIGN_IN_ERROR = "The username, email address or password is incorrect.";
const LOCKED_SIGN_IN_ERROR = "Too many failed sign-in attempts. Try again in 15 minutes.";

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = { login: formData.get("login"), password: formData.get("password"), redirectTo: formData.get("redirectTo") ?? undefined };
  const parsed = SignInSchema.safeParse(raw);
  const values = { login: typeof raw.login === "string" ? raw.login : "" };
  if (!parsed.success) {
    return { status: "error", message: "Please fill in both fields.", fieldErrors: parsed.error.flatten().fieldErrors, values };
  }
  try {
    await signIn("credentials", {
      login: parsed.data.login,
      password: parsed.data.password,
      redirectTo: safeRedirectPath(parsed.data.redirectTo, "/admin/", await siteUrl()),
    });
  } catch (e) {
    if (e instanceof AuthError) {
      const locked = e instanceof CredentialsSignin && e.code === "locked";
      return { status: "error", message: locked ? LOCKED_SIGN_IN_ERROR : GENERIC_SIGN_IN_ERROR, values };
    }
    throw e; // NEXT_REDIRECT on success
  }
  return { status: "success" };
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login/?loggedout=true" });
}
