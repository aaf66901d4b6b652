// Rate limits and lockouts kept in the database (rate-limiter-flexible's own table, declared in
// db/schema.ts and db/schema-pg.ts), so they hold across restarts and across every worker on one
// database. On PostgreSQL, rate-limiter-flexible's RateLimiterPostgres counts with one
// INSERT … ON CONFLICT DO UPDATE … RETURNING per key: atomic per key, no read-then-write.
import { countRateLimited } from "@/lib/metrics";
import { RateLimiterPostgres, RateLimiterSQLite, type RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "../client";
import { ENGINE } from "../engine";
import type { PgDb } from "../postgres";

export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_LOCK_SECONDS = 15 * 60;

type Limiter = RateLimiterSQLite | RateLimiterPostgres;

const globalForLimits = globalThis as unknown as {
  __inkwellLimiters?: Map<string, RateLimiterSQLite>;
  __inkwellPgLimiters?: WeakMap<object, Map<string, RateLimiterPostgres>>;
};

function limiter(name: string, points: number, duration: number, blockDuration = 0, blockInMemory = false): Limiter {
  if (ENGINE === "postgres") return pgLimiter(name, points, duration, blockDuration, blockInMemory);
  globalForLimits.__inkwellLimiters ??= new Map();
  const key = `${name}:${getDb().$client.name}`;
  let l = globalForLimits.__inkwellLimiters.get(key);
  if (!l) {
    l = new RateLimiterSQLite({
      storeClient: getDb().$client,
      storeType: "better-sqlite3",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      points,
      duration,
      blockDuration,
      // A key that has used up its points is refused from memory for the rest of its window, so
      // a flood from one address costs no database write per refused request (each write is a
      // disk commit that readers wait behind). Its first `points` requests still count in SQLite.
      ...(blockInMemory ? { inMemoryBlockOnConsumed: points } : {}),
    });
    globalForLimits.__inkwellLimiters.set(key, l);
  }
  return l;
}

/** The same limiter on PostgreSQL, one per pool (a reopened database gets its own). */
function pgLimiter(name: string, points: number, duration: number, blockDuration: number, blockInMemory: boolean): RateLimiterPostgres {
  const pool = (getDb() as unknown as PgDb).$client;
  globalForLimits.__inkwellPgLimiters ??= new WeakMap();
  let byName = globalForLimits.__inkwellPgLimiters.get(pool);
  if (!byName) globalForLimits.__inkwellPgLimiters.set(pool, (byName = new Map()));
  let l = byName.get(name);
  if (!l) {
    l = new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      points,
      duration,
      blockDuration,
      ...(blockInMemory ? { inMemoryBlockOnConsumed: points } : {}),
    });
    byName.set(name, l);
  }
  return l;
}

const signInLimiter = () => limiter("signin", SIGN_IN_MAX_FAILURES, SIGN_IN_LOCK_SECONDS, SIGN_IN_LOCK_SECONDS);

/** Is sign-in locked for any of these keys (an account, an IP)? */
export async function isSignInLocked(keys: string[]): Promise<boolean> {
  for (const key of keys) {
    const res = await signInLimiter().get(key);
    if (res && res.consumedPoints >= SIGN_IN_MAX_FAILURES) return true;
  }
  return false;
}

/**
 * Claims one attempt against every key before the password is checked, and answers false when
 * any key had already used up its tries. Checking first and counting after the (slow, async)
 * password hash let every attempt in flight through the gap: a scripted attack at 16
 * connections got 16 guesses per key instead of 5. The claim is one atomic SQLite upsert per key;
 * a refused claim is given back, so a locked address cannot push an account towards its lock.
 */
export async function claimSignInAttempt(keys: string[]): Promise<boolean> {
  const claimed: string[] = [];
  let allowed = true;
  for (const key of keys) {
    const res = await signInLimiter().penalty(key, 1);
    claimed.push(key);
    if (res.consumedPoints > SIGN_IN_MAX_FAILURES) {
      allowed = false;
      break;
    }
  }
  if (!allowed) for (const key of claimed) await signInLimiter().reward(key, 1);
  return allowed;
}

/** After a wrong password (its attempt already claimed): lock every key that has used up its tries. */
export async function recordSignInFailure(keys: string[]): Promise<void> {
  for (const key of keys) {
    const res = await signInLimiter().get(key);
    // The lock runs 15 minutes from the fifth failure, not from the first.
    if (res && res.consumedPoints >= SIGN_IN_MAX_FAILURES) await signInLimiter().block(key, SIGN_IN_LOCK_SECONDS);
  }
}

/** After a right password: the claimed attempt does not count as a failure. */
export async function releaseSignInAttempt(keys: string[]): Promise<void> {
  for (const key of keys) await signInLimiter().reward(key, 1);
}

export async function clearSignInFailures(keys: string[]): Promise<void> {
  for (const key of keys) await signInLimiter().delete(key);
}

/** A general token bucket: returns false when `key` has used up `points` within `seconds`. */
export async function consumeRate(name: string, key: string, points: number, seconds: number): Promise<boolean> {
  try {
    await limiter(name, points, seconds, 0, true).consume(key, 1);
    return true;
  } catch (e) {
    if ((e as RateLimiterRes).msBeforeNext !== undefined) {
      countRateLimited(name);
      return false;
    }
    throw e;
  }
}
