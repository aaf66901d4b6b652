import Link from "next/link";

export function AppearanceTabs({ current }: { current: "themes" | "customize" | "widgets" | "menus" }) {
  const tab = (href: string, label: string, key: typeof current) => (
    <Link href={href} aria-current={current === key ? "page" : undefined}
      className={`border-b-2 px-3 py-2 ${current === key ? "border-[#2271b1] font-semibold" : "border-transparent"}`}>{label}</Link>
  );
  return (
    <nav aria-label="Appearance" className="mb-6 flex gap-2 border-b border-[#c3c4c7]">
      {tab("/admin/appearance/", "Themes", "themes")}
      {tab("/admin/appearance/customize/", "Customize", "customize")}
      {tab("/admin/appearance/widgets/", "Widgets", "widgets")}
      {tab("/admin/appearance/menus/", "Menus", "menus")}
    </nav>
  );
}
