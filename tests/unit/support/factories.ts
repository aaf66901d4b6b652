// Small helpers that create rows through the real queries.
import { insertUser } from "@/db/queries/users";
import { insertPost } from "@/db/queries/posts";
import { hashPassword } from "@/lib/auth/password";
import type { NewPost, Role } from "@/db/schema";

let n = 0;

export async function makeUser(role: Role = "subscriber", password = "correct horse battery") {
  n++;
  return await insertUser({
    login: `${role}${n}`,
    email: `${role}${n}@example.com`,
    displayName: `${role} ${n}`,
    nicename: `${role}-${n}`,
    role,
    passwordHash: await hashPassword(password),
  });
}

export async function makePost(authorId: number, over: Partial<NewPost> = {}) {
  n++;
  const date = over.date ?? "2026-01-15 10:00:00";
  return await insertPost({
    type: "post",
    status: "publish",
    title: `Post ${n}`,
    slug: `post-${n}`,
    content: `<p>Content ${n}</p>`,
    authorId,
    date,
    dateGmt: over.dateGmt ?? date,
    modified: date,
    modifiedGmt: date,
    ...over,
  });
}
