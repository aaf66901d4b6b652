// Application passwords, as WordPress 5.6+ has them: a user creates a named password in Profile (or
// an app asks for one through authorize-application.php), sees it once, and the app sends it with
// the user's login by HTTP Basic to the APIs (REST, and XML-RPC). It never signs in to the admin.
// Failures count against the same lockout as the sign-in form (lib/auth/sign-in.ts), per account
// and per address, so an API cannot be used to guess faster than the form allows.
import { createHash, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import ipaddr from "ipaddr.js";
import {
  deleteAllApplicationPasswords, deleteApplicationPassword, insertApplicationPassword, listApplicationPasswordHashes,
  recordApplicationPasswordUse, type ApplicationPasswordView,
} from "@/db/queries/application-passwords";
import { getUserCredentialsByLoginOrEmail } from "@/db/queries/users";
import { claimSignInAttempt, clearSignInFailures, isSignInLocked, recordSignInFailure, releaseSignInAttempt } from "@/db/queries/rate-limits";
import type { Role } from "@/db/schema";
import { nowGmt } from "@/lib/dates";
import { logEvent } from "@/lib/log";
import { countRateLimited } from "@/lib/metrics";

// wp_generate_password(24, false): letters and digits only, so it survives any client's quoting.
const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export const APP_PASSWORD_LENGTH = 24;
export const APP_PASSWORD_NAME_MAX = 200;

export type AppPasswordUser = { id: number; login: string; displayName: string; role: Role };
export type AppPasswordResult = { user: AppPasswordUser; uuid: string } | { error: "invalid" | "locked" };

/** WordPress shows the password in groups of four: "abcd efgh ijkl mnop qrst uvwx". */
export function chunkAppPassword(raw: string): string {
  return raw.match(/.{1,4}/g)!.join(" ");
}

/** Apps may send the password with or without the spaces (WordPress strips all but letters and digits). */
export function normalizeAppPassword(presented: string): string {
  return presented.replace(/[^a-z\d]/gi, "");
}

export function hashAppPassword(raw: string): string {
  return "sha256$" + createHash("sha256").update(raw).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Creates a password for the user; the plain text is returned this once and never stored. */
export async function createAppPassword(userId: number, name: string, appId = ""): Promise<{ password: string; item: ApplicationPasswordView }> {
  let raw = "";
  for (let i = 0; i < APP_PASSWORD_LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  const item = await insertApplicationPassword({
    uuid: randomUUID(), userId, name: name.trim(), appId, passwordHash: hashAppPassword(raw), createdGmt: nowGmt(),
  });
  logEvent("app_password_created", { userId, uuid: item.uuid });
  return { password: chunkAppPassword(raw), item };
}

export async function revokeAppPassword(userId: number, uuid: string): Promise<boolean> {
  return await deleteApplicationPassword(userId, uuid);
}

export async function revokeAllAppPasswords(userId: number): Promise<number> {
  return await deleteAllApplicationPasswords(userId);
}

/**
 * Checks a login (or email) and an application password. A revoked password is simply no longer
 * there, so it is "invalid" like a wrong one; the answer never says whether the account exists.
 */
export async function authenticateAppPassword(login: string, password: string, ip: string): Promise<AppPasswordResult> {
  const user = await getUserCredentialsByLoginOrEmail(login);
  const keys = [user ? `user:${user.id}` : `account:${login.trim().toLowerCase()}`, `ip:${ip}`];
  if ((await isSignInLocked(keys)) || !(await claimSignInAttempt(keys))) {
    logEvent("app_password_locked", { ip });
    countRateLimited("signin");
    return { error: "locked" };
  }
  const hash = hashAppPassword(normalizeAppPassword(password));
  const match = user ? (await listApplicationPasswordHashes(user.id)).find((row) => sameHash(row.passwordHash, hash)) : undefined;
  if (!user || !match) {
    await recordSignInFailure(keys);
    logEvent("app_password_failed", { ip });
    return { error: "invalid" };
  }
  await clearSignInFailures([keys[0]!]);
  await releaseSignInAttempt([keys[1]!]);
  await recordApplicationPasswordUse(match.uuid, nowGmt(), ip);
  return { user: { id: user.id, login: user.login, displayName: user.displayName, role: user.role }, uuid: match.uuid };
}

/**
 * WordPress's wp_is_application_passwords_available(): only over HTTPS, or from this machine, or
 * where the site has chosen to allow plain HTTP (a password sent in clear text is a password given away).
 */
export function appPasswordsAllowed(opts: { secure: boolean; ip: string; allowHttp: boolean }): boolean {
  if (opts.secure || opts.allowHttp) return true;
  try {
    const addr = ipaddr.process(opts.ip);
    return addr.range() === "loopback";
  } catch {
    return false;
  }
}

/** The credentials of an `Authorization: Basic …` header, or null. */
export function parseBasicAuth(header: string | null): { login: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return null;
  return { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** For a request as server/main.mjs hands it on (forwarded headers only from trusted proxies). */
export function appPasswordsAllowedFor(headers: Headers, ip: string): boolean {
  // Inkwell serves plain HTTP behind its TLS proxy; server.mjs drops this header from untrusted peers.
  const secure = headers.get("x-forwarded-proto") === "https";
  return appPasswordsAllowed({ secure, ip, allowHttp: /^(1|true|on|yes)$/i.test(process.env.APP_PASSWORDS_ALLOW_HTTP ?? "") });
}
