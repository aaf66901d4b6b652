// The menus of the reader's pages, from the read cache: menu writes move the content version
// (drizzle/0006), which empties that cache, so no tag bookkeeping is needed here.
import { getMenuById, listMenuItems, listTopLevelPages } from "@/db/queries/menus";
import type { Options } from "@/lib/options/defaults";
import { navItemsFor } from "@/lib/menus/resolve";
import { MENU_LOCATIONS, type MenuLocation, type NavItem, type SiteMenus } from "@/lib/content/views";
import { cached } from "./cache";
import { permalinkOf } from "./urls";
import { titleText } from "@/lib/content/title";

export async function menuAt(opts: Options, location: MenuLocation): Promise<NavItem[] | undefined> {
  const id = Number((opts.nav_menu_locations ?? {})[location]);
  if (!Number.isInteger(id) || id <= 0) return undefined;
  return await navItemsFor(await listMenuItems(id), opts);
}

/** One menu's name and links (the Navigation Menu widget), from the read cache; null when it is gone. */
export async function menuForWidget(opts: Options, menuId: number): Promise<{ name: string; items: NavItem[] } | null> {
  const key = `menu:${menuId}:${opts.permalink_structure}:${opts.category_base}:${opts.tag_base}:${opts.page_on_front}`;
  return await cached(key, async () => {
    const menu = await getMenuById(menuId);
    return menu ? { name: menu.name, items: await navItemsFor(await listMenuItems(menuId), opts) } : null;
  });
}

/** WordPress's wp_page_menu: with no header menu, the published top-level pages. */
export async function fallbackPageMenu(opts: Options): Promise<NavItem[]> {
  return Promise.all((await listTopLevelPages()).map(async (p) => ({ id: `page-${p.id}`, label: titleText(p.title) || "(no title)", url: await permalinkOf({ ...p, type: "page" }, opts), children: [] })));
}

export async function siteMenus(opts: Options, locations: readonly MenuLocation[]): Promise<SiteMenus> {
  const key = `menus:${locations.join(",")}:${JSON.stringify(opts.nav_menu_locations ?? {})}:${opts.permalink_structure}:${opts.category_base}:${opts.tag_base}:${opts.page_on_front}`;
  return await cached(key, async () => {
    const at = async (loc: MenuLocation) => (locations.includes(loc) && loc in MENU_LOCATIONS ? await menuAt(opts, loc) : undefined);
    return { header: (await at("header")) ?? (await fallbackPageMenu(opts)), footer: await at("footer"), social: await at("social") };
  });
}
