// WordPress keeps Unicode slugs (percent-encoded in URLs). Libraries turn 日本語 into "", so:
// NFC, lowercase, keep letters, marks and digits, dash the rest.
export function slugify(input: string): string {
  return input
    .normalize("NFC")
    .toLowerCase()
    .replace(/<[^<>]*>/g, "")
    .replace(/&[a-z0-9#]+;/gi, "-")
    .replace(/['’‘]/g, "")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 200)
    .replace(/-+$/g, "");
}

/** Appends -2, -3 ... until `taken` says no, as wp_unique_post_slug does. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean, fallback = "post"): string {
  const root = base || fallback;
  if (!taken(root)) return root;
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${root}-${n}`;
    if (!taken(candidate)) return candidate;
  }
  return `${root}-${Date.now()}`;
}

/** uniqueSlug for a `taken` that asks the database (async on every engine). */
export async function findUniqueSlug(base: string, taken: (slug: string) => Promise<boolean>, fallback = "post"): Promise<string> {
  const root = base || fallback;
  if (!(await taken(root))) return root;
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${root}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  return `${root}-${Date.now()}`;
}
