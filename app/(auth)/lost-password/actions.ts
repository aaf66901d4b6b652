"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { allowLostPasswordRequest, requestPasswordReset } from "@/lib/auth/password-reset";
import type { FormState } from "@/lib/form-state";
import { clientIpFrom } from "@/lib/request-ip";
import { logEvent } from "@/lib/log";
import { LostPasswordSchema } from "@/lib/validation/password-reset";

/** WordPress's wp-login.php?action=lostpassword: a reset link by mail, for a login or an email. */
export async function lostPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // No capability: anyone may ask. The answer is the same whether the account exists or not.
  const raw = { user_login: String(formData.get("user_login") ?? "") };
  const parsed = LostPasswordSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", message: "Enter a username or email address.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values: raw };
  const ip = clientIpFrom(await headers());
  if (!(await allowLostPasswordRequest(ip))) {
    return { status: "error", message: "Too many password reset requests from your address. Please try again in an hour.", values: raw };
  }
  // Looked up after the answer has gone, so that its timing cannot tell whether the account exists.
  after(async () => {
    const outcome = await requestPasswordReset(parsed.data.user_login);
    logEvent("password.reset_requested", { outcome });
  });
  redirect("/login/?checkemail=confirm");
}
