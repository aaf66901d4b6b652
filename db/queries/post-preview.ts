// What Preview shows besides the autosave's title, content and excerpt: the categories, tags and
// featured image on screen when the person pressed Preview. WordPress keeps them on the person's
// autosave; Inkwell's revisions hold only text, so they live in one post_meta row per person.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { ENGINE } from "../engine";
import { execute } from "../index";
import { first } from "../rows";
import { withTransaction } from "../transaction";
import { postMeta, terms } from "../tables";
import { slugify } from "@/lib/content/slug";
import { nowGmt } from "@/lib/dates";

export interface PreviewExtras {
  categoryIds: number[];
  tagNames: string[];
  featuredMediaId: number | null;
  /** When Preview was pressed, to tell whether a later save superseded these. */
  savedGmt: string;
}

const key = (userId: number) => `_inkwell_preview_${userId}`;

export async function savePreviewExtras(postId: number, userId: number, extras: Omit<PreviewExtras, "savedGmt">): Promise<void> {
  const value = JSON.stringify({ ...extras, savedGmt: nowGmt() });
  await withTransaction(async (tx) => {
    // One row per post and person: on PostgreSQL, where transactions run side by side, two
    // Previews of one post take turns on its row (SQLite's writers take turns anyway).
    if (ENGINE === "postgres") await execute(sql`SELECT id FROM posts WHERE id = ${postId} FOR UPDATE`, tx);
    await tx.delete(postMeta).where(and(eq(postMeta.postId, postId), eq(postMeta.key, key(userId))));
    await tx.insert(postMeta).values({ postId, key: key(userId), value });
  });
}

export async function getPreviewExtras(postId: number, userId: number): Promise<PreviewExtras | undefined> {
  const row = await getDb().select({ value: postMeta.value }).from(postMeta).where(and(eq(postMeta.postId, postId), eq(postMeta.key, key(userId)))).then(first);
  if (!row) return undefined;
  try {
    const v = JSON.parse(row.value) as PreviewExtras;
    return { categoryIds: v.categoryIds ?? [], tagNames: v.tagNames ?? [], featuredMediaId: v.featuredMediaId ?? null, savedGmt: v.savedGmt ?? "" };
  } catch {
    return undefined;
  }
}

/** The terms a preview shows: existing categories by id, tags by name (new ones as they would be made). */
export async function previewTerms(extras: PreviewExtras): Promise<{ taxonomy: "category" | "post_tag"; name: string; slug: string }[]> {
  const db = getDb();
  const cats = extras.categoryIds.length
    ? await db.select({ name: terms.name, slug: terms.slug }).from(terms).where(and(eq(terms.taxonomy, "category"), inArray(terms.id, extras.categoryIds)))
    : [];
  const known = extras.tagNames.length
    ? await db.select({ name: terms.name, slug: terms.slug }).from(terms).where(and(eq(terms.taxonomy, "post_tag"), inArray(terms.name, extras.tagNames)))
    : [];
  const tags = extras.tagNames.map((name) => known.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? { name, slug: slugify(name) });
  return [...cats.map((c) => ({ taxonomy: "category" as const, ...c })), ...tags.map((t) => ({ taxonomy: "post_tag" as const, ...t }))];
}
