// The demo blog that the very first start creates, and never again: a marker row in options
// records that seeding happened, so deleting the demo content does not bring it back.
import { eq } from "drizzle-orm";
import { getDb } from "./client";
import { first, only } from "./rows";
import { withTransaction } from "./transaction";
import { options, terms, users } from "./tables";
import { insertPost } from "./queries/posts";
import { insertComment } from "./queries/comments";
import { hashPassword, generatePassword } from "@/lib/auth/password";
import { nowGmt } from "@/lib/dates";

const SEEDED = "_inkwell_seeded_at";

export interface SeedResult {
  seeded: boolean;
  adminLogin?: string;
  adminEmail?: string;
  generatedPassword?: string;
}

export async function seedIfEmpty(env: { adminEmail?: string; adminPassword?: string; siteUrl?: string } = {}): Promise<SeedResult> {
  const db = getDb();
  if ((await db.select().from(options).where(eq(options.name, SEEDED))).length) return { seeded: false };
  if ((await db.select({ id: users.id }).from(users).limit(1)).length) {
    await db.insert(options).values({ name: SEEDED, value: JSON.stringify(nowGmt()) }).onConflictDoNothing();
    return { seeded: false };
  }
  const adminEmail = env.adminEmail || "admin@example.com";
  const generated = env.adminPassword ? undefined : generatePassword();
  const passwordHash = await hashPassword(env.adminPassword || generated!);
  const now = nowGmt();

  // Several servers may start on one empty database at once (npm start on each machine): the one
  // whose transaction writes the marker seeds; the others find it written and seed nothing.
  const won = await withTransaction(async (tx) => {
    const claimed = await tx.insert(options).values({ name: SEEDED, value: JSON.stringify(now) }).onConflictDoNothing().returning({ name: options.name });
    if (!claimed.length) return false;
    if ((await tx.select({ id: users.id }).from(users).limit(1)).length) return false;
    await tx
      .insert(users)
      .values({ login: "admin", email: adminEmail, displayName: "admin", nicename: "admin", passwordHash, role: "administrator", registeredGmt: now });
    const uncategorized = only(await tx.insert(terms).values({ taxonomy: "category", name: "Uncategorized", slug: "uncategorized" }).returning());
    await tx.insert(options).values([
      { name: "blogname", value: JSON.stringify("My Inkwell Blog") },
      { name: "blogdescription", value: JSON.stringify("Just another Inkwell site") },
      { name: "admin_email", value: JSON.stringify(adminEmail) },
      { name: "default_category", value: JSON.stringify(uncategorized.id) },
    ]);
    return true;
  });
  if (!won) return { seeded: false };

  // Posts and comments go through the same queries the app uses, so counts stay right.
  const admin = (await db.select().from(users).where(eq(users.login, "admin")).then(first))!;
  const uncategorized = (await db.select().from(terms).where(eq(terms.slug, "uncategorized")).then(first))!;
  const hello = await insertPost(
    {
      type: "post",
      status: "publish",
      title: "Hello world!",
      slug: "hello-world",
      content: "<p>Welcome to Inkwell. This is your first post. Edit or delete it, then start writing!</p>",
      authorId: admin.id,
      date: now,
      dateGmt: now,
      modified: now,
      modifiedGmt: now,
    },
    [uncategorized.id],
  );
  await insertComment({
    postId: hello.id,
    type: "comment",
    status: "1",
    authorName: "A WordPress Commenter",
    authorEmail: "wapuu@wordpress.example",
    authorUrl: "https://wordpress.org/",
    content: "<p>Hi, this is a comment.<br>To get started with moderating, editing, and deleting comments, please visit the Comments screen in the dashboard.</p>",
    date: now,
    dateGmt: now,
  });
  await insertPost({
    type: "page",
    status: "publish",
    title: "Sample Page",
    slug: "sample-page",
    content:
      "<p>This is an example page. It's different from a blog post because it will stay in one place and will show up in your site navigation (in most themes).</p>",
    authorId: admin.id,
    commentStatus: "closed",
    pingStatus: "closed",
    date: now,
    dateGmt: now,
    modified: now,
    modifiedGmt: now,
  });
  return { seeded: true, adminLogin: "admin", adminEmail, generatedPassword: generated };
}
