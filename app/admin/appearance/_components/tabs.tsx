import Link from "next/link";

export function AppearanceTabs({ current }: { current: "themes" | "customize" | "widgets" | "menus" }) {
  const tab = (href: string, label: string, key: typeof current) => (
    <Link href={href} aria-current={current === key ? "page" : undefined}
      className={`border-b-2 px-2 py-2 sm:px-3 ${current === key ? "border-[#2271b1] font-semibold" : "border-transparent"}`}>{label}</Link>
  );
  return (
    <nav aria-label="Appearance" className="mb-6 flex flex-wrap gap-x-1 border-b border-[#c3c4c7] sm:gap-x-2">
      {tab("/admin/appearance/", "Themes", "themes")}
      {tab("/admin/appearance/customize/", "Customize", "customize")}
      {tab("/admin/appearance/widgets/", "Widgets", "widgets")}
      {tab("/admin/appearance/menus/", "Menus", "menus")}
    </nav>
  );
}
