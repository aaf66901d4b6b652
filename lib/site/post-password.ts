// Password-protected posts: the reader types the password once; a cookie holding a keyed hash
// of it (never the password) opens the post for 10 days, as WordPress's wp-postpass cookie does.
import "server-only";
import crypto from "node:crypto";
import { cookies } from "next/headers";

export const POSTPASS_COOKIE = "inkwell_postpass";
export const POSTPASS_MAX_AGE = 10 * 24 * 60 * 60;

function secret(): string {
  return process.env.AUTH_SECRET || "inkwell-postpass";
}

export function postPassToken(password: string): string {
  return crypto.createHmac("sha256", secret()).update(password).digest("base64url");
}

/** Has this reader given the post's password? */
export async function hasPostPassword(password: string): Promise<boolean> {
  if (!password) return true;
  const got = (await cookies()).get(POSTPASS_COOKIE)?.value;
  if (!got) return false;
  const want = postPassToken(password);
  return got.length === want.length && crypto.timingSafeEqual(Buffer.from(got), Buffer.from(want));
}
