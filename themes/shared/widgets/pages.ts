// WordPress's Pages widget as one string, as the other data widgets are (themes/shared/widgets/lists.ts).
import { escapeHtml as esc } from "@/lib/content/escape";
import { childrenByParent } from "@/lib/posts/tree";

export interface PageItem {
  id: number;
  parentId: number | null;
  href: string;
  text: string;
}

/**
 * WordPress's Pages widget (wp_list_pages): a tree in the chosen order, without the excluded
 * pages; a page whose parent is not listed (excluded, or not published) stands at the top level,
 * as WordPress's walker shows such orphans.
 */
export function pagesHtml(pages: PageItem[], exclude: readonly number[] = []): string {
  const skip = new Set(exclude);
  const shown = pages.filter((p) => !skip.has(p.id));
  const children = childrenByParent(shown);
  const render = (parent: number | null, depth: number): string => {
    const list = children.get(parent);
    if (!list?.length || depth > 20) return "";
    const items = list.map((p) => `<li class="page_item page-item-${p.id}"><a class="underline" href="${esc(p.href)}">${esc(p.text)}</a>${render(p.id, depth + 1)}</li>`).join("");
    return `<ul class="${depth ? "children ml-4 mt-1 space-y-1" : "space-y-1"}">${items}</ul>`;
  };
  return render(null, 0) || `<p class="text-muted">No pages.</p>`;
}
