// Profile → Application Passwords and authorize-application.php: the inputs and their limits.
import { z } from "zod";
import { APP_PASSWORD_NAME_MAX } from "@/lib/auth/app-passwords";

export const AppPasswordNameSchema = z.object({
  name: z.string().trim()
    .min(1, "An application name is required to create an application password.")
    .max(APP_PASSWORD_NAME_MAX, `Application names can have at most ${APP_PASSWORD_NAME_MAX} characters.`),
});

export const RevokeAppPasswordSchema = z.object({ uuid: z.uuid("Choose an application password.") });

/**
 * What an app sends to wp-admin/authorize-application.php. The URLs must not be javascript: or
 * data:, and plain http only for this machine (WordPress's wp_is_authorize_application_redirect_url_valid).
 */
const redirectUrl = z.string().trim().max(2000).optional().default("").refine((u) => {
  if (!u) return true;
  try {
    const url = new URL(u);
    if (url.protocol === "http:") return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    return !["javascript:", "data:", "vbscript:", "file:"].includes(url.protocol);
  } catch {
    return false;
  }
}, "The URL must be served over a secure connection.");

export const AuthorizeApplicationSchema = z.object({
  app_name: z.string().trim().max(APP_PASSWORD_NAME_MAX, `The application name can have at most ${APP_PASSWORD_NAME_MAX} characters.`).optional().default(""),
  app_id: z.union([z.uuid(), z.literal("")], { error: "The application ID must be a UUID." }).optional().default(""),
  success_url: redirectUrl,
  reject_url: redirectUrl,
});
