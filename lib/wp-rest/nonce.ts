// X-WP-Nonce: how WordPress's own scripts prove that a cookie-authenticated REST request comes
// from the site's pages and not from another site riding the cookie (CSRF). As wp_create_nonce:
// a keyed hash of the action, the user and a 12-hour tick, good for the current and the previous tick.
import { createHmac, timingSafeEqual } from "node:crypto";

const TICK_MS = 12 * 60 * 60 * 1000;

function secret(): string {
  const s = process.env.AUTH_SECRET;
  if (!s) throw new Error("AUTH_SECRET is not set");
  return s;
}

const nonceAt = (userId: number, tick: number) => createHmac("sha256", secret()).update(`wp_rest|${userId}|${tick}`).digest("hex").slice(0, 10);

export function createRestNonce(userId: number, now = Date.now()): string {
  return nonceAt(userId, Math.ceil(now / TICK_MS));
}

export function verifyRestNonce(nonce: string, userId: number, now = Date.now()): boolean {
  const tick = Math.ceil(now / TICK_MS);
  const given = Buffer.from(nonce);
  return [tick, tick - 1].some((t) => {
    const want = Buffer.from(nonceAt(userId, t));
    return want.length === given.length && timingSafeEqual(want, given);
  });
}
