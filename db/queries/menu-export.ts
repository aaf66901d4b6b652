// Menus in a full WXR export, as WordPress writes them: a nav_menu term per menu (after the
// header) and a nav_menu_item post per item (before the footer). IDs follow the posts' and the
// attachments' (and the terms'), so that none collide within the file.
import { getDb } from "../client";
import { menuItemMeta, wxrMenuTerm } from "@/lib/wxr/menus";
import { cdata, encodeSlug, wxrItem } from "@/lib/wxr/write";
import { nowGmt } from "@/lib/dates";

interface MenuRow { id: number; name: string; slug: string }
interface ItemRow { id: number; menuId: number; parentId: number | null; position: number; type: string; object: string; objectId: number | null; title: string; url: string; target: string; classes: string }

function ids() {
  const sqlite = getDb().$client;
  const n = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  const maxPost = n("SELECT coalesce(max(id), 0) AS n FROM posts");
  const maxMedia = n("SELECT coalesce(max(id), 0) AS n FROM media");
  const maxTerm = n("SELECT coalesce(max(id), 0) AS n FROM terms");
  return { term: (menuId: number) => maxTerm + menuId, item: (itemId: number) => maxPost + maxMedia + itemId };
}

export async function wxrMenuTerms(): Promise<string> {
  const rows = getDb().$client.prepare("SELECT id, name, slug FROM menus ORDER BY id").all() as MenuRow[];
  const id = ids();
  return rows.map((m) => wxrMenuTerm(id.term(m.id), m.slug, m.name, cdata, encodeSlug)).join("");
}

export function* wxrMenuItems(base: string, creator: string): Generator<string> {
  const sqlite = getDb().$client;
  const menus = new Map((sqlite.prepare("SELECT id, name, slug FROM menus").all() as MenuRow[]).map((m) => [m.id, m]));
  const items = sqlite.prepare(
    "SELECT id, menu_id AS menuId, parent_id AS parentId, position, type, object, object_id AS objectId, title, url, target, classes FROM menu_items ORDER BY menu_id, position, id",
  ).all() as ItemRow[];
  const id = ids();
  const now = nowGmt();
  const pubDate = new Date().toUTCString().replace("GMT", "+0000");
  for (const i of items) {
    const menu = menus.get(i.menuId);
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
