// The sign-in decision, apart from Auth.js so that it can be tested directly: lockout first
// (per account and per IP), then the password; the answer never says which part was wrong.
import { getUserCredentialsByLoginOrEmail, updateUserPasswordHash } from "@/db/queries/users";
import { claimSignInAttempt, clearSignInFailures, isSignInLocked, recordSignInFailure, releaseSignInAttempt } from "@/db/queries/rate-limits";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { logEvent } from "@/lib/log";
import { countRateLimited } from "@/lib/metrics";
import { passwordStamp } from "./password-stamp";

// Verifying against a real hash even for unknown users keeps the timing the same for both.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("not-a-real-password-" + Math.random()));

export type SignInResult =
  | { status: "ok"; user: { id: number; displayName: string; email: string; passwordStamp: string } }
  | { status: "invalid" }
  | { status: "locked" };

export async function verifySignIn(login: string, password: string, ip: string): Promise<SignInResult> {
  // An existing account is one key whether it is typed as its login or its email (else the two
  // would give an attacker ten tries instead of five); a name with no account is keyed as typed.
  const user = await getUserCredentialsByLoginOrEmail(login);
  const keys = [user ? `user:${user.id}` : `account:${login.trim().toLowerCase()}`, `ip:${ip}`];
  // The cheap check first; then the claim, which is what holds when attempts arrive together.
  if ((await isSignInLocked(keys)) || !(await claimSignInAttempt(keys))) {
    logEvent("signin_locked", { ip });
    countRateLimited("signin");
    return { status: "locked" };
  }
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !ok) {
    await recordSignInFailure(keys);
    logEvent("signin_failed", { ip });
    return { status: "invalid" };
  }
  await clearSignInFailures([keys[0]!]);
  await releaseSignInAttempt([keys[1]!]);
  let hash = user.passwordHash;
  if (needsRehash(hash)) await updateUserPasswordHash(user.id, (hash = await hashPassword(password)));
  return { status: "ok", user: { id: user.id, displayName: user.displayName, email: user.email, passwordStamp: passwordStamp(hash, user.sessionEpoch)! } };
}
