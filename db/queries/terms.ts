import { and, eq } from "drizzle-orm";
import { getDb } from "../client";
import { terms, type Taxonomy, type Term } from "../schema";

export function getTermBySlug(taxonomy: Taxonomy, slug: string): Term | undefined {
  return getDb().select().from(terms).where(and(eq(terms.taxonomy, taxonomy), eq(terms.slug, slug))).get();
}

export function insertTerm(term: { taxonomy: Taxonomy; name: string; slug: string; description?: string; parentId?: number | null }): Term {
  return getDb().insert(terms).values(term).returning().get();
}

export function listTerms(taxonomy: Taxonomy): Term[] {
  return getDb().select().from(terms).where(eq(terms.taxonomy, taxonomy)).orderBy(terms.name).all();
}
