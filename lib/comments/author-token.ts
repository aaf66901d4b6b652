// The held-comment token (AUTHOR_TOKEN_COOKIE) a first-time commenter is given. Server only: the
// cookie module it belongs with is also read by the form's client script.
import { randomFillSync } from "node:crypto";

// 24 random bytes per token, cut from a pool refilled 128 tokens at a time: one call into the
// system's generator for many comments rather than one each.
const TOKEN_BYTES = 24;
const pool = Buffer.alloc(TOKEN_BYTES * 128);
let poolAt = pool.length;

export function newAuthorToken(): string {
  if (poolAt + TOKEN_BYTES > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const token = pool.toString("base64url", poolAt, poolAt + TOKEN_BYTES);
  poolAt += TOKEN_BYTES;
  return token;
}
