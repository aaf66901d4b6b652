// Appearance → Menus: menus, their items, and what the items link to. Every write here moves the
// content version (drizzle/0006 triggers), so cached pages show the new menu at once.
import { and, asc, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import { getDb } from "../client";
import { affected } from "../index";
import { first, only } from "../rows";
import { withTransaction } from "../transaction";
import { menuItems, menus, posts, terms, users, type Menu, type MenuItem, type MenuItemType } from "../tables";
import { slugify } from "@/lib/content/slug";

export async function listMenus(): Promise<Menu[]> {
  return getDb().select().from(menus).orderBy(asc(menus.name), asc(menus.id));
}

export async function getMenuById(id: number): Promise<Menu | undefined> {
  return getDb().select().from(menus).where(eq(menus.id, id)).then(first);
}

export async function getMenuBySlug(slug: string): Promise<Menu | undefined> {
  return getDb().select().from(menus).where(eq(menus.slug, slug)).then(first);
}

export type MenuSaveResult = { ok: true; menu: Menu } | { ok: false; message: string };

/** Adds a menu, or renames one; names are unique, as WordPress's nav_menu terms are. */
export async function saveMenu(d: { id?: number; name: string }): Promise<MenuSaveResult> {
  const name = d.name.trim();
  return withTransaction(async (tx): Promise<MenuSaveResult> => {
    const clash = await tx.select({ id: menus.id }).from(menus).where(and(eq(menus.name, name), d.id ? ne(menus.id, d.id) : undefined)).then(first);
    if (clash) return { ok: false, message: `The menu name “${name}” conflicts with another menu name. Please try another.` };
    if (d.id) {
      const menu = await tx.update(menus).set({ name }).where(eq(menus.id, d.id)).returning().then(first);
      return menu ? { ok: true, menu } : { ok: false, message: "That menu no longer exists." };
    }
    const base = slugify(name) || "menu";
    let slug = base;
    for (let n = 2; await tx.select({ id: menus.id }).from(menus).where(eq(menus.slug, slug)).then(first); n++) slug = `${base}-${n}`;
    return { ok: true, menu: only(await tx.insert(menus).values({ name, slug }).returning()) };
  });
}

export async function deleteMenu(id: number): Promise<boolean> {
  return affected(await getDb().delete(menus).where(eq(menus.id, id))) > 0;
}

export async function listMenuItems(menuId: number): Promise<MenuItem[]> {
  return getDb().select().from(menuItems).where(eq(menuItems.menuId, menuId)).orderBy(asc(menuItems.position), asc(menuItems.id));
}

export type NewMenuItem = { type: MenuItemType; object: string; objectId: number | null; title?: string; url?: string; parentId?: number | null; target?: string; classes?: string };

/** Appends items at the end of the menu (top level unless a parent is given), in the order given. */
export async function addMenuItems(menuId: number, items: NewMenuItem[]): Promise<MenuItem[]> {
  return withTransaction(async (tx) => {
    const last = await tx.select({ position: menuItems.position }).from(menuItems).where(eq(menuItems.menuId, menuId)).orderBy(desc(menuItems.position)).limit(1).then(first);
    let position = last?.position ?? 0;
    const out: MenuItem[] = [];
    for (const i of items) {
      out.push(only(await tx.insert(menuItems).values({ menuId, parentId: i.parentId ?? null, position: ++position, type: i.type, object: i.object, objectId: i.objectId, title: i.title ?? "", url: i.url ?? "", target: i.target ?? "", classes: i.classes ?? "" }).returning()));
    }
    return out;
  });
}

/** Saves each item's label, URL (custom links), new-tab flag and classes; items of other menus are left alone. */
export async function updateMenuItems(menuId: number, items: { id: number; title: string; url?: string; target: string; classes: string }[]) {
  await withTransaction(async (tx) => {
    for (const i of items) {
      const set = { title: i.title, target: i.target, classes: i.classes, ...(i.url !== undefined ? { url: i.url } : {}) };
      await tx.update(menuItems).set(set).where(and(eq(menuItems.id, i.id), eq(menuItems.menuId, menuId)));
    }
  });
}

/** Stores a new order (lib/menus/tree.ts flatten); ids of other menus are ignored. */
export async function saveMenuOrder(menuId: number, order: { id: number; parentId: number | null; position: number }[]) {
  await withTransaction(async (tx) => {
    for (const o of order) await tx.update(menuItems).set({ parentId: o.parentId, position: o.position }).where(and(eq(menuItems.id, o.id), eq(menuItems.menuId, menuId)));
  });
}

/** Removes an item; its sub-items move up to its parent, as on WordPress's Menus screen. */
export async function deleteMenuItem(menuId: number, id: number): Promise<boolean> {
  return withTransaction(async (tx) => {
    const item = await tx.select().from(menuItems).where(and(eq(menuItems.id, id), eq(menuItems.menuId, menuId))).then(first);
    if (!item) return false;
    await tx.update(menuItems).set({ parentId: item.parentId }).where(eq(menuItems.parentId, id));
    await tx.delete(menuItems).where(eq(menuItems.id, id));
    return true;
  });
}

/** The posts and terms menu items link to, for their labels and URLs. */
export async function menuObjects(items: Pick<MenuItem, "type" | "objectId">[]) {
  const postIds = [...new Set(items.filter((i) => i.type === "post_type" && i.objectId).map((i) => i.objectId!))];
  const termIds = [...new Set(items.filter((i) => i.type === "taxonomy" && i.objectId).map((i) => i.objectId!))];
  const db = getDb();
  const postRows = postIds.length
    ? await db.select({ id: posts.id, type: posts.type, status: posts.status, title: posts.title, slug: posts.slug, date: posts.date, parentId: posts.parentId, authorNicename: users.nicename })
        .from(posts).innerJoin(users, eq(users.id, posts.authorId)).where(inArray(posts.id, postIds))
    : [];
  const termRows = termIds.length ? await db.select({ id: terms.id, taxonomy: terms.taxonomy, name: terms.name, slug: terms.slug }).from(terms).where(inArray(terms.id, termIds)) : [];
  return { posts: new Map(postRows.map((p) => [p.id, p])), terms: new Map(termRows.map((t) => [t.id, t])) };
}

/** Published pages or posts to add to a menu (pages by menu order then title, posts newest first). */
export async function listMenuCandidates(type: "page" | "post", limit = 200) {
  return getDb()
    .select({ id: posts.id, title: posts.title, parentId: posts.parentId })
    .from(posts)
    .where(and(eq(posts.type, type), eq(posts.status, "publish")))
    .orderBy(...(type === "page" ? [asc(posts.menuOrder), asc(posts.title)] : [desc(posts.dateGmt)]))
    .limit(limit);
}

/** WordPress's wp_page_menu fallback: published top-level pages, by menu order then title. */
export async function listTopLevelPages() {
  return getDb()
    .select({ id: posts.id, title: posts.title, slug: posts.slug, date: posts.date, parentId: posts.parentId })
    .from(posts)
    .where(and(eq(posts.type, "page"), eq(posts.status, "publish"), isNull(posts.parentId)))
    .orderBy(asc(posts.menuOrder), asc(posts.title));
}
