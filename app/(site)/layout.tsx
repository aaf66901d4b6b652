import { Suspense, type ReactNode } from "react";
import type { Metadata } from "next";
import { connection } from "next/server";
import { Sidebar } from "@/components/site/sidebar";
import { siteOptions } from "@/lib/site/reads";
import { getRenderTheme } from "@/lib/site/theme";
import { siteMenus } from "@/lib/site/menus";
import { AdminBarSlot } from "@/components/site/admin-bar-slot";

/** "Discourage search engines" (blog_public off): every public page, 404s included, says noindex. */
export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return (await siteOptions()).blog_public ? {} : { robots: { index: false, follow: false } };
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  await connection();
  const opts = await siteOptions();
  const { theme, previewing } = await getRenderTheme();
  return (
    <>
      <Suspense fallback={null}>
        <AdminBarSlot />
      </Suspense>
      {previewing ? (
        <div role="region" aria-label="Theme preview" className="bg-[#1d2327] px-4 py-2 text-sm text-white">
          You are previewing the theme “{theme.label}”. Visitors still see the active theme.{" "}
          <a href="/admin/appearance/" className="underline">Back to Themes to activate it or stop the preview</a>
        </div>
      ) : null}
      <theme.Layout site={{ name: opts.blogname, description: opts.blogdescription, homeUrl: "/" }} sidebar={<Sidebar opts={opts} />} menus={await siteMenus(opts, theme.menuLocations)}>
        {children}
      </theme.Layout>
    </>
  );
}
