// Log Out ends the session on the server, as WordPress destroys its session token: each session
// token carries its own id (sid), and Log Out records that id as revoked until the token could have
// expired anyway, so a copy of the cookie taken before Log Out opens nothing afterwards. A list of
// revoked ids rather than of live sessions: signing in and signed-in requests write nothing, and
// the table holds only the sign-outs of the last SESSION_MAX_AGE.
import { randomUUID } from "node:crypto";
import { isSessionRevoked, revokeSession } from "@/db/queries/sessions";

/** Auth.js's session lifetime (auth.ts); every request pushes a session's expiry this far ahead. */
export const SESSION_MAX_AGE = 14 * 24 * 60 * 60;

export function newSessionId(): string {
  return randomUUID();
}

const isSid = (sid: unknown): sid is string => typeof sid === "string" && sid.length > 0 && sid.length <= 64;

/** Is the session of this id still open? A token without an id (made before ids existed) is not. */
export async function sessionIsOpen(sid: unknown): Promise<boolean> {
  return isSid(sid) && !await isSessionRevoked(sid);
}

/** Log Out: no copy of this session's token opens anything from now on. */
export async function endSession(sid: unknown, nowMs = Date.now()): Promise<void> {
  if (!isSid(sid)) return;
  const now = Math.floor(nowMs / 1000);
  // No token of this session can be issued after this moment, so none outlives now + max age.
  await revokeSession(sid, now + SESSION_MAX_AGE, now);
}
