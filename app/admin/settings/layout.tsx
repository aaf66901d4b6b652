import type { ReactNode } from "react";
import Link from "next/link";
import { requireCapability } from "@/lib/session";

const TABS = [
  { href: "/admin/settings/general/", label: "General" },
  { href: "/admin/settings/writing/", label: "Writing" },
  { href: "/admin/settings/reading/", label: "Reading" },
  { href: "/admin/settings/discussion/", label: "Discussion" },
  { href: "/admin/settings/media/", label: "Media" },
  { href: "/admin/settings/permalinks/", label: "Permalinks" },
];

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requireCapability("manage_options");
  return (
    <>
      <nav aria-label="Settings" className="mb-4">
        <ul className="flex flex-wrap gap-1 border-b border-gray-300 text-sm">
          {TABS.map((t) => (
            <li key={t.href}>
              <Link href={t.href} className="block rounded-t border border-b-0 border-gray-300 bg-white px-3 py-1 hover:text-[#2271b1]">{t.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}
