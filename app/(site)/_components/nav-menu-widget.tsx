// WordPress's Navigation Menu widget: the chosen menu, drawn by the theme's widget markup
// (themes/shared/widgets/sections.tsx unless the theme has its own).
import type { Options } from "@/lib/options/defaults";
import { menuForWidget } from "@/lib/site/menus";
import type { WidgetMarkup } from "@/themes/shared/widgets/markup";

export async function NavMenuWidget({ opts, m }: { opts: Options; m: WidgetMarkup }) {
  const menuId = Number(opts.widget_nav_menu?.menuId) || 0;
  const menu = menuId ? await menuForWidget(opts, menuId) : null;
  if (!menu) return null;
  return <m.NavMenuWidgetView title={opts.widget_nav_menu?.title || menu.name} items={menu.items} />;
}
