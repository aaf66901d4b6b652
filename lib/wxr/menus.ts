// WordPress menus in a WXR file: each menu is a `nav_menu` term, each item a `nav_menu_item`
// post filed under that term, with what it links to in its _menu_item_* meta
// (wp-includes/nav-menu.php wp_update_nav_menu_item). This maps them to Inkwell's menus and
// back; db/queries/menu-import.ts writes them.
import type { WxrItem, WxrMeta, WxrTerm } from "./types";

export interface WxrMenuItem {
  /** The item's own WordPress post ID (parents refer to it). */
  wpId: number;
  order: number;
  /** _menu_item_type: post_type, taxonomy or custom (post_type_archive is kept as custom). */
  type: "post_type" | "taxonomy" | "custom";
  /** _menu_item_object: page, post, category, post_tag, custom… */
  object: string;
  /** _menu_item_object_id: the WordPress ID of the linked post or term. */
  objectWpId: number;
  /** _menu_item_menu_item_parent: the parent item's WordPress post ID, 0 at the top. */
  parentWpId: number;
  title: string;
  url: string;
  target: string;
  classes: string;
}

export interface WxrMenu {
  slug: string;
  name: string;
  items: WxrMenuItem[];
}

const meta = (list: WxrMeta[], key: string) => list.find((m) => m.key === key)?.value ?? "";

/** The strings of a PHP-serialized array (_menu_item_classes is `a:1:{i:0;s:4:"icon";}`), or the text itself. */
export function unserializeStrings(value: string): string[] {
  if (!/^a:\d+:\{/.test(value)) return value.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  const re = /s:(\d+):"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value))) {
    // The length is in bytes: cut by bytes, so that non-ASCII class names survive.
    const start = m.index + m[0].length;
    const bytes = Buffer.from(value.slice(start), "utf8").subarray(0, Number(m[1]));
    const s = bytes.toString("utf8");
    if (s) out.push(s);
    re.lastIndex = start + s.length;
  }
  return out;
}

/** The file's menus with their items, in menu order. Menus with no items are kept (WordPress exports them as terms). */
export function menusFromWxr(terms: WxrTerm[], items: WxrItem[]): WxrMenu[] {
  const menus = new Map<string, WxrMenu>();
  for (const t of terms) if (t.taxonomy === "nav_menu" && t.slug) menus.set(t.slug, { slug: t.slug, name: t.name || t.slug, items: [] });
  for (const item of items) {
    if (item.postType !== "nav_menu_item" || item.status === "draft" || item.status === "trash") continue;
    const term = item.terms.find((t) => t.domain === "nav_menu");
    if (!term?.slug) continue;
    let menu = menus.get(term.slug);
    if (!menu) menus.set(term.slug, (menu = { slug: term.slug, name: term.name || term.slug, items: [] }));
    const rawType = meta(item.meta, "_menu_item_type");
    const type = rawType === "post_type" || rawType === "taxonomy" ? rawType : "custom";
    const target = meta(item.meta, "_menu_item_target");
    menu.items.push({
      wpId: item.postId,
      order: item.menuOrder,
      type,
      object: type === "custom" ? "custom" : meta(item.meta, "_menu_item_object"),
      objectWpId: Number(meta(item.meta, "_menu_item_object_id")) || 0,
      parentWpId: Number(meta(item.meta, "_menu_item_menu_item_parent")) || 0,
      title: item.title,
      url: meta(item.meta, "_menu_item_url"),
      target: target === "_blank" ? "_blank" : "",
      classes: unserializeStrings(meta(item.meta, "_menu_item_classes")).join(" "),
    });
  }
  for (const m of menus.values()) m.items.sort((a, b) => a.order - b.order || a.wpId - b.wpId);
  return [...menus.values()];
}

/** A menu as WXR's `<wp:term>` of taxonomy nav_menu (export_wp's wxr_term_name etc.). */
export function wxrMenuTerm(termId: number, slug: string, name: string, cdata: (s: string) => string, encodeSlug: (s: string) => string): string {
  return `	<wp:term><wp:term_id>${termId}</wp:term_id><wp:term_taxonomy>${cdata("nav_menu")}</wp:term_taxonomy><wp:term_slug>${cdata(encodeSlug(slug))}</wp:term_slug><wp:term_parent>${cdata("")}</wp:term_parent><wp:term_name>${cdata(name)}</wp:term_name></wp:term>\n`;
}

/** The `_menu_item_*` meta WordPress reads back (classes as the serialized array it writes). */
export function menuItemMeta(i: { type: string; object: string; objectWpId: number; parentWpId: number; url: string; target: string; classes: string }): WxrMeta[] {
  const classes = i.classes.split(/\s+/).filter(Boolean);
  const list = classes.length ? classes : [""];
  const serialized = `a:${list.length}:{${list.map((c, n) => `i:${n};s:${Buffer.byteLength(c)}:"${c}";`).join("")}}`;
  return [
    { key: "_menu_item_type", value: i.type },
    { key: "_menu_item_menu_item_parent", value: String(i.parentWpId) },
    { key: "_menu_item_object_id", value: String(i.objectWpId) },
    { key: "_menu_item_object", value: i.object },
    { key: "_menu_item_target", value: i.target },
    { key: "_menu_item_classes", value: serialized },
    { key: "_menu_item_xfn", value: "" },
    { key: "_menu_item_url", value: i.url },
  ];
}
