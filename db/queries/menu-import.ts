// Writes the menus of a WXR file (lib/wxr/menus.ts) inside the import's transaction: items that
// link to posts and terms point at what this import (or an earlier one) made of them. A menu whose
// slug is already here is left as it is, so importing the same file again adds nothing.
import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { first, only } from "../rows";
import { menuItems, menus, terms } from "../tables";
import type { WxrMenu } from "@/lib/wxr/menus";
import type { WxrTerm } from "@/lib/wxr/types";
import { cleanMenuUrl } from "@/lib/menus/urls";
import { slugify } from "@/lib/content/slug";

// As db/queries/wxr-import.ts stores term slugs: WordPress percent-encodes non-ASCII ones.
const decodeSlug = (s: string) => {
  try {
    return decodeURIComponent(s).normalize("NFC").toLowerCase();
  } catch {
    return s.toLowerCase();
  }
};

export interface MenuImportContext {
  /** WordPress post ID → Inkwell post ID, for the posts and pages of this file. */
  postIdByWpId: Map<number, number>;
  /** The file's terms, to find a linked term's slug from its WordPress ID. */
  fileTerms: WxrTerm[];
  counter: { add(kind: string, n?: number): void; same(kind: string, n?: number): void; skip(reason: string, n?: number): void };
}

// Runs inside the import's one transaction (db/queries/wxr-import.ts), on its connection `tx`.
export async function importWxrMenus(tx: Db, list: WxrMenu[], ctx: MenuImportContext): Promise<void> {
  const db = tx;
  const termByWpId = new Map(ctx.fileTerms.map((t) => [t.id, t]));
  for (const m of list) {
    const slug = slugify(decodeSlug(m.slug)) || slugify(m.name) || "menu";
    if (await db.select({ id: menus.id }).from(menus).where(eq(menus.slug, slug)).then(first)) {
      ctx.counter.same("menus");
      continue;
    }
    let name = m.name.trim() || slug;
    for (let n = 2; await db.select({ id: menus.id }).from(menus).where(eq(menus.name, name)).then(first); n++) name = `${m.name} (${n})`;
    const menuId = only(await db.insert(menus).values({ name, slug }).returning({ id: menus.id })).id;
    ctx.counter.add("menus");
    const idByWp = new Map<number, number>();
    const parents: { id: number; wpParent: number }[] = [];
    let position = 0;
    for (const it of m.items) {
      let objectId: number | null = null;
      let url = "";
      if (it.type === "post_type") {
        objectId = ctx.postIdByWpId.get(it.objectWpId) ?? null;
        if (!objectId || (it.object !== "page" && it.object !== "post")) {
          ctx.counter.skip("menu items linking to content that was not imported");
          continue;
        }
      } else if (it.type === "taxonomy") {
        const t = termByWpId.get(it.objectWpId);
        const taxonomy = it.object === "post_tag" ? "post_tag" : it.object === "category" ? "category" : null;
        const found = t && taxonomy ? await db.select({ id: terms.id }).from(terms).where(and(eq(terms.taxonomy, taxonomy), eq(terms.slug, decodeSlug(t.slug)))).then(first) : undefined;
        if (!found) {
          ctx.counter.skip("menu items linking to content that was not imported");
          continue;
        }
        objectId = found.id;
      } else {
        const clean = cleanMenuUrl(it.url);
        if (!clean) {
          ctx.counter.skip("menu items with a URL a menu may not link to");
          continue;
        }
        url = clean;
      }
      const row = only(await db.insert(menuItems).values({
        menuId, position: ++position, type: it.type, object: it.type === "custom" ? "custom" : it.object, objectId,
        title: it.title, url, target: it.target, classes: it.classes.replace(/[^\w\s-]/g, "").trim(),
      }).returning({ id: menuItems.id }));
      idByWp.set(it.wpId, row.id);
      if (it.parentWpId) parents.push({ id: row.id, wpParent: it.parentWpId });
      ctx.counter.add("menu items");
    }
    for (const p of parents) {
      const parentId = idByWp.get(p.wpParent);
      if (parentId && parentId !== p.id) await db.update(menuItems).set({ parentId }).where(eq(menuItems.id, p.id));
    }
  }
}
