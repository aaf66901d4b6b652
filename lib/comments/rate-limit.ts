// The per-IP limit on comment attempts (accepted or refused), beyond WordPress's flood rule. Kept
// in memory on purpose: it only has to make a burst cheap to refuse, and a SQLite counter would
// add a second fsync'd commit to every comment. The durable, cross-process guarantee is the flood
// rule, checked in the comment's own transaction.
import { countRateLimited } from "@/lib/metrics";
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";

const globalForLimit = globalThis as unknown as { __inkwellCommentLimiters?: Map<string, RateLimiterMemory> };

export async function allowCommentAttempt(ip: string, points: number, seconds: number): Promise<boolean> {
  globalForLimit.__inkwellCommentLimiters ??= new Map();
  const key = `${points}/${seconds}`;
  let limiter = globalForLimit.__inkwellCommentLimiters.get(key);
  if (!limiter) {
    limiter = new RateLimiterMemory({ keyPrefix: "comment-ip", points, duration: seconds });
    globalForLimit.__inkwellCommentLimiters.set(key, limiter);
  }
  try {
    await limiter.consume(ip, 1);
    return true;
  } catch (e) {
    if ((e as RateLimiterRes).msBeforeNext !== undefined) {
      countRateLimited("comment-ip");
      return false;
    }
    throw e;
  }
}
