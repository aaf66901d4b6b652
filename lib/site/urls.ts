// A post's or page's current public URL, whatever the permalink structure.
import type { Options } from "@/lib/options/defaults";
import { pagePath, postPath } from "@/lib/content/permalinks";
import { pageSlugPath } from "./reads";

export async function permalinkOf(
  p: { id: number; type: "post" | "page"; slug: string; date: string; authorNicename?: string | null; parentId?: number | null },
  opts: Pick<Options, "permalink_structure"> & Partial<Pick<Options, "show_on_front" | "page_on_front">>,
): Promise<string> {
  if (p.type === "page") {
    // The static front page lives at the site root, as WordPress's get_permalink() says.
    if (opts.show_on_front === "page" && Number(opts.page_on_front) === p.id) return "/";
    if (!opts.permalink_structure) return `/?page_id=${p.id}`;
    return p.parentId ? pagePath(await pageSlugPath(p.id)) : pagePath([p.slug]);
  }
  return postPath({ id: p.id, slug: p.slug, date: p.date, type: "post", authorNicename: p.authorNicename ?? undefined }, opts.permalink_structure);
}

/** /base/ + page/N/ as WordPress pages its archives. */
export function pagedUrl(base: string, page: number): string {
  if (page <= 1) return base;
  if (base.includes("?")) return `${base}&paged=${page}`;
  return `${base.replace(/\/?$/, "/")}page/${page}/`;
}
