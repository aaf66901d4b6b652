// Sessions ended by Log Out (lib/auth/session-revocation.ts): one row per signed-out session id,
// kept until every copy of its token would have expired anyway.
import { eq, lt } from "drizzle-orm";
import { prepared } from "@/db/statements";
import { getDb } from "../client";
import { ENGINE } from "../engine";
import { first } from "../rows";
import { withTransaction } from "../transaction";
import { revokedSessions } from "../tables";

/** Ends a session for good; rows past their expiry go in the same write, so the table stays small. */
export async function revokeSession(sid: string, expiresAt: number, now: number): Promise<void> {
  await withTransaction(async (tx) => {
    await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now));
    await tx.insert(revokedSessions).values({ sid, expiresAt }).onConflictDoNothing();
  });
}

/** Asked on every signed-in request: one primary-key lookup on a prepared statement (SQLite). */
export async function isSessionRevoked(sid: string): Promise<boolean> {
  if (ENGINE === "sqlite") return prepared(getDb().$client, "SELECT 1 FROM revoked_sessions WHERE sid = ?").get(sid) !== undefined;
  return (await getDb().select({ sid: revokedSessions.sid }).from(revokedSessions).where(eq(revokedSessions.sid, sid)).limit(1).then(first)) !== undefined;
}
