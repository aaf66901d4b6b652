"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { resetPasswordWithKey } from "@/lib/auth/password-reset";
import type { FormState } from "@/lib/form-state";
import { ResetPasswordSchema } from "@/lib/validation/password-reset";

/** WordPress's wp-login.php?action=resetpass: the link's key is the capability, checked again here. */
export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = {
    login: String(formData.get("login") ?? ""),
    key: String(formData.get("key") ?? ""),
    password: String(formData.get("password") ?? ""),
    confirmPassword: String(formData.get("confirmPassword") ?? ""),
  };
  const parsed = ResetPasswordSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    // A malformed login or key is a bad link, said as every bad link is.
    if (fieldErrors.login || fieldErrors.key) redirect("/lost-password/?error=invalidkey");
    return { status: "error", message: "The password was not changed: please correct the fields marked below.", fieldErrors };
  }
  const { login, key, password } = parsed.data;
  if (!(await resetPasswordWithKey(login, key, password))) redirect("/lost-password/?error=invalidkey");
  redirect("/login/?password=reset");
}
