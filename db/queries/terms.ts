import { first, only } from "../rows";
import { and, eq } from "drizzle-orm";
import { getDb } from "../client";
import { terms, type Taxonomy, type Term } from "../tables";

export async function getTermBySlug(taxonomy: Taxonomy, slug: string): Promise<Term | undefined> {
  return getDb().select().from(terms).where(and(eq(terms.taxonomy, taxonomy), eq(terms.slug, slug))).then(first);
}

export async function insertTerm(term: { taxonomy: Taxonomy; name: string; slug: string; description?: string; parentId?: number | null }): Promise<Term> {
  return only(await getDb().insert(terms).values(term).returning());
}

export async function listTerms(taxonomy: Taxonomy): Promise<Term[]> {
  return getDb().select().from(terms).where(eq(terms.taxonomy, taxonomy)).orderBy(terms.name);
}
