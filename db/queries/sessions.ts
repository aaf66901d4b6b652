// Sessions ended by Log Out (lib/auth/session-revocation.ts): one row per signed-out session id,
// kept until every copy of its token would have expired anyway.
import { lt } from "drizzle-orm";
import { prepared } from "@/db/statements";
import { getDb } from "../client";
import { revokedSessions } from "../tables";

/** Ends a session for good; rows past their expiry go in the same write, so the table stays small. */
export async function revokeSession(sid: string, expiresAt: number, now: number): Promise<void> {
  getDb().transaction((tx) => {
    tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now)).run();
    tx.insert(revokedSessions).values({ sid, expiresAt }).onConflictDoNothing().run();
  });
}

/** Asked on every signed-in request: one primary-key lookup on a prepared statement. */
export async function isSessionRevoked(sid: string): Promise<boolean> {
  return prepared(getDb().$client, "SELECT 1 FROM revoked_sessions WHERE sid = ?").get(sid) !== undefined;
}
