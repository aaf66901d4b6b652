// A post's revisions: the list, one revision, and restoring one (which is itself a save: new
// version, new revision), in one transaction.
import { and, count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { first } from "../rows";
import { withTransaction } from "../transaction";
import { posts, revisions, users } from "../tables";
import { nowGmt } from "@/lib/dates";

export interface RevisionRow {
  id: number;
  kind: "revision" | "autosave";
  title: string;
  content: string;
  excerpt: string;
  createdGmt: string;
  authorName: string | null;
}

export async function listRevisions(postId: number): Promise<RevisionRow[]> {
  return getDb()
    .select({ id: revisions.id, kind: revisions.kind, title: revisions.title, content: revisions.content, excerpt: revisions.excerpt, createdGmt: revisions.createdGmt, authorName: users.displayName })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(eq(revisions.postId, postId))
    .orderBy(desc(revisions.id));
}

/** How many revisions (not autosaves) a post has: the editor's "Revisions: N" without loading their text. */
export async function countRevisions(postId: number): Promise<number> {
  const row = await getDb()
    .select({ n: count() })
    .from(revisions)
    .where(and(eq(revisions.postId, postId), eq(revisions.kind, "revision")))
    .then(first);
  return Number(row?.n ?? 0);
}

export async function getRevision(postId: number, revisionId: number): Promise<RevisionRow | undefined> {
  return getDb()
    .select({ id: revisions.id, kind: revisions.kind, title: revisions.title, content: revisions.content, excerpt: revisions.excerpt, createdGmt: revisions.createdGmt, authorName: users.displayName })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.id, revisionId), eq(revisions.postId, postId)))
    .then(first);
}

/** Puts a revision's title, content and excerpt back on the post and records that as a new revision. */
export async function restoreRevision(postId: number, revisionId: number, userId: number): Promise<boolean> {
  return withTransaction(async (tx) => {
    const rev = await tx.select().from(revisions).where(and(eq(revisions.id, revisionId), eq(revisions.postId, postId))).then(first);
    if (!rev) return false;
    const now = nowGmt();
    await tx
      .update(posts)
      .set({ title: rev.title, content: rev.content, excerpt: rev.excerpt, modifiedGmt: now, version: sql`${posts.version} + 1` })
      .where(eq(posts.id, postId));
    await tx.insert(revisions).values({ postId, authorId: userId, kind: "revision", title: rev.title, content: rev.content, excerpt: rev.excerpt, createdGmt: now });
    return true;
  });
}
