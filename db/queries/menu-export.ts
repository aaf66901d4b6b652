// Menus in a full WXR export, as WordPress writes them: a nav_menu term per menu (after the
// header) and a nav_menu_item post per item (before the footer). IDs follow the posts' and the
// attachments' (and the terms'), so that none collide within the file.
import { asc, sql } from "drizzle-orm";
import { getDb } from "../client";
import { first } from "../rows";
import { media, menuItems, menus, posts, terms } from "../tables";
import { menuItemMeta, wxrMenuTerm } from "@/lib/wxr/menus";
import { cdata, encodeSlug, wxrItem } from "@/lib/wxr/write";
import { nowGmt } from "@/lib/dates";

interface MenuRow { id: number; name: string; slug: string }
interface ItemRow { id: number; menuId: number; parentId: number | null; position: number; type: string; object: string; objectId: number | null; title: string; url: string; target: string; classes: string }

async function ids() {
  const max = async (table: typeof posts | typeof media | typeof terms) =>
    Number((await getDb().select({ n: sql<number>`coalesce(max(${table.id}), 0)`.mapWith(Number) }).from(table).then(first))?.n ?? 0);
  const maxPost = await max(posts);
  const maxMedia = await max(media);
  const maxTerm = await max(terms);
  return { term: (menuId: number) => maxTerm + menuId, item: (itemId: number) => maxPost + maxMedia + itemId };
}

const menuColumns = { id: menus.id, name: menus.name, slug: menus.slug };

export async function wxrMenuTerms(): Promise<string> {
  const rows: MenuRow[] = await getDb().select(menuColumns).from(menus).orderBy(asc(menus.id));
  const id = await ids();
  return rows.map((m) => wxrMenuTerm(id.term(m.id), m.slug, m.name, cdata, encodeSlug)).join("");
}

export async function* wxrMenuItems(base: string, creator: string): AsyncGenerator<string> {
  const byId = new Map((await getDb().select(menuColumns).from(menus)).map((m) => [m.id, m]));
  const items: ItemRow[] = await getDb()
    .select({
      id: menuItems.id, menuId: menuItems.menuId, parentId: menuItems.parentId, position: menuItems.position, type: menuItems.type,
      object: menuItems.object, objectId: menuItems.objectId, title: menuItems.title, url: menuItems.url, target: menuItems.target,
      classes: menuItems.classes,
    })
    .from(menuItems)
    .orderBy(asc(menuItems.menuId), asc(menuItems.position), asc(menuItems.id));
  const id = await ids();
  const now = nowGmt();
  const pubDate = new Date().toUTCString().replace("GMT", "+0000");
  for (const i of items) {
    const menu = byId.get(i.menuId);
    if (!menu) continue;
    const wpId = id.item(i.id);
    yield wxrItem({
      title: i.title, link: `${base}/?p=${wpId}`, pubDate, creator, guid: `${base}/?p=${wpId}`, description: "", content: "", excerpt: "",
      postId: wpId, postDate: now, postDateGmt: now, postModified: now, postModifiedGmt: now, commentStatus: "closed", pingStatus: "closed",
      postName: String(wpId), status: "publish", postParent: 0, menuOrder: i.position, postType: "nav_menu_item", postPassword: "", isSticky: false,
      attachmentUrl: "", terms: [{ domain: "nav_menu", slug: menu.slug, name: menu.name }], comments: [],
      meta: menuItemMeta({
        type: i.type, object: i.object, objectWpId: i.type === "custom" ? wpId : (i.objectId ?? 0),
        parentWpId: i.parentId ? id.item(i.parentId) : 0, url: i.type === "custom" ? i.url : "", target: i.target, classes: i.classes,
      }),
    });
  }
}
