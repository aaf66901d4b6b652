// The comment form carries the time it was shown, signed with AUTH_SECRET, so a bot that posts
// faster than a person can type (under 2 s) or replays an old form (over a day) is caught without
// a CAPTCHA. The signature stops a bot from simply writing a convenient time.
import { createHmac, timingSafeEqual } from "node:crypto";

export const FORM_MIN_AGE_MS = 2_000;
export const FORM_MAX_AGE_MS = 24 * 60 * 60 * 1000;

function secret(): string {
  const s = process.env.AUTH_SECRET;
  if (!s) throw new Error("AUTH_SECRET is not set");
  return s;
}

function sign(ms: number, postId: number): string {
  return createHmac("sha256", secret()).update(`comment-form:${postId}:${ms}`).digest("base64url");
}

export function issueFormToken(postId: number, now = Date.now()): string {
  return `${now}.${sign(now, postId)}`;
}

export type FormTokenVerdict = "ok" | "missing" | "forged" | "too_fast" | "expired";

export function checkFormToken(token: string, postId: number, now = Date.now()): FormTokenVerdict {
  if (!token) return "missing";
  const m = /^(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return "forged";
  const ms = Number(m[1]);
  const expected = Buffer.from(sign(ms, postId));
  const given = Buffer.from(m[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "forged";
  const age = now - ms;
  if (age < FORM_MIN_AGE_MS) return "too_fast";
  if (age > FORM_MAX_AGE_MS) return "expired";
  return "ok";
}
