// A session remembers which password it was signed in with, as WordPress's session tokens do:
// the token carries a fingerprint of the password hash of its day, and a request whose token
// fingerprint no longer matches the user's current hash has no session. So changing a password
// (on Profile, by an administrator, or by an import) signs out every session made before it,
// including one an attacker copied. "Log Out Everywhere Else" raises the user's session epoch,
// which is part of the fingerprint too. The fingerprint is of the salted hash, never the
// password, and it rides only inside Auth.js's encrypted token.
import { createHash, timingSafeEqual } from "node:crypto";

export function passwordStamp(passwordHash: string | null | undefined, sessionEpoch = 0): string | null {
  if (!passwordHash) return null;
  // Epoch 0 hashes the password hash alone, as before epochs existed: an upgrade signs no one out.
  const source = sessionEpoch === 0 ? passwordHash : `${passwordHash}\n${sessionEpoch}`;
  return createHash("sha256").update(source).digest("base64url").slice(0, 22);
}

/** Does a token's stamp match the user's password hash and session epoch now? Missing either side: no. */
export function stampMatches(tokenStamp: unknown, currentHash: string | null | undefined, currentEpoch = 0): boolean {
  const current = passwordStamp(currentHash, currentEpoch);
  if (typeof tokenStamp !== "string" || !current || tokenStamp.length !== current.length) return false;
  return timingSafeEqual(Buffer.from(tokenStamp), Buffer.from(current));
}
