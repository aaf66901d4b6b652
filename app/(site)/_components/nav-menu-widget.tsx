// WordPress's Navigation Menu widget: a chosen menu as a plain nested list, under its title.
import type { Options } from "@/lib/options/defaults";
import { menuForWidget } from "@/lib/site/menus";
import type { NavItem } from "@/lib/content/views";

function Items({ items }: { items: NavItem[] }) {
  return items.map((i) => (
    <li key={i.id} className={i.classes}>
      <a href={i.url} target={i.target} rel={i.target === "_blank" ? "noopener" : undefined} className="underline">{i.label}</a>
      {i.children.length ? <ul className="mt-1 space-y-1 pl-4"><Items items={i.children} /></ul> : null}
    </li>
  ));
}

export async function NavMenuWidget({ opts }: { opts: Options }) {
  const menuId = Number(opts.widget_nav_menu?.menuId) || 0;
  const menu = menuId ? await menuForWidget(opts, menuId) : null;
  if (!menu) return null;
  return (
    <section className="widget mb-8" aria-labelledby="widget-nav-menu">
      <h2 id="widget-nav-menu" className="mb-2 font-heading text-base font-bold uppercase tracking-wide">{opts.widget_nav_menu?.title || menu.name}</h2>
      <nav aria-labelledby="widget-nav-menu">
        <ul className="space-y-1"><Items items={menu.items} /></ul>
      </nav>
    </section>
  );
}
