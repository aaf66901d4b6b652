// From stored menu items to the links a theme shows: labels default to the linked post's or
// term's own name, URLs follow the current permalinks, and an item whose post is no longer
// published (or whose term is gone) is left out, its sub-items taking its place, as WordPress does.
import type { MenuItem } from "@/db/schema";
import { menuObjects } from "@/db/queries/menus";
import type { Options } from "@/lib/options/defaults";
import { termUrl } from "@/lib/content/post-view";
import { permalinkOf } from "@/lib/site/urls";
import type { NavItem } from "@/lib/content/views";
import { buildTree, type TreeNode } from "./tree";
import { cleanMenuUrl } from "./urls";

export interface ResolvedLink {
  label: string;
  url: string;
  /** False when the linked post is unpublished or the term deleted: shown as "(Invalid)" in the admin only. */
  valid: boolean;
  /** "Page", "Post", "Category", "Tag" or "Custom Link", as the Menus screen labels an item. */
  kind: string;
  /** The linked object's own name, for "Original: …". */
  original: string;
}

type Links = Pick<Options, "permalink_structure" | "show_on_front" | "page_on_front" | "category_base" | "tag_base">;

export async function resolveMenuLinks(items: MenuItem[], opts: Links): Promise<Map<number, ResolvedLink>> {
  const objects = await menuObjects(items);
  const out = new Map<number, ResolvedLink>();
  for (const i of items) {
    if (i.type === "post_type") {
      const p = i.objectId ? objects.posts.get(i.objectId) : undefined;
      const kind = i.object === "page" ? "Page" : "Post";
      out.set(i.id, p
        ? { label: i.title || p.title || "(no title)", url: await permalinkOf({ ...p, type: p.type === "page" ? "page" : "post" }, opts), valid: p.status === "publish", kind, original: p.title }
        : { label: i.title || "(Invalid)", url: "", valid: false, kind, original: "" });
    } else if (i.type === "taxonomy") {
      const t = i.objectId ? objects.terms.get(i.objectId) : undefined;
      const kind = i.object === "post_tag" ? "Tag" : "Category";
      out.set(i.id, t
        ? { label: i.title || t.name, url: termUrl(t, opts), valid: true, kind, original: t.name }
        : { label: i.title || "(Invalid)", url: "", valid: false, kind, original: "" });
    } else {
      const url = cleanMenuUrl(i.url);
      out.set(i.id, { label: i.title || url || "(no label)", url: url ?? "", valid: url !== null, kind: "Custom Link", original: url ?? "" });
    }
  }
  return out;
}

/** The reader's menu: valid items only, nested. */
export async function navItemsFor(items: MenuItem[], opts: Links): Promise<NavItem[]> {
  const links = await resolveMenuLinks(items, opts);
  const toNav = (nodes: TreeNode<MenuItem>[]): NavItem[] =>
    nodes.flatMap((n) => {
      const link = links.get(n.item.id)!;
      const children = toNav(n.children);
      if (!link.valid) return children;
      return [{ id: String(n.item.id), label: link.label, url: link.url, ...(n.item.target === "_blank" ? { target: "_blank" } : {}), ...(n.item.classes ? { classes: n.item.classes } : {}), children }];
    });
  return toNav(buildTree(items));
}
