// The footer and social menus: a plain list of links (sub-items nested), no JavaScript needed.
import type { NavItem } from "@/lib/content/views";

function Items({ items }: { items: NavItem[] }) {
  return items.map((item) => (
    <li key={item.id} className={item.classes}>
      <a href={item.url} target={item.target} rel={item.target === "_blank" ? "noopener" : undefined} className="underline">{item.label}</a>
      {item.children.length ? <ul><Items items={item.children} /></ul> : null}
    </li>
  ));
}

export function MenuList({ items, label, className }: { items?: NavItem[]; label: string; className?: string }) {
  if (!items?.length) return null;
  return (
    <nav aria-label={label} className={`menu-list ${className ?? ""}`.trim()}>
      <ul><Items items={items} /></ul>
    </nav>
  );
}
