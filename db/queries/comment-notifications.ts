// Who hears of a new comment, and the dashboard's record of it.
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { notifications, users } from "../tables";

export interface Recipient {
  id: number;
  email: string;
  displayName: string;
}

/** Users who may moderate every comment (WordPress's moderate_comments: administrators, editors). */
export async function listModerators(): Promise<Recipient[]> {
  return getDb()
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(inArray(users.role, ["administrator", "editor"]));
}

export async function listNotifications(userId: number, opts: { unreadOnly?: boolean; limit?: number } = {}) {
  return getDb()
    .select({ id: notifications.id, kind: notifications.kind, message: notifications.message, link: notifications.link, readAt: notifications.readAt, createdGmt: notifications.createdGmt })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), opts.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdGmt), desc(notifications.id))
    .limit(opts.limit ?? 20);
}
