// WordPress's Navigation Menu widget: the chosen menu, drawn by themes/shared/widgets/sections.tsx.
import type { Options } from "@/lib/options/defaults";
import { menuForWidget } from "@/lib/site/menus";
import { NavMenuWidgetView } from "@/themes/shared/widgets/sections";

export async function NavMenuWidget({ opts }: { opts: Options }) {
  const menuId = Number(opts.widget_nav_menu?.menuId) || 0;
  const menu = menuId ? await menuForWidget(opts, menuId) : null;
  if (!menu) return null;
  return <NavMenuWidgetView title={opts.widget_nav_menu?.title || menu.name} items={menu.items} />;
}
