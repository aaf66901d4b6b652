// argon2id for every password we hash; bcrypt only to verify hashes imported from WordPress
// ($2y$/$2b$), which are rehashed with argon2id at the next successful sign-in.
import { hash, verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";

const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    if (stored.startsWith("$argon2")) return await verify(stored, password);
    if (/^\$2[aby]\$/.test(stored)) return await bcrypt.compare(password, stored.replace(/^\$2y\$/, "$2b$"));
  } catch {
    return false;
  }
  return false;
}

export function needsRehash(stored: string): boolean {
  return !stored.startsWith("$argon2id$");
}

/** A password strong enough to print once for the demo administrator. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
