// Who is asking the REST API. As WordPress: an application password by HTTP Basic, or the admin's
// own cookie with the X-WP-Nonce header its scripts send; a cookie without a nonce counts as
// nobody (a form on another site could send the cookie, never the nonce). The role is read from
// the database on every request, so a demoted user's app loses what the role lost.
import type { Role } from "@/db/schema";
import { appPasswordsAllowedFor, authenticateAppPassword, parseBasicAuth } from "@/lib/auth/app-passwords";
import { clientIpFrom } from "@/lib/request-ip";
import { RestError } from "./errors";
import { verifyRestNonce } from "./nonce";

export interface RestUser {
  id: number;
  role: Role;
  login: string;
}

export async function authenticateRest(req: Request): Promise<RestUser | null> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const basic = parseBasicAuth(authorization);
    if (!basic) throw new RestError("rest_invalid_authorization", "The Authorization header is not HTTP Basic with a username and an application password.", 401);
    const ip = clientIpFrom(req.headers);
    if (!appPasswordsAllowedFor(req.headers, ip)) {
      throw new RestError("application_passwords_disabled", "Application passwords are accepted only over HTTPS.", 401);
    }
    const result = await authenticateAppPassword(basic.login, basic.password, ip);
    if ("error" in result) {
      if (result.error === "locked") throw new RestError("too_many_retries", "Too many failed attempts. Try again in 15 minutes.", 429);
      throw new RestError("incorrect_password", "The provided password is an invalid application password.", 401);
    }
    return { id: result.user.id, role: result.user.role, login: result.user.login };
  }
  const nonce = req.headers.get("x-wp-nonce") ?? new URL(req.url).searchParams.get("_wpnonce");
  if (!nonce) return null;
  // Loaded only here: the session code is server-only and costs nothing to anonymous readers.
  const { getCurrentUser } = await import("@/lib/session");
  const me = await getCurrentUser();
  if (!me) return null;
  if (!verifyRestNonce(nonce, me.id)) throw new RestError("rest_cookie_invalid_nonce", "Cookie check failed", 403);
  return { id: me.id, role: me.role, login: me.login };
}
