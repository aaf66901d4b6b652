// "Lost your password?" and the reset form: their inputs and limits.
import { z } from "zod";
import { USER_LIMITS } from "./user";

export const LostPasswordSchema = z.object({
  user_login: z.string().trim().min(1, "Enter a username or email address.").max(USER_LIMITS.email + USER_LIMITS.login, "That is too long for a username or email address."),
});

export const ResetPasswordSchema = z
  .object({
    login: z.string().max(USER_LIMITS.login),
    key: z.string().max(100),
    password: z
      .string()
      .min(USER_LIMITS.passwordMin, `Use at least ${USER_LIMITS.passwordMin} characters.`)
      .max(USER_LIMITS.passwordMax, "The password is too long."),
    confirmPassword: z.string().max(USER_LIMITS.passwordMax),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

/** The one answer to a reset request, whether or not the account exists (WordPress's wording). */
export const CHECK_EMAIL = "Check your email for the confirmation link, then visit the login page.";
/** The one answer to every bad link: expired, used, forged, another user's. */
export const INVALID_LINK = "Your password reset link appears to be invalid or has expired. Please request a new link below.";
