"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getOptions } from "@/db/queries/options";
import { consumeRate } from "@/db/queries/rate-limits";
import { isEmailTaken, isLoginTaken, isNicenameTaken } from "@/db/queries/user-admin";
import { insertUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { enqueueNewUserNotices } from "@/lib/auth/new-user-notice";
import { slugify, findUniqueSlug } from "@/lib/content/slug";
import type { FormState } from "@/lib/form-state";
import { clientIpFrom } from "@/lib/request-ip";
import { REGISTRATION_CLOSED, REGISTRATIONS_PER_IP_PER_HOUR, RegisterSchema, registrationRole } from "@/lib/validation/registration";

const FIX_FIELDS = "Registration failed: please correct the fields marked below.";

/** Settings → General "Anyone can register": a new account with the default role (never editor or administrator). */
export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // No capability to check (anyone may register), but only while the site allows it.
  const opts = await getOptions();
  if (!opts.users_can_register) return { status: "error", message: REGISTRATION_CLOSED };
  const raw = { login: String(formData.get("login") ?? ""), email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
  const values = { login: raw.login, email: raw.email };
  const parsed = RegisterSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", message: FIX_FIELDS, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const ip = clientIpFrom(await headers());
  if (!(await consumeRate("register", ip, REGISTRATIONS_PER_IP_PER_HOUR, 3600))) {
    return { status: "error", message: "Too many registrations from your address. Please try again later.", values };
  }
  const u = parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  if (await isLoginTaken(u.login)) fieldErrors.login = ["This username is already registered. Please choose another one."];
  if (await isEmailTaken(u.email)) fieldErrors.email = ["This email address is already registered."];
  if (Object.keys(fieldErrors).length) return { status: "error", message: FIX_FIELDS, fieldErrors, values };
  const nicename = await findUniqueSlug(slugify(u.login), async (s) => await isNicenameTaken(s), "user");
  let created: { id: number; login: string; email: string };
  try {
    created = await insertUser({ login: u.login, email: u.email, displayName: u.login, nicename, role: registrationRole(opts.default_role), passwordHash: await hashPassword(u.password) });
  } catch (e) {
    if (e instanceof Error && /UNIQUE constraint failed/.test(e.message)) {
      return { status: "error", message: "That username or email address was just taken: choose another.", values };
    }
    throw e;
  }
  // WordPress's register_new_user(): the new user and the site's administrator are told.
  await enqueueNewUserNotices(created, { user: true, admin: true });
  redirect("/login/?checkemail=registered");
}
