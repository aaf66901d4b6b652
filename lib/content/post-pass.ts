// The one password cookie for protected posts, as WordPress's wp-postpass: it holds a keyed hash
// of the last password the reader entered (never the password), for 10 days. The post page and
// the comment endpoint both check it against the post's password.
import { createHmac, timingSafeEqual } from "node:crypto";

export const POSTPASS_COOKIE = "inkwell_postpass";
export const POSTPASS_MAX_AGE = 10 * 24 * 60 * 60;
/**
 * Password tries on protected posts, per hour (WordPress has no limit): per address, room for a
 * reader's typos; per post, room for its readers, while a guesser spread over many addresses gets
 * about 2,400 tries a day instead of thousands a second.
 */
export const POSTPASS_RATE = { perIp: 10, perPost: 100, seconds: 60 * 60 };

/** The password form's notice, carried in the redirect's `wrong-password` parameter. */
export type PostPassNotice = "wrong" | "wait";
export function postPassNotice(value: unknown): PostPassNotice | undefined {
  return value === "1" ? "wrong" : value === "wait" ? "wait" : undefined;
}

function secret(): string {
  const s = process.env.AUTH_SECRET;
  if (!s) throw new Error("AUTH_SECRET is not set");
  return s;
}

export function postPassToken(password: string): string {
  return createHmac("sha256", secret()).update(`postpass:${password}`).digest("base64url");
}

/** Does the cookie open a post with this password? (A post without one is always open.) */
export function postPassMatches(password: string, cookieValue: string | undefined): boolean {
  if (!password) return true;
  if (!cookieValue) return false;
  const a = Buffer.from(postPassToken(password));
  const b = Buffer.from(cookieValue);
  return a.length === b.length && timingSafeEqual(a, b);
}
