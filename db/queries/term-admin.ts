// The Categories and Tags screens: add, edit, delete, with WordPress's rules (the default
// category cannot be deleted; deleting a category moves its orphaned posts to the default one).
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb } from "../client";
import { first, only } from "../rows";
import { withTransaction } from "../transaction";
import { postTerms, posts, terms, type Taxonomy, type Term } from "../tables";
import { recountTerms } from "./posts";
import { lockSlugs } from "./post-editor";
import { slugify } from "@/lib/content/slug";

export async function listTermsForAdmin(taxonomy: Taxonomy, search?: string): Promise<Term[]> {
  const s = search?.trim();
  return getDb()
    .select()
    .from(terms)
    // lower() on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
    .where(and(eq(terms.taxonomy, taxonomy), s ? sql`lower(${terms.name}) LIKE lower(${`%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}) ESCAPE '\\'` : undefined))
    .orderBy(terms.name);
}

export async function getTermById(taxonomy: Taxonomy, id: number): Promise<Term | undefined> {
  return getDb().select().from(terms).where(and(eq(terms.id, id), eq(terms.taxonomy, taxonomy))).then(first);
}

export type TermSaveResult = { ok: true; term: Term } | { ok: false; field: "name" | "slug" | "parentId"; message: string } | { ok: false; notFound: true };

/** Adds or updates a term; the slug is from the name when empty, and must be unique in its taxonomy. */
export async function saveTerm(d: { id?: number; taxonomy: Taxonomy; name: string; slug: string; description: string; parentId: number | null }): Promise<TermSaveResult> {
  return withTransaction(async (tx): Promise<TermSaveResult> => {
    if (d.id && !(await tx.select({ id: terms.id }).from(terms).where(and(eq(terms.id, d.id), eq(terms.taxonomy, d.taxonomy))).then(first))) return { ok: false, notFound: true };
    const slug = slugify(d.slug || d.name);
    if (!slug) return { ok: false, field: d.slug ? "slug" : "name", message: "The slug needs at least one letter or digit." };
    await lockSlugs(tx, "terms");
    const clash = await tx.select({ id: terms.id }).from(terms).where(and(eq(terms.taxonomy, d.taxonomy), eq(terms.slug, slug), d.id ? ne(terms.id, d.id) : undefined)).then(first);
    if (clash) return { ok: false, field: d.slug ? "slug" : "name", message: `The slug “${slug}” is already used by another ${d.taxonomy === "category" ? "category" : "tag"}.` };
    let parentId = d.taxonomy === "category" ? d.parentId : null;
    if (parentId) {
      // A parent must exist and must not be the term itself or one of its descendants.
      const all = await tx.select({ id: terms.id, parentId: terms.parentId }).from(terms).where(eq(terms.taxonomy, "category"));
      if (!all.some((t) => t.id === parentId)) return { ok: false, field: "parentId", message: "That parent category does not exist." };
      if (d.id) {
        let cursor: number | null = parentId;
        for (let i = 0; cursor && i < 1000; i++) {
          if (cursor === d.id) return { ok: false, field: "parentId", message: "A category cannot be placed under itself or its own subcategory." };
          cursor = all.find((t) => t.id === cursor)?.parentId ?? null;
        }
      }
    } else parentId = null;
    const values = { name: d.name.trim(), slug, description: d.description, parentId };
    const term = only(
      d.id
        ? await tx.update(terms).set(values).where(eq(terms.id, d.id)).returning()
        : await tx.insert(terms).values({ taxonomy: d.taxonomy, ...values }).returning(),
    );
    return { ok: true, term };
  });
}

export type TermDeleteResult = { ok: true; moved: number } | { ok: false; message: string };

/**
 * Deletes a term. For a category, posts left with no category go to the default one, and its
 * children move up to its parent; the default category itself cannot be deleted.
 */
export async function deleteTerm(taxonomy: Taxonomy, id: number, defaultCategoryId: number): Promise<TermDeleteResult> {
  return withTransaction(async (tx): Promise<TermDeleteResult> => {
    const term = await tx.select().from(terms).where(and(eq(terms.id, id), eq(terms.taxonomy, taxonomy))).then(first);
    if (!term) return { ok: false, message: "That term no longer exists." };
    if (taxonomy === "category" && id === defaultCategoryId) {
      return { ok: false, message: `“${term.name}” is the default category: it can be renamed but not deleted.` };
    }
    let moved = 0;
    if (taxonomy === "category") {
      const postIds = (await tx.select({ postId: postTerms.postId }).from(postTerms).where(eq(postTerms.termId, id))).map((r) => r.postId);
      await tx.delete(postTerms).where(eq(postTerms.termId, id));
      if (postIds.length && defaultCategoryId) {
        const stillCategorised = new Set(
          (await tx.select({ postId: postTerms.postId }).from(postTerms).innerJoin(terms, eq(terms.id, postTerms.termId))
            .where(and(inArray(postTerms.postId, postIds), eq(terms.taxonomy, "category")))).map((r) => r.postId),
        );
        const orphans = (await tx.select({ id: posts.id }).from(posts).where(and(inArray(posts.id, postIds), eq(posts.type, "post")))).map((r) => r.id).filter((pid) => !stillCategorised.has(pid));
        if (orphans.length) await tx.insert(postTerms).values(orphans.map((postId) => ({ postId, termId: defaultCategoryId }))).onConflictDoNothing();
        moved = orphans.length;
      }
      await tx.update(terms).set({ parentId: term.parentId }).where(eq(terms.parentId, id));
    }
    await tx.delete(terms).where(eq(terms.id, id));
    if (defaultCategoryId) await recountTerms(tx, [defaultCategoryId]);
    return { ok: true, moved };
  });
}

/** Creates a category from the editor's inline "Add New Category" (or finds it by name). */
export async function addCategoryInline(name: string, parentId: number | null): Promise<Term> {
  return withTransaction(async (tx) => {
    await lockSlugs(tx, "terms");
    const same = await tx.select().from(terms).where(and(eq(terms.taxonomy, "category"), sql`lower(${terms.name}) = lower(${name.trim()})`)).then(first);
    if (same) return same;
    const parent = parentId ? await tx.select({ id: terms.id }).from(terms).where(and(eq(terms.id, parentId), eq(terms.taxonomy, "category"))).then(first) : undefined;
    parentId = parent?.id ?? null;
    const base = slugify(name) || "category";
    let slug = base;
    for (let n = 2; await tx.select({ id: terms.id }).from(terms).where(and(eq(terms.taxonomy, "category"), eq(terms.slug, slug))).then(first); n++) slug = `${base}-${n}`;
    return only(await tx.insert(terms).values({ taxonomy: "category", name: name.trim(), slug, parentId }).returning());
  });
}
