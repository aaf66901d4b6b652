// Slugs for the editor: made from the title when left empty or when it is the title's own (unique,
// as wp_unique_post_slug: a second "Weekly links" becomes weekly-links-2; the editor fills the
// field from the title as the writer types it), or as typed, in which case a duplicate is the
// person's to resolve.
import { slugify, uniqueSlug } from "@/lib/content/slug";

export function resolveSlug(
  opts: { typed: string; title: string; current: string | null; type: "post" | "page" },
  taken: (slug: string) => boolean,
): { slug: string } | { error: string } {
  const typed = slugify(opts.typed);
  if (opts.typed.trim() && !typed) return { error: "The slug needs at least one letter or digit." };
  if (typed) {
    if (typed === opts.current) return { slug: typed };
    if (taken(typed) && typed === slugify(opts.title)) return { slug: uniqueSlug(typed, taken, opts.type) };
    if (taken(typed)) return { error: `The slug “${typed}” is already used by another ${opts.type}. Choose another.` };
    return { slug: typed };
  }
  if (opts.current) return { slug: opts.current };
  return { slug: uniqueSlug(slugify(opts.title), taken, opts.type) };
}

/** Tag names from "a, b ,c,, a" → ["a", "b", "c"] (trimmed, de-duplicated case-insensitively). */
export function parseTagList(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(/[,，、]/)) {
    const name = raw.trim().replace(/\s+/g, " ").slice(0, 200);
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}
