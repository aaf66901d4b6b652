"use server";
// Profile → Application Passwords: add one (its password shown once), revoke one, revoke all.
// Always the signed-in user's own passwords: the user never comes from the form.
import { refreshAfterWrite } from "@/lib/site/refresh";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "@/lib/session";
import { createAppPassword, revokeAllAppPasswords, revokeAppPassword } from "@/lib/auth/app-passwords";
import { listApplicationPasswords } from "@/db/queries/application-passwords";
import { AppPasswordNameSchema, RevokeAppPasswordSchema } from "@/lib/validation/app-password";
import type { FormState } from "@/lib/form-state";
import { APP_PASSWORD_REVOKED, APP_PASSWORDS_REVOKED } from "./messages";

export async function createAppPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const me = await requireCapability("read");
  const values = { name: String(formData.get("name") ?? "") };
  const parsed = AppPasswordNameSchema.safeParse(values);
  if (!parsed.success) return { status: "error", message: "No application password was created.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const taken = (await listApplicationPasswords(me.id)).some((p) => p.name.toLowerCase() === parsed.data.name.toLowerCase());
  if (taken) return { status: "error", message: "No application password was created.", fieldErrors: { name: ["Each application name should be unique."] }, values };
  const { password } = await createAppPassword(me.id, parsed.data.name);
  refreshAfterWrite();
  // The password travels in the form state once; the page never reads it back from anywhere.
  return { status: "success", message: `Your new password for ${parsed.data.name} is:`, values: { password, name: parsed.data.name } };
}

export async function revokeAppPasswordAction(formData: FormData): Promise<void> {
  const me = await requireCapability("read");
  const parsed = RevokeAppPasswordSchema.safeParse({ uuid: formData.get("uuid") });
  if (!parsed.success) redirect("/admin/profile/");
  await revokeAppPassword(me.id, parsed.data.uuid);
  refreshAfterWrite();
  redirect(`/admin/profile/?message=${APP_PASSWORD_REVOKED}#app-passwords-heading`);
}

export async function revokeAllAppPasswordsAction(): Promise<void> {
  const me = await requireCapability("read");
  await revokeAllAppPasswords(me.id);
  refreshAfterWrite();
  redirect(`/admin/profile/?message=${APP_PASSWORDS_REVOKED}#app-passwords-heading`);
}
