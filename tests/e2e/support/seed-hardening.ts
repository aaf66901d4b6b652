// Hardening's e2e data: an author whose login, email and public nicename all differ, with one
// published post, so the privacy test can look for the login and the email in public pages.
import { getDb, closeDb } from "@/db";
import { posts, users } from "@/db/tables";
import { eq } from "drizzle-orm";

export const HARDENING_USER = { login: "hardening-secret-login", email: "hardening-private@example.net", nicename: "hardening-pen-name", displayName: "Hardening Pen Name" };

async function main() {
  const db = getDb();
  if (!(await db.select({ id: users.id }).from(users).where(eq(users.login, HARDENING_USER.login))).length) {
    const [u] = await db.insert(users).values({ ...HARDENING_USER, passwordHash: "!", role: "author" }).returning({ id: users.id });
    await db.insert(posts).values({ type: "post", status: "publish", title: "Hardening privacy post", slug: "hardening-privacy-post", content: "<p>Public words.</p>", authorId: u!.id, date: "2026-01-12 10:00:00", dateGmt: "2026-01-12 10:00:00", modified: "2026-01-12 10:00:00", modifiedGmt: "2026-01-12 10:00:00" });
  }
  await closeDb();
}
// The privacy spec imports HARDENING_USER: only running this file seeds.
if (process.argv[1]?.endsWith("seed-hardening.ts")) void main();
