// Hardening's e2e data: an author whose login, email and public nicename all differ, with one
// published post, so the privacy test can look for the login and the email in public pages.
import { getDb, closeDb } from "@/db";
import { posts, users } from "@/db/schema";
import { eq } from "drizzle-orm";

export const HARDENING_USER = { login: "hardening-secret-login", email: "hardening-private@example.net", nicename: "hardening-pen-name", displayName: "Hardening Pen Name" };

const db = getDb();
if (!db.select({ id: users.id }).from(users).where(eq(users.login, HARDENING_USER.login)).get()) {
  const u = db.insert(users).values({ ...HARDENING_USER, passwordHash: "!", role: "author" }).returning({ id: users.id }).get();
  db.insert(posts)
    .values({ type: "post", status: "publish", title: "Hardening privacy post", slug: "hardening-privacy-post", content: "<p>Public words.</p>", authorId: u.id, date: "2026-01-12 10:00:00", dateGmt: "2026-01-12 10:00:00", modified: "2026-01-12 10:00:00", modifiedGmt: "2026-01-12 10:00:00" })
    .run();
}
void closeDb();
